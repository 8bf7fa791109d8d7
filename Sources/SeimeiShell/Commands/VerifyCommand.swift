import ArgumentParser
import Foundation
import SeimeiKit

struct VerifyCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check every quotation in a draft against the statements.",
    discussion: """
      Finds the quotations of a draft (text inside “…”, "…", 「…」 and 『…』) and checks each \
      against the statements named after 'against' (all of them when none are named), as \
      'cite' does: exact, normalized (equal but for width, case, quote marks, spacing or \
      punctuation; any punctuation changed is shown; --json gives the source's wording), \
      misquote (the \
      nearest passage and the word differences, [-source-]{+quotation+}) or not found. Each \
      quotation is matched with the statement where it comes closest. In a script, the \
      command fails (exit status 3) when any quotation is a misquote or is not found, so a \
      draft can be checked before it is sent.
      """)
  static let group = CommandGroup.citation
  static let examples = [
    CommandExample(
      "A draft with a good quotation and a misquote",
      lines: ["load note.txt", "verify draft.txt"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  en      166          2     27  UTF-8     note.txt
        line  quotation                                           status    found in  differences
        ────  ──────────────────────────────────────────────────  ────────  ────────  ───────────────────────────
           1  condemns in the strongest terms the cyber campaign  exact     note S1
           1  to stop these operations immediately                misquote  note S2   [-at once-] {+immediately+}
        2 quotations in draft.txt: 1 exact, 1 misquote
        error: draft.txt: 1 of 2 quotations misquoted or not found

        """,
      files: CiteCommand.files)
  ]

  @Argument(
    help: ArgumentHelp(
      "The draft, then optionally 'against' and the statements.",
      valueName: "file [against name…]"),
    completion: .file())
  var words: [String] = []

  @OptionGroup var output: OutputOptions

  var file: String { words[0] }
  var against: [String] { Array(words.dropFirst(2)) }

  func validate() throws {
    guard !words.isEmpty else { throw ValidationError("usage: verify FILE [against NAME…]") }
    if words.count > 1 {
      guard words[1] == "against", words.count > 2 else {
        throw ValidationError("usage: verify FILE [against NAME…]")
      }
    }
  }

  mutating func run(in shell: Shell) throws {
    let statements =
      try against.isEmpty
      ? shell.workspace.statements : against.map { try shell.statement(named: $0) }
    guard !statements.isEmpty else {
      throw ShellError("no statements loaded to check against (use load)")
    }
    let path = shell.resolve(file)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ShellError("\(file): cannot read the file")
    }
    let text: String
    do {
      text = try TextDecoder.decode([UInt8](data)).text
    } catch {
      throw ShellError("\(file): \(error)")
    }
    let quotations = QuotationScanner.quotations(in: text)
    // Each statement prepared once for all the quotations.
    let indexes = statements.map { QuoteMatcher.Index($0) }
    var checks: [QuotationCheck] = []
    for quotation in quotations {
      // The closest statement; the first named on a tie.
      var best: (Statement, QuoteMatch)?
      for (statement, index) in zip(statements, indexes) {
        let match = index.find(quotation.text)
        if best.map({ Self.rank(match) > Self.rank($0.1) }) ?? true { best = (statement, match) }
      }
      guard let (statement, match) = best else { continue }
      var check = QuotationCheck(
        statement: match.kind == .notFound ? nil : statement, match: match, citation: nil)
      check.line = quotation.line
      check.column = quotation.column
      checks.append(check)
    }
    shell.emit(
      VerifyReport(file: file, checks: checks, width: shell.outputWidth),
      format: output.requested)
    let bad = checks.filter { $0.match == "misquote" || $0.match == "not-found" }.count
    if bad > 0 {
      shell.reportProblem(
        "\(file): \(bad) of \(checks.count) quotation\(checks.count == 1 ? "" : "s") "
          + "misquoted or not found")
      throw ReportedFailure()
    }
  }

  /// Exact before normalized before the closest misquote before not found.
  static func rank(_ match: QuoteMatch) -> Double {
    switch match.kind {
    case .exact: return 3
    case .normalized: return 2
    case .misquote: return 1 + match.similarity / 2
    case .notFound: return 0
    }
  }
}

/// The quotations of a draft and how each fared.
struct VerifyReport: Presentable {
  var file: String
  var checks: [QuotationCheck]
  var width: Int?

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(checks)
  }

  var presentation: Presentation {
    guard !checks.isEmpty else { return .text("\(file): no quotations found") }
    let rows = checks.map { check -> [String] in
      let place = check.statement.map { "\($0) \(check.place)" } ?? ""
      var note = ""
      // Misquotes: the words changed; normalized ones: any punctuation that differs.
      if check.match == "misquote" || check.match == "normalized" {
        note = check.diff.map(Self.changes) ?? ""
      }
      return ["\(check.line ?? 0)", check.quote, check.match, place, note]
    }
    var counts: [String: Int] = [:]
    for check in checks { counts[check.match, default: 0] += 1 }
    let summary = ["exact", "normalized", "misquote", "not-found"].compactMap { kind in
      counts[kind].map { "\($0) \(kind)" }
    }.joined(separator: ", ")
    return .sequence([
      .table(
        Table(
          columns: [
            .init("line", alignment: .right), .init("quotation"), .init("status"),
            .init("found in"), .init("differences"),
          ], rows: rows)),
      .text(
        "\(checks.count) quotation\(checks.count == 1 ? "" : "s") in \(file): \(summary)"),
    ])
  }

  /// Only the changed words of a rendered diff: "[-strongest-]{+strong+}".
  static func changes(_ diff: String) -> String {
    var result: [String] = []
    var rest = Substring(diff)
    while let open = rest.firstIndex(where: { $0 == "[" || $0 == "{" }) {
      let closing = rest[open] == "[" ? "-]" : "+}"
      guard let close = rest[open...].range(of: closing) else { break }
      result.append(String(rest[open..<close.upperBound]))
      rest = rest[close.upperBound...]
    }
    return result.joined(separator: " ")
  }
}
