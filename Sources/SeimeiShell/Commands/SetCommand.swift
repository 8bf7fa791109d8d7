import ArgumentParser

struct SetCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: "Show or change a setting: format, color, width or max-size.",
    discussion: """
      'set' lists the settings, 'set NAME' shows one and 'set NAME VALUE' changes it for the \
      rest of the session; put 'set' lines in the init file to keep them.

      format: table, json or markdown. How results are printed; a command's --json or \
      --format overrides it.
      color: auto, on or off. Auto uses colour on a terminal only; NO_COLOR in the \
      environment turns colour off whatever the setting.
      width: auto or 20 to 1000 columns for tables and help. Auto uses the terminal's width, \
      and no limit when output is not a terminal.
      """)
  static let group = CommandGroup.shell
  static let examples = [
    CommandExample(
      "Change and list the settings", lines: ["set width 60", "set format markdown", "set"],
      output: """
        | setting | value | accepts |
        | --- | --- | --- |
        | format | markdown | table, json, markdown |
        | color | auto | auto, on, off |
        | width | 60 | auto, 20–1000 |
        | max-size | 20MB | 1KB–1GB (e.g. 500KB, 20MB) |

        """),
    CommandExample(
      "A value the setting does not accept", lines: ["set color blue"],
      output: "error: 'blue' is not a valid value for color (expected auto, on, off)\n"),
  ]

  @Argument(help: "The setting.")
  var name: Settings.Name?

  @Argument(help: "Its new value.")
  var value: String?

  @OptionGroup var output: OutputOptions

  static func completions(for context: CompletionContext) -> [String]? {
    switch context.positionalIndex {
    case 0: return Settings.Name.allCases.map(\.rawValue)
    case 1:
      guard let first = context.positionals.first, let name = Settings.Name(rawValue: first)
      else { return [] }
      return name.values
    default: return []
    }
  }

  mutating func run(in shell: Shell) throws {
    guard let name else {
      shell.emit(SettingsListing(entries: shell.settings.entries), format: output.requested)
      return
    }
    guard let value else {
      let entries = shell.settings.entries.filter { $0.name == name }
      shell.emit(SettingsListing(entries: entries), format: output.requested)
      return
    }
    do {
      try shell.settings.set(name, to: value)
    } catch {
      throw ShellError(error.description)
    }
  }
}

struct SettingsListing: Presentable {
  var entries: [Settings.Entry]

  var presentation: Presentation {
    .table(
      Table(
        columns: [.init("setting"), .init("value"), .init("accepts")],
        rows: entries.map { [$0.name.rawValue, $0.value, $0.accepts.joined(separator: ", ")] }))
  }
}
