import ArgumentParser

struct HistoryCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show the commands typed in this and earlier sessions.",
    discussion: """
      Lists the last N commands typed at the prompt (default 20), numbered from the oldest kept. \
      History is saved as it is typed, in $SEIMEI_HISTORY, else $XDG_STATE_HOME/seimei/history, \
      else ~/.local/state/seimei/history; the newest 1,000 entries are kept. Commands run from \
      scripts are not added.
      """)
  static let group = CommandGroup.scripts
  static let isRecorded = false

  @Argument(help: "How many of the most recent commands to show.")
  var count: Int = 20

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard count > 0 else { throw ValidationError("the count must be a positive number") }
  }

  mutating func run(in shell: Shell) throws {
    let entries = shell.history.entries
    let first = max(0, entries.count - count)
    let listing = HistoryListing(
      entries: entries.indices[first...].map {
        HistoryListing.Entry(number: $0 + 1, command: entries[$0])
      })
    shell.emit(listing, format: output.requested)
  }
}

struct HistoryListing: Presentable {
  struct Entry: Encodable {
    var number: Int
    var command: String
  }

  var entries: [Entry]

  var presentation: Presentation {
    .table(
      Table(
        columns: [.init("#", alignment: .right), .init("command")],
        rows: entries.map { [String($0.number), $0.command] }))
  }
}
