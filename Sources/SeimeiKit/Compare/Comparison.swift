/// Two or more statements side by side: their lengths and the claims each makes, with what
/// only some of them say. This is the core of `compare`; the shell renders it.
public struct Comparison: Sendable {
  /// The parts of a comparison; `compare --section` names them.
  public enum Section: String, CaseIterable, Sendable, Codable {
    case lengths, claims, wording, actors, terms, align
  }

  /// One statement's column.
  public struct Entry: Sendable {
    public var name: String
    public var language: Language
    public var lengths: Lengths
    public var claims: ClaimSummary
    /// The sentences (0-based) that carry each claim type, in order.
    public var sentences: [ClaimType: [Int]]
    /// The first claim of each type, shown as the evidence for its count.
    public var evidence: [ClaimType: Claim]
    /// How many claims a hedge qualifies (may, could, かもしれない).
    public var hedged: Int
    /// The attribution claims, in text order: their bands, confidence and actors.
    public var attributions: [Claim]
    /// Actors, figures, dates and named measures (section `actors`).
    public var specifics: Specifics?
    /// Content-word counts (section `terms`).
    public var terms: TermCounts?
  }

  /// The distinctive terms of one statement against the others of its language: the most key
  /// first, whether or not they reach significance (short statements rarely do; `KeyTerm.g2`
  /// ≥ 3.84 is p < 0.05, and the report marks those).
  public struct KeyTerms: Sendable {
    /// The statement.
    public var name: String
    /// The statements it is measured against (the others in the same language).
    public var against: [String]
    public var terms: [KeyTerm]
  }

  /// Terms every statement of one language uses.
  public struct SharedTerms: Sendable {
    public var language: Language
    public var names: [String]
    public var terms: [SharedTerm]
  }

  /// What two statements in different languages write the same way.
  public struct CrossLanguage: Sendable {
    public var left: String
    public var right: String
    public var terms: CrossLanguageTerms
  }

  /// The sentences of two statements paired.
  public struct Alignment: Sendable {
    public var left: String
    public var right: String
    /// True when one is marked as the translation of the other.
    public var isTranslation: Bool
    public var alignment: SentenceAlignment
  }

  /// One actor across the statements: its key (the gazetteer's canonical name, or the name as
  /// written) and, per entry, how that statement names it (nil: not named).
  public struct ActorRow: Sendable {
    public var key: String
    public var names: [Specifics.NamedActor?]
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
  /// Section `terms`, same language: each statement's distinctive terms.
  public var keyTerms: [KeyTerms] = []
  /// Section `terms`, same language: the terms all statements of a language share.
  public var sharedTerms: [SharedTerms] = []
  /// Section `terms`, different languages: shared names, numbers and Latin-script terms.
  public var crossLanguage: [CrossLanguage] = []
  /// Section `align`: translation pairs, or when asked for, the first statement against each.
  public var alignments: [Alignment] = []

  /// How many distinctive and shared terms are kept per statement.
  public static let termLimit = 10

  /// The sections computed.
  public var sections: Set<Section>

  /// Compares statements, given their claims (in the same order). Only the parts the
  /// `sections` need are computed: the costly ones are actors and terms.
  public init(
    _ statements: [Statement], claims: [[Claim]], sections: Set<Section> = Set(Section.allCases),
    gazetteer: Gazetteer = .standard
  ) {
    self.sections = sections
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
        claims: ClaimSummary(claims: claims), sentences: sentences,
        evidence: claims.reduce(into: [:]) { first, claim in
          if first[claim.type] == nil { first[claim.type] = claim }
        },
        hedged: claims.count(where: \.hedged),
        attributions: claims.filter { $0.type == .attribution })
    }
    if sections.contains(.actors) {
      let specifics = statements.map { Specifics.of($0, gazetteer: gazetteer) }
      for index in entries.indices { entries[index].specifics = specifics[index] }
    }
    if sections.contains(.terms) { compareTerms(statements, gazetteer: gazetteer) }
    if sections.contains(.align) {
      var pairs = Self.translationPairs(statements)
      let translations = pairs.count
      if pairs.isEmpty { pairs = statements.indices.dropFirst().map { (0, $0) } }
      alignments = pairs.map { left, right in
        Alignment(
          left: statements[left].name, right: statements[right].name,
          isTranslation: translations > 0,
          alignment: SentenceAlignment.align(
            statements[left], statements[right], gazetteer: gazetteer))
      }
    }
  }

  /// Key and shared terms within each language; shared names, numbers and Latin-script terms
  /// across languages.
  mutating func compareTerms(_ statements: [Statement], gazetteer: Gazetteer) {
    let counts = statements.map { TermCounts($0) }
    for index in entries.indices { entries[index].terms = counts[index] }
    var languages: [Language] = []
    for statement in statements where !languages.contains(statement.language) {
      languages.append(statement.language)
    }
    for language in languages {
      let members = statements.indices.filter { statements[$0].language == language }
      guard members.count >= 2 else { continue }
      for member in members {
        let others = members.filter { $0 != member }
        let reference = TermCounts.combined(others.map { counts[$0] })
        keyTerms.append(
          KeyTerms(
            name: statements[member].name, against: others.map { statements[$0].name },
            terms: Keyness.keyTerms(
              counts[member], against: reference, top: Self.termLimit, minimum: 0
            ).filter { $0.g2 > 0 }))
      }
      sharedTerms.append(
        SharedTerms(
          language: language, names: members.map { statements[$0].name },
          terms: Self.shared(members.map { counts[$0] }, top: Self.termLimit)))
    }
    for left in statements.indices {
      for right in statements.indices where right > left {
        guard statements[left].language != statements[right].language else { continue }
        crossLanguage.append(
          CrossLanguage(
            left: statements[left].name, right: statements[right].name,
            terms: CrossLanguageTerms.between(
              statements[left], statements[right], gazetteer: gazetteer)))
      }
    }
  }

  /// Terms all of several texts use, ranked as `Keyness.sharedTerms` ranks two: by the smallest
  /// count, then the sum, then the term.
  static func shared(_ counts: [TermCounts], top: Int) -> [SharedTerm] {
    guard counts.count != 2 else { return Keyness.sharedTerms(counts[0], counts[1], top: top) }
    guard let first = counts.first else { return [] }
    var result: [SharedTerm] = []
    for term in first.counts.keys {
      let each = counts.map { $0.counts[term] ?? 0 }
      guard !each.contains(0) else { continue }
      result.append(
        SharedTerm(
          term: term, display: first.displayForm(term), counts: each,
          perThousand: zip(each, counts).map { TermCounts.rate($0, $1.total) }))
    }
    result.sort { left, right in
      let (leftLow, rightLow) = (left.counts.min() ?? 0, right.counts.min() ?? 0)
      if leftLow != rightLow { return leftLow > rightLow }
      let (leftSum, rightSum) = (left.counts.reduce(0, +), right.counts.reduce(0, +))
      if leftSum != rightSum { return leftSum > rightSum }
      return left.term < right.term
    }
    return Array(result.prefix(top))
  }

  /// The actors of all statements, one row per actor key: first those every statement names,
  /// then the others, each group in order of first mention (by the first statement that names
  /// them).
  public var actorRows: [ActorRow] {
    var order: [String] = []
    var rows: [String: [Specifics.NamedActor?]] = [:]
    for (index, entry) in entries.enumerated() {
      for actor in entry.specifics?.actors ?? [] {
        let key = actor.key.lowercased()
        if rows[key] == nil {
          order.append(key)
          rows[key] = Array(repeating: nil, count: entries.count)
        }
        if rows[key]?[index] == nil { rows[key]?[index] = actor }
      }
    }
    let all = order.map { key in
      let names = rows[key] ?? []
      return ActorRow(key: names.compactMap { $0 }.first?.key ?? key, names: names)
    }
    let everywhere = all.filter { !$0.names.contains { $0 == nil } }
    return everywhere + all.filter { $0.names.contains { $0 == nil } }
  }

  /// Kinds of named measure that some statements name and others do not, with who names them.
  public var measureSplit: [(kind: String, with: [String], without: [String])] {
    var kinds: [String] = []
    for entry in entries {
      for measure in entry.specifics?.measures ?? [] where !kinds.contains(measure.kind) {
        kinds.append(measure.kind)
      }
    }
    return kinds.compactMap { kind in
      let named = { (entry: Entry) in
        entry.specifics?.measures.contains { $0.kind == kind } ?? false
      }
      let with = entries.filter(named).map(\.name)
      guard with.count < entries.count else { return nil }
      return (kind, with, entries.filter { !named($0) }.map(\.name))
    }
  }

  /// Pairs of statements (indices, in order) of which one is marked as the translation of the
  /// other (`SentenceAlignment.isTranslationPair`).
  public static func translationPairs(_ statements: [Statement]) -> [(Int, Int)] {
    var pairs: [(Int, Int)] = []
    for left in statements.indices {
      for right in statements.indices where right > left {
        if SentenceAlignment.isTranslationPair(statements[left], statements[right]) {
          pairs.append((left, right))
        }
      }
    }
    return pairs
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

  /// For each claim type that some statements make and others do not: which make it and which
  /// do not (the "in these, not in those" of three or more statements), in entry order.
  public var split: [(type: ClaimType, with: [String], without: [String])] {
    ClaimType.allCases.compactMap { type in
      let with = entries.filter { $0.claims.count(type) > 0 }.map(\.name)
      guard !with.isEmpty && with.count < entries.count else { return nil }
      return (type, with, entries.filter { $0.claims.count(type) == 0 }.map(\.name))
    }
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

extension TermCounts {
  /// Several texts' counts added up: the reference of "the others" in keyness. Display
  /// spellings are the first text's that has the term.
  public static func combined(_ parts: [TermCounts]) -> TermCounts {
    var counts: [String: Int] = [:]
    var display: [String: String] = [:]
    for part in parts {
      counts.merge(part.counts, uniquingKeysWith: +)
      display.merge(part.display) { first, _ in first }
    }
    return TermCounts(
      counts: counts, total: parts.reduce(0) { $0 + $1.total }, display: display,
      language: parts.first?.language ?? .other)
  }
}
