import ArgumentParser
import Foundation
import SeimeiKit

struct CiteCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "cite",
    abstract: "Quote a statement exactly, checked against its text, in a citation style.",
    discussion: """
      Give a part (S3, S3-S5, P2) for its exact text, or a quotation to check: it is found \
      verbatim (exact), equal after width, case, quote-mark and spacing differences \
      (normalized: the source's own wording is shown, to use instead), close but with words \
      changed, added or dropped (misquote: the nearest passage and the differences, \
      [-source-]{+quote+}), or not at all (not found). Japanese and English alike, across \
      sentences too. When the quotation occurs more than once, the first is cited; --prefix \
      and --suffix (the text just before or after it, as in a W3C TextQuoteSelector) pick \
      another.

      Styles: plain, markdown, apa (APA 7 press release), chicago, mla, bibtex, csl-json, \
      selector (W3C Web Annotation selectors) and fragment (the URL with #:~:text=, for a \
      statement with a URL). Every citation carries the sentence and paragraph numbers and the \
      first 12 hex digits of the statement's SHA-256, so a reader can tell if the source has \
      changed. In a script, a misquote or a quotation not found fails the command.
      """)
  static let group = CommandGroup.citation
  static let examples = [
    CommandExample(
      "A sentence by its number, then a quotation that is not quite right, cited in APA",
      lines: [
        "load note.txt", "cite note S2",
        "cite note \"condemns in strong terms the cyber campaign\" --style apa",
      ],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  en      166          2     27  UTF-8     note.txt
        exact: note S2 (P2), characters 116–168
          We call on Borovia to stop these operations at once.

        “We call on Borovia to stop these operations at once.”
        — Ministry of Foreign Affairs of Exempla, “Statement on the Borovian cyber campaign”, 2025-10-14, S2 (P2), https://example.org/mfa/2025/borovia, SHA-256 15bab54b733d
        misquote: the nearest passage is note S1 (P1) (80% of the quotation's words match):
          condemns in the strongest terms the cyber campaign
        differences ([-source-] {+quotation+}):
          condemns in [-the strongest-]{+strong+} terms the cyber campaign

        Ministry of Foreign Affairs of Exempla. (2025, October 14). Statement on the Borovian cyber campaign [Press release]. https://example.org/mfa/2025/borovia [S1 (P1); SHA-256 15bab54b733d]
        error: misquote: the quotation differs from note's text

        """,
      files: files),
    CommandExample(
      "A link that opens the page at the quotation (a text fragment)",
      lines: ["load note.txt", "cite note \"Borovia to stop these operations\" --style fragment"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  en      166          2     27  UTF-8     note.txt
        exact: note S2 (P2), characters 127–159
          Borovia to stop these operations

        https://example.org/mfa/2025/borovia#:~:text=We%20call%20on-,Borovia%20to%20stop%20these%20operations,-at%20once
        S2 (P2); SHA-256 15bab54b733d

        """,
      files: files),
  ]

  static let files = [
    "note.txt": """
    ---
    title: Statement on the Borovian cyber campaign
    issuer: Ministry of Foreign Affairs of Exempla
    date: 2025-10-14
    url: https://example.org/mfa/2025/borovia
    ---

    The Government of Exempla condemns in the strongest terms the cyber campaign of the \
    Borovian Intelligence Service.

    We call on Borovia to stop these operations at once.

    """,
    "draft.txt": "Exempla's ministry \"condemns in the strongest terms the cyber campaign\" and "
      + "asks Borovia \"to stop these operations immediately\".\n",
  ]

  @Argument(help: "The statement.", completion: .statementName)
  var name: String

  @Argument(
    help: ArgumentHelp(
      "A part (S3, S3-S5, P2) or the quoted text.", valueName: "part-or-quote"))
  var target: String

  @Option(help: "The citation style.", completion: .list(CitationStyle.allCases.map(\.rawValue)))
  var style: CitationStyle = .plain

  @Option(help: "Text right before the quotation in the source, to pick one occurrence.")
  var prefix: String?

  @Option(help: "Text right after the quotation in the source, to pick one occurrence.")
  var suffix: String?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw ValidationError("give a part (S3, S3-S5, P2) or the quoted text, not an empty one")
    }
  }

  mutating func run(in shell: Shell) throws {
    let statement = try shell.statement(named: name)
    let source = CitationSource(statement)
    let match: QuoteMatch
    if let reference = try? Reference.parse(target), prefix == nil, suffix == nil {
      match = try Self.match(reference, in: statement)
    } else {
      match = QuoteMatcher.find(target, in: statement, prefix: prefix, suffix: suffix)
    }
    var citation: String?
    if let range = match.range {
      let passage = CitedPassage(range: range, in: statement)
      do {
        citation = try CitationFormatter.format(passage, source: source, style: style)
      } catch {
        throw ShellError("\(statement.name): \(error.description)")
      }
    }
    let result = CitationResult(
      statement: statement, match: match, citation: citation, style: style,
      width: shell.outputWidth)
    let json = (output.requested ?? shell.settings.format) == .json
    // Not found: the error line says it all, except to a program reading JSON.
    if match.kind != .notFound || json { shell.emit(result, format: output.requested) }
    switch match.kind {
    case .exact, .normalized: return
    case .misquote:
      shell.reportProblem("misquote: the quotation differs from \(statement.name)'s text")
      throw ReportedFailure()
    case .notFound:
      shell.reportProblem("not found in \(statement.name): “\(target)”")
      throw ReportedFailure()
    }
  }

  /// A part's exact text as a match.
  static func match(_ reference: Reference, in statement: Statement) throws -> QuoteMatch {
    let sentences = statement.segmentation.sentences
    let range: TextRange
    switch reference.unit {
    case .sentence:
      let indices = try reference.sentenceIndices(in: statement)
      range = TextRange(
        sentences[indices[0]].range.start, sentences[indices[indices.count - 1]].range.end)
    case .paragraph:
      _ = try reference.sentenceIndices(in: statement)
      let paragraphs = statement.segmentation.paragraphs
      range = TextRange(
        paragraphs[reference.first - 1].start, paragraphs[reference.last - 1].end)
    }
    let covered = sentences.indices.filter { sentences[$0].range.overlaps(range) }
    let text = String(statement.text(of: range))
    return QuoteMatch(
      kind: .exact, quote: text, range: range, sourceText: text, sentences: covered,
      paragraphs: Array(Set(covered.map { sentences[$0].paragraph })).sorted(),
      differences: [], similarity: 1, occurrences: [range])
  }
}

extension CitationStyle: ExpressibleByArgument {}
