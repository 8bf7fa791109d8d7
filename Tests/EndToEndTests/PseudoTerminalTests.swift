import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Drives the real `seimei` binary on a pseudo-terminal, the way a person at a terminal would:
/// libedit line editing with wide characters, history recall, Tab completion, Ctrl-C, Ctrl-D,
/// and the history file shared between sessions.
///
/// Deadlines only guard against a hung child; no assertion depends on how long anything takes.
@Suite(.serialized)
struct PseudoTerminalTests {
  private static let prompt = "seimei[0]> "

  @Test func editingRecallCompletionInterruptAndExit() throws {
    let home = try TemporaryDirectory()
    defer { home.remove() }
    let session = try TerminalSession(home: home)
    defer { session.terminate() }

    // Left moves over the wide character 文 as a whole; Backspace then deletes 明, not a byte.
    try session.waitFor(Self.prompt)
    try session.type("echo 声明文" + Key.left + Key.backspace + Key.enter)
    try session.waitForLine("声文")

    // Up recalls the line just run; Enter runs it again.
    try session.waitFor(Self.prompt)
    try session.type(Key.up + Key.enter)
    try session.waitForLine("声文")

    // Insertion in the middle: two Lefts go back over exactly 語 and 本, Right over 本 again.
    try session.waitFor(Self.prompt)
    try session.type("echo 日本語" + Key.left + Key.left + "X" + Key.right + "Y" + Key.enter)
    try session.waitForLine("日X本Y語")

    // Tab completes the only command starting with `ech`, adding one space after it.
    try session.waitFor(Self.prompt)
    try session.type("ech" + Key.tab + "tabbed" + Key.enter)
    try session.waitForLine("tabbed")

    // Tab completes `hist` to `history `; `history 1` then lists only itself.
    try session.waitFor(Self.prompt)
    try session.type("hist" + Key.tab + "1" + Key.enter)
    try session.waitForLine { line in
      line.split(separator: " ", omittingEmptySubsequences: true) == ["4", "history", "1"]
    }

    // Ctrl-C abandons the line being typed; the session goes on with the next line.
    try session.waitFor(Self.prompt)
    try session.type("echo abandoned")
    try session.waitFor("abandoned")  // echoed by the editor: the line is in its buffer now
    try session.type(Key.interrupt)
    try session.waitFor("^C")
    try session.waitFor(Self.prompt)
    try session.type("echo after" + Key.enter)
    try session.waitForLine("after")
    #expect(!session.outputLines.contains("abandoned"), "\(session.transcript)")

    // A backslash is kept in the line and escaped in the history file.
    try session.waitFor(Self.prompt)
    try session.type(#"echo back\\slash"# + Key.enter)
    try session.waitForLine(#"back\slash"#)

    // Ctrl-D on an empty line leaves with status 0.
    try session.waitFor(Self.prompt)
    try session.type(Key.endOfFile)
    let status = try session.waitForExit()
    #expect(status == 0, "\(session.transcript)")

    // Every line run is in the history once, as typed (completed), and the abandoned one is not.
    let history = try String(contentsOfFile: home.historyPath, encoding: .utf8)
    #expect(
      history.split(separator: "\n", omittingEmptySubsequences: false) == [
        "echo 声文",
        "echo 日X本Y語",
        "echo tabbed",
        "history 1",
        "echo after",
        #"echo back\\\\slash"#,
        "",
      ])
  }

  @Test func historyIsRecalledInTheNextSession() throws {
    let home = try TemporaryDirectory()
    defer { home.remove() }

    do {
      let first = try TerminalSession(home: home)
      defer { first.terminate() }
      try first.waitFor(Self.prompt)
      try first.type("echo 一回目" + Key.enter)
      try first.waitForLine("一回目")
      try first.waitFor(Self.prompt)
      try first.type("echo last from first" + Key.enter)
      try first.waitForLine("last from first")
      try first.waitFor(Self.prompt)
      try first.type(Key.endOfFile)
      #expect(try first.waitForExit() == 0, "\(first.transcript)")
    }

    let second = try TerminalSession(home: home)
    defer { second.terminate() }
    // Up recalls the previous session's last line.
    try second.waitFor(Self.prompt)
    try second.type(Key.up + Key.enter)
    try second.waitForLine("last from first")
    // Up twice goes one line further back, past the repeat that was not added again.
    try second.waitFor(Self.prompt)
    try second.type(Key.up + Key.up + Key.enter)
    try second.waitForLine("一回目")
    try second.waitFor(Self.prompt)
    try second.type(Key.endOfFile)
    #expect(try second.waitForExit() == 0, "\(second.transcript)")

    let history = try String(contentsOfFile: home.historyPath, encoding: .utf8)
    #expect(history == "echo 一回目\necho last from first\necho 一回目\n")
  }
}

/// Bytes a terminal sends for keys.
private enum Key {
  static let enter = "\r"
  static let tab = "\t"
  static let backspace = "\u{7F}"
  static let interrupt = "\u{03}"
  static let endOfFile = "\u{04}"
  static let up = "\u{1B}[A"
  static let right = "\u{1B}[C"
  static let left = "\u{1B}[D"
}

private struct TerminalError: Error, CustomStringConvertible {
  var description: String
}

/// A fresh folder for HOME, configuration, state and the history file.
private struct TemporaryDirectory {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("seimei-e2e-" + UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  var historyPath: String { path + "/history" }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// `seimei --no-init` on the slave side of a pseudo-terminal whose master side this holds.
private final class TerminalSession {
  private let process = Process()
  private var master: Int32 = -1
  private var received: [UInt8] = []
  /// Where in `text` the next wait starts looking, as a UTF-8 offset.
  private var mark = 0
  private var closedByChild = false
  /// How long a wait may last before the test fails: a guard against a hung child only.
  private let timeout: TimeInterval = 10

  init(home: TemporaryDirectory) throws {
    let binary = try Self.binaryPath()
    var slave: Int32 = -1
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw TerminalError(description: "openpty failed: \(String(cString: strerror(errno)))")
    }
    // Neither end leaks into other children; Process gives the slave to this one as 0, 1 and 2.
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

    var environment = [
      "TERM": "xterm",
      "LANG": "C.UTF-8",
      "HOME": home.path,
      "XDG_CONFIG_HOME": home.path + "/config",
      "XDG_STATE_HOME": home.path + "/state",
      "SEIMEI_HISTORY": home.historyPath,
    ]
    environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    // -c: the pseudo-terminal becomes the controlling terminal, so Ctrl-C sends SIGINT;
    // -w: wait for seimei and exit with its status.
    process.arguments = ["-w", "-c", binary, "--no-init"]
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: home.path)
    let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = terminal
    do {
      try process.run()
    } catch {
      close(slave)
      close(master)
      master = -1
      throw error
    }
    close(slave)
  }

  deinit { terminate() }

  /// The `seimei` to run: `$SEIMEI_BINARY`, else the one built beside the tests, else the one in
  /// this package's `.build/debug`.
  static func binaryPath() throws -> String {
    if let explicit = ProcessInfo.processInfo.environment["SEIMEI_BINARY"], !explicit.isEmpty {
      return explicit
    }
    var folders: [URL] = []
    if let executable = Bundle.main.executableURL {
      folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
    }
    folders.append(Bundle.main.bundleURL)
    folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        folders.append(folder.appendingPathComponent(".build/debug"))
        break
      }
      folder.deleteLastPathComponent()
    }
    for candidate in folders.map({ $0.appendingPathComponent("seimei").path })
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw TerminalError(
      description: "no seimei binary in \(folders.map(\.path)); build it or set SEIMEI_BINARY")
  }

  /// Everything the terminal showed, escape sequences and carriage returns removed.
  var text: String { Self.clean(String(decoding: received, as: UTF8.self)) }

  /// The complete lines shown so far.
  var outputLines: [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// What the terminal showed, for failure messages.
  var transcript: String { "terminal output so far:\n" + text }

  /// Sends keys as the terminal would.
  func type(_ keys: String) throws {
    var bytes = Array(keys.utf8)[...]
    let end = Date().addingTimeInterval(timeout)
    while !bytes.isEmpty {
      let count = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes = bytes.dropFirst(count)
      } else if count < 0 && (errno == EAGAIN || errno == EINTR) && Date() < end {
        var descriptor = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, 50)
      } else {
        throw TerminalError(description: "cannot type \(keys.debugDescription)\n\(transcript)")
      }
    }
  }

  /// Reads until `text` shows after the previous match, then moves past it.
  func waitFor(_ expected: String, line: Int = #line) throws {
    try wait(for: "the text \(expected.debugDescription)", line: line) { text in
      text.range(of: expected).map { $0.upperBound }
    }
  }

  /// Reads until a whole line equal to `expected` shows after the previous match, then moves
  /// past it.
  func waitForLine(_ expected: String, line: Int = #line) throws {
    try wait(for: "a line \(expected.debugDescription)", line: line) { text in
      Self.endOfLine(in: text) { $0 == expected }
    }
  }

  /// Reads until a whole line for which `matches` is true shows after the previous match.
  func waitForLine(line: Int = #line, matching matches: (Substring) -> Bool) throws {
    try wait(for: "a matching line", line: line) { text in
      Self.endOfLine(in: text, where: matches)
    }
  }

  /// Reads until the child exits and returns its exit status.
  func waitForExit() throws -> Int32 {
    let end = Date().addingTimeInterval(timeout)
    while process.isRunning {
      guard Date() < end else {
        throw TerminalError(description: "seimei did not exit\n\(transcript)")
      }
      if closedByChild {
        usleep(10_000)
      } else {
        readAvailable(waitingMilliseconds: 50)
      }
    }
    readAvailable(waitingMilliseconds: 0)
    process.waitUntilExit()
    guard process.terminationReason == .exit else {
      throw TerminalError(
        description: "seimei ended by signal \(process.terminationStatus)\n\(transcript)")
    }
    return process.terminationStatus
  }

  /// Kills seimei and setsid if they still run, and closes the terminal.
  func terminate() {
    if process.isRunning {
      let setsid = process.processIdentifier
      let children =
        (try? String(contentsOfFile: "/proc/\(setsid)/task/\(setsid)/children", encoding: .utf8))
        ?? ""
      for child in children.split(separator: " ").compactMap({ pid_t($0) }) {
        kill(child, SIGKILL)
      }
      kill(setsid, SIGKILL)
      process.waitUntilExit()
    }
    if master >= 0 {
      close(master)
      master = -1
    }
  }

  private func wait(for what: String, line: Int, match: (Substring) -> Substring.Index?) throws {
    let end = Date().addingTimeInterval(timeout)
    while true {
      let all = text
      let start = all.utf8.index(all.startIndex, offsetBy: mark)
      let rest = all[start...]
      if let found = match(rest) {
        mark = all.utf8.distance(from: all.startIndex, to: found)
        return
      }
      guard !closedByChild, Date() < end else {
        let state = closedByChild ? "seimei closed the terminal" : "gave up waiting"
        throw TerminalError(
          description:
            "line \(line): \(state) before \(what) showed after:\n\(rest)\n\(transcript)")
      }
      readAvailable(waitingMilliseconds: 100)
    }
  }

  private func readAvailable(waitingMilliseconds: Int32) {
    guard master >= 0, !closedByChild else { return }
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, waitingMilliseconds) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        received.append(contentsOf: buffer[..<count])
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        // EAGAIN: nothing more for now; EIO or 0: every process closed the slave side.
        if count == 0 || errno != EAGAIN { closedByChild = true }
        return
      }
    }
  }

  /// The end of the first complete line (followed by a newline) in `text` that `matches`.
  private static func endOfLine(
    in text: Substring, where matches: (Substring) -> Bool
  ) -> Substring.Index? {
    var lineStart = text.startIndex
    while let newline = text[lineStart...].firstIndex(of: "\n") {
      if matches(text[lineStart..<newline]) { return text.index(after: newline) }
      lineStart = text.index(after: newline)
    }
    return nil
  }

  /// Removes ANSI escape sequences (CSI, OSC and two-byte ones), carriage returns and bells.
  /// An unfinished sequence at the end is dropped until the rest of it arrives.
  static func clean(_ raw: String) -> String {
    var result = ""
    var scalars = raw.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar {
      case "\u{1B}":
        guard let kind = scalars.next() else { break }
        if kind == "[" {
          while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        } else if kind == "]" {
          var previous: Unicode.Scalar = " "
          while let next = scalars.next(), next != "\u{07}", !(previous == "\u{1B}" && next == "\\")
          {
            previous = next
          }
        }
      case "\r", "\u{07}":
        break
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
