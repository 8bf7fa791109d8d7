import Foundation

/// Replaying transcripts and checking what they say each command prints (`seimei --check`).
///
/// Each transcript replays in a shell of its own, as a new session would start: an empty
/// workspace, default settings and no init file, with the commands added to an in-memory
/// history only (so `history` lists the transcript's own commands). It runs in the
/// transcript's folder (relative paths resolve, and are shown, against it) under a transcript's
/// conditions: no terminal, no colour, no environment variables, `width auto` at
/// `Transcript.width` columns and the clock at `Transcript.date`. Commands that write files
/// (`save`, `record`, `> FILE`) write them there, as the recorded session did. A failing command
/// does not stop the replay: its error is part of the output. `quit` does: the commands after
/// it print nothing.
extension Transcript {
  /// What replaying one command gave.
  public struct Replay: Equatable, Sendable {
    /// The lines it printed (standard output and errors interleaved).
    public var output: [String]
    /// The line of the `quit` that ended the replay before this command, if one did.
    public var notRunAfterQuitAt: Int?
  }

  /// Replays the commands in a fresh shell working in `directory`; one result per entry.
  public func replay(in directory: String, registry: CommandRegistry = CommandRegistry())
    -> [Replay]
  {
    let printed = BufferSink()
    let shell = Shell(
      registry: registry, environment: .transcript(directory: directory), output: printed,
      errors: printed, history: History())
    var quitAt: Int?
    var results: [Replay] = []
    for entry in entries {
      if let quitAt {
        results.append(Replay(output: [], notRunAfterQuitAt: quitAt))
        continue
      }
      printed.clear()
      if let problem = entry.problem {
        shell.report(ShellError(problem), at: nil)
      } else {
        shell.history.add(entry.command)
        shell.execute(entry.command)
      }
      results.append(Replay(output: Transcript.lines(of: printed.text)))
      if shell.exitStatus != nil { quitAt = entry.line }
    }
    return results
  }
}

/// The outcome of checking one transcript file.
public struct TranscriptCheckResult: Sendable {
  /// The file as it was named.
  public var name: String
  public var transcript: Transcript
  public var replays: [Transcript.Replay]

  /// The entries whose output differs from what the transcript expects.
  public var differing: [Int] {
    transcript.entries.indices.filter { transcript.entries[$0].output != replays[$0].output }
  }

  /// The transcript with the outputs of the replay in place of the expected ones.
  public var updated: Transcript { transcript.replacingOutputs(with: replays.map(\.output)) }

  /// A unified diff per differing command, expected against actual. The headers name the
  /// command's line in the file (`--- expected lesson.transcript:12`); hunk line numbers are
  /// lines of the file, on both sides as if only this command's output were replaced; a `\`
  /// line explains what a diff cannot show (blank lines at the end, a replay ended by quit).
  public var diff: String {
    var lines: [String] = []
    for index in differing {
      let entry = transcript.entries[index]
      let replay = replays[index]
      lines.append("--- expected \(name):\(entry.line)")
      lines.append("+++ actual \(name):\(entry.line)")
      lines += UnifiedDiff.hunks(
        from: entry.output.map(Transcript.escape), to: replay.output.map(Transcript.escape),
        oldStart: entry.outputLine, newStart: entry.outputLine,
        section: TerminalText.cell(entry.command))
      if let quitAt = replay.notRunAfterQuitAt {
        lines.append("\\ not run: 'quit' at line \(quitAt) ended the replay")
      } else if let note = Self.trailingBlankNote(entry.output, replay.output) {
        lines.append("\\ " + note)
      }
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  /// "lesson.transcript: 12 commands, 2 differ" (or "all match"), with "; updated" when the
  /// file was rewritten.
  public func summary(updated: Bool = false) -> String {
    let count = transcript.entries.count
    let bad = differing.count
    var text = "\(name): \(count) command\(count == 1 ? "" : "s"), "
    if count == 1 {
      text += bad == 0 ? "matches" : "differs"
    } else {
      text += bad == 0 ? "all match" : "\(bad) differ\(bad == 1 ? "s" : "")"
    }
    if updated && bad > 0 { text += "; updated" }
    return text
  }

  /// When two outputs differ only in blank lines at their end, says so (a diff shows such a
  /// line as a bare `+` or `-`, easily missed).
  static func trailingBlankNote(_ expected: [String], _ actual: [String]) -> String? {
    func trailing(_ lines: [String]) -> Int { lines.reversed().prefix { $0.isEmpty }.count }
    let expectedBlank = trailing(expected)
    let actualBlank = trailing(actual)
    guard expectedBlank != actualBlank,
      expected.dropLast(expectedBlank) == actual.dropLast(actualBlank)
    else { return nil }
    func count(_ number: Int) -> String { "\(number) blank line\(number == 1 ? "" : "s")" }
    return "only blank lines at the end differ: expected \(count(expectedBlank)), "
      + "printed \(count(actualBlank))"
  }
}

/// `seimei --check [--update] FILE…`.
public enum TranscriptChecker {
  /// Reads and replays one transcript. `path` is resolved against `currentDirectory`; the
  /// result names the file as given. Throws `ShellError` for a file that cannot be read or
  /// holds no command.
  public static func check(
    _ path: String, currentDirectory: String, registry: CommandRegistry = CommandRegistry()
  ) throws(ShellError) -> TranscriptCheckResult {
    let absolute = Self.absolute(path, in: currentDirectory)
    let transcript = try Transcript(contentsOf: absolute, named: path)
    guard !transcript.entries.isEmpty else {
      throw ShellError("\(path): no commands (a transcript's commands start with 'seimei> ')")
    }
    // Symbolic links resolved, as the paths of loaded statements are, so that those inside
    // the folder are shown relative to it whatever the way to it.
    let directory = ((absolute as NSString).deletingLastPathComponent as NSString)
      .resolvingSymlinksInPath
    return TranscriptCheckResult(
      name: path, transcript: transcript,
      replays: transcript.replay(in: directory, registry: registry))
  }

  /// Checks each transcript in turn: the diffs of the commands that differ and a summary line
  /// per file go to `output`; a file that cannot be read or updated gets one error line on
  /// `errors` and the others are still checked. With `update`, a transcript that differs is
  /// rewritten with what the commands print now (header and commands kept as they are),
  /// through a temporary file renamed over it.
  ///
  /// - Returns: the exit status, as `diff` has it: 0 when every transcript matches (or was
  ///   updated), 1 when one differs, 2 when one could not be read or written.
  public static func run(
    _ paths: [String], update: Bool, currentDirectory: String, output: TextSink,
    errors: TextSink, registry: CommandRegistry = CommandRegistry()
  ) -> Int32 {
    var status: Int32 = 0
    for path in paths {
      do {
        let result = try check(path, currentDirectory: currentDirectory, registry: registry)
        output.write(result.diff)
        let differs = !result.differing.isEmpty
        if update && differs {
          try write(result.updated, to: absolute(path, in: currentDirectory), named: path)
        }
        output.write(result.summary(updated: update) + "\n")
        if differs && !update { status = max(status, 1) }
      } catch {
        errors.write("seimei: error: \(TerminalText.cell(error.message))\n")
        status = 2
      }
    }
    return status
  }

  /// Writes a transcript in place, atomically.
  static func write(_ transcript: Transcript, to path: String, named name: String)
    throws(ShellError)
  {
    do {
      try Data(transcript.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ShellError("\(name): cannot update: \(Shell.describe(error))")
    }
  }

  static func absolute(_ path: String, in directory: String) -> String {
    let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    return (full as NSString).standardizingPath
  }
}
