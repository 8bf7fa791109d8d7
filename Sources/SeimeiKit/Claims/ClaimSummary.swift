/// What a statement's claims add up to: how many of each type, and its strongest wording.
public struct ClaimSummary: Sendable, Hashable {
  /// The strongest evaluative wording: the highest ladder level, first in the text.
  public struct Strongest: Sendable, Hashable {
    public var level: Int
    /// The cue as it stands in the original text.
    public var cue: String
    /// Index of its sentence (0-based).
    public var sentence: Int

    public init(level: Int, cue: String, sentence: Int) {
      self.level = level
      self.cue = cue
      self.sentence = sentence
    }
  }

  /// Claims per type; types with no claim are absent.
  public var counts: [ClaimType: Int]
  /// Nil when the statement has no concern or condemnation.
  public var strongest: Strongest?
  public var total: Int

  public init(claims: [Claim]) {
    var counts: [ClaimType: Int] = [:]
    var strongest: Strongest?
    for claim in claims {
      counts[claim.type, default: 0] += 1
      if let level = claim.level, level > (strongest?.level ?? 0) {
        strongest = Strongest(level: level, cue: claim.cueText, sentence: claim.sentence)
      }
    }
    self.counts = counts
    self.strongest = strongest
    total = claims.count
  }

  /// The count for one type (0 when there is none).
  public func count(_ type: ClaimType) -> Int { counts[type] ?? 0 }
}
