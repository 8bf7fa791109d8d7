import Foundation

/// What the shell knows about the process it runs in. Tests build one by hand.
public struct ShellEnvironment: Sendable {
  public var variables: [String: String]
  public var currentDirectory: String
  public var outputIsTerminal: Bool
  public var errorIsTerminal: Bool
  /// Asks the terminal for its width; nil when unknown.
  public var terminalWidth: @Sendable () -> Int?
  /// The clock that stamps statements as they are loaded (`info`'s `loaded`, a citation's
  /// access date). Replaceable so that output can be reproduced.
  public var now: @Sendable () -> Date
  /// The shell replays a transcript (`seimei --check`): output must come out the same on any
  /// machine, so `width auto` means `Transcript.width` columns, paths outside the current
  /// folder are shown relative to it (`../samples/a.txt`), and statements are stamped with
  /// `Transcript.date` whatever `now` says.
  public var replaysTranscript: Bool

  public init(
    variables: [String: String] = [:],
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    outputIsTerminal: Bool = false,
    errorIsTerminal: Bool = false,
    terminalWidth: @escaping @Sendable () -> Int? = { nil },
    now: @escaping @Sendable () -> Date = { Date() },
    replaysTranscript: Bool = false
  ) {
    self.variables = variables
    self.currentDirectory = currentDirectory
    self.outputIsTerminal = outputIsTerminal
    self.errorIsTerminal = errorIsTerminal
    self.terminalWidth = terminalWidth
    self.now = now
    self.replaysTranscript = replaysTranscript
  }

  /// The real process: environment variables, working directory and terminal checks.
  public static func process(terminalWidth: @escaping @Sendable () -> Int? = { nil })
    -> ShellEnvironment
  {
    ShellEnvironment(
      variables: ProcessInfo.processInfo.environment,
      currentDirectory: FileManager.default.currentDirectoryPath,
      outputIsTerminal: isatty(1) == 1,
      errorIsTerminal: isatty(2) == 1,
      terminalWidth: terminalWidth)
  }

  /// Where a transcript replays: in its own folder, with no terminal, no environment variables
  /// (so neither `NO_COLOR` nor `$HOME` can change the output) and the fixed clock.
  public static func transcript(directory: String) -> ShellEnvironment {
    ShellEnvironment(
      variables: [:], currentDirectory: directory, outputIsTerminal: false,
      errorIsTerminal: false, terminalWidth: { nil }, now: { Transcript.date },
      replaysTranscript: true)
  }

  /// True when `NO_COLOR` is set to anything but the empty string (https://no-color.org).
  public var noColor: Bool { !(variables["NO_COLOR"] ?? "").isEmpty }

  /// `~` and `~/…` expanded with `$HOME`.
  public func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = variables["HOME"], !home.isEmpty
    else { return path }
    return home + path.dropFirst()
  }
}

/// A place in a script: shown as `FILE:LINE` in errors.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}

/// An error a command reports: one line naming the input and the reason.
public struct ShellError: Error, CustomStringConvertible, Sendable {
  public var message: String
  /// Printed after the message for errors in how the command was typed.
  public var usage: String?

  public init(_ message: String, usage: String? = nil) {
    self.message = message
    self.usage = usage
  }

  public var description: String { message }
}

/// A failure that has already been reported where it happened (inside a sourced script, or
/// item by item by a command such as `load DIR`); callers stop, but print nothing more.
public struct ReportedFailure: Error {
  public init() {}
}
