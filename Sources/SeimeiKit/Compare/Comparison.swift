/// Two or more statements side by side: their lengths and the claims each makes, with what
/// only some of them say. This is the core of `compare`; the shell renders it.
public struct Comparison: Sendable {
  /// One statement's column.
  public struct Entry: Sendable {
    public var name: String
    public var language: Language
    public var lengths: Lengths
    public var claims: ClaimSummary
    /// The sentences (0-based) that carry each claim type, in order.
    public var sentences: [ClaimType: [Int]]
  }

  /// How long a statement is, in the units a reader counts.
  public struct Lengths: Sendable, Equatable {
    /// User-perceived characters, line breaks not counted.
    public var characters: Int
    public var sentences: Int
    public var paragraphs: Int
    /// Words in English, dictionary words (morphemes) in Japanese and Chinese.
    public var words: Int
  }

  public var entries: [Entry]

  /// Compares statements, given their claims (in the same order).
  public init(_ statements: [Statement], claims: [[Claim]]) {
    precondition(statements.count == claims.count, "one list of claims per statement")
    entries = zip(statements, claims).map { statement, claims in
      var sentences: [ClaimType: [Int]] = [:]
      for claim in claims where sentences[claim.type]?.last != claim.sentence {
        sentences[claim.type, default: []].append(claim.sentence)
      }
      return Entry(
        name: statement.name, language: statement.language,
        lengths: Lengths(
          characters: statement.characterCount,
          sentences: statement.segmentation.sentences.count,
          paragraphs: statement.segmentation.paragraphs.count, words: statement.tokenCount),
        claims: ClaimSummary(claims: claims), sentences: sentences)
    }
  }

  /// Claim types some statements make and others do not: for each statement, the types it has
  /// that at least one other statement lacks ("only in A" when there are two).
  public var onlyIn: [String: [ClaimType]] {
    var result: [String: [ClaimType]] = [:]
    for entry in entries {
      result[entry.name] = ClaimType.allCases.filter { type in
        entry.claims.count(type) > 0 && entries.contains { $0.claims.count(type) == 0 }
      }
    }
    return result
  }

  /// Claim types every statement makes.
  public var shared: [ClaimType] {
    ClaimType.allCases.filter { type in entries.allSatisfy { $0.claims.count(type) > 0 } }
  }

  /// How many times longer the longest statement is than the shortest, in characters.
  public var characterRatio: Double? {
    let counts = entries.map(\.lengths.characters)
    guard let shortest = counts.min(), let longest = counts.max(), shortest > 0 else {
      return nil
    }
    return Double(longest) / Double(shortest)
  }

  /// English characters per Japanese character in translation, measured on the project's own
  /// parallel sample (Scripts/samples/ja/mofa-cyber.txt, 679 characters, and its sentence-by-
  /// sentence translation en/mofa-cyber-en.txt, 1,866 characters): 1,866 / 679 = 2.75.
  public static let englishCharactersPerJapaneseCharacter = 2.75

  /// A statement's length in the other language's characters: Japanese characters × 2.75 as
  /// English, English characters ÷ 2.75 as Japanese; nil for other languages.
  public static func estimatedCharacters(
    _ characters: Int, from language: Language, to target: Language
  )
    -> Int?
  {
    switch (language, target) {
    case (.ja, .en):
      return Int((Double(characters) * englishCharactersPerJapaneseCharacter).rounded())
    case (.en, .ja):
      return Int((Double(characters) / englishCharactersPerJapaneseCharacter).rounded())
    default: return nil
    }
  }
}
