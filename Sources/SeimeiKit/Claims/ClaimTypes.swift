/// The claim types of the codebook (shared/codebook.md, version 1).
public enum ClaimType: String, CaseIterable, Codable, Sendable, Comparable {
  case attribution, condemnation, concern, demand, measure, advice, cooperation, norm, impact
  case commitment, denial

  /// Whether claims of this type carry a level on the strength ladder (1–7).
  public var hasLevel: Bool { self == .condemnation || self == .concern }

  public static func < (lhs: ClaimType, rhs: ClaimType) -> Bool {
    let order = allCases
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}

/// How likely an attribution says it is (after the US intelligence community's estimative
/// language), strongest first.
public enum AttributionBand: String, CaseIterable, Codable, Sendable {
  case almostCertain = "almost-certain"
  case highlyLikely = "highly-likely"
  case likely
  case stated
}

/// One thing a statement asserts, asks for or announces, anchored to its exact words.
public struct Claim: Sendable, Hashable, Codable {
  public var type: ClaimType
  /// Index of the sentence in the statement's segmentation (0-based; shown as S1…).
  public var sentence: Int
  /// The cue's span in the original text (Unicode scalar offsets).
  public var cue: TextRange
  /// The cue as it stands in the original text.
  public var cueText: String
  /// 1–7 for condemnation and concern; nil otherwise.
  public var level: Int?
  /// For attribution: how likely the statement says it is.
  public var band: AttributionBand?
  /// For attribution: "high" when the statement speaks of high confidence (about evidence).
  public var confidence: String?
  /// For attribution: the named actors it ties together, by their shortest proper names.
  public var actors: [String]
  /// Kept but qualified by a hedge (may, could, かもしれない).
  public var hedged: Bool

  public init(
    type: ClaimType, sentence: Int, cue: TextRange, cueText: String, level: Int? = nil,
    band: AttributionBand? = nil, confidence: String? = nil, actors: [String] = [],
    hedged: Bool = false
  ) {
    self.type = type
    self.sentence = sentence
    self.cue = cue
    self.cueText = cueText
    self.level = level
    self.band = band
    self.confidence = confidence
    self.actors = actors
    self.hedged = hedged
  }
}
