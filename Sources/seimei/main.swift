import ArgumentParser
import Foundation
import LineEditor
import SeimeiShell

let arguments = Array(CommandLine.arguments.dropFirst())
let options: SeimeiOptions
do {
  options = try SeimeiOptions.parse(arguments)
} catch {
  let code = SeimeiOptions.exitCode(for: error)
  if code == .success {
    FileDescriptorSink.standardOutput.write(SeimeiOptions.fullMessage(for: error) + "\n")
    exit(0)
  }
  FileDescriptorSink.standardError.write(
    "seimei: error: " + SeimeiOptions.message(for: error).lowercasingFirstWord + "\n"
      + "usage: " + SeimeiOptions.usageString() + "\n")
  exit(2)
}

if options.check {
  exit(
    TranscriptChecker.run(
      options.scripts, update: options.update,
      currentDirectory: FileManager.default.currentDirectoryPath,
      output: FileDescriptorSink.standardOutput, errors: FileDescriptorSink.standardError))
}

let items = options.items(arguments: arguments)
let inputIsTerminal = isatty(0) == 1
let outputIsTerminal = isatty(1) == 1
// Stepping through a script is a session too: 'i' opens the interactive shell.
let interactive =
  options.step != nil || options.interactiveScript != nil || (items.isEmpty && inputIsTerminal)
let editing = interactive && inputIsTerminal && outputIsTerminal
if editing { LineEditor.prepareProcess() }

let environment = ShellEnvironment.process(terminalWidth: { LineEditor.terminalColumns() })
let history =
  interactive
  ? History(file: HistoryFile.defaultPath(environment: environment.variables).map(HistoryFile.init))
  : History()
let shell = Shell(
  environment: environment, output: FileDescriptorSink.standardOutput,
  errors: FileDescriptorSink.standardError, history: history)
shell.echoCommands = options.echo
shell.keepGoing = options.keepGoing

/// The interactive shell: line editing on a terminal, else plain lines from `reader`.
func interactWithUser(_ shell: Shell, reader: PlainLineReader) {
  if editing,
    let editor = LineEditor(
      programName: "seimei",
      completion: { line, cursor in Completer(shell: shell).complete(line: line, cursor: cursor) })
  {
    shell.interact(with: editor, prompting: true)
  } else {
    shell.interact(with: reader, prompting: false)
  }
}

if let script = options.step {
  // Answers are read as lines from standard input, a terminal or a pipe; the interactive shell
  // ('i') reads from the same place, so the reader is shared.
  let answers = PlainLineReader(descriptor: 0)
  let ok = shell.step(throughScript: script, answers: answers, hint: inputIsTerminal) {
    interactWithUser($0, reader: answers)
  }
  exit(shell.exitStatus ?? (ok ? 0 : 3))
}

if !interactive {
  if items.isEmpty {
    shell.runStream(PlainLineReader(descriptor: 0), label: "<stdin>")
  } else {
    var commandNumber = 0
    for item in items {
      let ok: Bool
      switch item {
      case .script(let path):
        ok = shell.runScript(atPath: path)
      case .command(let text):
        commandNumber += 1
        ok = shell.runCommand(text, location: SourceLocation(file: "-c", line: commandNumber))
      }
      if shell.exitStatus != nil || (!ok && !shell.keepGoing) { break }
    }
  }
  exit(shell.exitStatus ?? (shell.failureCount > 0 ? 3 : 0))
}

if !options.noInit { shell.runInitFile() }
if let script = options.interactiveScript, shell.exitStatus == nil {
  shell.runScript(atPath: script)
}
if shell.exitStatus == nil {
  interactWithUser(shell, reader: PlainLineReader(descriptor: 0))
}
exit(shell.exitStatus ?? 0)

extension String {
  /// "Unknown option" → "unknown option", as the shell's own errors read; "URL" stays.
  var lowercasingFirstWord: String {
    guard let first = first, first.isUppercase, dropFirst().first?.isLowercase == true else {
      return self
    }
    return first.lowercased() + dropFirst()
  }
}
