import Foundation

/// What to load and how: the `load` command's arguments.
public struct LoadRequest: Sendable {
  /// A file, a folder or an http(s) URL.
  public var source: String
  /// The name to give the statement (a single statement only).
  public var name: String?
  public var language: Language?
  /// An encoding name that overrides detection.
  public var encoding: String?
  /// Metadata that overrides what the source says.
  public var metadata: Statement.Metadata

  public init(
    source: String, name: String? = nil, language: Language? = nil, encoding: String? = nil,
    metadata: Statement.Metadata = Statement.Metadata()
  ) {
    self.source = source
    self.name = name
    self.language = language
    self.encoding = encoding
    self.metadata = metadata
  }
}

/// What a load produced: statements, the inputs that failed (each with one reason), and
/// warnings about inputs that loaded with something to note.
public struct LoadOutcome: Sendable {
  public var statements: [Statement] = []
  public var failures: [Problem] = []
  public var warnings: [Problem] = []
  /// Statement files found when the source was a folder (nil for a file or URL).
  public var filesInFolder: Int?

  public struct Problem: Sendable, Equatable, CustomStringConvertible {
    /// The file, URL or folder as the user named it.
    public var input: String
    public var reason: String

    public init(input: String, reason: String) {
      self.input = input
      self.reason = reason
    }

    public var description: String { "\(input): \(reason)" }
  }
}

/// Turns files, folders and URLs into statements: reads the bytes (within a size cap), decodes
/// them, takes the text and metadata out of the format (plain text or Markdown with front
/// matter, HTML, JSON), and builds each statement with its provenance.
public struct StatementLoader: Sendable {
  /// Largest source accepted, in bytes.
  public var maximumBytes: Int
  /// Fetches URLs.
  public var fetcher: Fetcher
  /// The folder relative paths are resolved against.
  public var baseDirectory: String
  /// Stamps `loadedAt`; replaceable for reproducible output.
  public var clock: @Sendable () -> Date

  /// File name extensions loaded from a folder, and the format each means.
  public static let formatsByExtension: [String: SourceFormat] = [
    "txt": .text, "text": .text, "md": .markdown, "markdown": .markdown, "html": .html,
    "htm": .html, "xhtml": .html, "json": .json,
  ]

  public init(
    maximumBytes: Int = 20_000_000, fetcher: Fetcher = Fetcher(),
    baseDirectory: String = FileManager.default.currentDirectoryPath,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.maximumBytes = maximumBytes
    self.fetcher = fetcher
    self.baseDirectory = baseDirectory
    self.clock = clock
  }

  public enum SourceFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json
  }

  public func load(_ request: LoadRequest) -> LoadOutcome {
    var outcome = LoadOutcome()
    let source = request.source
    if let url = URL(string: source), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https"
    {
      do {
        let resource = try fetcher.fetch(url, maximumBytes: maximumBytes)
        let format = Self.format(
          contentType: resource.contentType, path: url.path, bytes: resource.bytes)
        let stem = Self.stem(
          url.lastPathComponent.isEmpty ? (url.host ?? "page") : url.lastPathComponent)
        try build(
          bytes: resource.bytes, format: format, source: source, defaultName: stem,
          declaredCharset: resource.charset, request: request, into: &outcome)
      } catch {
        outcome.failures.append(.init(input: source, reason: Self.reason(error)))
      }
      return outcome
    }
    let path = resolve(source)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      outcome.failures.append(.init(input: source, reason: "no such file or folder"))
      return outcome
    }
    if isDirectory.boolValue {
      loadFolder(path, as: source, request: request, into: &outcome)
    } else {
      loadFile(path, as: source, format: nil, request: request, into: &outcome)
    }
    return outcome
  }

  private func loadFolder(
    _ path: String, as shown: String, request: LoadRequest, into outcome: inout LoadOutcome
  ) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      outcome.failures.append(.init(input: shown, reason: "cannot read the folder"))
      return
    }
    let files = names.filter { name in
      guard !name.hasPrefix(".") else { return false }
      let ext = (name as NSString).pathExtension.lowercased()
      guard Self.formatsByExtension[ext] != nil else { return false }
      var isDirectory: ObjCBool = false
      let full = (path as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.sorted()
    outcome.filesInFolder = files.count
    guard !files.isEmpty else {
      outcome.failures.append(
        .init(input: shown, reason: "no statement files (.txt .md .html .htm .json) in the folder"))
      return
    }
    if request.name != nil {
      outcome.failures.append(
        .init(
          input: shown, reason: "'as NAME' names one statement; a folder holds \(files.count) files"
        ))
      return
    }
    let shownFolder = shown.hasSuffix("/") ? shown : shown + "/"
    // Files are independent: decode and segment them on every core, then merge in name order.
    let results = FolderResults(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { position in
      var part = LoadOutcome()
      loadFile(
        (path as NSString).appendingPathComponent(files[position]),
        as: shownFolder + files[position], format: nil, request: request, into: &part)
      results.set(part, at: position)
    }
    for part in results.parts {
      outcome.statements += part.statements
      outcome.failures += part.failures
      outcome.warnings += part.warnings
    }
  }

  /// The outcome of each file of a folder, filled in from several threads.
  private final class FolderResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [LoadOutcome]

    init(count: Int) { storage = Array(repeating: LoadOutcome(), count: count) }

    func set(_ outcome: LoadOutcome, at position: Int) {
      lock.withLock { storage[position] = outcome }
    }

    var parts: [LoadOutcome] { lock.withLock { storage } }
  }

  private func loadFile(
    _ path: String, as shown: String, format: SourceFormat?, request: LoadRequest,
    into outcome: inout LoadOutcome
  ) {
    do {
      let bytes = try Self.readFile(path, maximumBytes: maximumBytes)
      let ext = (path as NSString).pathExtension.lowercased()
      let format = format ?? Self.formatsByExtension[ext] ?? Self.sniff(bytes)
      let stem = Self.stem((path as NSString).lastPathComponent)
      try build(
        bytes: bytes, format: format, source: path, defaultName: stem, declaredCharset: nil,
        request: request, into: &outcome, shown: shown)
    } catch {
      outcome.failures.append(.init(input: shown, reason: Self.reason(error)))
    }
  }

  /// Decodes, extracts and builds the statements of one source.
  private func build(
    bytes: [UInt8], format: SourceFormat, source: String, defaultName: String,
    declaredCharset: String?, request: LoadRequest, into outcome: inout LoadOutcome,
    shown: String? = nil
  ) throws {
    let shown = shown ?? source
    if bytes.isEmpty { throw LoadError.empty }
    let override = request.encoding ?? declaredCharset.flatMap(TextDecoder.canonicalName)
    let decoded = try TextDecoder.decode(bytes, encoding: override, isHTML: format == .html)
    if decoded.replacementCount > 0 {
      outcome.warnings.append(
        .init(
          input: shown,
          reason:
            "\(decoded.replacementCount) invalid \(decoded.encoding) byte sequence"
            + (decoded.replacementCount == 1 ? " was" : "s were") + " replaced with U+FFFD"))
    }
    let provenance = Statement.Provenance(
      source: source, format: format.rawValue, encoding: decoded.encoding,
      sha256: SHA256.hex(bytes), byteCount: bytes.count, loadedAt: clock(),
      replacements: decoded.replacementCount)

    var documents: [(name: String?, text: String, fields: [String: String], language: Language?)] =
      []
    switch format {
    case .text, .markdown:
      let split = FrontMatter.split(decoded.text)
      var fields: [String: String] = [:]
      for field in split.frontMatter?.fields ?? [] { fields[field.key] = field.value }
      let text = format == .markdown ? MarkdownText.plainText(split.body) : split.body
      documents.append((fields["name"], text, fields, nil))
    case .html:
      let page = try HTMLExtractor.extract(decoded.text)
      var fields = page.metadata
      if let title = page.title { fields["title"] = title }
      if let author = fields.removeValue(forKey: "author") { fields["issuer"] = author }
      let language = fields.removeValue(forKey: "language").flatMap(Self.language(fromTag:))
      documents.append((nil, page.text, fields, language))
    case .json:
      let statements = try StatementDocument.decodeAll(Array(decoded.text.utf8))
      for document in statements {
        var fields = document.metadata ?? [:]
        fields["title"] = document.title ?? fields["title"]
        fields["issuer"] = document.issuer ?? fields["issuer"]
        fields["date"] = document.date ?? fields["date"]
        fields["url"] = document.url ?? fields["url"]
        fields["translation_of"] = document.translationOf ?? fields["translation_of"]
        fields["language"] = document.language ?? fields["language"]
        documents.append((document.name, document.text, fields, nil))
      }
    }
    if documents.count > 1, request.name != nil {
      throw LoadError.nameForMany(documents.count)
    }
    var built: [Statement] = []
    for (position, document) in documents.enumerated() {
      let text = Self.trimmingBlankLines(document.text)
      let label = documents.count > 1 ? "statement \(position + 1)" : nil
      guard !text.isEmpty else {
        throw LoadError.noText(label)
      }
      var fields = document.fields
      let name =
        request.name ?? document.name
        ?? (documents.count > 1 ? "\(defaultName)-\(position + 1)" : defaultName)
      let language =
        try request.language ?? fields.removeValue(forKey: "language").map(Self.language(named:))
        ?? document.language
      var metadata = Statement.Metadata()
      metadata.title = request.metadata.title ?? fields.removeValue(forKey: "title")
      metadata.issuer = request.metadata.issuer ?? fields.removeValue(forKey: "issuer")
      metadata.date = try (request.metadata.date ?? fields.removeValue(forKey: "date"))
        .map { try Self.checkedDate($0) }
      metadata.url =
        request.metadata.url ?? fields.removeValue(forKey: "url")
        ?? (source.hasPrefix("http://") || source.hasPrefix("https://") ? source : nil)
      metadata.translationOf =
        request.metadata.translationOf ?? fields.removeValue(forKey: "translation_of")
      fields.removeValue(forKey: "name")
      metadata.extra = fields
      built.append(
        Statement(
          name: Self.cleanName(name), text: text, language: language, metadata: metadata,
          provenance: provenance))
    }
    outcome.statements += built
  }

  // MARK: - Helpers

  /// The bytes of a file, refusing one larger than `maximumBytes` without reading it all.
  static func readFile(_ path: String, maximumBytes: Int) throws(LoadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, Int(status.st_size) > maximumBytes {
      throw .tooLarge(Int(status.st_size), maximumBytes)
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(String(cString: strerror(errno)))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
      if bytes.count > maximumBytes { throw .tooLarge(bytes.count, maximumBytes) }
    }
    return bytes
  }

  func resolve(_ path: String) -> String {
    var expanded = path
    if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
      expanded = home + path.dropFirst()
    }
    if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
    return ((baseDirectory as NSString).appendingPathComponent(expanded) as NSString)
      .standardizingPath
  }

  /// The format of bytes with no telling extension.
  static func sniff(_ bytes: [UInt8]) -> SourceFormat {
    let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
    let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || head.contains("<body") {
      return .html
    }
    if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return .json }
    return .text
  }

  static func format(contentType: String?, path: String, bytes: [UInt8]) -> SourceFormat {
    let type = (contentType ?? "").lowercased()
    if type.contains("html") { return .html }
    if type.contains("json") { return .json }
    if type.contains("markdown") { return .markdown }
    let ext = (path as NSString).pathExtension.lowercased()
    if let known = formatsByExtension[ext] { return known }
    return type.hasPrefix("text/plain") ? .text : sniff(bytes)
  }

  /// A file name without its extension: the default statement name.
  static func stem(_ fileName: String) -> String {
    let stem = (fileName as NSString).deletingPathExtension
    return stem.isEmpty ? fileName : stem
  }

  /// A name usable as one word on the command line: blanks become '-'.
  static func cleanName(_ name: String) -> String {
    let words = name.split(whereSeparator: { $0.isWhitespace })
    return words.joined(separator: "-")
  }

  static func language(named name: String) throws -> Language {
    guard let language = Language(rawValue: name.lowercased()) else {
      throw LoadError.badLanguage(name)
    }
    return language
  }

  /// ja-JP, en-US, zh-Hant… from an HTML lang attribute.
  static func language(fromTag tag: String) -> Language? {
    let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
    return primary.flatMap { Language(rawValue: String($0)) }
  }

  /// Checks a YYYY-MM-DD date, as `--date` must be.
  public static func checkedDateForValidation(_ text: String) throws -> String {
    try checkedDate(text)
  }

  static func checkedDate(_ text: String) throws -> String {
    let parts = text.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day), year > 0
    else { throw LoadError.badDate(text) }
    return text
  }

  static func trimmingBlankLines(_ text: String) -> String {
    var result = Substring(text)
    while let first = result.first, first.isWhitespace { result = result.dropFirst() }
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return String(result)
  }

  static func reason(_ error: Error) -> String { String(describing: error) }
}

/// Why a source could not be loaded.
public enum LoadError: Error, Equatable, CustomStringConvertible {
  case empty
  case unreadable(String)
  case tooLarge(Int, Int)
  case noText(String?)
  case badDate(String)
  case badLanguage(String)
  case nameForMany(Int)

  public var description: String {
    switch self {
    case .empty: return "empty file"
    case .unreadable(let reason): return "cannot read: \(reason.lowercased())"
    case .tooLarge(let size, let limit):
      return
        "\(Self.megabytes(size)) is larger than the \(Self.megabytes(limit)) limit (set max-size)"
    case .noText(let which): return (which.map { $0 + ": " } ?? "") + "no text to load"
    case .badDate(let text): return "date '\(text)' is not YYYY-MM-DD"
    case .badLanguage(let name): return "language '\(name)' is not one of ja, en, zh, other"
    case .nameForMany(let count): return "'as NAME' names one statement; the file holds \(count)"
    }
  }

  /// 3600 → "3.6 KB", 20000000 → "20 MB" (decimal units, one decimal at most).
  public static func megabytes(_ bytes: Int) -> String {
    for (unit, size) in [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)] where Double(bytes) >= size {
      let value = (Double(bytes) / size * 10).rounded() / 10
      let text = value == value.rounded() ? String(Int(value)) : String(value)
      return "\(text) \(unit)"
    }
    return "\(bytes) bytes"
  }
}
