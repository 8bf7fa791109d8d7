import Foundation

/// Stepping through a script one command at a time (`seimei --step FILE`), for a teacher
/// walking a class through an analysis.
extension Shell {
  /// What a line of the answers asks for.
  public enum StepAnswer: Equatable, Sendable {
    /// An empty line (Enter): run the command.
    case run
    /// `s`: leave the command out and go on to the next.
    case skip
    /// `q`, the end of the answers or Ctrl-C: stop.
    case quit
    /// `i`: the interactive shell, with the workspace as it stands.
    case interactive

    /// The answer a typed line gives, or nil for one that means nothing.
    public init?(_ line: String) {
      switch line.trimmingCharacters(in: .whitespaces).lowercased() {
      case "": self = .run
      case "s", "skip": self = .skip
      case "q", "quit": self = .quit
      case "i", "interactive": self = .interactive
      default: return nil
      }
    }
  }

  /// The hint shown before each answer on a terminal.
  public static let stepHint = "[Enter] run  [s] skip  [q] quit  [i] interactive "

  /// Runs a script one command at a time. Each command is shown after the prompt, as `--echo`
  /// shows it (`seimei[2]> compare akitsu arvenna`), and waits for an answer read from
  /// `answers`, one line each: an empty line runs it, `s` skips it, `q` stops, and `i` calls
  /// `interactive`, which runs the interactive shell on the workspace as it stands; when that
  /// ends (Ctrl-D, or the end of its input) the waiting command is shown again, unless `quit`
  /// ended the session. `echo` lines, the narration, run as they come without waiting, and
  /// show their text alone, as with `--echo`. Blank
  /// and comment lines are passed over. The end of the answers stops, like `q`.
  ///
  /// As in an interactive session, a failing command is reported (`error: …`, no `FILE:LINE`)
  /// and the script goes on. Paths in the script are relative to its folder; in the
  /// interactive shell, to the current folder, as with `-i`.
  ///
  /// - Parameters:
  ///   - hint: write `stepHint` on standard error before each answer, and on a terminal
  ///     erase it once answered, so that the screen reads like the session. Pass true when the
  ///     answers come from a terminal; answers from a pipe need no hint.
  /// - Returns: false when the script could not be read (the error is reported).
  @discardableResult
  public func step(
    throughScript path: String, answers: LineSource, hint: Bool,
    interactive: (Shell) -> Void
  ) -> Bool {
    let absolute = resolve(path)
    let lines: [ScriptFile.Line]
    do {
      lines = try ScriptFile.read(absolute, named: path)
    } catch {
      report((error as? ShellError) ?? ShellError(Self.describe(error)), at: nil)
      return false
    }
    let frame = ScriptFrame(
      path: (absolute as NSString).resolvingSymlinksInPath,
      directory: (absolute as NSString).deletingLastPathComponent)
    let outer = frames
    frames = outer + [frame]
    defer { frames = outer }
    lines: for line in lines {
      guard exitStatus == nil else { break }
      let kind = Self.stepKind(of: line)
      if kind == .nothing { continue }
      // Narration shows its text only, as with --echo.
      if kind == .command { standardOutput.write(TerminalText.sanitize(prompt + line.text) + "\n") }
      if kind == .command {
        waiting: while true {
          switch readStepAnswer(from: answers, hint: hint) {
          case .run: break waiting
          case .skip: continue lines
          case .quit: return true
          case .interactive:
            if hint {
              errorOutput.write(
                "the interactive shell; Ctrl-D goes back to \(displayPath(absolute))\n")
            }
            frames = outer
            interactive(self)
            frames = outer + [frame]
            guard exitStatus == nil else { return true }
            standardOutput.write(TerminalText.sanitize(prompt + line.text) + "\n")
          }
        }
      }
      if let problem = line.problem {
        report(ShellError(problem), at: nil)
      } else {
        execute(line.text)
      }
    }
    return true
  }

  private enum StepKind { case nothing, narration, command }

  /// Blank and comment lines are nothing; `echo` is narration; anything else (a line that
  /// does not parse too: running it reports why) is a command to wait for.
  private static func stepKind(of line: ScriptFile.Line) -> StepKind {
    guard line.problem == nil else { return .command }
    let parsed: ParsedLine?
    do {
      parsed = try ParsedLine.parse(line.text)
    } catch {
      return .command
    }
    guard let parsed else { return .nothing }
    return parsed.command == "echo" && parsed.redirect == nil ? .narration : .command
  }

  /// Reads answers until one means something; an unknown one is explained on standard error.
  private func readStepAnswer(from answers: LineSource, hint: Bool) -> StepAnswer {
    let style = Style(enabled: colorEnabled(terminal: environment.errorIsTerminal))
    while true {
      if hint { errorOutput.write(style.dim(Self.stepHint)) }
      let input = answers.readLine(prompt: "")
      // The answer's line end moved the cursor down: go back up and clear the hint.
      if hint && environment.errorIsTerminal { errorOutput.write("\u{1B}[1A\r\u{1B}[2K") }
      guard case .line(let text) = input else { return .quit }
      if let answer = StepAnswer(text) { return answer }
      errorOutput.write(
        "answer with Enter to run the command, s to skip it, q to quit or i for the "
          + "interactive shell\n")
    }
  }
}
