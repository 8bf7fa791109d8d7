/// The language of a statement, as detected from its script or given by the user.
public enum Language: String, Codable, Sendable, CaseIterable {
  case ja, en, zh, other
}

/// A span of a text, as offsets in Unicode scalars (code points) from its start: the unit of
/// W3C text position selectors and of most text tools. `start` is inclusive, `end` exclusive.
///
/// Stored as 32-bit offsets (a statement is at most a few tens of megabytes), which halves the
/// memory of the millions of token ranges a large workspace holds.
public struct TextRange: Codable, Hashable, Sendable, Comparable {
  private var storedStart: Int32
  private var storedEnd: Int32

  public var start: Int {
    get { Int(storedStart) }
    set { storedStart = Int32(clamping: newValue) }
  }

  public var end: Int {
    get { Int(storedEnd) }
    set { storedEnd = Int32(clamping: newValue) }
  }

  public init(_ start: Int, _ end: Int) {
    storedStart = Int32(clamping: start)
    storedEnd = Int32(clamping: end)
  }

  enum CodingKeys: String, CodingKey {
    case start, end
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      try container.decode(Int.self, forKey: .start), try container.decode(Int.self, forKey: .end))
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
  }

  public var length: Int { end - start }
  public var isEmpty: Bool { end <= start }

  public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
  public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

  public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }
}

/// The structure of a statement's text: paragraphs, sentences and word tokens, all as ranges of
/// the original text. Sentences never span paragraphs.
public struct Segmentation: Sendable, Hashable {
  public var paragraphs: [TextRange]
  public var sentences: [Sentence]
  public var tokens: [Token]

  public init(paragraphs: [TextRange], sentences: [Sentence], tokens: [Token]) {
    self.paragraphs = paragraphs
    self.sentences = sentences
    self.tokens = tokens
  }

  /// A sentence: its range (without surrounding blanks) and the index of its paragraph.
  public struct Sentence: Sendable, Hashable {
    public var range: TextRange
    public var paragraph: Int

    public init(range: TextRange, paragraph: Int) {
      self.range = range
      self.paragraph = paragraph
    }
  }

  /// A word token: English words and numbers, or ICU dictionary words (morphemes) in Japanese
  /// and Chinese. Punctuation and blanks are not tokens.
  public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
      /// Letters, or ideographs and kana.
      case word
      /// Digits, possibly with separators: 4,000 / 3.5 / ５０.
      case number
    }

    public var range: TextRange
    public var kind: Kind

    public init(range: TextRange, kind: Kind) {
      self.range = range
      self.kind = kind
    }
  }
}
