import ArgumentParser
import Foundation
import SeimeiKit

struct FindCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "find",
    abstract: "Every sentence that contains a word, a phrase or a pattern.",
    discussion: """
      Prints NAME S12: and the sentence, the match highlighted on a terminal, for every \
      sentence of the statements (all of them, or those named after 'in') that contains the \
      pattern. Matching uses the normalised text: width and case are folded and line breaks \
      are blanks, so ＡＰＴ４０ finds APT40 and a phrase is found across a line break. In \
      English a pattern matches whole words ("attack" is not found in "attacked"); a * at \
      either end matches the rest of the word ("attack*" finds attacks, attacked). In \
      Japanese any part of the text matches. --regex takes an ICU regular expression, matched \
      case-insensitively on the normalised text.
      """)
  static let group = CommandGroup.explore
  static let examples = [
    CommandExample(
      "Width-folded matching, and a word with the rest of it left open",
      lines: ["load en.txt", "load ja.txt", "find APT40", "find \"attack*\" in en"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        en    en      108          2     18  UTF-8     en.txt
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        ja    ja       38          2     20  UTF-8     ja.txt
        en S2: The attackers used ＡＰＴ４０ tools, and the attack lasted days.
        1 match in 1 sentence of 1 statement
        en S1: The ministry condemns the attack on the hospital.
        en S2: The attackers used ＡＰＴ４０ tools, and the attack lasted days.
        3 matches in 2 sentences of 1 statement

        """,
      files: files)
  ]

  static let files = [
    "en.txt": "The ministry condemns the attack on the hospital.\nThe attackers used ＡＰＴ４０ "
      + "tools, and the attack lasted days.\n",
    "ja.txt": "我が国は、この攻撃に強い懸念を表明する。サイバー攻撃への対処を強化していく。\n",
  ]

  @Argument(
    help: ArgumentHelp(
      "The pattern, then optionally 'in' and the statements.",
      valueName: "pattern [in name…]"))
  var words: [String] = []

  @Flag(help: "The pattern is an ICU regular expression.")
  var regex = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    try ExploreArguments.validate(words, command: "find PATTERN [in NAME…]")
  }

  mutating func run(in shell: Shell) throws {
    let statements = try ExploreArguments.statements(words, in: shell)
    let pattern = try ExploreArguments.pattern(words[0], regex: regex)
    let hits = TextSearch.hits(of: pattern, in: statements)
    shell.emit(
      FoundSentences(
        pattern: words[0], regex: regex, statements: statements, hits: hits,
        color: shell.colorEnabled, width: shell.outputWidth),
      format: output.requested)
  }
}

/// The words of `find` and `kwic`: a pattern, then optionally `in` and statement names.
enum ExploreArguments {
  static func validate(_ words: [String], command: String) throws {
    guard let first = words.first, !first.isEmpty else {
      throw ValidationError("usage: \(command)")
    }
    if words.count > 1 {
      guard words[1] == "in", words.count > 2 else {
        throw ValidationError(
          "usage: \(command) (quote a phrase: \(command.split(separator: " ")[0]) "
            + "\"\(words.joined(separator: " "))\")")
      }
    }
  }

  static func statements(_ words: [String], in shell: Shell) throws -> [Statement] {
    let names = Array(words.dropFirst(2))
    if names.isEmpty {
      guard shell.workspace.count > 0 else {
        throw ShellError("no statements loaded to search (use load)")
      }
      return shell.workspace.statements
    }
    var seen: Set<String> = []
    return try names.filter { seen.insert($0).inserted }.map { try shell.statement(named: $0) }
  }

  static func pattern(_ text: String, regex: Bool) throws -> SearchPattern {
    do {
      return try SearchPattern(text, regex: regex)
    } catch {
      throw ShellError(error.description)
    }
  }
}

/// The sentences `find` found.
struct FoundSentences: Presentable {
  struct Match: Encodable {
    var statement: String
    var sentence: Int
    var paragraph: Int
    var start: Int
    var end: Int
    var match: String
    var text: String
  }

  var pattern: String
  var regex: Bool
  var matches: [Match]
  /// Per shown sentence: the statement, sentence number, the sentence's text and the match
  /// ranges within it (scalar offsets relative to the sentence).
  private var sentences: [(name: String, number: Int, text: String, marks: [Range<Int>])]
  private var statementCount: Int
  private var color: Bool
  private var width: Int?

  enum CodingKeys: String, CodingKey {
    case pattern, regex, matches, count
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(pattern, forKey: .pattern)
    try container.encode(regex, forKey: .regex)
    try container.encode(matches, forKey: .matches)
    try container.encode(matches.count, forKey: .count)
  }

  init(
    pattern: String, regex: Bool, statements: [Statement], hits: [SearchHit], color: Bool,
    width: Int?
  ) {
    self.pattern = pattern
    self.regex = regex
    self.color = color
    self.width = width
    var matches: [Match] = []
    var sentences: [(name: String, number: Int, text: String, marks: [Range<Int>])] = []
    var lastKey: (Int, Int)?
    for hit in hits {
      let statement = statements[hit.statement]
      let sentence = statement.segmentation.sentences[hit.sentence]
      let text = String(statement.text(of: sentence.range))
      matches.append(
        Match(
          statement: statement.name, sentence: hit.sentence + 1,
          paragraph: sentence.paragraph + 1, start: hit.range.start, end: hit.range.end,
          match: String(statement.text(of: hit.range)), text: text))
      let mark =
        max(
          0, hit.range.start - sentence.range.start)..<min(
          sentence.range.length, hit.range.end - sentence.range.start)
      if let lastKey, lastKey == (hit.statement, hit.sentence) {
        sentences[sentences.count - 1].marks.append(mark)
      } else {
        sentences.append((statement.name, hit.sentence + 1, text, [mark]))
        lastKey = (hit.statement, hit.sentence)
      }
    }
    self.matches = matches
    self.sentences = sentences
    statementCount = Set(hits.map(\.statement)).count
  }

  var presentation: Presentation {
    guard !matches.isEmpty else { return .text("no matches for “\(pattern)”") }
    let style = Style(enabled: color)
    var lines: [String] = []
    for sentence in sentences {
      let label = TerminalText.cell("\(sentence.name) S\(sentence.number): ")
      // The sentence on one line, blanks collapsed; the matches highlighted.
      var text = ""
      var position = 0
      let scalars = Array(sentence.text.unicodeScalars)
      func piece(_ range: Range<Int>) -> String {
        TerminalText.cell(String(String.UnicodeScalarView(scalars[range])))
      }
      for mark in sentence.marks where mark.lowerBound >= position {
        text += piece(position..<mark.lowerBound)
        text += style.yellow(style.bold(piece(mark)))
        position = mark.upperBound
      }
      text += piece(position..<scalars.count)
      lines.append(label + text)
    }
    let count = matches.count
    lines.append(
      "\(count.grouped) match\(count == 1 ? "" : "es") in \(sentences.count.grouped) "
        + "sentence\(sentences.count == 1 ? "" : "s") of \(statementCount) "
        + "statement\(statementCount == 1 ? "" : "s")")
    return .styled(lines.joined(separator: "\n"))
  }
}
