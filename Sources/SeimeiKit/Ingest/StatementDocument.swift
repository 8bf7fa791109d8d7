/// One statement as `load` takes it from a JSON file: the text and what is known about it.
///
/// A file holds one such object or an array of them. Field names are those of the JSON
/// (`translation_of` is ``translationOf``); see ``schemaDescription``.
public struct StatementDocument: Codable, Sendable, Equatable {
  /// The statement's text (required, not blank).
  public var text: String
  /// The name to give it in the workspace.
  public var name: String?
  public var title: String?
  /// Who issued it: a ministry, an office, a spokesperson.
  public var issuer: String?
  /// YYYY-MM-DD.
  public var date: String?
  /// `ja`, `en`, `zh` or `other`.
  public var language: String?
  /// Where it was published.
  public var url: String?
  /// The name of the statement this one translates.
  public var translationOf: String?
  /// Any further fields, by key.
  public var metadata: [String: String]?

  public init(
    text: String, name: String? = nil, title: String? = nil, issuer: String? = nil,
    date: String? = nil, language: String? = nil, url: String? = nil,
    translationOf: String? = nil, metadata: [String: String]? = nil
  ) {
    self.text = text
    self.name = name
    self.title = title
    self.issuer = issuer
    self.date = date
    self.language = language
    self.url = url
    self.translationOf = translationOf
    self.metadata = metadata
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case text, name, title, issuer, date, language, url
    case translationOf = "translation_of"
    case metadata
  }

  /// The languages `language` accepts.
  public static let languages = ["ja", "en", "zh", "other"]

  /// The schema in a few lines, for help texts.
  public static let schemaDescription = """
    A JSON file holds one statement object or an array of them:
      "text"            the statement's text (required)
      "name"            its name in the workspace
      "title"           its title
      "issuer"          who issued it
      "date"            date issued, YYYY-MM-DD
      "language"        ja, en, zh or other (detected when absent)
      "url"             where it was published
      "translation_of"  the name of the statement it translates
      "metadata"        an object of any further fields, with string values
    Example: {"name": "mofa-ja", "date": "2024-05-01", "text": "外務報道官談話…"}
    """

  /// Reads one statement object, or an array of them, from JSON (UTF-8, byte order mark
  /// allowed).
  ///
  /// Fields must be strings (or null, meaning absent); `metadata` values may also be numbers or
  /// booleans, kept as written. Unknown fields are refused so that a misspelt one is not lost
  /// silently. In an array, errors name the element by its index, counting from 0.
  public static func decodeAll(_ data: [UInt8]) throws(StatementDocumentError)
    -> [StatementDocument]
  {
    let value: JSONValue
    do {
      value = try JSONParser.parse(data)
    } catch {
      throw .notJSON(error.description)
    }
    switch value {
    case .object(let fields):
      return [try document(from: fields, element: nil)]
    case .array(let elements):
      guard !elements.isEmpty else { throw .noStatements }
      var documents: [StatementDocument] = []
      documents.reserveCapacity(elements.count)
      for (index, element) in elements.enumerated() {
        guard case .object(let fields) = element else {
          throw .invalid(element: index, problem: "expected an object, not \(element.kind)")
        }
        documents.append(try document(from: fields, element: index))
      }
      return documents
    default:
      throw .wrongShape
    }
  }

  private static func document(from fields: [(key: String, value: JSONValue)], element: Int?)
    throws(StatementDocumentError) -> StatementDocument
  {
    func problem(_ text: String) -> StatementDocumentError {
      .invalid(element: element, problem: text)
    }
    var values: [CodingKeys: String] = [:]
    var metadata: [String: String]?
    var seen: Set<String> = []
    for (key, value) in fields {
      guard seen.insert(key).inserted else { throw problem("duplicate field \"\(key)\"") }
      guard let codingKey = CodingKeys(rawValue: key) else {
        throw problem("unknown field \"\(key)\" (put further fields in \"metadata\")")
      }
      if codingKey == .metadata {
        switch value {
        case .null: continue
        case .object(let entries):
          var dictionary: [String: String] = [:]
          for (entryKey, entryValue) in entries {
            switch entryValue {
            case .string(let string): dictionary[entryKey] = string
            case .number(let text): dictionary[entryKey] = text
            case .bool(let flag): dictionary[entryKey] = flag ? "true" : "false"
            case .null: continue
            case .array, .object:
              throw problem("\"metadata.\(entryKey)\" must be a string, not \(entryValue.kind)")
            }
          }
          metadata = dictionary
        default:
          throw problem("\"metadata\" must be an object, not \(value.kind)")
        }
        continue
      }
      switch value {
      case .null: continue
      case .string(let string): values[codingKey] = string
      default: throw problem("\"\(key)\" must be a string, not \(value.kind)")
      }
    }

    guard let text = values[.text] else {
      throw problem(fields.contains { $0.key == "text" } ? "\"text\" is null" : "missing \"text\"")
    }
    guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw problem("\"text\" is empty")
    }
    if let date = values[.date] {
      guard isISODate(date) else { throw problem("\"date\" must be YYYY-MM-DD, not \"\(date)\"") }
    }
    if let language = values[.language] {
      guard languages.contains(language) else {
        throw problem("\"language\" must be ja, en, zh or other, not \"\(language)\"")
      }
    }
    return StatementDocument(
      text: text, name: values[.name], title: values[.title], issuer: values[.issuer],
      date: values[.date], language: values[.language], url: values[.url],
      translationOf: values[.translationOf], metadata: metadata)
  }

  /// Exactly `YYYY-MM-DD`, and a real date.
  static func isISODate(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
    return DateText.isoDate(text) == text
  }
}

/// Why a JSON statement file could not be read. Each description is one line.
public enum StatementDocumentError: Error, Equatable, CustomStringConvertible {
  /// The bytes are not JSON; the reason says what and where.
  case notJSON(String)
  /// The JSON is neither an object nor an array.
  case wrongShape
  /// An empty array.
  case noStatements
  /// A statement object is not right: its index in the array (nil for a single object), and the
  /// problem.
  case invalid(element: Int?, problem: String)

  public var description: String {
    switch self {
    case .notJSON(let reason): "not JSON: \(reason)"
    case .wrongShape: "expected an object or an array of objects"
    case .noStatements: "no statements: the array is empty"
    case .invalid(let element?, let problem): "element \(element): \(problem)"
    case .invalid(nil, let problem): problem
    }
  }
}

// MARK: - JSON

/// A parsed JSON value; objects keep their fields in order, duplicates included.
enum JSONValue {
  case string(String)
  /// A number, as written.
  case number(String)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  /// What the value is, for messages.
  var kind: String {
    switch self {
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// Where and why JSON text is malformed.
struct JSONSyntaxError: Error, CustomStringConvertible {
  var description: String
}

/// A strict RFC 8259 parser with messages that give line and column.
struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0
  private static let maximumDepth = 512

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  static func parse(_ data: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw JSONSyntaxError(description: "not valid UTF-8")
    }
    var parser = JSONParser(bytes: bytes)
    parser.skipBlanks()
    guard parser.index < bytes.count else { throw JSONSyntaxError(description: "no content") }
    let value = try parser.parseValue()
    parser.skipBlanks()
    if parser.index < bytes.count {
      throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value")
    }
    return value
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw error("unexpected \(describeCurrent())")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    index += 1
    var fields: [(key: String, value: JSONValue)] = []
    skipBlanks()
    if peek(UInt8(ascii: "}")) {
      index += 1
      depth -= 1
      return .object(fields)
    }
    while true {
      skipBlanks()
      guard peek(UInt8(ascii: "\"")) else {
        throw error("expected a field name in quotes, found \(describeCurrent())")
      }
      let key = try parseString()
      skipBlanks()
      guard peek(UInt8(ascii: ":")) else {
        throw error("expected \":\" after \"\(key)\", found \(describeCurrent())")
      }
      index += 1
      skipBlanks()
      fields.append((key, try parseValue()))
      skipBlanks()
      if peek(UInt8(ascii: ",")) {
        index += 1
      } else if peek(UInt8(ascii: "}")) {
        index += 1
        depth -= 1
        return .object(fields)
      } else {
        throw error("expected \",\" or \"}\" in an object, found \(describeCurrent())")
      }
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipBlanks()
    if peek(UInt8(ascii: "]")) {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipBlanks()
      elements.append(try parseValue())
      skipBlanks()
      if peek(UInt8(ascii: ",")) {
        index += 1
      } else if peek(UInt8(ascii: "]")) {
        index += 1
        depth -= 1
        return .array(elements)
      } else {
        throw error("expected \",\" or \"]\" in an array, found \(describeCurrent())")
      }
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw error("nested more than \(Self.maximumDepth) deep") }
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = index
    index += 1
    var buffer: [UInt8] = []
    var runStart = index
    while true {
      guard index < bytes.count else {
        index = start
        throw error("unterminated string")
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        buffer += bytes[runStart..<index]
        index += 1
        return String(decoding: buffer, as: UTF8.self)
      }
      if byte < 0x20 { throw error("control character in a string (escape it)") }
      if byte != UInt8(ascii: "\\") {
        index += 1
        continue
      }
      buffer += bytes[runStart..<index]
      index += 1
      guard index < bytes.count else { throw error("unterminated string") }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
      case UInt8(ascii: "b"): buffer.append(0x08)
      case UInt8(ascii: "f"): buffer.append(0x0C)
      case UInt8(ascii: "n"): buffer.append(0x0A)
      case UInt8(ascii: "r"): buffer.append(0x0D)
      case UInt8(ascii: "t"): buffer.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try parseHex4()
        if (0xD800...0xDBFF).contains(scalar), bytes[index...].starts(with: [0x5C, 0x75]) {
          let saved = index
          index += 2
          let low = try parseHex4()
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
          } else {
            index = saved
          }
        }
        // A lone surrogate is no character: it becomes U+FFFD.
        buffer += Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
      default:
        index -= 2
        throw error("invalid escape \"\\\(String(decoding: [escape], as: UTF8.self))\"")
      }
      runStart = index
    }
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw error("invalid \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - from
    }
    if peek(UInt8(ascii: "-")) { index += 1 }
    if peek(UInt8(ascii: "0")) {
      index += 1
    } else if digits() == 0 {
      throw error("invalid number")
    }
    if peek(UInt8(ascii: ".")) {
      index += 1
      guard digits() > 0 else { throw error("invalid number") }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      index += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
      guard digits() > 0 else { throw error("invalid number") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
    let expected = Array(word.utf8)
    guard bytes[index...].starts(with: expected) else {
      throw error("unexpected \(describeCurrent())")
    }
    index += expected.count
  }

  private func peek(_ byte: UInt8) -> Bool {
    index < bytes.count && bytes[index] == byte
  }

  private mutating func skipBlanks() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// The character at the current position, for messages.
  private func describeCurrent() -> String {
    guard index < bytes.count else { return "end of input" }
    var end = index + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    let character = String(decoding: bytes[index..<end], as: UTF8.self)
    return character == "'" ? "\"'\"" : "'\(character)'"
  }

  /// An error at the current position, as line and column (in characters), both from 1.
  private func error(_ message: String) -> JSONSyntaxError {
    let position = min(index, bytes.count)
    var line = 1
    var lineStart = 0
    for offset in 0..<position where bytes[offset] == 0x0A {
      line += 1
      lineStart = offset + 1
    }
    let column = String(decoding: bytes[lineStart..<position], as: UTF8.self).unicodeScalars.count
    if message.hasSuffix("end of input") || position >= bytes.count {
      return JSONSyntaxError(description: message)
    }
    return JSONSyntaxError(description: "\(message) at line \(line), column \(column + 1)")
  }
}
