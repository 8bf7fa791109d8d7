import ArgumentParser

/// A command of the Seimei shell.
///
/// A command is one type in one file: its name, aliases and one-line summary come from
/// `configuration` (swift-argument-parser's `CommandConfiguration`), its usage and options from
/// its `@Argument`/`@Option`/`@Flag` declarations, and its worked examples from `examples`, which
/// the test suite runs so that help never drifts from behaviour. Parsing never exits the process:
/// the shell calls `parse(_:)` and reports errors itself.
public protocol ShellCommand: ParsableCommand {
  /// Where `help` lists the command.
  static var group: CommandGroup { get }
  /// Worked examples: shown by `help COMMAND` and run as tests.
  static var examples: [CommandExample] { get }
  /// Whether `record` writes the command into the recorded script (false for `record`, `quit`…).
  static var isRecorded: Bool { get }
  /// Candidates for the word being completed, when the declarations alone cannot tell
  /// (for instance values that depend on an earlier argument). Nil defers to the declarations.
  static func completions(for context: CompletionContext) -> [String]?

  /// Runs the parsed command against the shell's state.
  mutating func run(in shell: Shell) throws
}

extension ShellCommand {
  public static var examples: [CommandExample] { [] }
  public static var isRecorded: Bool { true }
  public static func completions(for context: CompletionContext) -> [String]? { nil }

  /// The name typed to run the command.
  public static var name: String { configuration.commandName ?? _commandName }
  /// Other names that run the command.
  public static var aliases: [String] { configuration.aliases }
  /// The one-line summary shown by `help`.
  public static var summary: String { configuration.abstract }
}

/// The sections of `help`, in the order they are listed.
public enum CommandGroup: Int, CaseIterable, Sendable, Codable, Comparable {
  case statements
  case explore
  case analysis
  case citation
  case scripts
  case shell

  public var title: String {
    switch self {
    case .statements: return "Statements"
    case .explore: return "Exploring"
    case .analysis: return "Analysis"
    case .citation: return "Quoting and citing"
    case .scripts: return "Scripts and sessions"
    case .shell: return "Shell"
    }
  }

  public static func < (lhs: CommandGroup, rhs: CommandGroup) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// A worked example: the lines typed and everything they print (standard output and errors,
/// interleaved as a user sees them). `files` are created beside the example before it runs.
public struct CommandExample: Sendable {
  public var title: String
  public var lines: [String]
  public var output: String
  public var files: [String: String]

  public init(_ title: String, lines: [String], output: String, files: [String: String] = [:]) {
    self.title = title
    self.lines = lines
    self.output = output
    self.files = files
  }
}

extension CompletionKind {
  /// Completes the names of the statements in the workspace.
  public static var statementName: CompletionKind { .shellCommand(CompletionMarker.statements) }
  /// Completes the names of the shell's commands.
  public static var commandName: CompletionKind { .shellCommand(CompletionMarker.commands) }
}

enum CompletionMarker {
  static let statements = "seimei:statements"
  static let commands = "seimei:commands"
}
