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

      --check replays transcripts (made with 'record FILE --transcript': each command after \
      'seimei> ', then the output expected of it), each in a fresh shell in the transcript's \
      folder, at 80 columns, without colour and with the clock at 2026-01-01T00:00:00Z, and \
      prints a unified diff for every command whose output differs, then a summary line per \
      file. Exit status: 0 when all match, 1 when one differs, 2 when one cannot be read. \
      --update rewrites the expected output of those that differ.

      --step shows each command of a script and waits for a line on standard input: Enter \
      runs the command, s skips it, q quits, i opens the interactive shell on the workspace as \
      it stands (Ctrl-D comes back). echo lines, the narration, run without waiting.
      """,
    version: "seimei 0.1.0")

  @Argument(
    help: "Scripts to run in order, then exit (transcripts, with --check).", completion: .file())
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

  @Flag(
    help:
      "Print each command after the prompt before its output, like a session; narration (echo) shows its text alone."
  )
  var echo = false

  @Flag(help: "After a failing command, carry on; exit with status 3 at the end.")
  var keepGoing = false

  @Flag(help: "Do not run the init file.")
  var noInit = false

  @Flag(help: "Replay transcripts and show every command whose output differs, as a diff.")
  var check = false

  @Flag(help: "With --check, rewrite each transcript's expected output with the output now.")
  var update = false

  @Option(
    help: ArgumentHelp(
      "Step through a script: Enter runs each command, s skips, q quits, i goes interactive.",
      valueName: "script"),
    completion: .file())
  var step: String?

  func validate() throws {
    if update && !check {
      throw ValidationError("--update goes with --check: seimei --check --update FILE…")
    }
    if check {
      guard !scripts.isEmpty else {
        throw ValidationError("--check needs one or more transcripts: seimei --check FILE…")
      }
      let others = [
        ("-c", !commands.isEmpty), ("-i", interactiveScript != nil), ("--step", step != nil),
        ("--echo", echo), ("--keep-going", keepGoing),
      ].filter(\.1).map(\.0)
      if !others.isEmpty {
        throw ValidationError(
          "--check replays transcripts by themselves, without "
            + others.joined(separator: ", "))
      }
    }
    if step != nil {
      let others = [
        ("other scripts", !scripts.isEmpty), ("-c", !commands.isEmpty),
        ("-i", interactiveScript != nil), ("--echo", echo), ("--keep-going", keepGoing),
      ].filter(\.1).map(\.0)
      if !others.isEmpty {
        throw ValidationError(
          "--step runs one script by itself (seimei --step FILE), without "
            + others.joined(separator: ", "))
      }
    }
  }

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
      } else if argument == "-i" || argument == "--step" {
        index += 1
      }
    }
    return items
  }
}
