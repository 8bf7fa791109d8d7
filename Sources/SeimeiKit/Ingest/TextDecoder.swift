#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text decoded from a file's bytes, with how it was decoded.
public struct DecodedText: Sendable, Equatable {
  /// The text: byte order mark removed, line ends made LF.
  public var text: String
  /// The canonical name of the encoding the bytes were decoded from (see
  /// ``TextDecoder/canonicalName(_:)``).
  public var encoding: String
  /// How many U+FFFD replacement characters decoding inserted: one for each maximal invalid byte
  /// sequence (the Unicode "maximal subpart" practice), so a lone bad byte counts one. Only
  /// nonzero when the input claimed to be UTF-8 or UTF-16 (byte order mark, HTML declaration or
  /// override) but was not valid; the caller should warn about it.
  public var replacementCount: Int

  public init(text: String, encoding: String, replacementCount: Int = 0) {
    self.text = text
    self.encoding = encoding
    self.replacementCount = replacementCount
  }
}

/// Decodes the bytes of a statement file into text, detecting the encoding when not told.
///
/// Supported encodings and their canonical names:
/// - `UTF-8`, with or without a byte order mark (pure ASCII is reported as UTF-8);
/// - `UTF-16LE` and `UTF-16BE`, detected only by their byte order mark (or named);
/// - `Shift_JIS`, always decoded as its Windows superset CP932 (Windows-31J), so the NEC and IBM
///   extensions (①, Ⅱ, ㈱, 髙) and ～ decode; "cp932", "windows-31j" and "ms932" name it too,
///   and it is reported as `Shift_JIS`, the name HTML pages and most tools use;
/// - `EUC-JP`, decoded as its Microsoft variant (eucJP-ms), which has the same extensions and maps
///   to the same characters as CP932, so one text gives identical Unicode in either encoding;
/// - `ISO-2022-JP`, decoded through EUC-JP, which also accepts the half-width katakana and NEC
///   extensions of Microsoft's CP50221.
///
/// Detection, when no encoding is named: a byte order mark; for HTML, a `<meta charset>`,
/// `<meta http-equiv="Content-Type">` or XML declaration in the first 4 KB; then ISO-2022-JP
/// when the bytes are 7-bit and contain its escape sequences; then strict UTF-8; then EUC-JP and
/// Shift_JIS, scored on how Japanese the results look when both decode. A named encoding wins
/// over all of these.
public enum TextDecoder {
  /// Why bytes could not be decoded.
  ///
  /// Nested in `TextDecoder` so that it does not shadow the standard library's `DecodingError`
  /// (of `Codable`) for the whole module and its clients.
  public enum DecodingError: Error, Equatable, CustomStringConvertible {
    /// No bytes at all (or only a byte order mark).
    case empty
    /// NUL bytes in what is not UTF-16: a binary file.
    case binary
    /// No supported encoding decodes the bytes.
    case undecodable
    /// The named encoding is not one this decoder supports.
    case unknownEncoding(String)
    /// The bytes are not valid in the named legacy encoding, from this byte offset.
    case invalid(encoding: String, offset: Int)

    public var description: String {
      switch self {
      case .empty: "empty file"
      case .binary: "not text: contains NUL bytes"
      case .undecodable: "cannot decode as UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP"
      case .unknownEncoding(let name):
        "unknown encoding \"\(name)\" (supported: UTF-8, UTF-16LE, UTF-16BE, Shift_JIS, EUC-JP, "
          + "ISO-2022-JP)"
      case .invalid(let encoding, let offset):
        "not valid \(encoding): bad bytes at offset \(offset)"
      }
    }
  }

  /// Decodes `bytes`.
  ///
  /// - Parameters:
  ///   - override: An encoding name (any alias ``canonicalName(_:)`` accepts) to use instead of
  ///     detection. Invalid UTF-8 or UTF-16 is then decoded with replacements; invalid legacy
  ///     bytes throw ``DecodingError/invalid(encoding:offset:)``.
  ///   - isHTML: Whether to look for an HTML or XML charset declaration. A declared UTF-8 that is
  ///     not valid is decoded with replacements. A declared legacy encoding is ignored when the
  ///     bytes are valid UTF-8 with non-ASCII characters (a page re-saved as UTF-8 that kept its
  ///     old declaration) or when it does not decode them; detection then goes on.
  /// - Returns: The text with any byte order mark removed and CRLF and lone CR made LF. Text
  ///   that is only blanks is returned as it is; deciding whether that is worth loading is the
  ///   caller's business.
  public static func decode(
    _ bytes: [UInt8], encoding override: String? = nil, isHTML: Bool = false
  ) throws(DecodingError) -> DecodedText {
    let raw: Raw
    if let override {
      guard let name = canonicalName(override), let charset = Charset(rawValue: name) else {
        throw .unknownEncoding(override)
      }
      raw = try decodeNamed(bytes, charset)
    } else {
      raw = try detect(bytes, isHTML: isHTML)
    }
    return try finish(raw)
  }

  /// The canonical name of a supported encoding, from any common alias, ignoring case, blanks,
  /// hyphens and underscores: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `UTF-16` (byte order from the
  /// byte order mark), `Shift_JIS` (also for CP932, Windows-31J, MS932, SJIS), `EUC-JP` or
  /// `ISO-2022-JP` (also JIS). Nil when the encoding is not supported.
  public static func canonicalName(_ name: String) -> String? {
    var key = ""
    for scalar in name.unicodeScalars {
      switch scalar {
      case " ", "\t", "-", "_", "\"", "'": continue
      default: key.unicodeScalars.append(scalar)
      }
    }
    switch key.lowercased() {
    case "utf8", "unicode11utf8", "xunicode20utf8": return Charset.utf8.rawValue
    case "utf16le", "unicodefeff": return Charset.utf16LE.rawValue
    case "utf16be", "unicodefffe": return Charset.utf16BE.rawValue
    case "utf16", "unicode": return Charset.utf16.rawValue
    case "shiftjis", "sjis", "xsjis", "xshiftjis", "cp932", "windows31j", "ms932", "mskanji",
      "csshiftjis", "cswindows31j", "ibm943":
      return Charset.shiftJIS.rawValue
    case "eucjp", "xeucjp", "ujis", "eucjpms", "eucjpwin", "cseucpkdfmtjapanese":
      return Charset.eucJP.rawValue
    case "iso2022jp", "jis", "csiso2022jp", "cp50220", "cp50221", "cp50222":
      return Charset.iso2022JP.rawValue
    default: return nil
    }
  }

  // MARK: - Charsets and intermediate results

  enum Charset: String {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case utf16 = "UTF-16"
    case shiftJIS = "Shift_JIS"
    case eucJP = "EUC-JP"
    case iso2022JP = "ISO-2022-JP"
  }

  /// Decoded UTF-8 bytes (valid) before line ends and the byte order mark are dealt with.
  struct Raw {
    var utf8: [UInt8]
    var encoding: Charset
    var replacements: Int
  }

  private static func detect(_ bytes: [UInt8], isHTML: Bool) throws(DecodingError) -> Raw {
    guard !bytes.isEmpty else { throw .empty }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decodeNamed(bytes, .utf8) }
    if bytes.starts(with: [0xFF, 0xFE]) { return try decodeNamed(bytes, .utf16LE) }
    if bytes.starts(with: [0xFE, 0xFF]) { return try decodeNamed(bytes, .utf16BE) }
    if contains(bytes, 0) { throw .binary }

    var declared: Charset?
    if isHTML, let name = declaredCharset(bytes), let charset = Charset(rawValue: name) {
      // A document whose bytes are ASCII-compatible cannot be UTF-16, whatever it says.
      switch charset {
      case .utf16, .utf16LE, .utf16BE: declared = .utf8
      default: declared = charset
      }
    }
    if declared == .utf8 { return try decodeNamed(bytes, .utf8) }

    let sevenBit = isSevenBit(bytes)
    let validUTF8 = isValidUTF8(bytes)
    if let declared {
      // Non-ASCII bytes that are valid UTF-8 are UTF-8: the declaration is stale.
      let stale = !sevenBit && validUTF8
      if !stale, let raw = decodeLegacy(bytes, declared) { return raw }
    }
    if sevenBit {
      if contains(bytes, 0x1B), let raw = decodeLegacy(bytes, .iso2022JP) { return raw }
      return Raw(utf8: bytes, encoding: .utf8, replacements: 0)
    }
    if validUTF8 { return Raw(utf8: bytes, encoding: .utf8, replacements: 0) }

    let shiftJIS = declared == .shiftJIS ? nil : decodeLegacy(bytes, .shiftJIS)
    let eucJP = declared == .eucJP ? nil : decodeLegacy(bytes, .eucJP)
    switch (shiftJIS, eucJP) {
    case (let shiftJIS?, let eucJP?):
      // Both decode: the one that reads more like Japanese; Shift_JIS, the commoner, on a tie.
      return japaneseScore(eucJP.utf8) > japaneseScore(shiftJIS.utf8) ? eucJP : shiftJIS
    case (let shiftJIS?, nil): return shiftJIS
    case (nil, let eucJP?): return eucJP
    case (nil, nil): throw .undecodable
    }
  }

  /// Decodes as a named charset: Unicode with replacements, legacy strictly.
  private static func decodeNamed(_ bytes: [UInt8], _ charset: Charset) throws(DecodingError)
    -> Raw
  {
    guard !bytes.isEmpty else { throw .empty }
    switch charset {
    case .utf8:
      if contains(bytes, 0) { throw .binary }
      return decodeUTF8Replacing(bytes)
    case .utf16LE: return decodeUTF16(bytes, bigEndian: false)
    case .utf16BE: return decodeUTF16(bytes, bigEndian: true)
    case .utf16:
      if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes, bigEndian: true) }
      if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes, bigEndian: false) }
      return decodeUTF16(bytes, bigEndian: guessBigEndian(bytes))
    case .shiftJIS, .eucJP, .iso2022JP:
      if contains(bytes, 0) { throw .binary }
      switch convertLegacy(bytes, charset) {
      case .success(let utf8): return Raw(utf8: utf8, encoding: charset, replacements: 0)
      case .failure(let offset): throw .invalid(encoding: charset.rawValue, offset: offset)
      }
    }
  }

  private static func decodeLegacy(_ bytes: [UInt8], _ charset: Charset) -> Raw? {
    guard case .success(let utf8) = convertLegacy(bytes, charset) else { return nil }
    return Raw(utf8: utf8, encoding: charset, replacements: 0)
  }

  /// Makes the final text: drops a leading U+FEFF, makes line ends LF, rejects NUL and emptiness.
  private static func finish(_ raw: Raw) throws(DecodingError) -> DecodedText {
    var utf8 = raw.utf8
    if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
    if utf8.isEmpty { throw .empty }
    if contains(utf8, 0) { throw .binary }
    normalizeLineEnds(&utf8)
    let text = String(decoding: utf8, as: UTF8.self)
    return DecodedText(
      text: text, encoding: raw.encoding.rawValue, replacementCount: raw.replacements)
  }

  // MARK: - Unicode encodings

  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  /// UTF-8 with U+FFFD for each maximal invalid subsequence, counting the replacements.
  private static func decodeUTF8Replacing(_ bytes: [UInt8]) -> Raw {
    if isValidUTF8(bytes) { return Raw(utf8: bytes, encoding: .utf8, replacements: 0) }
    let text = String(decoding: bytes, as: UTF8.self)
    let utf8 = Array(text.utf8)
    // Genuine U+FFFD in the input are EF BF BD, which can only ever be a whole valid character.
    let replacements = countReplacementCharacters(utf8) - countReplacementCharacters(bytes)
    return Raw(utf8: utf8, encoding: .utf8, replacements: replacements)
  }

  /// UTF-16 with replacements for unpaired surrogates and an odd final byte.
  private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> Raw {
    let unitCount = bytes.count / 2
    var genuine = 0
    let units = [UInt16](unsafeUninitializedCapacity: unitCount) { buffer, initialized in
      bytes.withUnsafeBufferPointer { input in
        for index in 0..<unitCount {
          let first = UInt16(input[2 * index])
          let second = UInt16(input[2 * index + 1])
          let unit = bigEndian ? first << 8 | second : second << 8 | first
          if unit == 0xFFFD { genuine += 1 }
          buffer[index] = unit
        }
      }
      initialized = unitCount
    }
    let start = units.first == 0xFEFF ? 1 : 0
    var text = String(decoding: units[start...], as: UTF16.self)
    if bytes.count % 2 == 1 { text.unicodeScalars.append("\u{FFFD}") }
    let utf8 = Array(text.utf8)
    let replacements = countReplacementCharacters(utf8) - genuine
    return Raw(
      utf8: utf8, encoding: bigEndian ? .utf16BE : .utf16LE, replacements: replacements)
  }

  /// Without a byte order mark: ASCII text in UTF-16 has its zero bytes on the high side.
  private static func guessBigEndian(_ bytes: [UInt8]) -> Bool {
    var evenZeros = 0
    var oddZeros = 0
    for (index, byte) in bytes.prefix(4096).enumerated() where byte == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    return evenZeros > oddZeros
  }

  private static func countReplacementCharacters(_ utf8: [UInt8]) -> Int {
    utf8.withUnsafeBufferPointer { buffer in
      var count = 0
      var index = 0
      let end = buffer.count - 2
      while index < end {
        if buffer[index] == 0xEF && buffer[index + 1] == 0xBF && buffer[index + 2] == 0xBD {
          count += 1
          index += 3
        } else {
          index += 1
        }
      }
      return count
    }
  }

  // MARK: - Legacy encodings through iconv

  enum Conversion {
    case success([UInt8])
    /// The offset in the input of the first byte that could not be converted.
    case failure(Int)
  }

  static func convertLegacy(_ bytes: [UInt8], _ charset: Charset) -> Conversion {
    switch charset {
    case .shiftJIS: return iconvToUTF8(bytes, from: "CP932")
    case .eucJP:
      // glibc passes 0x80–0x9F through as C1 controls; no EUC-JP text has them.
      if let stray = bytes.firstIndex(where: {
        (0x80...0x8D).contains($0) || (0x90...0xA0).contains($0) || $0 == 0xFF
      }) {
        return .failure(stray)
      }
      return iconvToUTF8(bytes, from: "EUC-JP-MS")
    case .iso2022JP:
      switch iso2022JPToEUCJP(bytes) {
      case .failure(let offset): return .failure(offset)
      case .success(let euc):
        switch iconvToUTF8(euc, from: "EUC-JP-MS") {
        case .success(let utf8): return .success(utf8)
        case .failure(let eucOffset): return .failure(iso2022JPOffset(bytes, eucOffset: eucOffset))
        }
      }
    case .utf8, .utf16, .utf16LE, .utf16BE: return .failure(0)
    }
  }

  /// Converts with glibc's iconv; stops at the first invalid or incomplete sequence.
  static func iconvToUTF8(_ bytes: [UInt8], from encoding: String) -> Conversion {
    guard !bytes.isEmpty else { return .success([]) }
    let descriptor = iconv_open("UTF-8", encoding)
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return .failure(0) }
    defer { iconv_close(descriptor) }
    // Every supported legacy sequence of n bytes gives at most 3n bytes of UTF-8.
    var capacity = bytes.count * 3 + 16
    while true {
      var failure: Int?
      var tooSmall = false
      let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
        bytes.withUnsafeBufferPointer { input in
          var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
            mutating: input.baseAddress!
          ).assumingMemoryBound(to: CChar.self)
          var inLeft = input.count
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
            buffer.baseAddress!
          ).assumingMemoryBound(to: CChar.self)
          var outLeft = capacity
          if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
            if errno == E2BIG { tooSmall = true } else { failure = input.count - inLeft }
          }
          initialized = capacity - outLeft
        }
      }
      if tooSmall {
        _ = iconv(descriptor, nil, nil, nil, nil)
        capacity *= 2
        continue
      }
      if let failure { return .failure(failure) }
      return .success(output)
    }
  }

  /// The ISO-2022-JP sets, by the escape sequence that designates them.
  private enum JISMode {
    case ascii, kana, jis0208, jis0212
  }

  /// Rewrites ISO-2022-JP (RFC 1468, with JIS X 0212, half-width katakana by `ESC ( I` or SO/SI)
  /// as EUC-JP, which holds the same character sets; bytes are not otherwise interpreted.
  /// Line ends pass through in any mode, as lenient decoders allow. With `locate`, it stops
  /// instead with the input offset of the character that became EUC-JP byte `locate`.
  private static func iso2022JPToEUCJP(_ bytes: [UInt8], locate: Int? = nil) -> Conversion {
    var output = [UInt8]()
    output.reserveCapacity(bytes.count + bytes.count / 2)
    var mode = JISMode.ascii
    var modeBeforeShiftOut = JISMode.ascii
    var index = 0
    var characterStart = 0
    let count = bytes.count
    while index < count {
      if let locate, output.count > locate { return .failure(characterStart) }
      let byte = bytes[index]
      if byte == 0x1B {
        guard let (newMode, length) = escapeSequence(bytes[(index + 1)...].prefix(3)) else {
          return .failure(index)
        }
        mode = newMode ?? mode
        index += length
        continue
      }
      if byte >= 0x80 { return .failure(index) }
      if byte == 0x0E || byte == 0x0F {  // SO, SI: half-width katakana in and out
        if byte == 0x0E && mode != .kana { modeBeforeShiftOut = mode }
        mode = byte == 0x0E ? .kana : (mode == .kana ? modeBeforeShiftOut : mode)
        index += 1
        continue
      }
      characterStart = index
      if byte < 0x21 || mode == .ascii {
        output.append(byte)
        index += 1
        continue
      }
      switch mode {
      case .ascii: break
      case .kana:
        guard byte <= 0x5F else { return .failure(index) }
        output.append(0x8E)
        output.append(byte | 0x80)
        index += 1
      case .jis0208, .jis0212:
        guard byte < 0x7F, index + 1 < count, (0x21...0x7E).contains(bytes[index + 1]) else {
          return .failure(index)
        }
        if mode == .jis0212 { output.append(0x8F) }
        output.append(byte | 0x80)
        output.append(bytes[index + 1] | 0x80)
        index += 2
      }
    }
    if let locate, output.count > locate { return .failure(characterStart) }
    return .success(output)
  }

  /// The set an escape sequence designates (nil: none, as for the `ESC & @` announcer) and the
  /// sequence's length with the ESC; nil when it is not one of ISO-2022-JP's.
  private static func escapeSequence(_ rest: ArraySlice<UInt8>) -> (JISMode?, Int)? {
    let sequences: [([UInt8], JISMode?)] = [
      ([0x28, 0x42], .ascii),  // ESC ( B: ASCII
      ([0x28, 0x4A], .ascii),  // ESC ( J: JIS X 0201 Roman, read as ASCII
      ([0x28, 0x49], .kana),  // ESC ( I: JIS X 0201 katakana
      ([0x24, 0x40], .jis0208),  // ESC $ @: JIS C 6226-1978
      ([0x24, 0x42], .jis0208),  // ESC $ B: JIS X 0208-1983
      ([0x24, 0x28, 0x42], .jis0208),  // ESC $ ( B
      ([0x24, 0x28, 0x44], .jis0212),  // ESC $ ( D: JIS X 0212
      ([0x26, 0x40], nil),  // ESC & @: JIS X 0208-1990 announcer
    ]
    for (sequence, mode) in sequences where rest.starts(with: sequence) {
      return (mode, sequence.count + 1)
    }
    return nil
  }

  /// The input offset of the character that became EUC-JP byte `eucOffset`.
  private static func iso2022JPOffset(_ bytes: [UInt8], eucOffset: Int) -> Int {
    if case .failure(let offset) = iso2022JPToEUCJP(bytes, locate: eucOffset) { return offset }
    return 0
  }

  // MARK: - Detection helpers

  private static func contains(_ bytes: [UInt8], _ value: UInt8) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      return memchr(base, Int32(value), buffer.count) != nil
    }
  }

  private static func isSevenBit(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var combined: UInt8 = 0
      for byte in buffer { combined |= byte }
      return combined < 0x80
    }
  }

  /// Makes CRLF and lone CR into LF, in place.
  private static func normalizeLineEnds(_ utf8: inout [UInt8]) {
    guard contains(utf8, 0x0D) else { return }
    let written = utf8.withUnsafeMutableBufferPointer { buffer -> Int in
      let count = buffer.count
      var read = 0
      var write = 0
      while read < count {
        let byte = buffer[read]
        read += 1
        if byte == 0x0D {
          buffer[write] = 0x0A
          if read < count && buffer[read] == 0x0A { read += 1 }
        } else {
          buffer[write] = byte
        }
        write += 1
      }
      return write
    }
    utf8.removeLast(utf8.count - written)
  }

  /// How much decoded UTF-8 looks like Japanese text: kana and CJK punctuation score high,
  /// kanji and full-width forms a little; half-width katakana, private-use characters and C1
  /// controls, which is what the wrong one of Shift_JIS and EUC-JP produces, score against.
  static func japaneseScore(_ utf8: [UInt8]) -> Int {
    utf8.withUnsafeBufferPointer { buffer in
      var score = 0
      var index = 0
      let count = buffer.count
      while index < count {
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
        } else if lead < 0xE0 {
          // Two bytes: U+0080–U+07FF; C1 controls are C2 80–C2 9F.
          if lead == 0xC2 && index + 1 < count && buffer[index + 1] < 0xA0 { score -= 3 }
          index += 2
        } else if lead < 0xF0 {
          guard index + 2 < count else { break }
          let scalar =
            UInt32(lead & 0x0F) << 12 | UInt32(buffer[index + 1] & 0x3F) << 6
            | UInt32(buffer[index + 2] & 0x3F)
          score += weight(of: scalar)
          index += 3
        } else {
          index += 4
        }
      }
      return score
    }
  }

  private static func weight(of scalar: UInt32) -> Int {
    switch scalar {
    case 0x3000...0x30FF: 2  // CJK punctuation, hiragana, katakana
    case 0x4E00...0x9FFF: 1  // CJK unified ideographs
    case 0xFF01...0xFF5E: 1  // full-width ASCII forms
    case 0xFF61...0xFF9F: -2  // half-width katakana
    case 0xE000...0xF8FF: -3  // private use (CP932 user-defined area)
    default: 0
    }
  }

  // MARK: - HTML and XML declarations

  /// The canonical charset declared by a `<meta>` tag or XML declaration in the first 4 KB,
  /// outside comments; unsupported names are skipped.
  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    var index = 0
    while index < head.count {
      guard head[index] == 0x3C else {  // <
        index += 1
        continue
      }
      if head[index...].starts(with: Array("<!--".utf8)) {
        index = find(Array("-->".utf8), in: head, from: index + 4).map { $0 + 3 } ?? head.count
        continue
      }
      let isMeta = head[index...].starts(with: Array("<meta".utf8))
      let isXML = head[index...].starts(with: Array("<?xml".utf8))
      guard isMeta || isXML else {
        index += 1
        continue
      }
      let end = head[index...].firstIndex(of: 0x3E) ?? head.count  // >
      let tag = Array(head[index..<end])
      let attribute = isMeta ? "charset" : "encoding"
      if let name = attributeValue(Array(attribute.utf8), in: tag),
        let canonical = canonicalName(name)
      {
        return canonical
      }
      index = end
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index...].starts(with: needle) { return index }
      index += 1
    }
    return nil
  }

  /// The value after `key`, `=` and an optional quote: for `charset=x` both as an attribute and
  /// inside a `content="text/html; charset=x"` value.
  private static func attributeValue(_ key: [UInt8], in tag: [UInt8]) -> String? {
    var search = 0
    while let found = find(key, in: tag, from: search) {
      var index = found + key.count
      search = index
      while index < tag.count && isBlank(tag[index]) { index += 1 }
      guard index < tag.count, tag[index] == 0x3D else { continue }  // =
      index += 1
      while index < tag.count && (isBlank(tag[index]) || tag[index] == 0x22 || tag[index] == 0x27) {
        index += 1
      }
      let start = index
      while index < tag.count && isNameByte(tag[index]) { index += 1 }
      if index > start { return String(decoding: tag[start..<index], as: UTF8.self) }
    }
    return nil
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0x2D, 0x5F, 0x2E, 0x3A: true
    default: false
    }
  }
}
