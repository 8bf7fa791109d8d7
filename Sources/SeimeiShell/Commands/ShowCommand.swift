import ArgumentParser
import SeimeiKit

struct ShowCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a statement's text with paragraph and sentence numbers.",
    discussion: """
      Prints the text one sentence per entry, numbered in the margin (P2 marks where paragraph \
      2 begins, S5 is sentence 5), wrapped to the terminal's width by display width, so \
      Japanese lines are as wide as English ones. Give a part to show only it: S3, S3-S7, P2 or \
      P2-P4. The numbers are those that cite and claims use.
      """)
  static let group = CommandGroup.statements
  static let examples = [
    CommandExample(
      "Number the sentences of a short statement", lines: ["load note.txt", "show note"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  ja       55          3     26  UTF-8     note.txt
        P1 S1  本日、エグゼンプラ共和国政府は声明を発表した。
           S2  我が国は強い懸念を表明する。

        P2 S3  引き続き関係国と緊密に連携していく。

        """,
      files: [
        "note.txt":
          "本日、エグゼンプラ共和国政府は声明を発表した。我が国は強い懸念を表明する。\n\n引き続き関係国と緊密に連携していく。\n"
      ]),
    CommandExample(
      "Only a part, and a part that is not there",
      lines: ["load note.txt", "show note S2", "show note S9"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  en       42          2      6  UTF-8     note.txt
        P1 S2  Second sentence here.
        error: S9: note has 2 sentences (S1–S2)

        """,
      files: ["note.txt": "First sentence here. Second sentence here.\n"]),
  ]

  @Argument(help: "The statement.", completion: .statementName)
  var name: String

  @Argument(help: ArgumentHelp("The part to show: S3, S3-S7, P2 or P2-P4.", valueName: "part"))
  var part: String?

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    let statement = try shell.statement(named: name)
    let sentences = statement.segmentation.sentences
    var selected = Array(sentences.indices)
    if let part {
      selected = try Reference.parse(part).sentenceIndices(in: statement)
    }
    let shown = ShownText(
      name: statement.name,
      sentences: selected.map { index in
        let sentence = sentences[index]
        return ShownText.Sentence(
          number: index + 1, paragraph: sentence.paragraph + 1, start: sentence.range.start,
          end: sentence.range.end, text: String(statement.text(of: sentence.range)))
      }, width: shell.outputWidth)
    shell.emit(shown, format: output.requested)
  }
}

/// A part of a statement named by sentence or paragraph numbers: S3, S3-S7, P2, P2-P4.
struct Reference: Equatable {
  enum Unit: String {
    case sentence = "S"
    case paragraph = "P"
  }

  var unit: Unit
  var first: Int
  var last: Int
  var text: String

  static func parse(_ text: String) throws -> Reference {
    let upper = text.uppercased().replacingOccurrences(of: "–", with: "-")
    let pieces = upper.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count), let unitLetter = pieces[0].first,
      let unit = Unit(rawValue: String(unitLetter))
    else { throw ShellError("'\(text)' is not a part: use S3, S3-S7, P2 or P2-P4") }
    func number(_ piece: Substring) -> Int? {
      var digits = piece
      if digits.first == unitLetter { digits = digits.dropFirst() }
      return Int(digits).flatMap { $0 > 0 ? $0 : nil }
    }
    guard let first = number(pieces[0]), let last = pieces.count == 2 ? number(pieces[1]) : first,
      pieces.count == 1 || pieces[1].first == unitLetter || pieces[1].first?.isNumber == true
    else { throw ShellError("'\(text)' is not a part: use S3, S3-S7, P2 or P2-P4") }
    guard first <= last else { throw ShellError("'\(text)': the range runs backwards") }
    return Reference(unit: unit, first: first, last: last, text: text)
  }

  /// The sentences of the part, as indices; an error when it lies outside the statement.
  func sentenceIndices(in statement: Statement) throws -> [Int] {
    let sentences = statement.segmentation.sentences
    switch unit {
    case .sentence:
      guard last <= sentences.count else {
        throw ShellError(
          "\(text): \(statement.name) has \(sentences.count) sentences (S1–S\(sentences.count))")
      }
      return Array((first - 1)..<last)
    case .paragraph:
      let count = statement.segmentation.paragraphs.count
      guard last <= count else {
        throw ShellError("\(text): \(statement.name) has \(count) paragraphs (P1–P\(count))")
      }
      return sentences.indices.filter { (first - 1..<last).contains(sentences[$0].paragraph) }
    }
  }
}

/// Sentences with their numbers, as `show` prints them.
struct ShownText: Presentable {
  struct Sentence: Encodable {
    var number: Int
    var paragraph: Int
    var start: Int
    var end: Int
    var text: String
  }

  var name: String
  var sentences: [Sentence]
  var width: Int?

  enum CodingKeys: String, CodingKey {
    case name, sentences
  }

  var presentation: Presentation {
    let labels = sentences.map { "S\($0.number)" }
    let paragraphLabels = sentences.map { "P\($0.paragraph)" }
    let sentenceWidth = labels.map(\.count).max() ?? 2
    let paragraphWidth = paragraphLabels.map(\.count).max() ?? 2
    let margin = paragraphWidth + 1 + sentenceWidth + 2
    let textWidth = width.map { max(10, $0 - margin) }
    var lines: [String] = []
    var previousParagraph: Int?
    for (index, sentence) in sentences.enumerated() {
      let startsParagraph = sentence.paragraph != previousParagraph
      if startsParagraph && previousParagraph != nil { lines.append("") }
      previousParagraph = sentence.paragraph
      let paragraphLabel = startsParagraph ? paragraphLabels[index] : ""
      let prefix =
        DisplayWidth.pad(paragraphLabel, to: paragraphWidth) + " "
        + DisplayWidth.pad(labels[index], to: sentenceWidth, alignRight: true) + "  "
      let text = TerminalText.cell(sentence.text)
      for (lineIndex, line) in TextWrapper.wrap(text, width: textWidth).enumerated() {
        lines.append((lineIndex == 0 ? prefix : String(repeating: " ", count: margin)) + line)
      }
    }
    return .text(lines.joined(separator: "\n"))
  }
}
