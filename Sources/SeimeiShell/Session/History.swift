import Foundation

/// The commands typed in this and earlier sessions.
///
/// In memory the history is a list; when backed by a file, each new entry is appended to the file
/// at once (under a lock, so two shells can share one file), and the file is trimmed to the most
/// recent `limit` entries when it grows past it by a quarter.
public final class History {
  public private(set) var entries: [String]
  public let limit: Int
  public let file: HistoryFile?
  /// Why the last entry could not be written to the file, until the shell has reported it.
  public var writeProblem: String?

  public init(file: HistoryFile? = nil, limit: Int = 1000) {
    self.file = file
    self.limit = max(1, limit)
    let loaded = (try? file?.load()) ?? []
    entries = Array(loaded.suffix(self.limit))
  }

  /// Adds a typed line. Blank lines and a repeat of the previous entry are not kept.
  /// Returns whether the line was added.
  @discardableResult
  public func add(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, entries.last != line else { return false }
    entries.append(line)
    if entries.count > limit { entries.removeFirst(entries.count - limit) }
    do {
      try file?.append(line, limit: limit)
    } catch {
      writeProblem = "history not saved: \(error)"
    }
    return true
  }
}

/// The history file: plain UTF-8, one entry per line, with `\` written as `\\` and line breaks
/// as `\n` and `\r`, so any entry fits on one line and the file can be read and edited by hand.
public struct HistoryFile: Sendable {
  public let path: String

  public init(path: String) { self.path = path }

  /// Where history is kept: `$SEIMEI_HISTORY`, else `$XDG_STATE_HOME/seimei/history`,
  /// else `~/.local/state/seimei/history`.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let explicit = environment["SEIMEI_HISTORY"], !explicit.isEmpty { return explicit }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/seimei/history"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/seimei/history"
  }

  public static func escape(_ entry: String) -> String {
    var result = ""
    for scalar in entry.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  public static func unescape(_ line: Substring) -> String {
    var result = ""
    var escaping = false
    for character in line {
      if escaping {
        switch character {
        case "n": result.append("\n")
        case "r": result.append("\r")
        default: result.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    if escaping { result.append("\\") }
    return result
  }

  /// The entries in the file, oldest first; a missing file is an empty history.
  public func load() throws -> [String] {
    try withLock { try readEntries() }
  }

  /// Appends one entry; trims the file to the newest `limit` entries when it has grown past
  /// `limit` by a quarter. Runs under an exclusive lock on a lock file beside the history, so
  /// concurrent shells neither interleave partial lines nor lose each other's entries.
  public func append(_ entry: String, limit: Int) throws {
    try withLock {
      let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { throw HistoryError.cannotOpen(path, errno) }
      defer { close(descriptor) }
      let line = Array((Self.escape(entry) + "\n").utf8)
      let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard written == line.count else { throw HistoryError.cannotWrite(path, errno) }
      let entries = try readEntries()
      if entries.count > limit + limit / 4 {
        try rewrite(Array(entries.suffix(limit)))
      }
    }
  }

  private func readEntries() throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: true).map(Self.unescape)
  }

  private func rewrite(_ entries: [String]) throws {
    let temporary = path + ".tmp.\(getpid())"
    let text = entries.map { Self.escape($0) + "\n" }.joined()
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw HistoryError.cannotWrite(temporary, errno)
    }
    chmod(temporary, 0o600)
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw HistoryError.cannotWrite(path, errno)
    }
  }

  private func withLock<Result>(_ body: () throws -> Result) throws -> Result {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    }
    let lockPath = path + ".lock"
    let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard lock >= 0 else { throw HistoryError.cannotOpen(lockPath, errno) }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 {
      guard errno == EINTR else { throw HistoryError.cannotOpen(lockPath, errno) }
    }
    defer { flock(lock, LOCK_UN) }
    return try body()
  }
}

public enum HistoryError: Error, CustomStringConvertible {
  case cannotOpen(String, Int32)
  case cannotWrite(String, Int32)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let code):
      return "cannot open history file \(path): \(String(cString: strerror(code)))"
    case .cannotWrite(let path, let code):
      return "cannot write history file \(path): \(String(cString: strerror(code)))"
    }
  }
}
