import SeimeiKit
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Encodes UTF-8 text into another encoding with the C library's iconv, for fixtures.
private func encode(_ text: String, to encoding: String) -> [UInt8] {
  let descriptor = iconv_open(encoding, "UTF-8")
  precondition(descriptor != iconv_t(bitPattern: -1), "iconv cannot encode \(encoding)")
  defer { iconv_close(descriptor) }
  var input = Array(text.utf8)
  var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
  let written = input.withUnsafeMutableBufferPointer { inBuffer in
    output.withUnsafeMutableBufferPointer { outBuffer in
      var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
        .assumingMemoryBound(to: CChar.self)
      var inLeft = inBuffer.count
      var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
        outBuffer.baseAddress!
      ).assumingMemoryBound(to: CChar.self)
      var outLeft = outBuffer.count
      let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
      precondition(result != -1, "iconv failed to encode the fixture as \(encoding)")
      _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)  // back to ASCII for ISO-2022-JP
      return outBuffer.count - outLeft
    }
  }
  return Array(output[..<written])
}

private let sample = "外務省の声明です。"

/// 外務省の声明です。 in each encoding, written out byte by byte.
private let shiftJISSample: [UInt8] = [
  0x8a, 0x4f, 0x96, 0xb1, 0x8f, 0xc8, 0x82, 0xcc, 0x90, 0xba, 0x96, 0xbe, 0x82, 0xc5, 0x82, 0xb7,
  0x81, 0x42,
]
private let eucJPSample: [UInt8] = [
  0xb3, 0xb0, 0xcc, 0xb3, 0xbe, 0xca, 0xa4, 0xce, 0xc0, 0xbc, 0xcc, 0xc0, 0xa4, 0xc7, 0xa4, 0xb9,
  0xa1, 0xa3,
]
private let iso2022JPSample: [UInt8] = [
  0x1b, 0x24, 0x42, 0x33, 0x30, 0x4c, 0x33, 0x3e, 0x4a, 0x24, 0x4e, 0x40, 0x3c, 0x4c, 0x40, 0x24,
  0x47, 0x24, 0x39, 0x21, 0x23, 0x1b, 0x28, 0x42,
]
private let utf16LESample: [UInt8] = [
  0xff, 0xfe, 0x16, 0x59, 0xd9, 0x52, 0x01, 0x77, 0x6e, 0x30, 0xf0, 0x58, 0x0e, 0x66, 0x67, 0x30,
  0x59, 0x30, 0x02, 0x30,
]
private let utf16BESample: [UInt8] = [
  0xfe, 0xff, 0x59, 0x16, 0x52, 0xd9, 0x77, 0x01, 0x30, 0x6e, 0x58, 0xf0, 0x66, 0x0e, 0x30, 0x67,
  0x30, 0x59, 0x30, 0x02,
]

/// A longer text with kana, kanji, full-width and ASCII characters, punctuation and line breaks.
private let statement = """
  外務報道官談話
  北朝鮮による弾道ミサイルの発射について（令和6年5月1日）

  1　本日、北朝鮮は弾道ミサイルを発射しました。我が国は、北京の外交ルートを通じて厳重に抗議しました。
  2　この行動は、国連安保理決議（UNSCR 1718）に違反するものです。ＡＰＴ４０、Ｑ＆Ａ。

  """

@Suite struct TextDecoderTests {
  @Test(arguments: [
    (shiftJISSample, "Shift_JIS"), (eucJPSample, "EUC-JP"), (iso2022JPSample, "ISO-2022-JP"),
    (utf16LESample, "UTF-16LE"), (utf16BESample, "UTF-16BE"),
    (Array(sample.utf8), "UTF-8"), ([0xEF, 0xBB, 0xBF] + Array(sample.utf8), "UTF-8"),
  ])
  func byteLiteralFixturesAreDetected(bytes: [UInt8], encoding: String) throws {
    let decoded = try TextDecoder.decode(bytes)
    #expect(decoded == DecodedText(text: sample, encoding: encoding, replacementCount: 0))
    let named = try TextDecoder.decode(bytes, encoding: encoding)
    #expect(named == decoded)
  }

  @Test(arguments: [
    ("CP932", "Shift_JIS"), ("EUC-JP", "EUC-JP"), ("ISO-2022-JP", "ISO-2022-JP"),
    ("UTF-8", "UTF-8"),
  ])
  func longTextRoundTrips(iconvName: String, encoding: String) throws {
    let bytes = encode(statement, to: iconvName)
    let detected = try TextDecoder.decode(bytes)
    #expect(detected.text == statement)
    #expect(detected.encoding == encoding)
    #expect(detected.replacementCount == 0)
    #expect(try TextDecoder.decode(bytes, encoding: encoding).text == statement)
  }

  @Test func utf16WithByteOrderMarkRoundTrips() throws {
    let little = [0xFF, 0xFE] + encode(statement, to: "UTF-16LE")
    let big = [0xFE, 0xFF] + encode(statement, to: "UTF-16BE")
    #expect(try TextDecoder.decode(little) == DecodedText(text: statement, encoding: "UTF-16LE"))
    #expect(try TextDecoder.decode(big) == DecodedText(text: statement, encoding: "UTF-16BE"))
    // "UTF-16" takes the byte order from the mark, or guesses it from where the zeros are.
    #expect(try TextDecoder.decode(big, encoding: "utf16").encoding == "UTF-16BE")
    let bare = encode("plain ASCII", to: "UTF-16LE")
    #expect(
      try TextDecoder.decode(bare, encoding: "UTF-16")
        == DecodedText(text: "plain ASCII", encoding: "UTF-16LE"))
  }

  @Test func windowsExtensionsDecodeInShiftJISAndEUCJP() throws {
    // ① ～ ㈱ 髙: NEC row 13, the full-width tilde, and an IBM extension kanji.
    let shiftJIS: [UInt8] = [0x87, 0x40, 0x81, 0x60, 0x87, 0x8a, 0xfb, 0xfc]
    let eucJP: [UInt8] = [0xad, 0xa1, 0xa1, 0xc1, 0xad, 0xea, 0x8f, 0xf4, 0xfb]
    let expected = "①～㈱髙"
    #expect(try TextDecoder.decode(shiftJIS) == DecodedText(text: expected, encoding: "Shift_JIS"))
    #expect(try TextDecoder.decode(eucJP) == DecodedText(text: expected, encoding: "EUC-JP"))
    #expect(try TextDecoder.decode(encode(expected, to: "CP932")).text == expected)
  }

  @Test func iso2022JPHalfWidthKatakanaAndNECCharacters() throws {
    // ESC ( I ｱｲｳ ESC ( B, then ESC $ B ① (row 13) ESC ( B.
    let bytes: [UInt8] = [
      0x1b, 0x28, 0x49, 0x31, 0x32, 0x33, 0x1b, 0x28, 0x42, 0x41, 0x1b, 0x24, 0x42, 0x2d, 0x21,
      0x1b, 0x28, 0x42,
    ]
    #expect(try TextDecoder.decode(bytes) == DecodedText(text: "ｱｲｳA①", encoding: "ISO-2022-JP"))
  }

  @Test func eucJPThatAlsoDecodesAsShiftJISIsScoredAsEUCJP() throws {
    // Every byte of the EUC-JP sample is a half-width katakana in Shift_JIS: both decode.
    let asShiftJIS = try TextDecoder.decode(eucJPSample, encoding: "Shift_JIS")
    #expect(asShiftJIS.text == "ｳｰﾌｳｾﾊ､ﾎﾀｼﾌﾀ､ﾇ､ｹ｡｣")
    #expect(try TextDecoder.decode(eucJPSample).encoding == "EUC-JP")
  }

  @Test func lineEndsBecomeLF() throws {
    let text = "一行目\r\n二行目\r三行目\n\r\n終わり\r"
    let expected = "一行目\n二行目\n三行目\n\n終わり\n"
    #expect(try TextDecoder.decode(Array(text.utf8)).text == expected)
    #expect(try TextDecoder.decode(encode(text, to: "CP932")).text == expected)
    #expect(try TextDecoder.decode(encode(text, to: "EUC-JP")).text == expected)
    #expect(try TextDecoder.decode([0xFF, 0xFE] + encode(text, to: "UTF-16LE")).text == expected)
  }

  @Test func byteOrderMarkOnlyIsEmpty() throws {
    #expect(throws: TextDecoder.DecodingError.empty) { try TextDecoder.decode([]) }
    #expect(throws: TextDecoder.DecodingError.empty) {
      try TextDecoder.decode([0xEF, 0xBB, 0xBF])
    }
    #expect(throws: TextDecoder.DecodingError.empty) { try TextDecoder.decode([0xFF, 0xFE]) }
    #expect(throws: TextDecoder.DecodingError.empty) {
      try TextDecoder.decode([], encoding: "Shift_JIS")
    }
    // Blanks are text: whether they are worth loading is the caller's call.
    #expect(try TextDecoder.decode(Array(" \n".utf8)).text == " \n")
  }

  @Test func pureASCIIIsUTF8() throws {
    #expect(try TextDecoder.decode(Array("Press release\n".utf8)).encoding == "UTF-8")
  }

  @Test func metaCharsetDecidesForHTML() throws {
    let page = """
      <html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
      <title>外務省</title></head><body><p>声明</p></body></html>
      """
    let decoded = try TextDecoder.decode(encode(page, to: "CP932"), isHTML: true)
    #expect(decoded == DecodedText(text: page, encoding: "Shift_JIS"))

    // EUC-JP bytes that are also valid Shift_JIS: the declaration wins over scoring.
    let declared = Array("<meta charset='x-sjis'>".utf8) + eucJPSample
    #expect(try TextDecoder.decode(declared, isHTML: true).encoding == "Shift_JIS")
    #expect(try TextDecoder.decode(declared).encoding == "EUC-JP")

    let xml = Array(#"<?xml version="1.0" encoding="EUC-JP"?><p>"#.utf8) + eucJPSample
    #expect(try TextDecoder.decode(xml, isHTML: true).text.hasSuffix(sample))
  }

  @Test func metaCharsetDeclarationsAreFound() throws {
    let cases: [(String, String)] = [
      (#"<meta charset="utf-8">"#, "UTF-8"),
      (#"<META CHARSET=EUC-JP>"#, "EUC-JP"),
      (#"<meta http-equiv="content-type" content="text/html;charset=iso-2022-jp">"#, "ISO-2022-JP"),
      (#"<!-- <meta charset="euc-jp"> --><meta charset='shift_jis'>"#, "Shift_JIS"),
      (#"<meta charset="klingon"><meta charset="sjis">"#, "Shift_JIS"),
    ]
    for (head, encoding) in cases {
      let bytes =
        Array((head + "<p>").utf8)
        + encode(sample, to: encoding == "Shift_JIS" ? "CP932" : encoding)
      #expect(try TextDecoder.decode(bytes, isHTML: true).encoding == encoding, "\(head)")
    }
  }

  @Test func staleLegacyDeclarationOnAUTF8PageIsIgnored() throws {
    let page = "<meta charset=\"Shift_JIS\"><p>外務省の声明です。</p>"
    #expect(
      try TextDecoder.decode(Array(page.utf8), isHTML: true)
        == DecodedText(text: page, encoding: "UTF-8"))
  }

  @Test func overrideWinsOverEverything() throws {
    #expect(try TextDecoder.decode(eucJPSample, encoding: "sjis").text == "ｳｰﾌｳｾﾊ､ﾎﾀｼﾌﾀ､ﾇ､ｹ｡｣")
    let page = Array("<meta charset=\"utf-8\">".utf8) + shiftJISSample
    let decoded = try TextDecoder.decode(page, encoding: "Windows-31J", isHTML: true)
    #expect(
      decoded == DecodedText(text: "<meta charset=\"utf-8\">" + sample, encoding: "Shift_JIS"))
    // Even over a byte order mark.
    let marked = [0xEF, 0xBB, 0xBF] + Array("A".utf8)
    #expect(try TextDecoder.decode(marked, encoding: "UTF-8").text == "A")
    #expect(throws: TextDecoder.DecodingError.invalid(encoding: "Shift_JIS", offset: 0)) {
      try TextDecoder.decode(marked, encoding: "Shift_JIS")
    }
  }

  @Test func unknownOverrideIsAnError() {
    #expect(throws: TextDecoder.DecodingError.unknownEncoding("latin-9")) {
      try TextDecoder.decode(Array("abc".utf8), encoding: "latin-9")
    }
    #expect(
      TextDecoder.DecodingError.unknownEncoding("latin-9").description
        == "unknown encoding \"latin-9\" (supported: UTF-8, UTF-16LE, UTF-16BE, Shift_JIS, "
        + "EUC-JP, ISO-2022-JP)")
  }

  @Test func invalidBytesInANamedLegacyEncodingGiveTheirOffset() {
    #expect(throws: TextDecoder.DecodingError.invalid(encoding: "Shift_JIS", offset: 2)) {
      try TextDecoder.decode([0x41, 0x42, 0xFD], encoding: "cp932")
    }
    #expect(throws: TextDecoder.DecodingError.invalid(encoding: "EUC-JP", offset: 1)) {
      try TextDecoder.decode([0x41, 0x82, 0xA0], encoding: "EUC-JP")
    }
    // An unknown escape sequence, and a JIS code with no character (row 9).
    #expect(throws: TextDecoder.DecodingError.invalid(encoding: "ISO-2022-JP", offset: 1)) {
      try TextDecoder.decode([0x41, 0x1B, 0x24, 0x41, 0x21, 0x21], encoding: "jis")
    }
    #expect(throws: TextDecoder.DecodingError.invalid(encoding: "ISO-2022-JP", offset: 6)) {
      try TextDecoder.decode(
        [0x41, 0x1B, 0x24, 0x42, 0x24, 0x22, 0x29, 0x21, 0x1B, 0x28, 0x42],
        encoding: "ISO-2022-JP")
    }
    #expect(
      TextDecoder.DecodingError.invalid(encoding: "EUC-JP", offset: 1).description
        == "not valid EUC-JP: bad bytes at offset 1")
  }

  @Test func nulBytesMeanBinary() {
    let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]
    #expect(throws: TextDecoder.DecodingError.binary) { try TextDecoder.decode(bytes) }
    #expect(throws: TextDecoder.DecodingError.binary) {
      try TextDecoder.decode(bytes, encoding: "Shift_JIS")
    }
    #expect(throws: TextDecoder.DecodingError.binary) {
      try TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x41, 0x00])
    }
    #expect(TextDecoder.DecodingError.binary.description == "not text: contains NUL bytes")
  }

  @Test func undecodableBytes() {
    // 0x80 and 0xFD begin nothing in UTF-8, Shift_JIS or EUC-JP.
    #expect(throws: TextDecoder.DecodingError.undecodable) {
      try TextDecoder.decode([0x41, 0x80, 0xFD, 0x42])
    }
    #expect(
      TextDecoder.DecodingError.undecodable.description
        == "cannot decode as UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP")
  }

  @Test func invalidUTF8ThatClaimsUTF8IsReplaced() throws {
    // A lone 0xFF, a genuine U+FFFD (not counted), a truncated 3-byte sequence (one
    // replacement), and a stray continuation byte.
    let body: [UInt8] =
      Array("声明".utf8) + [0xFF] + Array("\u{FFFD}".utf8) + [0xE3, 0x81] + Array("x".utf8)
      + [0x80]
    let expected = "声明\u{FFFD}\u{FFFD}\u{FFFD}x\u{FFFD}"

    let marked = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + body)
    #expect(marked == DecodedText(text: expected, encoding: "UTF-8", replacementCount: 3))

    let named = try TextDecoder.decode(body, encoding: "utf8")
    #expect(named == DecodedText(text: expected, encoding: "UTF-8", replacementCount: 3))

    let page = Array("<meta charset=\"UTF-8\">\r\n".utf8) + body
    let declared = try TextDecoder.decode(page, isHTML: true)
    #expect(
      declared
        == DecodedText(
          text: "<meta charset=\"UTF-8\">\n" + expected, encoding: "UTF-8", replacementCount: 3))
  }

  @Test func invalidUTF16IsReplaced() throws {
    // An unpaired high surrogate, then an odd final byte.
    let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43]
    #expect(
      try TextDecoder.decode(bytes)
        == DecodedText(text: "A\u{FFFD}B\u{FFFD}", encoding: "UTF-16LE", replacementCount: 2))
  }

  @Test func invalidUTF8WithoutAClaimTriesTheLegacyEncodings() throws {
    // Not UTF-8 (0x8A 0x4F is not a UTF-8 sequence), but Shift_JIS.
    let decoded = try TextDecoder.decode(Array("ABC ".utf8) + shiftJISSample)
    #expect(decoded == DecodedText(text: "ABC " + sample, encoding: "Shift_JIS"))
  }

  @Test func canonicalNames() {
    let names: [(String, String?)] = [
      ("utf8", "UTF-8"), ("UTF-8", "UTF-8"), ("sjis", "Shift_JIS"), ("Shift-JIS", "Shift_JIS"),
      ("shift_jis", "Shift_JIS"), ("CP932", "Shift_JIS"), ("windows-31j", "Shift_JIS"),
      ("MS932", "Shift_JIS"), ("x-sjis", "Shift_JIS"), ("euc-jp", "EUC-JP"), ("EUCJP", "EUC-JP"),
      ("iso-2022-jp", "ISO-2022-JP"), ("JIS", "ISO-2022-JP"), ("utf-16le", "UTF-16LE"),
      ("UTF-16BE", "UTF-16BE"), ("utf16", "UTF-16"), ("latin1", nil), ("", nil), ("gbk", nil),
    ]
    for (name, canonical) in names {
      #expect(TextDecoder.canonicalName(name) == canonical, "\(name)")
    }
  }
}
