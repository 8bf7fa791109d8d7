import Foundation
import SeimeiKit

/// One quotation checked against one statement, as `cite` shows it and `verify` lists it.
struct QuotationCheck: Encodable {
  struct Occurrence: Encodable {
    var start: Int
    var end: Int
    var sentence: Int
  }

  var statement: String?
  var match: String
  var start: Int?
  var end: Int?
  /// 1-based: the first sentence and paragraph of the passage.
  var sentence: Int?
  var paragraph: Int?
  var sentences: [Int]
  var sourceText: String?
  var quote: String
  var differences: [String]
  var diff: String?
  var similarity: Double
  var occurrences: [Occurrence]
  var citation: String?
  /// Where the quotation stands in a draft (verify).
  var line: Int?
  var column: Int?

  enum CodingKeys: String, CodingKey {
    case statement, match, start, end, sentence, paragraph, sentences, quote, differences, diff
    case similarity, occurrences, citation, line, column
    case sourceText = "source_text"
  }

  init(statement: Statement?, match: QuoteMatch, citation: String?) {
    self.statement = statement?.name
    self.match = match.kind.rawValue
    start = match.range?.start
    end = match.range?.end
    sentence = match.sentences.first.map { $0 + 1 }
    paragraph = match.paragraphs.first.map { $0 + 1 }
    sentences = match.sentences.map { $0 + 1 }
    sourceText = match.sourceText
    quote = match.quote
    differences = match.differences.compactMap { piece in
      switch piece {
      case .same: return nil
      case .removed(let text): return "-" + text.trimmingCharacters(in: .whitespaces)
      case .added(let text): return "+" + text.trimmingCharacters(in: .whitespaces)
      }
    }
    diff = match.differences.isEmpty ? nil : WordDiff.render(match.differences)
    similarity = (match.similarity * 1000).rounded() / 1000
    let allSentences = statement?.segmentation.sentences ?? []
    occurrences = match.occurrences.map { range in
      Occurrence(
        start: range.start, end: range.end,
        sentence: (allSentences.firstIndex { $0.range.end > range.start } ?? 0) + 1)
    }
    self.citation = citation
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(statement, forKey: .statement)
    try container.encode(match, forKey: .match)
    try container.encode(start, forKey: .start)
    try container.encode(end, forKey: .end)
    try container.encode(sentence, forKey: .sentence)
    try container.encode(paragraph, forKey: .paragraph)
    try container.encode(sentences, forKey: .sentences)
    try container.encode(sourceText, forKey: .sourceText)
    try container.encode(quote, forKey: .quote)
    try container.encode(differences, forKey: .differences)
    try container.encode(diff, forKey: .diff)
    try container.encode(similarity, forKey: .similarity)
    try container.encode(occurrences, forKey: .occurrences)
    try container.encode(citation, forKey: .citation)
    if let line { try container.encode(line, forKey: .line) }
    if let column { try container.encode(column, forKey: .column) }
  }

  /// "S3", "S3–S5".
  var place: String {
    guard let first = sentences.first, let last = sentences.last else { return "" }
    return first == last ? "S\(first)" : "S\(first)–S\(last)"
  }
}

/// What `cite` prints.
struct CitationResult: Presentable {
  var check: QuotationCheck
  var style: CitationStyle
  var width: Int?

  init(
    statement: Statement, match: QuoteMatch, citation: String?, style: CitationStyle,
    width: Int?
  ) {
    check = QuotationCheck(statement: statement, match: match, citation: citation)
    self.style = style
    self.width = width
  }

  func encode(to encoder: Encoder) throws { try check.encode(to: encoder) }

  var presentation: Presentation {
    var parts: [Presentation] = []
    let name = check.statement ?? ""
    let located = check.paragraph.map { "\(check.place) (P\($0))" } ?? check.place
    switch check.match {
    case QuoteMatch.Kind.exact.rawValue:
      var line = "exact: \(name) \(located), characters \(check.start ?? 0)–\(check.end ?? 0)"
      if check.occurrences.count > 1 {
        var sentences: [Int] = []
        for occurrence in check.occurrences where sentences.last != occurrence.sentence {
          sentences.append(occurrence.sentence)
        }
        let shown = sentences.prefix(8).map { "S\($0)" }.joined(separator: ", ")
        line +=
          "; \(check.occurrences.count) occurrences (\(shown)\(sentences.count > 8 ? ", …" : "")):"
          + " --prefix or --suffix picks another"
      }
      parts.append(.text(line))
      parts.append(.text("  " + (check.sourceText ?? "")))
    case QuoteMatch.Kind.normalized.rawValue:
      parts.append(
        .text(
          "normalized: \(name) \(located) writes it differently (width, case, quote marks or "
            + "spacing); quote the source's wording:"))
      parts.append(.text("  " + (check.sourceText ?? "")))
    case QuoteMatch.Kind.misquote.rawValue:
      parts.append(
        .text(
          "misquote: the nearest passage is \(name) \(located) (\(Int(check.similarity * 100))% "
            + "of the quotation's words match):"))
      parts.append(.text("  " + (check.sourceText ?? "")))
      if let diff = check.diff {
        parts.append(.text("differences ([-source-] {+quotation+}):"))
        parts.append(.text("  " + diff))
      }
    default:
      parts.append(.text("not found in \(name): nothing close to “\(check.quote)”"))
    }
    if let citation = check.citation {
      parts.append(.text(""))
      parts.append(.text(citation))
    }
    return .sequence(parts)
  }
}
