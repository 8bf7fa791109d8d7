import Foundation

/// What the shell knows about the process it runs in. Tests build one by hand.
public struct ShellEnvironment: Sendable {
  public var variables: [String: String]
  public var currentDirectory: String
  public var outputIsTerminal: Bool
  public var errorIsTerminal: Bool
  /// Asks the terminal for its width; nil when unknown.
  public var terminalWidth: @Sendable () -> Int?

  public init(
    variables: [String: String] = [:],
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    outputIsTerminal: Bool = false,
    errorIsTerminal: Bool = false,
    terminalWidth: @escaping @Sendable () -> Int? = { nil }
  ) {
    self.variables = variables
    self.currentDirectory = currentDirectory
    self.outputIsTerminal = outputIsTerminal
    self.errorIsTerminal = errorIsTerminal
    self.terminalWidth = terminalWidth
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
