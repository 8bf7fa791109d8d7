import Foundation
import SeimeiKit

/// What `compare` shows: the sections asked for, as tables, lists and bar charts, or as JSON.
struct ComparisonReport: Presentable {
  var comparison: Comparison
  var sections: Set<Comparison.Section>
  var chart: Bool
  /// Columns available for charts and wrapped lists (80 when output goes to a file).
  var width: Int

  var entries: [Comparison.Entry] { comparison.entries }
  var names: [String] { entries.map(\.name) }

  // MARK: - Text

  var presentation: Presentation {
    var parts: [Presentation] = []
    func add(_ section: Comparison.Section, _ title: String, _ body: [Presentation]) {
      guard sections.contains(section) else { return }
      if !parts.isEmpty { parts.append(.text("")) }
      parts.append(.heading(title))
      parts += body
    }
    add(.lengths, "Length", lengthSection)
    add(.claims, "Claims", claimSection)
    add(.wording, "Wording", wordingSection)
    add(.actors, "Actors and specifics", actorSection)
    add(.terms, "Terms", termSection)
    add(.align, "Alignment", alignmentSection)
    return .sequence(parts)
  }

  /// A table cut to the report's width (80 columns in a file), by the renderer's rule: the
  /// widest columns give up space first, and cut cells end in "…".
  func fitted(_ columns: [Table.Column], _ rows: [[String]]) -> Presentation {
    let table = Table(columns: columns, rows: rows)
    let cells = rows.map { $0.map(TerminalText.cell) }
    let widths = Renderer(format: .table, width: width, style: Style(enabled: false))
      .columnWidths(table, cells: cells)
    let cut = cells.map { row in
      row.enumerated().map { index, cell in
        index < widths.count ? DisplayWidth.truncate(cell, to: widths[index]) : cell
      }
    }
    return .table(Table(columns: columns, rows: cut))
  }

  /// "6,462", "3.5", "12.0".
  static func decimal(_ value: Double, places: Int = 1) -> String {
    String(format: "%.\(places)f", value)
  }

  /// Wrapped prose lines: the first line flush, the rest indented.
  func paragraph(_ text: String, indent: Int = 2) -> Presentation {
    let lines = TextWrapper.wrap(text, width: max(30, width))
    guard let first = lines.first else { return .text("") }
    var rest: [String] = []
    if lines.count > 1 {
      let body = lines.dropFirst().joined(separator: " ")
      rest = TextWrapper.wrap(body, width: max(20, width - indent)).map {
        String(repeating: " ", count: indent) + $0
      }
    }
    return .text(([first] + rest).joined(separator: "\n"))
  }

  /// Wrapped lines all indented by `by` columns, continuation lines two more.
  func indented(_ text: String, by indent: Int) -> Presentation {
    let pad = String(repeating: " ", count: indent)
    let lines = TextWrapper.wrap(text, width: max(20, width - indent - 2))
    return .text(
      lines.enumerated().map { index, line in pad + (index == 0 ? "" : "  ") + line }
        .joined(separator: "\n"))
  }

  /// Sentence references, 1-based: "S3, S5, S9" with at most `limit` shown.
  static func references(_ sentences: [Int], limit: Int = 6) -> String {
    let shown = sentences.prefix(limit).map { "S\($0 + 1)" }
    return shown.joined(separator: ", ") + (sentences.count > limit ? ", …" : "")
  }

  static func list(_ items: [String]) -> String {
    items.isEmpty ? "none" : items.joined(separator: ", ")
  }

  // MARK: Length

  var wordRowTitle: String {
    let units = Set(entries.map { $0.language == .ja || $0.language == .zh })
    if units == [true] { return "morphemes" }
    if units == [false] { return "words" }
    return "words/morphemes"
  }

  var lengthSection: [Presentation] {
    var rows: [[String]] = [
      ["characters"] + entries.map { $0.lengths.characters.grouped },
      ["sentences"] + entries.map { $0.lengths.sentences.grouped },
      ["paragraphs"] + entries.map { $0.lengths.paragraphs.grouped },
      [wordRowTitle] + entries.map { $0.lengths.words.grouped },
    ]
    let shortest = entries.map(\.lengths.characters).min() ?? 0
    if entries.count > 2 && shortest > 0 {
      rows.append(
        ["× shortest"]
          + entries.map {
            Self.decimal(Double($0.lengths.characters) / Double(shortest)) + "×"
          })
    }
    var parts = [fitted([.init("")] + names.map { .init($0, alignment: .right) }, rows)]
    parts += ratioLines.map { paragraph($0) }
    if chart {
      let chart = BarChart(
        groups: [
          lengthGroup("characters", \.characters), lengthGroup("sentences", \.sentences),
          lengthGroup(wordRowTitle, \.words),
        ])
      parts.append(.text(""))
      parts.append(.text(chart.lines(width: width).joined(separator: "\n")))
    }
    return parts
  }

  func lengthGroup(_ title: String, _ value: KeyPath<Comparison.Lengths, Int>) -> BarChart.Group {
    BarChart.Group(
      title: title,
      bars: entries.map {
        BarChart.Bar(
          series: $0.name, value: Double($0.lengths[keyPath: value]),
          label: $0.lengths[keyPath: value].grouped)
      })
  }

  /// The plain ratio, and for Japanese against English the estimate in the other language.
  var ratioLines: [String] {
    let sorted = entries.sorted { $0.lengths.characters < $1.lengths.characters }
    guard let short = sorted.first, let long = sorted.last, short.lengths.characters > 0 else {
      return []
    }
    var lines: [String] = []
    let ratio = Double(long.lengths.characters) / Double(short.lengths.characters)
    var text =
      "\(long.name) is \(Self.decimal(ratio))× as long as \(short.name) in characters"
    if short.lengths.sentences > 0 {
      let sentences = Double(long.lengths.sentences) / Double(short.lengths.sentences)
      text += ", \(Self.decimal(sentences))× in sentences"
    }
    lines.append(text + (entries.count > 2 ? " (the longest against the shortest)." : "."))
    // Estimates, for Japanese against English.
    let languages = Set(entries.map(\.language))
    guard languages.contains(.ja) && languages.contains(.en) else { return lines }
    for entry in entries {
      let target: Language = entry.language == .ja ? .en : .ja
      guard entry.language == .ja || entry.language == .en,
        let estimate = Comparison.estimatedCharacters(
          entry.lengths.characters, from: entry.language, to: target)
      else { continue }
      lines.append(
        "\(entry.name) in \(target == .en ? "English" : "Japanese") would run to about "
          + "\(estimate.grouped) characters.")
    }
    if entries.count == 2, let japanese = entries.first(where: { $0.language == .ja }),
      let english = entries.first(where: { $0.language == .en }), japanese.lengths.characters > 0
    {
      let adjusted =
        Double(english.lengths.characters)
        / (Double(japanese.lengths.characters) * Comparison.englishCharactersPerJapaneseCharacter)
      let longer = adjusted >= 1 ? english.name : japanese.name
      let shorter = adjusted >= 1 ? japanese.name : english.name
      let factor = max(adjusted, 1 / adjusted)
      // Within 5%, the rate cannot tell them apart (a statement and its translation).
      lines.append(
        factor < 1.05
          ? "Allowing for the language, the two are about as long as each other."
          : "Allowing for the language, \(longer) is \(Self.decimal(factor))× as long as "
            + "\(shorter).")
    }
    lines.append(
      "(Rate: \(Self.decimal(Comparison.englishCharactersPerJapaneseCharacter, places: 2)) "
        + "English characters per Japanese character, measured on the project's parallel "
        + "samples: 1,866 / 679.)")
    return lines
  }

  // MARK: Claims

  /// The first cue of a type and its sentence: the evidence for a count.
  func evidence(_ entry: Comparison.Entry, _ type: ClaimType) -> String {
    let count = entry.claims.count(type)
    guard count > 0, let claim = entry.evidence[type] else { return "·" }
    return "\(count)  S\(claim.sentence + 1) «\(claim.cueText)»"
  }

  var claimSection: [Presentation] {
    let rows = ClaimType.allCases.map { type in
      [type.rawValue] + entries.map { evidence($0, type) }
    }
    var parts = [fitted([.init("type")] + names.map { .init($0) }, rows)]
    if entries.count == 2 {
      for entry in entries {
        let only = comparison.onlyIn[entry.name] ?? []
        let items = only.map { type in
          "\(type.rawValue) (\(Self.references(entry.sentences[type] ?? [])))"
        }
        parts.append(paragraph("Only in \(entry.name): \(Self.list(items))"))
      }
      parts.append(
        paragraph("In both: \(Self.list(comparison.shared.map(\.rawValue)))"))
    } else {
      let split = comparison.split
      if split.isEmpty {
        parts.append(.text("In these, not in those: none"))
      } else {
        parts.append(.text("In these, not in those:"))
        let typeWidth = split.map { $0.type.rawValue.count }.max() ?? 0
        for item in split {
          parts.append(
            paragraph(
              "  " + DisplayWidth.pad(item.type.rawValue, to: typeWidth) + "  "
                + item.with.joined(separator: ", ") + " — not in "
                + item.without.joined(separator: ", "), indent: typeWidth + 4))
        }
      }
      parts.append(paragraph("In all: \(Self.list(comparison.shared.map(\.rawValue)))"))
    }
    if chart {
      let types = ClaimType.allCases.filter { type in
        entries.contains { $0.claims.count(type) > 0 }
      }
      let groups = types.map { type in
        BarChart.Group(
          title: type.rawValue,
          bars: entries.map {
            BarChart.Bar(
              series: $0.name, value: Double($0.claims.count(type)),
              label: String($0.claims.count(type)))
          })
      }
      if !groups.isEmpty {
        parts.append(.text(""))
        let chart = BarChart(groups: groups, sharedScale: true)
        parts.append(.text(chart.lines(width: width).joined(separator: "\n")))
      }
    }
    return parts
  }

  // MARK: Wording

  static let ladder = [
    1: "monitor", 2: "concern", 3: "strong concern", 4: "grave concern", 5: "condemn",
    6: "strongly condemn", 7: "strongest terms",
  ]

  /// Attribution bands, strongest first, with "confidence high" where the statement says so.
  static func bands(_ entry: Comparison.Entry) -> String {
    let bands = AttributionBand.allCases.filter { band in
      entry.attributions.contains { $0.band == band }
    }
    guard !bands.isEmpty else { return entry.attributions.isEmpty ? "none" : "unbanded" }
    let confidence = entry.attributions.compactMap(\.confidence).first
    return bands.map(\.rawValue).joined(separator: ", ")
      + (confidence.map { " (confidence \($0))" } ?? "")
  }

  var wordingSection: [Presentation] {
    let nameWidth = min(24, names.map { DisplayWidth.of($0) }.max() ?? 0)
    let indent = String(repeating: " ", count: nameWidth + 2)
    var lines: [String] = []
    for entry in entries {
      var first: String
      if let strongest = entry.claims.strongest {
        first =
          "level \(strongest.level), \(Self.ladder[strongest.level] ?? ""): "
          + "«\(TerminalText.cell(strongest.cue))» (S\(strongest.sentence + 1))"
      } else {
        first = "no condemnation or concern"
      }
      let second =
        "hedged claims: \(entry.hedged); attribution: \(Self.bands(entry))"
      let label = DisplayWidth.pad(
        DisplayWidth.truncate(TerminalText.cell(entry.name), to: nameWidth), to: nameWidth)
      for (index, text) in [first, second].enumerated() {
        let wrapped = TextWrapper.wrap(text, width: max(20, width - nameWidth - 2))
        for (position, line) in wrapped.enumerated() {
          lines.append((index == 0 && position == 0 ? label + "  " : indent) + line)
        }
      }
    }
    var parts: [Presentation] = [.text(lines.joined(separator: "\n"))]
    let levels = entries.compactMap { entry in entry.claims.strongest.map { (entry.name, $0.level) }
    }
    if let top = levels.max(by: { $0.1 < $1.1 }), let bottom = levels.min(by: { $0.1 < $1.1 }),
      top.1 > bottom.1
    {
      parts.append(
        paragraph(
          "\(top.0) words it \(top.1 - bottom.1) step\(top.1 - bottom.1 == 1 ? "" : "s") "
            + "higher on the ladder than \(bottom.0) (\(top.1) against \(bottom.1))."))
    }
    return parts
  }
}

// MARK: - Actors, terms, alignment

extension ComparisonReport {
  /// How many figures, dates and measures a list shows before "…".
  static let listLimit = 12

  var actorSection: [Presentation] {
    var parts: [Presentation] = []
    let rows = comparison.actorRows
    if rows.isEmpty {
      parts.append(.text("No named actors."))
    } else {
      let cells = rows.map { row in
        [row.key]
          + row.names.map { actor -> String in
            guard let actor else { return "·" }
            let at = "S\((actor.sentences.first ?? 0) + 1)"
            return actor.name == row.key ? at : "\(at) \(actor.name)"
          }
      }
      parts.append(fitted([.init("actor")] + names.map { .init($0) }, cells))
    }
    let mixed = entries.contains { $0.language != entries[0].language }
    let counts = entries.map { entry -> [String] in
      guard let specifics = entry.specifics else { return [entry.name] }
      return [
        entry.name, String(specifics.actors.count), String(specifics.figures.count),
        String(specifics.dates.count), String(specifics.measures.count),
        Self.decimal(specifics.perThousandCharacters),
      ] + (mixed ? [Self.decimal(specifics.perThousandEnglishCharacters)] : [])
    }
    parts.append(.text(""))
    var columns: [Table.Column] = [
      .init("statement"), .init("actors", alignment: .right),
      .init("figures", alignment: .right), .init("dates", alignment: .right),
      .init("measures", alignment: .right), .init("per 1,000 chars", alignment: .right),
    ]
    if mixed { columns.append(.init("in English", alignment: .right)) }
    parts.append(fitted(columns, counts))
    for entry in entries {
      guard let specifics = entry.specifics else { continue }
      func items<T>(_ list: [T], _ text: (T) -> String) -> String {
        let shown = list.prefix(Self.listLimit).map(text)
        return Self.list(shown) + (list.count > Self.listLimit ? ", …" : "")
      }
      parts.append(
        paragraph(
          "Figures in \(entry.name): "
            + items(specifics.figures) { "\($0.text) (S\($0.sentence + 1))" }))
      parts.append(
        paragraph(
          "Dates in \(entry.name): "
            + items(specifics.dates) { "\($0.text) (S\($0.sentence + 1))" }))
      parts.append(
        paragraph(
          "Measures in \(entry.name): "
            + items(specifics.measures) { "\($0.kind) «\($0.text)» (S\($0.sentence + 1))" }))
    }
    // Kinds of measure named by the same statements, together: "only in B: a, b, c".
    var groups: [(with: [String], without: [String], kinds: [String])] = []
    for item in comparison.measureSplit {
      if let index = groups.firstIndex(where: { $0.with == item.with }) {
        groups[index].kinds.append(item.kind)
      } else {
        groups.append((item.with, item.without, [item.kind]))
      }
    }
    for group in groups {
      parts.append(
        paragraph(
          "Named measures only in \(group.with.joined(separator: ", ")) (not in "
            + group.without.joined(separator: ", ") + "): "
            + group.kinds.joined(separator: ", ") + "."))
    }
    if mixed {
      parts.append(
        paragraph(
          "Specificity: actors, figures, dates and measures per 1,000 characters; 'in "
            + "English' counts a Japanese statement's length in English characters (× 2.75), "
            + "so the two languages compare."))
    }
    return parts
  }

  var termSection: [Presentation] {
    var parts: [Presentation] = []
    for key in comparison.keyTerms {
      if !parts.isEmpty { parts.append(.text("")) }
      let against = key.against.joined(separator: ", ")
      if key.terms.isEmpty {
        parts.append(.text("Distinctive of \(key.name) against \(against): none"))
        continue
      }
      parts.append(.text("Distinctive of \(key.name) against \(against):"))
      let rows = key.terms.map { term in
        [
          term.display, String(term.count), String(term.otherCount),
          Self.decimal(term.perThousand), Self.decimal(term.otherPerThousand),
          Self.decimal(term.g2) + (term.g2 >= 3.84 ? "*" : " "),
        ]
      }
      parts.append(
        fitted(
          [
            .init("term"), .init(key.name, alignment: .right),
            .init(key.against.count == 1 ? against : "others", alignment: .right),
            .init("‰", alignment: .right),
            .init(key.against.count == 1 ? "‰ other" : "‰ others", alignment: .right),
            .init("G² ", alignment: .right),
          ], rows))
    }
    for shared in comparison.sharedTerms {
      if !parts.isEmpty { parts.append(.text("")) }
      let names = shared.names.joined(separator: ", ")
      guard !shared.terms.isEmpty else {
        parts.append(.text("Shared by \(names): none"))
        continue
      }
      parts.append(
        paragraph(
          "Shared by \(names): "
            + shared.terms.map {
              "\($0.display) (\($0.counts.map(String.init).joined(separator: "/")))"
            }
            .joined(separator: ", ")))
    }
    for pair in comparison.crossLanguage {
      if !parts.isEmpty { parts.append(.text("")) }
      parts.append(.text("Written the same way in \(pair.left) and \(pair.right):"))
      for (label, items) in [
        ("names", pair.terms.names), ("numbers", pair.terms.numbers),
        ("Latin-script terms", pair.terms.latin),
      ] {
        parts.append(indented("\(label): \(Self.list(items))", by: 2))
      }
    }
    if parts.isEmpty { parts.append(.text("No terms to compare.")) }
    parts.append(
      .text("(‰: per 1,000 content words; G²: log-likelihood; * p < 0.05, G² ≥ 3.84.)"))
    return parts
  }

  /// "S3", "S3+S4", "–".
  static func span(_ sentences: [Int]) -> String {
    sentences.isEmpty ? "–" : sentences.map { "S\($0 + 1)" }.joined(separator: "+")
  }

  var alignmentSection: [Presentation] {
    var parts: [Presentation] = []
    for item in comparison.alignments {
      if !parts.isEmpty { parts.append(.text("")) }
      let pairs = item.alignment.pairs
      let matched = pairs.filter { !$0.left.isEmpty && !$0.right.isEmpty }
      let identical = matched.filter(\.isIdentical).count
      var summary =
        "\(item.left) ↔ \(item.right)\(item.isTranslation ? " (translation)" : ""): "
        + "\(matched.count) pairs"
      if identical > 0 { summary += ", \(identical) identical" }
      summary +=
        "; no counterpart: \(item.alignment.unmatchedLeft.count) in \(item.left), "
        + "\(item.alignment.unmatchedRight.count) in \(item.right)."
      parts.append(paragraph(summary))
      let rows = pairs.map { pair -> [String] in
        let how: String
        if pair.left.isEmpty || pair.right.isEmpty {
          how = "no counterpart"
        } else if pair.isIdentical {
          how = "identical"
        } else if let differences = pair.differences {
          how = WordDiff.render(differences.filter { !$0.isSame })
            .trimmingCharacters(in: .whitespaces)
        } else {
          how = "score " + Self.decimal(pair.score, places: 2)
        }
        return [Self.span(pair.left), Self.span(pair.right), how]
      }
      parts.append(fitted([.init(item.left), .init(item.right), .init("")], rows))
      let changed = pairs.filter { $0.differences != nil && !$0.isIdentical }
      if !changed.isEmpty {
        parts.append(.text(""))
        parts.append(.text("Word differences ([-removed-] {+added+}):"))
        for pair in changed {
          guard let differences = pair.differences else { continue }
          let label = "\(Self.span(pair.left)) → \(Self.span(pair.right))"
          parts.append(paragraph(label + "  " + WordDiff.render(differences), indent: 4))
        }
      }
    }
    if parts.isEmpty { parts.append(.text("Nothing to align.")) }
    return parts
  }
}

// MARK: - JSON

extension ComparisonReport {
  struct StatementJSON: Encodable {
    struct Evidence: Encodable {
      var cue: String
      var sentence: Int
    }
    struct Attribution: Encodable {
      var band: String?
      var confidence: String?
      var cue: String
      var sentence: Int
      var actors: [String]
    }

    var name: String
    var language: String
    var characters: Int
    var sentences: Int
    var paragraphs: Int
    var words: Int
    var wordUnit: String
    var claims: [String: Int]
    var evidence: [String: Evidence]
    var strongest: StrongestWording?
    var hedged: Int
    var attributions: [Attribution]
    var specifics: Specifics?

    struct Actor: Encodable {
      var name: String
      var canonical: String?
      var sentences: [Int]
    }
    struct Mention: Encodable {
      var text: String
      var sentence: Int
      var start: Int
      var end: Int
      var kind: String?
      var value: Double?
      var iso: String?
    }

    enum CodingKeys: String, CodingKey {
      case name, language, characters, sentences, paragraphs, words, claims, evidence
      case strongest, hedged, attributions, actors, figures, dates, measures, specificity
      case wordUnit = "word_unit"
    }

    init(_ entry: Comparison.Entry) {
      name = entry.name
      language = entry.language.rawValue
      characters = entry.lengths.characters
      sentences = entry.lengths.sentences
      paragraphs = entry.lengths.paragraphs
      words = entry.lengths.words
      wordUnit = entry.language == .ja || entry.language == .zh ? "morphemes" : "words"
      claims = ClaimsCommand.counts(entry.claims)
      evidence = Dictionary(
        uniqueKeysWithValues: entry.evidence.map { type, claim in
          (type.rawValue, Evidence(cue: claim.cueText, sentence: claim.sentence + 1))
        })
      strongest = StrongestWording(entry.claims)
      hedged = entry.hedged
      specifics = entry.specifics
      attributions = entry.attributions.map {
        Attribution(
          band: $0.band?.rawValue, confidence: $0.confidence, cue: $0.cueText,
          sentence: $0.sentence + 1, actors: $0.actors)
      }
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(language, forKey: .language)
      try container.encode(characters, forKey: .characters)
      try container.encode(sentences, forKey: .sentences)
      try container.encode(paragraphs, forKey: .paragraphs)
      try container.encode(words, forKey: .words)
      try container.encode(wordUnit, forKey: .wordUnit)
      try container.encode(claims, forKey: .claims)
      try container.encode(evidence, forKey: .evidence)
      // Always present: null when the statement has no condemnation or concern.
      try container.encode(strongest, forKey: .strongest)
      try container.encode(hedged, forKey: .hedged)
      try container.encode(attributions, forKey: .attributions)
      guard let specifics else { return }
      try container.encode(
        specifics.actors.map {
          Actor(name: $0.name, canonical: $0.canonical, sentences: $0.sentences.map { $0 + 1 })
        }, forKey: .actors)
      try container.encode(
        specifics.figures.map {
          Mention(
            text: $0.text, sentence: $0.sentence + 1, start: $0.range.start, end: $0.range.end,
            kind: $0.kind.rawValue, value: $0.value)
        }, forKey: .figures)
      try container.encode(
        specifics.dates.map {
          Mention(
            text: $0.text, sentence: $0.sentence + 1, start: $0.range.start, end: $0.range.end,
            iso: $0.iso)
        }, forKey: .dates)
      try container.encode(
        specifics.measures.map {
          Mention(
            text: $0.text, sentence: $0.sentence + 1, start: $0.range.start, end: $0.range.end,
            kind: $0.kind)
        }, forKey: .measures)
      try container.encode(
        (specifics.perThousandCharacters * 100).rounded() / 100, forKey: .specificity)
    }
  }

  struct TermsJSON: Encodable {
    struct Key: Encodable {
      var term: String
      var count: Int
      var otherCount: Int
      var g2: Double
      enum CodingKeys: String, CodingKey {
        case term, count, g2
        case otherCount = "other_count"
      }
    }
    struct Distinctive: Encodable {
      var statement: String
      var against: [String]
      var terms: [Key]
    }
    struct Shared: Encodable {
      var statements: [String]
      var terms: [String]
      var counts: [[Int]]
    }
    struct Across: Encodable {
      var statements: [String]
      var names: [String]
      var numbers: [String]
      var latin: [String]
    }
    var distinctive: [Distinctive]
    var shared: [Shared]
    var crossLanguage: [Across]
    enum CodingKeys: String, CodingKey {
      case distinctive, shared
      case crossLanguage = "cross_language"
    }

    init(_ comparison: Comparison) {
      distinctive = comparison.keyTerms.map { key in
        Distinctive(
          statement: key.name, against: key.against,
          terms: key.terms.map {
            Key(
              term: $0.display, count: $0.count, otherCount: $0.otherCount,
              g2: ($0.g2 * 100).rounded() / 100)
          })
      }
      shared = comparison.sharedTerms.map {
        Shared(statements: $0.names, terms: $0.terms.map(\.display), counts: $0.terms.map(\.counts))
      }
      crossLanguage = comparison.crossLanguage.map {
        Across(
          statements: [$0.left, $0.right], names: $0.terms.names, numbers: $0.terms.numbers,
          latin: $0.terms.latin)
      }
    }
  }

  struct AlignmentJSON: Encodable {
    struct Pair: Encodable {
      var left: [Int]
      var right: [Int]
      var score: Double
      var identical: Bool
      var differences: String?
    }
    var left: String
    var right: String
    var translation: Bool
    var pairs: [Pair]
    var unmatchedLeft: [Int]
    var unmatchedRight: [Int]
    enum CodingKeys: String, CodingKey {
      case left, right, translation, pairs
      case unmatchedLeft = "unmatched_left"
      case unmatchedRight = "unmatched_right"
    }

    init(_ item: Comparison.Alignment) {
      left = item.left
      right = item.right
      translation = item.isTranslation
      pairs = item.alignment.pairs.map {
        Pair(
          left: $0.left.map { $0 + 1 }, right: $0.right.map { $0 + 1 },
          score: ($0.score * 100).rounded() / 100, identical: $0.isIdentical,
          differences: $0.differences.map(WordDiff.render))
      }
      unmatchedLeft = item.alignment.unmatchedLeft.map { $0 + 1 }
      unmatchedRight = item.alignment.unmatchedRight.map { $0 + 1 }
    }
  }

  struct Ratios: Encodable {
    var characters: Double?
    var sentences: Double?
    var words: Double?
    var longest: String?
    var shortest: String?
  }

  struct Estimate: Encodable {
    var language: String
    var characters: Int
  }

  struct Conversion: Encodable {
    var englishPerJapanese: Double
    var measuredOn: String

    enum CodingKeys: String, CodingKey {
      case englishPerJapanese = "english_per_japanese"
      case measuredOn = "measured_on"
    }
  }

  enum CodingKeys: String, CodingKey {
    case statements, sections, only, shared, split, ratios, estimates, conversion, terms
    case alignment
  }

  struct Split: Encodable {
    var type: String
    var `in`: [String]
    var notIn: [String]

    enum CodingKeys: String, CodingKey {
      case type
      case `in` = "in"
      case notIn = "not_in"
    }
  }

  /// Longest over shortest; nil when the shortest is empty.
  static func ratio(_ values: [Int]) -> Double? {
    guard let low = values.min(), let high = values.max(), low > 0 else { return nil }
    return (Double(high) / Double(low) * 100).rounded() / 100
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(entries.map(StatementJSON.init), forKey: .statements)
    try container.encode(
      Comparison.Section.allCases.filter(sections.contains).map(\.rawValue), forKey: .sections)
    try container.encode(
      comparison.onlyIn.mapValues { $0.map(\.rawValue) }, forKey: .only)
    try container.encode(comparison.shared.map(\.rawValue), forKey: .shared)
    try container.encode(
      comparison.split.map { Split(type: $0.type.rawValue, in: $0.with, notIn: $0.without) },
      forKey: .split)
    let byLength = entries.sorted { $0.lengths.characters < $1.lengths.characters }
    let sameUnit = Set(entries.map { $0.language == .ja || $0.language == .zh }).count == 1
    try container.encode(
      Ratios(
        characters: Self.ratio(entries.map(\.lengths.characters)),
        sentences: Self.ratio(entries.map(\.lengths.sentences)),
        words: sameUnit ? Self.ratio(entries.map(\.lengths.words)) : nil,
        longest: byLength.last?.name, shortest: byLength.first?.name), forKey: .ratios)
    var estimates: [String: Estimate] = [:]
    let languages = Set(entries.map(\.language))
    if languages.contains(.ja) && languages.contains(.en) {
      for entry in entries {
        let target: Language = entry.language == .ja ? .en : .ja
        if let value = Comparison.estimatedCharacters(
          entry.lengths.characters, from: entry.language, to: target)
        {
          estimates[entry.name] = Estimate(language: target.rawValue, characters: value)
        }
      }
    }
    try container.encode(estimates, forKey: .estimates)
    try container.encode(
      Conversion(
        englishPerJapanese: Comparison.englishCharactersPerJapaneseCharacter,
        measuredOn: "Scripts/samples ja/mofa-cyber.txt (679 characters) and its translation "
          + "en/mofa-cyber-en.txt (1,866 characters)"), forKey: .conversion)
    if sections.contains(.terms) { try container.encode(TermsJSON(comparison), forKey: .terms) }
    try container.encode(comparison.alignments.map(AlignmentJSON.init), forKey: .alignment)
  }
}

extension WordDiff.Piece {
  fileprivate var isSame: Bool {
    if case .same = self { return true }
    return false
  }
}
