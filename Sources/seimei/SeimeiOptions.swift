import ArgumentParser

/// The process's own flags. Commands inside the shell are parsed by the shell, not here.
struct SeimeiOptions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seimei",
    abstract: "An interactive shell for reading public statements side by side.",
    discussion: """
      With no scripts and a terminal, starts the interactive shell (running the init file \
      $XDG_CONFIG_HOME/seimei/init.seimei first, unless --no-init). With scripts or -c \
      commands, runs them in the order given and exits; with standard input from a pipe, runs \
      the lines read. Exit status: 0 on success, 2 for a usage error, 3 when a command failed.
      """,
    version: "seimei 0.1.0")

  @Argument(help: "Scripts to run in order, then exit.", completion: .file())
  var scripts: [String] = []

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp(
      "Run a command (repeatable; runs in order with the scripts).", valueName: "command"))
  var commands: [String] = []

  @Option(
    name: .customShort("i"),
    help: ArgumentHelp("Run this script, then stay in the interactive shell.", valueName: "script"),
    completion: .file())
  var interactiveScript: String?

  @Flag(help: "Print each command after the prompt before its output, like a session.")
  var echo = false

  @Flag(help: "After a failing command, carry on; exit with status 3 at the end.")
  var keepGoing = false

  @Flag(help: "Do not run the init file.")
  var noInit = false

  /// Scripts and `-c` commands in the order they were given.
  enum Item: Equatable {
    case script(String)
    case command(String)
  }

  /// Reconstructs the order of scripts and `-c` commands from the raw arguments (the parser
  /// keeps each kind in its own list).
  func items(arguments: [String]) -> [Item] {
    var items: [Item] = []
    var commandIndex = 0
    var scriptIndex = 0
    var index = 0
    var afterTerminator = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if afterTerminator || argument == "-" || !argument.hasPrefix("-") {
        if scriptIndex < scripts.count { items.append(.script(scripts[scriptIndex])) }
        scriptIndex += 1
      } else if argument == "--" {
        afterTerminator = true
      } else if argument.hasPrefix("-c") {
        if commandIndex < commands.count { items.append(.command(commands[commandIndex])) }
        commandIndex += 1
        if argument == "-c" { index += 1 }
      } else if argument == "-i" {
        index += 1
      }
    }
    return items
  }
}
