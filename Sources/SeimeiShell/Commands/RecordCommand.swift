import ArgumentParser
import Foundation

struct RecordCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Write the commands run from now on into a script that replays the session.",
    discussion: """
      'record FILE' appends every command that succeeds from then on to FILE, one per line, as \
      typed (commands run inside a sourced script are not written; the 'source' line is). \
      'record stop' stops; 'record' alone says where commands are going. Replay the file with \
      'source FILE' or 'seimei FILE'. Paths are written as typed, so keep the recording in the \
      folder you work in for relative paths to replay.
      """)
  static let group = CommandGroup.scripts
  static let isRecorded = false
  static let examples = [
    CommandExample(
      "Record two commands, then replay them",
      lines: [
        "record session.seimei", "echo one", "ech two", "echo two", "record stop",
        "source session.seimei",
      ],
      output: """
        recording commands to session.seimei
        one
        error: unknown command 'ech'; did you mean 'echo'?
        two
        stopped recording to session.seimei
        one
        two

        """)
  ]

  @Argument(help: "The script to append to, or 'stop'.", completion: .file())
  var target: String?

  mutating func run(in shell: Shell) throws {
    guard let target else {
      shell.print(
        shell.recording.map { "recording commands to \(shell.displayPath($0))" } ?? "not recording")
      return
    }
    if target == "stop" {
      guard let current = shell.recording else { throw ShellError("not recording") }
      shell.recording = nil
      shell.print("stopped recording to \(shell.displayPath(current))")
      return
    }
    let path = shell.resolve(target)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw ShellError("\(target): is a folder")
    }
    do {
      try Shell.append("", toFile: path)
    } catch {
      throw ShellError("cannot record to \(target): \(Shell.describe(error))")
    }
    shell.recording = path
    shell.print("recording commands to \(shell.displayPath(path))")
  }
}
