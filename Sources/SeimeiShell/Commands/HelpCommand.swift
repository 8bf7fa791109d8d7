import ArgumentParser
import SeimeiKit

struct HelpCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "help",
    abstract: "List the commands, or show the full help of one.",
    discussion: """
      Without a name, lists every command by purpose with its one-line summary. With a name (or \
      an alias), shows its usage, options and worked examples; 'COMMAND --help' does the same.
      """,
    aliases: ["?"])
  static let group = CommandGroup.shell
  static let examples = [
    CommandExample(
      "Ask about a mistyped command", lines: ["help recrod"],
      output: "error: unknown command 'recrod'; did you mean 'record'?\n")
  ]

  @Argument(help: "The command to explain.", completion: .commandName)
  var command: String?

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    if let command {
      guard let type = shell.registry.command(named: command) else {
        throw ShellError(
          "unknown command '\(command)'"
            + Suggestions.phrase(shell.registry.suggestions(for: command)))
      }
      if output.requested ?? shell.settings.format == .json {
        shell.emit(CommandSummary(type, help: type.helpMessage(columns: 80)), format: .json)
      } else {
        shell.printStyled(shell.helpText(for: type))
      }
      return
    }
    let entries = shell.registry.commands.map { CommandSummary($0, help: nil) }
    shell.emit(HelpIndex(commands: entries), format: output.requested)
  }
}

/// One command as `help` lists it.
struct CommandSummary: Presentable {
  var name: String
  var aliases: [String]
  var group: String
  var summary: String
  var usage: String
  var help: String?
  var examples: [Example]

  struct Example: Encodable {
    var title: String
    var lines: [String]
    var output: String
  }

  var presentation: Presentation { .text(help ?? summary) }

  init(_ type: any ShellCommand.Type, help: String?) {
    name = type.name
    aliases = type.aliases
    group = type.group.title
    summary = type.summary
    usage = type.usageString()
    self.help = help
    examples = type.examples.map { Example(title: $0.title, lines: $0.lines, output: $0.output) }
  }
}

/// The list of commands, grouped by purpose.
struct HelpIndex: Presentable {
  var commands: [CommandSummary]

  var presentation: Presentation {
    var parts: [Presentation] = [
      .text(
        "Seimei compares public statements. Type 'help COMMAND' or 'COMMAND --help' for details.")
    ]
    let names = commands.map { ([$0.name] + $0.aliases).joined(separator: ", ") }
    let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
    for group in CommandGroup.allCases {
      let members = commands.indices.filter { commands[$0].group == group.title }
        .sorted { commands[$0].name < commands[$1].name }
      guard !members.isEmpty else { continue }
      let lines = members.map {
        "  " + DisplayWidth.pad(names[$0], to: nameWidth) + "  " + commands[$0].summary
      }
      parts += [.text(""), .heading(group.title), .text(lines.joined(separator: "\n"))]
    }
    return .sequence(parts)
  }
}
