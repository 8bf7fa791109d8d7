import Foundation

/// A saved workspace: versioned JSON holding each statement's text, metadata, provenance and
/// notes, plus the shell's settings and the cues and gazetteer names the session added.
/// Segmentation and the normalised view are not saved; they
/// are computed again on opening, from the exact text.
public struct WorkspaceFile: Codable, Sendable {
  public static let formatName = "seimei-workspace"
  public static let currentVersion = 1

  public var format: String
  public var version: Int
  public var settings: [String: String]
  public var statements: [Record]
  /// Cues added to the lexicon in the session, as lexicon TSV (absent when none).
  public var lexicon: String?
  /// Names added to the gazetteer in the session, as gazetteer TSV (`Gazetteer.tsv()`; absent
  /// when none, and in files saved before names could be added, which open as before).
  public var gazetteer: String?

  public struct Record: Codable, Sendable {
    public var name: String
    public var language: Language
    public var text: String
    public var metadata: Statement.Metadata
    public var provenance: Statement.Provenance
    public var notes: [String]
  }

  public init(
    workspace: Workspace, settings: [String: String], lexicon: String? = nil,
    gazetteer: String? = nil
  ) {
    self.lexicon = lexicon
    self.gazetteer = gazetteer
    format = Self.formatName
    version = Self.currentVersion
    self.settings = settings
    statements = workspace.statements.map {
      Record(
        name: $0.name, language: $0.language, text: $0.text, metadata: $0.metadata,
        provenance: $0.provenance, notes: $0.notes)
    }
  }

  /// The statements, rebuilt. Fails on duplicate names.
  public func makeWorkspace() throws(WorkspaceFileError) -> Workspace {
    var workspace = Workspace()
    for record in statements {
      do {
        try workspace.add(
          Statement(
            name: record.name, text: record.text, language: record.language,
            metadata: record.metadata, provenance: record.provenance, notes: record.notes))
      } catch {
        throw .invalid("two statements are named '\(record.name)'")
      }
    }
    return workspace
  }

  /// Writes the file atomically: to a temporary file beside it, flushed, then renamed over it,
  /// so a crash leaves either the old file or the new one, never half of one.
  public func write(to path: String) throws(WorkspaceFileError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let data: Data
    do {
      data = try encoder.encode(self)
    } catch {
      throw .cannotWrite(path, "\(error)")
    }
    let directory = (path as NSString).deletingLastPathComponent
    let temporary =
      (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent
      + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
    var failure: String?
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
    if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    close(descriptor)
    if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw .cannotWrite(path, failure)
    }
  }

  /// Reads and checks a saved workspace.
  public static func read(from path: String) throws(WorkspaceFileError) -> WorkspaceFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      throw .cannotRead(
        !exists ? "no such file" : isDirectory.boolValue ? "is a folder" : "cannot read the file")
    }
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let header = try? decoder.decode(Header.self, from: data) else {
      throw .cannotRead("not a saved Seimei workspace (not JSON)")
    }
    guard header.format == formatName else {
      throw .cannotRead("not a saved Seimei workspace (no \"format\": \"\(formatName)\")")
    }
    guard let version = header.version, version <= currentVersion else {
      throw .cannotRead(
        "saved by a newer Seimei (format version \(header.version.map(String.init) ?? "?"); this one reads \(currentVersion))"
      )
    }
    do {
      return try decoder.decode(WorkspaceFile.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw .invalid("missing \"\(key.stringValue)\"" + Self.place(context.codingPath))
    } catch let DecodingError.typeMismatch(_, context) {
      throw .invalid("wrong type" + Self.place(context.codingPath))
    } catch let DecodingError.dataCorrupted(context) {
      throw .invalid(context.debugDescription + Self.place(context.codingPath))
    } catch {
      throw .invalid("\(error)")
    }
  }

  private static func place(_ path: [CodingKey]) -> String {
    guard !path.isEmpty else { return "" }
    return " at " + path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
  }
}

public enum WorkspaceFileError: Error, Equatable, CustomStringConvertible {
  case cannotRead(String)
  case invalid(String)
  case cannotWrite(String, String)

  public var description: String {
    switch self {
    case .cannotRead(let reason): return reason
    case .invalid(let reason): return "damaged workspace file: \(reason)"
    case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
    }
  }
}
