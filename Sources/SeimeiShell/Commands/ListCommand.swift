import ArgumentParser
import SeimeiKit

struct ListCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the statements in the workspace.",
    discussion: """
      One row per statement, in the order loaded: name, language, issuer, date, characters \
      (line breaks not counted) and sentences. --json adds title, paragraphs, words, encoding \
      and source.
      """,
    aliases: ["ls"])
  static let group = CommandGroup.statements
  static let examples = [
    CommandExample(
      "An empty workspace", lines: ["list"], output: "no statements loaded (use load)\n")
  ]

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    let listing = StatementListing(
      statements: shell.workspace.statements.map { StatementSummary($0, shell: shell) })
    shell.emit(listing, format: output.requested)
  }
}

struct StatementListing: Presentable {
  var statements: [StatementSummary]

  var presentation: Presentation {
    guard !statements.isEmpty else { return .text("no statements loaded (use load)") }
    return .table(
      Table(
        columns: [
          .init("name"), .init("lang"), .init("issuer"), .init("date"),
          .init("chars", alignment: .right), .init("sentences", alignment: .right),
        ],
        rows: statements.map {
          [
            $0.name, $0.language, $0.issuer ?? "", $0.date ?? "", $0.characters.grouped,
            String($0.sentences),
          ]
        }))
  }
}
