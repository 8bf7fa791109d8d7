import ArgumentParser
import Foundation
import SeimeiKit

/// The state of one Seimei session and the dispatcher that runs command lines against it.
///
/// Like Python's `cmd`, the loop is small: a line is tokenised, its first word names a command,
/// the rest is parsed by the command's declarations, and the command runs. Everything a command
/// prints goes through `emit`/`print`, so tests can feed lines and read the output.
public final class Shell {
  public let registry: CommandRegistry
  public var workspace = Workspace()
  public var settings = Settings()
  /// The session's cue lexicon and the claims found with it.
  public let claims = ClaimsState()
  public let history: History
  public let environment: ShellEnvironment
  /// Print each command, after the prompt, before its output (`--echo`).
  public var echoCommands = false
  /// Carry on after a failing command in a script, and fail at the end (`--keep-going`).
  public var keepGoing = false
  /// Commands that failed so far.
  public private(set) var failureCount = 0
  /// Set by `quit`: the status the process should exit with.
  public internal(set) var exitStatus: Int32?
  /// The script the commands run by `record` go to.
  public internal(set) var recording: String? {
    didSet { recordingDepth = frames.count }
  }
  /// Whether `recording` is a transcript (`record FILE --transcript`): each command is written
  /// with the output it printed, failing commands too.
  public internal(set) var recordsTranscript = false
  /// How deep in sourced scripts `record` was run: only commands at that depth are written.
  private var recordingDepth = 0

  /// The script line the running command was read from, if any.
  public private(set) var currentLocation: SourceLocation?

  let standardOutput: TextSink
  let errorOutput: TextSink
  /// Copies what reaches standard output and error, in the order printed, while a command is
  /// recorded into a transcript.
  private let outputTee: TeeSink
  private let errorTee: TeeSink
  /// Where the command being recorded into a transcript was read from, if from a script.
  private var transcriptCommandLocation: SourceLocation?
  private var redirectBuffer: BufferSink?
  var frames: [ScriptFrame] = []

  public init(
    registry: CommandRegistry = CommandRegistry(),
    environment: ShellEnvironment = ShellEnvironment(),
    output: TextSink,
    errors: TextSink? = nil,
    history: History = History()
  ) {
    self.registry = registry
    self.environment = environment
    outputTee = TeeSink(output)
    errorTee = TeeSink(errors ?? output)
    self.standardOutput = outputTee
    self.errorOutput = errorTee
    self.history = history
  }

  /// The interactive prompt, showing how many statements are loaded: `seimei[2]> `.
  public var prompt: String { "seimei[\(workspace.count)]> " }

  /// The prompt for the continuation of a line ending in `\`.
  public var continuationPrompt: String {
    String(repeating: " ", count: max(0, prompt.count - 4)) + "..> "
  }

  // MARK: - Output

  /// Where command output goes now: the terminal, or a buffer for `> FILE`.
  var output: TextSink { redirectBuffer ?? standardOutput }

  var isRedirected: Bool { redirectBuffer != nil }

  /// Whether colour is used on standard output.
  public var colorEnabled: Bool { colorEnabled(terminal: environment.outputIsTerminal) }

  func colorEnabled(terminal: Bool) -> Bool {
    if environment.noColor || isRedirected { return false }
    switch settings.color {
    case .on: return true
    case .off: return false
    case .auto: return terminal
    }
  }

  /// Columns for tables and help; nil for no limit (output that is not a terminal). A
  /// transcript, replayed or recorded, runs at `Transcript.width` columns.
  public var outputWidth: Int? {
    switch settings.width {
    case .columns(let count): return count
    case .auto:
      guard !isRedirected else { return nil }
      if underTranscriptConditions { return Transcript.width }
      guard environment.outputIsTerminal else { return nil }
      return environment.terminalWidth() ?? 80
    }
  }

  /// True while the shell replays a transcript or records one: output must then be what any
  /// machine would print (fixed width and clock, no absolute paths).
  public var underTranscriptConditions: Bool {
    environment.replaysTranscript || (recording != nil && recordsTranscript)
  }

  /// The clock that stamps loaded statements: the environment's, or `Transcript.date` under a
  /// transcript's conditions, so that `info` and citations' access dates replay.
  public var clock: @Sendable () -> Date {
    if underTranscriptConditions { return { Transcript.date } }
    return environment.now
  }

  public func renderer(format: OutputFormat? = nil) -> Renderer {
    Renderer(
      format: format ?? settings.format, width: outputWidth, style: Style(enabled: colorEnabled))
  }

  /// Prints a result in the chosen format (the setting, unless the command was given one).
  public func emit<Value: Presentable>(_ value: Value, format: OutputFormat? = nil) {
    output.write(renderer(format: format).render(value))
  }

  /// Prints text as a line; control characters and escape sequences are removed.
  public func print(_ text: String) {
    output.write(renderer().render(.text(text.hasSuffix("\n") ? text : text + "\n")))
  }

  /// Prints text that the shell itself styled (help); not sanitised again.
  func printStyled(_ text: String) {
    output.write(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// Prints a warning on standard error.
  public func warn(_ message: String) {
    let style = Style(enabled: colorEnabled(terminal: environment.errorIsTerminal))
    errorOutput.write(style.yellow("warning:") + " " + TerminalText.sanitize(message) + "\n")
  }

  /// Reports one problem of a command that carries on past it (one bad file in a folder), at
  /// the running command's location. The command then ends with `throw ReportedFailure()`.
  public func reportProblem(_ message: String) {
    report(ShellError(message), at: currentLocation)
  }

  /// Reports a failure on standard error: `FILE:LINE: error: MESSAGE` in a script, else
  /// `error: MESSAGE`, followed by the usage line for errors in how a command was typed.
  func report(_ error: ShellError, at location: SourceLocation?) {
    failureCount += 1
    let style = Style(enabled: colorEnabled(terminal: environment.errorIsTerminal))
    var text = style.red("error:") + " " + TerminalText.cell(error.message) + "\n"
    if let usage = error.usage { text += TerminalText.sanitize(usage) + "\n" }
    guard let location else { return errorOutput.write(text) }
    let located = TerminalText.cell(location.description) + ": " + text
    // A transcript shows the errors of its own commands as a session does, without the
    // script line they were read from (commands piped in or run by a script): a replay has none.
    if let copy = errorTee.copy, location == transcriptCommandLocation {
      errorTee.base.write(located)
      copy.write(text)
    } else {
      errorOutput.write(located)
    }
  }

  // MARK: - Paths

  /// The folder relative paths are resolved against: the running script's, else the current one.
  public var baseDirectory: String { frames.last?.directory ?? environment.currentDirectory }

  /// A path typed in a command, made absolute.
  public func resolve(_ path: String) -> String {
    let expanded = environment.expandingTilde(path)
    if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
    return ((baseDirectory as NSString).appendingPathComponent(expanded) as NSString)
      .standardizingPath
  }

  /// A path shown to the user: relative to the current folder when inside it. Under a
  /// transcript's conditions paths outside it are relative too (`../samples/a.txt`), so that
  /// no machine's folders appear in a transcript.
  public func displayPath(_ absolute: String) -> String {
    let base =
      environment.currentDirectory.hasSuffix("/")
      ? environment.currentDirectory : environment.currentDirectory + "/"
    if absolute.hasPrefix(base) { return String(absolute.dropFirst(base.count)) }
    guard underTranscriptConditions, absolute.hasPrefix("/") else { return absolute }
    return Self.relativePath(absolute, from: environment.currentDirectory)
  }

  /// `to` relative to the folder `from` (both absolute), with `..` for each folder to climb.
  static func relativePath(_ to: String, from: String) -> String {
    let target = (to as NSString).standardizingPath.split(separator: "/")
    let base = (from as NSString).standardizingPath.split(separator: "/")
    var common = 0
    while common < min(target.count, base.count) && target[common] == base[common] {
      common += 1
    }
    let parts =
      Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  // MARK: - Running a line

  /// Runs one command line and reports any failure. Returns false when the command failed.
  /// While a transcript is recorded, a command at the recording's depth is written to it with
  /// everything it printed.
  @discardableResult
  public func execute(_ line: String, at location: SourceLocation? = nil) -> Bool {
    guard let transcript = transcriptRecordingTarget(for: line) else {
      return executeReporting(line, at: location)
    }
    let capture = BufferSink()
    outputTee.copy = capture
    errorTee.copy = capture
    transcriptCommandLocation = location
    let ok = executeReporting(line, at: location)
    outputTee.copy = nil
    errorTee.copy = nil
    transcriptCommandLocation = nil
    // 'record stop' or a new 'record' ends this recording; such lines are not recorded anyway.
    if recording == transcript && recordsTranscript {
      writeTranscriptEntry(line, output: capture.text, to: transcript)
    }
    return ok
  }

  /// The transcript `line` is to be recorded into, if any: commands typed at the depth where
  /// `record --transcript` was run, failing ones too (their errors are part of the session),
  /// but not blank lines, comments or commands that are never recorded (`record`, `quit`).
  private func transcriptRecordingTarget(for line: String) -> String? {
    guard recordsTranscript, let recording, frames.count == recordingDepth else { return nil }
    let parsed: ParsedLine?
    do {
      parsed = try ParsedLine.parse(line)
    } catch {
      return recording  // recorded with its error, as the session showed it
    }
    guard let parsed else { return nil }
    if let type = registry.command(named: parsed.command), !type.isRecorded { return nil }
    return recording
  }

  /// Appends one command and its output to the transcript being recorded. Escape codes are
  /// left out unless colour was asked for with `set color on` (a replay prints them then too).
  private func writeTranscriptEntry(_ line: String, output: String, to path: String) {
    var text = settings.color == .on ? output : TerminalText.sanitize(output)
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    do {
      try Self.append(Transcript.prompt + line + "\n" + text, toFile: path)
    } catch {
      recording = nil
      recordsTranscript = false
      warn("recording stopped: cannot write \(displayPath(path)): \(Self.describe(error))")
    }
  }

  private func executeReporting(_ line: String, at location: SourceLocation?) -> Bool {
    let outer = currentLocation
    currentLocation = location
    defer { currentLocation = outer }
    do {
      try run(line, at: location)
      return true
    } catch let error as ShellError {
      report(error, at: location)
    } catch is ReportedFailure {
    } catch {
      report(ShellError(Self.describe(error)), at: location)
    }
    return false
  }

  /// Runs one command line; errors are thrown, not reported.
  func run(_ line: String, at location: SourceLocation?) throws {
    let parsed: ParsedLine
    do {
      guard let result = try ParsedLine.parse(line) else { return }
      parsed = result
    } catch {
      throw ShellError(error.description)
    }
    // Echo what was typed at the top level, as a session would show it; the commands of a
    // sourced script stay hidden behind its 'source' line. The echo is not the command's
    // output, so a transcript being recorded does not get it. An `echo` (not redirected) is
    // narration: its text is shown once, without the command that prints it.
    let narration = parsed.command == "echo" && parsed.redirect == nil
    if echoCommands && frames.count <= 1 && !narration {
      outputTee.base.write(TerminalText.sanitize(prompt + line) + "\n")
    }
    guard let type = registry.command(named: parsed.command) else {
      throw ShellError(
        "unknown command '\(parsed.command)'"
          + (Suggestions.phrase(registry.suggestions(for: parsed.command)).nilIfEmpty
            ?? " (type 'help' for the list of commands)"))
    }
    let helpRequested = parsed.arguments.prefix { $0 != "--" }.contains {
      $0 == "--help" || $0 == "-h"
    }
    try withRedirect(parsed.redirect) {
      if helpRequested {
        printStyled(helpText(for: type))
      } else {
        try type.parseAndRun(parsed.arguments, in: self)
      }
    }
    if type.isRecorded, frames.count == recordingDepth, let recording, !recordsTranscript {
      do {
        try Self.append(line + "\n", toFile: recording)
      } catch {
        self.recording = nil
        warn("recording stopped: cannot write \(displayPath(recording)): \(Self.describe(error))")
      }
    }
  }

  private func withRedirect(_ redirect: ParsedLine.Redirect?, _ body: () throws -> Void) throws {
    guard let redirect else { return try body() }
    let path = resolve(redirect.path)
    let buffer = BufferSink()
    let previous = redirectBuffer
    redirectBuffer = buffer
    defer { redirectBuffer = previous }
    try body()
    do {
      if redirect.append {
        try Self.append(buffer.text, toFile: path)
      } else {
        try Data(buffer.text.utf8).write(to: URL(fileURLWithPath: path))
      }
    } catch {
      throw ShellError("cannot write \(redirect.path): \(Self.describe(error))")
    }
  }

  static func append(_ text: String, toFile path: String) throws {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  }

  /// One line describing an error from Foundation, POSIX or the shell.
  static func describe(_ error: Error) -> String {
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    if error is CocoaError {
      let nsError = error as NSError
      if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
        underlying.domain == NSPOSIXErrorDomain
      {
        return String(cString: strerror(Int32(underlying.code)))
      }
      return nsError.localizedDescription
    }
    return String(describing: error)
  }

  // MARK: - Help

  /// The full help of a command: summary, usage and options from its declarations, aliases, and
  /// its worked examples.
  public func helpText(for type: any ShellCommand.Type) -> String {
    let style = Style(enabled: colorEnabled)
    var text = type.helpMessage(columns: outputWidth ?? 80)
    while text.hasSuffix("\n") { text.removeLast() }
    for heading in ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:"] {
      text = text.replacingOccurrences(of: heading, with: style.bold(heading))
    }
    if !type.aliases.isEmpty {
      text += "\n\n" + style.bold("ALIASES:") + " " + type.aliases.joined(separator: ", ")
    }
    if !type.examples.isEmpty {
      text += "\n\n" + style.bold("EXAMPLES:")
      for example in type.examples {
        text += "\n  " + example.title + "\n"
        for line in example.lines { text += "    seimei> " + line + "\n" }
        for line in example.output.split(separator: "\n", omittingEmptySubsequences: false)
        where !line.isEmpty {
          text += "    " + line + "\n"
        }
      }
      while text.hasSuffix("\n") { text.removeLast() }
    }
    return text + "\n"
  }
}

/// Passes text on to another sink and, while `copy` is set, copies it there too.
final class TeeSink: TextSink {
  let base: TextSink
  var copy: BufferSink?

  init(_ base: TextSink) { self.base = base }

  func write(_ text: String) {
    base.write(text)
    copy?.write(text)
  }
}

struct ScriptFrame {
  var path: String
  var directory: String
}

extension ShellCommand {
  /// Parses the arguments with the command's declarations and runs it.
  static func parseAndRun(_ arguments: [String], in shell: Shell) throws {
    var command: Self
    do {
      command = try parse(arguments)
    } catch {
      var message = message(for: error)
      if let range = message.range(of: ". Did you mean ") {
        message.replaceSubrange(range, with: "; did you mean ")
      } else if let suggestion = Self.valueSuggestion(message) {
        message = suggestion
      } else if let range = message.range(of: "Unknown option '"),
        let end = message[range.upperBound...].firstIndex(of: "'")
      {
        let option = String(message[range.upperBound..<end])
        let names = shell.registry.info(for: self).optionNames
        message += Suggestions.phrase(Suggestions.closest(to: option, among: names))
      }
      throw ShellError(
        Self.lowercasingFirst(message),
        usage: "usage: " + usageString().replacingOccurrences(of: "\n", with: " "))
    }
    try command.run(in: shell)
  }

  /// "The value 'colour' is invalid for '<name>'. Please provide one of 'format', 'color' or
  /// 'width'." becomes "… invalid for '<name>'; did you mean 'color'?" when one is close.
  static func valueSuggestion(_ message: String) -> String? {
    guard let provide = message.range(of: ". Please provide one of "),
      let valueStart = message.range(of: "The value '")?.upperBound,
      let valueEnd = message[valueStart...].firstIndex(of: "'")
    else { return nil }
    let value = String(message[valueStart..<valueEnd])
    let allowed = message[provide.upperBound...]
      .split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    let close = Suggestions.closest(to: value, among: allowed)
    guard !close.isEmpty else { return nil }
    return String(message[..<provide.lowerBound]) + Suggestions.phrase(close)
  }

  static func lowercasingFirst(_ message: String) -> String {
    guard let first = message.first, first.isUppercase,
      message.dropFirst().first.map({ !$0.isUppercase }) ?? true
    else { return message }
    return first.lowercased() + message.dropFirst()
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
