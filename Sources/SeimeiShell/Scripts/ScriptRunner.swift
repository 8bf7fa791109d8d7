import Foundation

/// Scripts: text files of commands, one per line. Blank lines and `#` comments are skipped, a
/// line ending in `\` continues on the next, and relative paths inside a script are resolved
/// against the script's own folder.
extension Shell {
  /// The deepest a chain of `source` commands may go.
  static let maximumScriptDepth = 64

  /// Runs a script file. The first failing command is reported as `FILE:LINE: error: …` and
  /// stops the script, unless `keepGoing` is set. Returns false when any command failed.
  @discardableResult
  public func runScript(atPath path: String) -> Bool {
    let failuresBefore = failureCount
    do {
      try source(path)
      return failureCount == failuresBefore
    } catch let error as ShellError {
      report(error, at: nil)
    } catch {
    }
    return false
  }

  /// Runs a script (the `source` command). Throws `ShellError` when the script cannot be read,
  /// and `ReportedFailure` when a command in it failed and was reported at its line.
  func source(_ path: String) throws {
    let absolute = resolve(path)
    let canonical = (absolute as NSString).resolvingSymlinksInPath
    if let cycleStart = frames.firstIndex(where: { $0.path == canonical }) {
      let chain = frames[cycleStart...].map { displayPath($0.path) } + [displayPath(canonical)]
      throw ShellError("\(path): a script cannot source itself (\(chain.joined(separator: " → ")))")
    }
    guard frames.count < Self.maximumScriptDepth else {
      throw ShellError("\(path): scripts nested more than \(Self.maximumScriptDepth) deep")
    }
    let lines = try ScriptFile.read(absolute, named: path)
    frames.append(
      ScriptFrame(path: canonical, directory: (absolute as NSString).deletingLastPathComponent))
    defer { frames.removeLast() }
    try runLines(lines, file: displayPath(absolute))
  }

  /// Runs the logical lines of a script, reporting failures at their line.
  func runLines(_ lines: [ScriptFile.Line], file: String) throws {
    var failed = false
    for line in lines {
      if exitStatus != nil { break }
      let location = SourceLocation(file: file, line: line.number)
      if let problem = line.problem {
        report(ShellError(problem), at: location)
        failed = true
      } else if !execute(line.text, at: location) {
        failed = true
      }
      if failed && !keepGoing { throw ReportedFailure() }
    }
  }

  /// Runs a command given on the process's command line (`-c`); failures are reported at
  /// `location` (`-c:N` for the Nth command).
  @discardableResult
  public func runCommand(_ text: String, location: SourceLocation) -> Bool {
    let lines = ScriptFile.split(text).map {
      ScriptFile.Line(number: location.line, text: $0.text, problem: $0.problem)
    }
    do {
      try runLines(lines, file: location.file)
      return true
    } catch {
      return false
    }
  }

  /// Runs every line read from a stream (standard input from a pipe) as a script.
  @discardableResult
  public func runStream(_ source: LineSource, label: String) -> Bool {
    var pending: ScriptFile.Line?
    var number = 0
    var ok = true
    while exitStatus == nil, case .line(let raw) = source.readLine(prompt: "") {
      number += 1
      let text = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
      let (body, continues) = ScriptFile.continuation(text)
      if var open = pending {
        open.text += body
        pending = open
      } else {
        pending = ScriptFile.Line(number: number, text: body)
      }
      if continues { continue }
      if let line = pending {
        pending = nil
        if !execute(line.text, at: SourceLocation(file: label, line: line.number)) {
          ok = false
          if !keepGoing { return false }
        }
      }
    }
    if let line = pending, exitStatus == nil {
      report(
        ShellError("the last line ends with '\\' but nothing follows"),
        at: SourceLocation(file: label, line: line.number))
      return false
    }
    return ok
  }
}

/// Reading a script file into logical lines.
public enum ScriptFile {
  public struct Line: Equatable, Sendable {
    /// The line number where the logical line starts.
    public var number: Int
    public var text: String
    /// Set when the line cannot be run as it stands.
    public var problem: String?

    public init(number: Int, text: String, problem: String? = nil) {
      self.number = number
      self.text = text
      self.problem = problem
    }
  }

  /// Reads a script: UTF-8 (a byte-order mark is skipped), CRLF or LF line ends.
  public static func read(_ path: String, named name: String) throws -> [Line] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ShellError("\(name): no such file")
    }
    guard !isDirectory.boolValue else { throw ShellError("\(name): is a folder, not a script") }
    guard let data = contents(path) else {
      throw ShellError("\(name): cannot read (permission denied?)")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw ShellError("\(name): not valid UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return split(text)
  }

  /// The bytes of a file; a device or a pipe (`/dev/null`, `<(…)`), which Foundation will not
  /// read whole, is read to its end. Nil when it cannot be read.
  static func contents(_ path: String) -> Data? {
    if let data = FileManager.default.contents(atPath: path) { return data }
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      return nil
    }
  }

  /// Splits script text into logical lines, joining lines that end in an unescaped `\`.
  public static func split(_ text: String) -> [Line] {
    var result: [Line] = []
    var pending: Line?
    // "\r\n" is one Character in Swift: unify line ends before splitting.
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    let physical = unified.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, rawLine) in physical.enumerated() {
      let raw = String(rawLine)
      let isComment = raw.drop { $0 == " " || $0 == "\t" }.hasPrefix("#")
      let (body, continues) = isComment && pending == nil ? (raw, false) : continuation(raw)
      if var open = pending {
        open.text += body
        pending = open
      } else {
        pending = Line(number: index + 1, text: body)
      }
      if continues { continue }
      if let line = pending { result.append(line) }
      pending = nil
    }
    if var line = pending {
      line.problem = "the last line ends with '\\' but nothing follows"
      result.append(line)
    }
    return result
  }

  /// The line without a continuation backslash, and whether it had one (an odd number of
  /// trailing backslashes).
  public static func continuation(_ line: String) -> (String, Bool) {
    let trailing = line.reversed().prefix { $0 == "\\" }.count
    guard trailing % 2 == 1 else { return (line, false) }
    return (String(line.dropLast()), true)
  }
}
