import ArgumentParser
import Foundation

struct RecordCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Write the commands run from now on into a script or a transcript.",
    discussion: """
      'record FILE' appends every command that succeeds from then on to FILE, one per line, as \
      typed (commands run inside a sourced script are not written; the 'source' line is). \
      'record stop' stops; 'record' alone says where commands are going. Replay the file with \
      'source FILE' or 'seimei FILE'. Paths are written as typed, so keep the recording in the \
      folder you work in for relative paths to replay.

      'record FILE --transcript' writes a transcript instead: each command after the prompt \
      'seimei> ', followed by everything it printed, errors included (a failing command is \
      kept with its error), for 'seimei --check FILE' to replay and compare. While it records, \
      the shell runs as the check will replay it: 'width auto' is 80 columns, paths outside \
      the current folder are shown relative to it, and statements loaded are stamped \
      2026-01-01T00:00:00Z; colour is left out of the file. A replay starts in a fresh shell, \
      so run the commands a transcript needs after starting to record.
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

        """),
    CommandExample(
      "Record a transcript, for seimei --check",
      lines: ["record lesson.transcript --transcript", "echo 声明", "record"],
      output: """
        recording a transcript to lesson.transcript
        声明
        recording a transcript to lesson.transcript

        """),
  ]

  @Argument(help: "The script to append to, or 'stop'.", completion: .file())
  var target: String?

  @Flag(help: "Write each command with its output, as a transcript for seimei --check.")
  var transcript = false

  func validate() throws {
    if transcript && (target == nil || target == "stop") {
      throw ValidationError("--transcript needs the file to record to: record FILE --transcript")
    }
  }

  mutating func run(in shell: Shell) throws {
    guard let target else {
      shell.print(
        shell.recording.map {
          "recording \(shell.recordsTranscript ? "a transcript" : "commands") to "
            + shell.displayPath($0)
        } ?? "not recording")
      return
    }
    if target == "stop" {
      guard let current = shell.recording else { throw ShellError("not recording") }
      shell.recording = nil
      shell.recordsTranscript = false
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
      // Appended lines must start on a line of their own.
      let existing = FileManager.default.contents(atPath: path)
      try Shell.append(existing?.last.map { $0 == 0x0A ? "" : "\n" } ?? "", toFile: path)
    } catch {
      throw ShellError("cannot record to \(target): \(Shell.describe(error))")
    }
    shell.recording = path
    shell.recordsTranscript = transcript
    let what = transcript ? "a transcript" : "commands"
    shell.print("recording \(what) to \(shell.displayPath(path))")
    if transcript, let missing = Self.notReplayed(shell).nilIfEmpty {
      shell.warn(
        "a transcript replays in a fresh shell, without this session's "
          + missing.joined(separator: ", ")
          + "; run what the transcript needs after 'record' to have it replayed")
    }
  }

  /// What the session has that a transcript's replay, starting afresh, will not.
  static func notReplayed(_ shell: Shell) -> [String] {
    var missing: [String] = []
    let count = shell.workspace.count
    if count > 0 { missing.append("\(count) loaded statement\(count == 1 ? "" : "s")") }
    let defaults = Settings()
    for name in Settings.Name.allCases
    where shell.settings.value(of: name) != defaults.value(of: name) {
      missing.append("'set \(name.rawValue) \(shell.settings.value(of: name))'")
    }
    if !shell.claims.additions.cues.isEmpty { missing.append("added cues") }
    if !shell.claims.gazetteerAdditions.entries.isEmpty { missing.append("added gazetteer names") }
    return missing
  }
}

extension Array {
  fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
