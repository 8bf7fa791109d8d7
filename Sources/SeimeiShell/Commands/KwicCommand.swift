import ArgumentParser
import Foundation
import SeimeiKit

struct KwicCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "kwic",
    abstract: "Keyword in context: each occurrence of a term, centred, with the words around it.",
    discussion: """
      One line per occurrence, in the statements (all of them, or those named after 'in'): \
      where it is (NAME S12), the context before it right-aligned, the term in a column of \
      its own, and the context after it. Contexts are cut by display width, so a Japanese \
      character counts two columns and is never cut in half; line breaks show as blanks. \
      --width sets the columns of each context (default: what fits the terminal, 30 in a \
      file). --sort left orders the lines by the words just before the term (nearest first), \
      --sort right by the words just after it, --sort name (the default) by statement and \
      place. The term is matched as 'find' matches: whole words in English with * for the \
      rest of a word, any part of the text in Japanese, width and case folded; --regex takes \
      an ICU regular expression.
      """)
  static let group = CommandGroup.explore
  static let examples = [
    CommandExample(
      "A Japanese term and an English one, contexts cut by display width",
      lines: [
        "load en.txt", "load ja.txt", "kwic 攻撃 --width 12", "kwic attack --width 16 --sort right",
      ],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        en    en      108          2     18  UTF-8     en.txt
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        ja    ja       38          2     20  UTF-8     ja.txt
        ja S1  が国は、この 攻撃 に強い懸念を
        ja S2  る。サイバー 攻撃 への対処を強
        2 occurrences
        en S2    tools, and the attack lasted days.
        en S1  try condemns the attack on the hospital.
        2 occurrences

        """,
      files: FindCommand.files)
  ]

  @Argument(
    help: ArgumentHelp(
      "The term, then optionally 'in' and the statements.", valueName: "term [in name…]"))
  var words: [String] = []

  @Option(help: "Columns of context on each side.")
  var width: Int?

  @Option(help: "Order of the lines: name, left or right.")
  var sort: KwicSort = .name

  @Flag(help: "The term is an ICU regular expression.")
  var regex = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    try ExploreArguments.validate(words, command: "kwic TERM [in NAME…]")
    if let width, !(4...200).contains(width) {
      throw ValidationError("--width must be from 4 to 200")
    }
  }

  mutating func run(in shell: Shell) throws {
    let statements = try ExploreArguments.statements(words, in: shell)
    let pattern = try ExploreArguments.pattern(words[0], regex: regex)
    let hits = TextSearch.hits(of: pattern, in: statements)
    let labels = hits.map { "\(statements[$0.statement].name) S\($0.sentence + 1)" }
    let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
    let context: Int
    if let width {
      context = width
    } else {
      // What fits: label, two gaps, the term (about as wide as typed) and two contexts.
      let available = (shell.outputWidth ?? 80) - labelWidth - 4 - DisplayWidth.of(words[0])
      context = max(10, min(60, available / 2))
    }
    // The lines are made on every core.
    let made = Concordance.lines(hits, in: statements, width: context)
    var lines = zip(zip(hits, labels), made).map { pair, line in
      Concordance.Row(
        label: pair.1, hit: pair.0, name: statements[pair.0.statement].name, line: line)
    }
    switch sort {
    case .name: break
    case .left:
      lines.sort {
        ($0.line.leftKey, $0.hit.statement, $0.hit.range.start)
          < ($1.line.leftKey, $1.hit.statement, $1.hit.range.start)
      }
    case .right:
      lines.sort {
        ($0.line.rightKey, $0.hit.statement, $0.hit.range.start)
          < ($1.line.rightKey, $1.hit.statement, $1.hit.range.start)
      }
    }
    shell.emit(
      KeywordsInContext(term: words[0], context: context, rows: lines, color: shell.colorEnabled),
      format: output.requested)
  }
}

/// `--sort` values.
enum KwicSort: String, CaseIterable, ExpressibleByArgument {
  case name, left, right
}

extension Concordance {
  /// One line of `kwic`, with what it is sorted by.
  struct Row {
    var label: String
    var hit: SearchHit
    var name: String
    var line: ConcordanceLine
  }
}

/// The lines of `kwic`.
struct KeywordsInContext: Presentable {
  struct Line: Encodable {
    var statement: String
    var sentence: Int
    var start: Int
    var end: Int
    var left: String
    var match: String
    var right: String
  }

  var term: String
  var context: Int
  var lines: [Line]
  private var labels: [String]
  private var color: Bool

  enum CodingKeys: String, CodingKey {
    case term, lines, count
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(term, forKey: .term)
    try container.encode(lines, forKey: .lines)
    try container.encode(lines.count, forKey: .count)
  }

  init(term: String, context: Int, rows: [Concordance.Row], color: Bool) {
    self.term = term
    self.context = context
    self.color = color
    labels = rows.map(\.label)
    lines = rows.map { row in
      Line(
        statement: row.name, sentence: row.hit.sentence + 1, start: row.hit.range.start,
        end: row.hit.range.end, left: row.line.left, match: row.line.match, right: row.line.right)
    }
  }

  var presentation: Presentation {
    guard !lines.isEmpty else { return .text("no occurrences of “\(term)”") }
    let style = Style(enabled: color)
    let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
    let matchWidth = lines.map { DisplayWidth.of(TerminalText.cell($0.match)) }.max() ?? 0
    var output: [String] = []
    for (label, line) in zip(labels, lines) {
      let left = DisplayWidth.pad(TerminalText.cell(line.left), to: context, alignRight: true)
      let match = TerminalText.cell(line.match)
      let padding = String(repeating: " ", count: matchWidth - DisplayWidth.of(match))
      var text =
        DisplayWidth.pad(TerminalText.cell(label), to: labelWidth) + "  " + left + " "
        + style.yellow(style.bold(match)) + padding + " " + TerminalText.cell(line.right)
      while text.hasSuffix(" ") { text.removeLast() }
      output.append(text)
    }
    output.append("\(lines.count.grouped) occurrence\(lines.count == 1 ? "" : "s")")
    return .styled(output.joined(separator: "\n"))
  }
}
