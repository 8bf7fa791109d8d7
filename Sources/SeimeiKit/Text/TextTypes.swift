/// The language of a statement, as detected from its script or given by the user.
public enum Language: String, Codable, Sendable, CaseIterable {
  case ja, en, zh, other
}

/// A span of a text, as offsets in Unicode scalars (code points) from its start: the unit of
/// W3C text position selectors and of most text tools. `start` is inclusive, `end` exclusive.
public struct TextRange: Codable, Hashable, Sendable, Comparable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
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
