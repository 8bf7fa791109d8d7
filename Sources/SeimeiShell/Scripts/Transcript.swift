import Foundation

/// A transcript: a session written down, to be replayed and checked (`seimei --check`).
///
/// ```
/// Free text before the first command is a header, kept as written.
/// seimei> load ../samples/ja/mofa-cyber.txt as akitsu
/// name    lang  chars  sentences  words  encoding  source
/// …
/// seimei> cite akitsu S12
/// error: S12: akitsu has 9 sentences (S1–S9)
/// ```
///
/// A line starting with the prompt `seimei> ` (or the bare `seimei>` an editor leaves when it
/// trims trailing spaces) is a command: the rest of the line, joined with the lines after it
/// while it ends in `\`, as in a script. The lines after a command, up to the next command, are
/// the output it is expected to print: standard output and standard error interleaved in the
/// order printed, errors as the interactive shell shows them (`error: …`, with no `FILE:LINE`).
/// Blank lines belong to the output, at the end of a block too: a transcript is compared line
/// for line, so what `--update` writes `--check` passes. An output line that itself starts with
/// the prompt is written with a `\` before it (and one more `\` before any that already start
/// with `\seimei>`), so it cannot be taken for a command.
///
/// Text is UTF-8 (a byte-order mark is skipped); CRLF and CR line ends are read as LF, and a
/// transcript is written with LF and a final line end.
public struct Transcript: Equatable, Sendable {
  /// What starts a command line.
  public static let prompt = "seimei> "
  /// The columns `width auto` means under a transcript's conditions.
  public static let width = 80
  /// The clock under a transcript's conditions: 2026-01-01T00:00:00Z. Statements loaded in a
  /// replay (or while a transcript is recorded) are stamped with it, so `info`'s `loaded` and
  /// the access dates of citations come out the same on every machine.
  public static let date = Date(timeIntervalSince1970: 1_767_225_600)

  /// The lines before the first command.
  public var header: [String]
  public var entries: [Entry]

  /// One command and the output expected of it.
  public struct Entry: Equatable, Sendable {
    /// The line of the file the command starts on (from 1).
    public var line: Int
    /// The command as written: its first line with the prompt, then any continuation lines.
    public var source: [String]
    /// The expected output, one element per line, without line ends or escaping.
    public var output: [String]

    public init(line: Int, source: [String], output: [String]) {
      self.line = line
      self.source = source
      self.output = output
    }

    /// An entry for a command typed on one line.
    public init(command: String, output: [String], line: Int = 0) {
      self.init(line: line, source: [Transcript.prompt + command], output: output)
    }

    /// The command as run: the text after the prompt, continuation lines joined.
    public var command: String { Transcript.command(source).text }

    /// Why the command cannot be run as written (it continues past the end of the file).
    public var problem: String? { Transcript.command(source).problem }

    /// The line of the file the output starts on.
    public var outputLine: Int { line + source.count }
  }

  public init(header: [String] = [], entries: [Entry] = []) {
    self.header = header
    self.entries = entries
  }

  /// Reads a transcript from its text.
  public init(parsing text: String) {
    var body = text
    if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
    let unified = body.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var header: [String] = []
    var entries: [Entry] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard let command = Self.commandText(line) else {
        if entries.isEmpty {
          header.append(line)
        } else {
          entries[entries.count - 1].output.append(Self.unescape(line))
        }
        index += 1
        continue
      }
      var source = [line]
      var continues = ScriptFile.continuation(command).1
      index += 1
      while continues && index < lines.count {
        source.append(lines[index])
        continues = ScriptFile.continuation(lines[index]).1
        index += 1
      }
      entries.append(Entry(line: index - source.count + 1, source: source, output: []))
    }
    self.init(header: header, entries: entries)
  }

  /// Reads a transcript file. Throws `ShellError` naming the file as `name` when it cannot be
  /// read or is not UTF-8 text.
  public init(contentsOf path: String, named name: String) throws(ShellError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ShellError("\(name): no such file")
    }
    guard !isDirectory.boolValue else { throw ShellError("\(name): is a folder, not a transcript") }
    guard let data = ScriptFile.contents(path) else {
      throw ShellError("\(name): cannot read (permission denied?)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ShellError("\(name): not valid UTF-8 text")
    }
    self.init(parsing: text)
  }

  /// The transcript as text: the header and the commands exactly as read, each followed by its
  /// output, with LF line ends and a final one.
  public var text: String {
    var lines = header
    for entry in entries {
      lines += entry.source
      lines += entry.output.map(Self.escape)
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  /// The same transcript with other outputs, one per entry (header and commands unchanged).
  public func replacingOutputs(with outputs: [[String]]) -> Transcript {
    var copy = self
    for (index, output) in zip(copy.entries.indices, outputs) {
      copy.entries[index].output = output
    }
    return copy
  }

  /// The lines of printed text, as a transcript holds them: a final line end ends the last
  /// line rather than starting an empty one, and text without one is taken as if it had it.
  public static func lines(of printed: String) -> [String] {
    guard !printed.isEmpty else { return [] }
    var lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if printed.hasSuffix("\n") { lines.removeLast() }
    return lines
  }

  // MARK: - Lines

  /// The command after the prompt, or nil when the line is not a command line.
  static func commandText(_ line: String) -> String? {
    if line.hasPrefix(prompt) { return String(line.dropFirst(prompt.count)) }
    return line == bareprompt ? "" : nil
  }

  private static let bareprompt = String(prompt.dropLast())

  /// The command of an entry's source lines, joined as a script joins them.
  static func command(_ source: [String]) -> (text: String, problem: String?) {
    guard let first = source.first, let firstText = commandText(first) else { return ("", nil) }
    var text = ""
    var continues = false
    for (index, line) in source.enumerated() {
      let (body, more) = ScriptFile.continuation(index == 0 ? firstText : line)
      text += body
      continues = more
    }
    return (text, continues ? "the last line ends with '\\' but nothing follows" : nil)
  }

  /// An output line as written: one `\` more before a line that would read as a command.
  static func escape(_ line: String) -> String {
    let rest = line.drop { $0 == "\\" }
    return commandText(String(rest)) != nil ? "\\" + line : line
  }

  /// An output line as read: the `\` that `escape` added taken off again.
  static func unescape(_ line: String) -> String {
    guard line.hasPrefix("\\") else { return line }
    let rest = line.drop { $0 == "\\" }
    return commandText(String(rest)) != nil ? String(line.dropFirst()) : line
  }
}
