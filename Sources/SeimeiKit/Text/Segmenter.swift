import CICUShim

/// Splits a statement into paragraphs, sentences and word tokens.
///
/// All work is done on one array of the text's UTF-16 code units (what ICU reads), made once;
/// the results are converted to Unicode-scalar offsets at the end through the list of surrogate
/// pairs, so the whole pass is linear in the length of the text.
///
/// - Paragraphs are found by `ParagraphSplitter`: blank lines, numbered points, list items,
///   headings and deliberate line breaks; see there.
/// - Sentences come from ICU's sentence break iterator, run over the text with the line breaks
///   inside each paragraph replaced by spaces (so a hard-wrapped line does not end a sentence),
///   cut at every paragraph boundary, then corrected by `SentenceRules`: abbreviations, quoted
///   speech in Japanese, numbered markers and opening brackets; see there.
/// - Tokens come from ICU's word break iterator: the spans whose rule status says number, letter,
///   kana or ideograph. ICU's Japanese dictionary splits many katakana loanwords into pieces
///   ("サイ|バー", "ノ|ーランド"); runs of adjacent katakana tokens are joined into one token.
///   ICU also splits "U.S." into "U.S" and a dropped period, and "ST-17" into "ST" and "17".
///   A span ICU calls a number that contains letters ("ＡＰＴ４０") is a word.
public enum Segmenter {
  public static func segment(_ text: String, language: Language) -> Segmentation {
    var buffer = UTF16Text(text)
    guard !buffer.units.isEmpty, buffer.units.count < Int(Int32.max) else {
      return Segmentation(paragraphs: [], sentences: [], tokens: [])
    }
    let paragraphs = ParagraphSplitter(units: buffer.units).paragraphs()
    // ICU ends a sentence at every line break; inside a paragraph a line break is a space.
    for paragraph in paragraphs {
      for position in paragraph where UTF16Class.isLineBreak(buffer.units[position]) {
        buffer.units[position] = 0x20
      }
    }
    let locale = Self.locale(for: language)
    let breaks = ICUBreaks.boundaries(kind: Int32(SEIMEI_BREAK_SENTENCE), locale, buffer.units)
    let rules = SentenceRules(units: buffer.units)
    var sentences: [Segmentation.Sentence] = []
    sentences.reserveCapacity(breaks.count + paragraphs.count)
    var next = 0
    for (number, paragraph) in paragraphs.enumerated() {
      while next < breaks.count && breaks[next] <= paragraph.lowerBound { next += 1 }
      let first = next
      while next < breaks.count && breaks[next] < paragraph.upperBound { next += 1 }
      for range in rules.sentences(in: paragraph, breaks: breaks[first..<next]) {
        sentences.append(.init(range: buffer.scalarRange(range), paragraph: number))
      }
    }
    let tokens = Self.tokens(buffer, locale: locale)
    return Segmentation(
      paragraphs: paragraphs.map { buffer.scalarRange($0) }, sentences: sentences, tokens: tokens)
  }

  static func locale(for language: Language) -> String {
    switch language {
    case .ja: return "ja"
    case .en: return "en"
    case .zh: return "zh"
    case .other: return "root"
    }
  }

  private static func tokens(_ buffer: UTF16Text, locale: String) -> [Segmentation.Token] {
    let units = buffer.units
    var tokens: [Segmentation.Token] = []
    tokens.reserveCapacity(units.count / 4)
    var previousKatakana = false
    ICUBreaks.forEachSpan(kind: Int32(SEIMEI_BREAK_WORD), locale, units) { start, end, status in
      guard status >= 100 && status < 500 else {
        previousKatakana = false
        return
      }
      let span = start..<end
      var kind = Segmentation.Token.Kind.word
      if status < 200 && !span.contains(where: { UTF16Class.isLetter(units[$0]) }) {
        kind = .number
      }
      let katakana = status >= 300 && span.allSatisfy { UTF16Class.isKatakana(units[$0]) }
      let range = buffer.scalarRange(span)
      if katakana && previousKatakana, let last = tokens.indices.last,
        tokens[last].range.end == range.start
      {
        tokens[last].range.end = range.end
      } else {
        tokens.append(.init(range: range, kind: kind))
      }
      previousKatakana = katakana
    }
    return tokens
  }
}

/// The UTF-16 code units of a text, with the positions of its surrogate pairs to convert
/// UTF-16 offsets to scalar offsets.
struct UTF16Text {
  var units: [UInt16]
  /// UTF-16 offsets of the high surrogates, ascending.
  let pairs: [Int]

  init(_ text: String) {
    var units: [UInt16] = []
    units.reserveCapacity(text.utf8.count)
    units.append(contentsOf: text.utf16)
    var pairs: [Int] = []
    for position in units.indices where units[position] & 0xFC00 == 0xD800 {
      pairs.append(position)
    }
    self.units = units
    self.pairs = pairs
  }

  /// The scalar offset of UTF-16 offset `offset` (rounded down inside a pair).
  func scalarOffset(_ offset: Int) -> Int {
    if pairs.isEmpty || offset <= pairs[0] { return offset }
    var low = 0
    var high = pairs.count
    while low < high {
      let middle = (low + high) / 2
      if pairs[middle] < offset { low = middle + 1 } else { high = middle }
    }
    return offset - low
  }

  func scalarRange(_ range: Range<Int>) -> TextRange {
    TextRange(scalarOffset(range.lowerBound), scalarOffset(range.upperBound))
  }
}

/// ICU break iteration over a UTF-16 buffer.
enum ICUBreaks {
  /// All boundaries after the start, ascending (the last is the end of the text).
  static func boundaries(kind: Int32, _ locale: String, _ units: [UInt16]) -> [Int] {
    var result: [Int] = []
    forEachSpan(kind: kind, locale, units, status: false) { _, end, _ in result.append(end) }
    return result
  }

  /// Calls `body` with each span between consecutive boundaries and the rule status of its end.
  static func forEachSpan(
    kind: Int32, _ locale: String, _ units: [UInt16], status: Bool = true,
    _ body: (Int, Int, Int32) -> Void
  ) {
    units.withUnsafeBufferPointer { pointer in
      guard let base = pointer.baseAddress,
        let iterator = seimei_break_open(kind, locale, base, Int32(pointer.count))
      else { return }
      defer { seimei_break_close(iterator) }
      var start = Int(seimei_break_first(iterator))
      while true {
        let end = Int(seimei_break_next(iterator))
        if end < 0 { break }
        body(start, end, status ? seimei_break_rule_status(iterator) : 0)
        start = end
      }
    }
  }
}

/// Character classes on UTF-16 code units. Everything this file tests for is in the BMP; a
/// surrogate is taken as a letter.
enum UTF16Class {
  static func isBlank(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000, 0xFEFF:
      return true
    default: return false
    }
  }

  static func isLineBreak(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  static func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

  /// ASCII or full-width digit.
  static func isDigit(_ unit: UInt16) -> Bool {
    isASCIIDigit(unit) || (unit >= 0xFF10 && unit <= 0xFF19)
  }

  static func isLetter(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A }
    if unit & 0xF800 == 0xD800 { return true }
    return Unicode.Scalar(unit)?.properties.isAlphabetic ?? false
  }

  static func isUppercase(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return unit >= 0x41 && unit <= 0x5A }
    return Unicode.Scalar(unit)?.properties.isUppercase ?? false
  }

  static func isLowercase(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return unit >= 0x61 && unit <= 0x7A }
    if unit & 0xF800 == 0xD800 { return false }
    return Unicode.Scalar(unit)?.properties.isLowercase ?? false
  }

  /// Katakana, the prolonged sound mark, and half-width katakana (not the middle dot ・).
  static func isKatakana(_ unit: UInt16) -> Bool {
    (unit >= 0x30A1 && unit <= 0x30FA) || (unit >= 0x30FC && unit <= 0x30FF)
      || (unit >= 0x31F0 && unit <= 0x31FF) || (unit >= 0xFF66 && unit <= 0xFF9F)
  }

  /// Kanji numerals used to number points: 一 to 十.
  static func isKanjiNumeral(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
    default: return false
    }
  }

  /// Takes two terminal columns: East Asian wide and full-width ranges (roughly), and a
  /// supplementary character (counted on its high surrogate).
  static func isWide(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0xA4CF, 0xAC00...0xD7A3, 0xD800...0xDBFF,
      0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
      return true
    default: return false
    }
  }

  /// Ends a sentence: . ! ? and their full-width and ideographic forms, and the ellipsis.
  static func isTerminal(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x2E, 0x21, 0x3F, 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0xFF61, 0x2026, 0x203C, 0x203D:
      return true
    default: return false
    }
  }

  /// Closing brackets and quotation marks, which may follow a sentence's final punctuation.
  static func isClosing(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x3009, 0x300B, 0x300D,
      0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F, 0xFF09, 0xFF3D, 0xFF5D,
      0xFF63:
      return true
    default: return false
    }
  }

  /// Opening brackets and opening quotation marks (not the ambiguous ASCII quotes).
  static func isOpening(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201C, 0x2039, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010,
      0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF62:
      return true
    default: return false
    }
  }
}

/// Finds the paragraphs of a text, as trimmed ranges of UTF-16 offsets.
///
/// A paragraph ends at a blank line (or a line of only `-`, `=`, `*`, `_`, `─`: a rule), at a
/// paragraph separator (U+2029) or form feed, and before a line that starts
///
/// - a numbered point: `1.`, `1.2.`, `2)`, `（１）`, `(a)`, `(iv)`, `１．`, `1　` (a digit and an
///   ideographic space, as in Japanese ministry statements), `(一)`, `（二）`, `一、`, `①`, `⑴`;
/// - a list item: `- `, `* `, `+ `, `•`, `・`, `●`, `○`, `■`, `◆`, `※` and the like;
/// - a Markdown heading: `# `.
///
/// It also ends after a Markdown heading, before a line more indented than the one before it
/// (a first-line indent, as with `　` in Japanese; not after a paragraph's first line, which
/// would be a hanging indent), and at a *deliberate* line break after a line that ends with
/// sentence-final punctuation, or after a short first line without it (a plain heading) when the
/// next line does not start with a lowercase letter.
///
/// A line break is deliberate unless the text is hard-wrapped and the next line's first word
/// would not have fitted on the line. The wrap width is estimated as the widest line (in terminal
/// columns) that is followed by a line of the same paragraph and does not end a sentence; the
/// text counts as hard-wrapped when at most one line in ten is wider than that. So a paragraph of
/// wrapped English prose stays one paragraph, while in a text with a paragraph per line every
/// line that ends a sentence ends its paragraph.
struct ParagraphSplitter {
  let units: [UInt16]

  struct Line {
    /// The first and after the last non-blank unit; equal for a blank line.
    var start: Int
    var end: Int
    /// Columns of leading blanks, and columns up to `end`.
    var indent: Int
    var width: Int
    /// Ended by a paragraph separator or a form feed.
    var forcedBreak: Bool
    // Classification, filled in by `classify`.
    var startsPoint = false
    var isHeading = false
    var isMarkerOnly = false
    var isTerminal = false
    var isHeadingLike = false

    var isBlank: Bool { start == end }
  }

  func paragraphs() -> [Range<Int>] {
    var lines = self.lines()
    for index in lines.indices where !lines[index].isBlank { classify(&lines[index]) }
    let wrapWidth = self.wrapWidth(lines)
    var paragraphs: [Range<Int>] = []
    var current: (start: Int, end: Int, firstLine: Int)?
    for index in lines.indices {
      let line = lines[index]
      if line.isBlank {
        if let open = current { paragraphs.append(open.start..<open.end) }
        current = nil
        continue
      }
      if let open = current {
        let previous = index - 1
        if breaks(lines[previous], line, afterFirst: open.firstLine == previous, wrapWidth) {
          paragraphs.append(open.start..<open.end)
          current = (line.start, line.end, index)
        } else {
          current = (open.start, line.end, open.firstLine)
        }
      } else {
        current = (line.start, line.end, index)
      }
      if line.forcedBreak, let open = current {
        paragraphs.append(open.start..<open.end)
        current = nil
      }
    }
    if let open = current { paragraphs.append(open.start..<open.end) }
    return paragraphs
  }

  /// Whether a paragraph ends between the non-blank lines `line` and `next`.
  private func breaks(_ line: Line, _ next: Line, afterFirst: Bool, _ wrapWidth: Int?) -> Bool {
    if next.startsPoint || line.isHeading { return true }
    if line.isMarkerOnly { return false }
    if next.indent > line.indent && !afterFirst { return true }
    if let wrapWidth, !fits(line, next, wrapWidth) { return false }
    if line.isTerminal { return true }
    return afterFirst && line.isHeadingLike && !UTF16Class.isLowercase(units[next.start])
  }

  /// Whether the first word of `next` would have fitted at the end of `line`.
  private func fits(_ line: Line, _ next: Line, _ wrapWidth: Int) -> Bool {
    let first = units[next.start]
    if UTF16Class.isWide(first) || UTF16Class.isWide(units[line.end - 1]) {
      return line.width + (UTF16Class.isWide(first) ? 2 : 1) <= wrapWidth
    }
    var width = line.width + 1
    var position = next.start
    while position < next.end && !UTF16Class.isBlank(units[position])
      && !UTF16Class.isWide(units[position]) && width <= wrapWidth
    {
      if units[position] & 0xFC00 != 0xDC00 { width += 1 }
      position += 1
    }
    return width <= wrapWidth
  }

  private func wrapWidth(_ lines: [Line]) -> Int? {
    var widest = 0
    var nonBlank = 0
    for index in lines.indices where !lines[index].isBlank {
      nonBlank += 1
      let line = lines[index]
      guard index + 1 < lines.count, !lines[index + 1].isBlank, !line.forcedBreak else { continue }
      if lines[index + 1].startsPoint || line.isHeading || line.isMarkerOnly || line.isTerminal {
        continue
      }
      widest = max(widest, line.width)
    }
    guard widest > 0 else { return nil }
    var wider = 0
    for line in lines where !line.isBlank && line.width > widest + 4 { wider += 1 }
    return wider * 10 <= nonBlank ? widest : nil
  }

  /// The lines of the text, split at LF, CR, CRLF, VT, FF, NEL, U+2028 and U+2029.
  private func lines() -> [Line] {
    var lines: [Line] = []
    var position = 0
    let count = units.count
    while position <= count {
      var end = position
      while end < count && !UTF16Class.isLineBreak(units[end]) { end += 1 }
      var start = position
      var indent = 0
      while start < end && UTF16Class.isBlank(units[start]) {
        indent += units[start] == 0x09 ? 4 : units[start] == 0x3000 ? 2 : 1
        start += 1
      }
      var contentEnd = end
      while contentEnd > start && UTF16Class.isBlank(units[contentEnd - 1]) { contentEnd -= 1 }
      var width = indent
      for unit in units[start..<contentEnd] {
        width += UTF16Class.isWide(unit) ? 2 : unit & 0xFC00 == 0xDC00 ? 0 : 1
      }
      var forced = false
      var next = count + 1
      if end < count {
        forced = units[end] == 0x2029 || units[end] == 0x0C
        next = end + 1
        if units[end] == 0x0D && next < count && units[next] == 0x0A { next += 1 }
      }
      lines.append(
        Line(start: start, end: contentEnd, indent: indent, width: width, forcedBreak: forced))
      position = next
    }
    return lines
  }

  private func classify(_ line: inout Line) {
    let (start, end) = (line.start, line.end)
    if isRule(start, end) {
      line.end = line.start
      return
    }
    let marker = LineMarkers.length(units, start, end)
    line.isHeading = LineMarkers.isHashHeading(units, start, end)
    line.startsPoint = marker != nil || line.isHeading || LineMarkers.isBullet(units, start, end)
    line.isMarkerOnly =
      (marker.map { start + $0 == end } ?? false)
      || (end - start == 1 && LineMarkers.isBullet(units, start, end))
    var last = end - 1
    while last > start && UTF16Class.isClosing(units[last]) { last -= 1 }
    line.isTerminal = UTF16Class.isTerminal(units[last])
    let continues =
      LineMarkers.isContinuation(units[end - 1]) || UTF16Class.isOpening(units[end - 1])
    line.isHeadingLike =
      !line.isTerminal && !continues && !line.isMarkerOnly && line.width - line.indent <= 80
  }

  /// A horizontal rule: three or more of `-=*_─━＝` (blanks allowed between).
  private func isRule(_ start: Int, _ end: Int) -> Bool {
    var marks = 0
    for unit in units[start..<end] {
      switch unit {
      case 0x2D, 0x3D, 0x2A, 0x5F, 0x2500, 0x2501, 0xFF1D: marks += 1
      case _ where UTF16Class.isBlank(unit): continue
      default: return false
      }
    }
    return marks >= 3
  }
}

/// Numbered-point markers, list bullets and headings at the start of a line.
enum LineMarkers {
  /// The length in units of the numbered-point marker at `start`, without a following blank;
  /// nil if there is none. See `ParagraphSplitter` for the forms.
  static func length(_ units: [UInt16], _ start: Int, _ end: Int) -> Int? {
    guard start < end else { return nil }
    func at(_ position: Int) -> UInt16? { position < end ? units[position] : nil }
    func run(from position: Int, max: Int, _ test: (UInt16) -> Bool) -> Int {
      var position = position
      var taken = 0
      while position < end && taken < max && test(units[position]) {
        position += 1
        taken += 1
      }
      return position
    }
    let first = units[start]
    switch first {
    case 0x2460...0x24FF, 0x3220...0x3243, 0x3280...0x32B0:
      return 1  // ① ⑴ ⒈ ㈠ ㊀
    case _ where UTF16Class.isDigit(first):
      var position = run(from: start, max: 3, UTF16Class.isDigit)
      switch at(position) {
      case 0x29, 0xFF09, 0x3001: return position + 1 - start  // 2) ２） 2、
      case 0x3000: return position - start  // 1　
      case 0x2E, 0xFF0E:
        // 1. or １． or 1.2. — but not 3.5 nor 1.2 (a decimal number at a line start).
        position += 1
        while let unit = at(position), UTF16Class.isDigit(unit) {
          position = run(from: position, max: 3, UTF16Class.isDigit)
          guard let dot = at(position), dot == 0x2E || dot == 0xFF0E else { return nil }
          position += 1
        }
        return position - start
      default: return nil
      }
    case 0x28, 0xFF08:
      var position = start + 1
      guard let inner = at(position) else { return nil }
      if UTF16Class.isDigit(inner) {
        position = run(from: position, max: 3, UTF16Class.isDigit)
      } else if UTF16Class.isKanjiNumeral(inner) {
        position = run(from: position, max: 3, UTF16Class.isKanjiNumeral)
      } else if isRoman(inner) {
        position = run(from: position, max: 5, isRoman)
      } else if inner < 0x80 && UTF16Class.isLetter(inner) {
        position += 1
      }
      guard position > start + 1, let close = at(position), close == 0x29 || close == 0xFF09
      else { return nil }
      return position + 1 - start
    case _ where UTF16Class.isKanjiNumeral(first):
      let position = run(from: start, max: 3, UTF16Class.isKanjiNumeral)
      switch at(position) {
      case 0x3001, 0xFF0E, 0x2E: return position + 1 - start  // 一、 一．
      case 0x3000: return position - start  // 一　
      default: return nil
      }
    case _ where first < 0x80 && UTF16Class.isLetter(first):
      // a) — a letter and a parenthesis, then a blank.
      guard at(start + 1) == 0x29 else { return nil }
      if let after = at(start + 2), !UTF16Class.isBlank(after) { return nil }
      return 2
    default:
      return nil
    }
  }

  /// Lowercase or uppercase Roman-numeral letters i, v, x.
  static func isRoman(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x69, 0x76, 0x78, 0x49, 0x56, 0x58: return true
    default: return false
    }
  }

  static func isBullet(_ units: [UInt16], _ start: Int, _ end: Int) -> Bool {
    guard start < end else { return false }
    switch units[start] {
    case 0x2D, 0x2A, 0x2B:  // - * + followed by a blank
      return start + 1 < end && UTF16Class.isBlank(units[start + 1])
    case 0x2022, 0x2023, 0x2043, 0x25E6, 0x30FB, 0xFF65, 0x25CF, 0x25CB, 0x25EF, 0x25A0, 0x25A1,
      0x25C6, 0x25C7, 0x25AA, 0x25AB, 0x25BA, 0x25B6, 0x27A2, 0x203B, 0x2605, 0x2606, 0x25CE:
      return true  // • ‣ ⁃ ◦ ・ ･ ● ○ ◯ ■ □ ◆ ◇ ▪ ▫ ► ▶ ➢ ※ ★ ☆ ◎
    default:
      return false
    }
  }

  /// `#` to `######` followed by a blank or the end of the line.
  static func isHashHeading(_ units: [UInt16], _ start: Int, _ end: Int) -> Bool {
    var position = start
    while position < end && units[position] == 0x23 && position - start < 6 { position += 1 }
    return position > start && (position == end || UTF16Class.isBlank(units[position]))
  }

  /// Punctuation that shows a line continues: , ; : 、 ， ； ： and dashes, slash, ampersand.
  static func isContinuation(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x2C, 0x3B, 0x3A, 0x3001, 0xFF0C, 0xFF1B, 0xFF1A, 0x2D, 0x2010, 0x2013, 0x2014, 0x2F,
      0x26, 0xFF06, 0x30FB:
      return true
    default: return false
    }
  }

  /// A whole sentence that is only a marker: a numbered-point marker or bullet, or — at the
  /// start of a paragraph — a letter or Roman numeral with a period ("A.", "IV.").
  static func isMarkerOnly(_ units: [UInt16], _ range: Range<Int>, atParagraphStart: Bool) -> Bool {
    let (start, end) = (range.lowerBound, range.upperBound)
    if let length = length(units, start, end), start + length == end { return true }
    if end - start == 1 && isBullet(units, start, end) { return true }
    guard atParagraphStart, end - start >= 2, end - start <= 6,
      units[end - 1] == 0x2E || units[end - 1] == 0xFF0E
    else { return false }
    let body = units[start..<(end - 1)]
    return body.allSatisfy(isRoman) || (body.count == 1 && UTF16Class.isLetter(body[start]))
  }
}

/// Turns ICU's sentence breaks inside one paragraph into sentences, correcting what ICU gets
/// wrong:
///
/// - **Abbreviations.** ICU breaks after "Mr.", "Dr.", "No." and "Jan." before a capital or a
///   digit, and after dotted initials before a capital ("the U.S. Government"). The break is
///   removed according to the class of the word in `Abbreviations`.
/// - **Lowercase continuation.** ICU breaks after "?" or "!" even when a lowercase word follows
///   (`She asked "why?" and left.`); a sentence never starts with a lowercase letter, so such
///   breaks are removed (not after 。！？).
/// - **Opening brackets.** Without a space after 。, ICU attaches the opening bracket of the next
///   sentence to the previous one (`…です。「` + `次…`); the bracket is moved to the next sentence.
/// - **Quoted speech.** A 。 inside 「…」 or 『…』 ends a sentence for ICU, and so does the
///   closing bracket, even when the quotation is embedded in a sentence that goes on with と,
///   って or 、 (`「準備はできた。始めよう。」との発言があった。`). Breaks inside a quotation that closes
///   in the same paragraph are removed (so a sentence never ends inside brackets, and a long
///   quotation is one sentence), and so is the break after it when a particle (と, って, を, が,
///   は, の, に, で, も, へ, や) or 、 or ， follows.
/// - **Numbered markers.** "1." or "１．" at a paragraph start is a sentence of its own for ICU;
///   a sentence that is only a marker is joined to the next one.
/// - **Decimal numbers.** A break between "3." and "5" is removed (ICU does not make one).
struct SentenceRules {
  let units: [UInt16]

  func sentences(in paragraph: Range<Int>, breaks: ArraySlice<Int>) -> [Range<Int>] {
    let quotes = embeddedQuotations(in: paragraph)
    var cuts: [Int] = [paragraph.lowerBound]
    var quote = 0
    var quoteEnd = -1
    for position in breaks {
      while quote < quotes.count && quotes[quote].lowerBound <= position {
        quoteEnd = max(quoteEnd, quotes[quote].upperBound)
        quote += 1
      }
      if position <= quoteEnd || splitsNumber(at: position) { continue }
      cuts.append(position)
    }
    cuts.append(paragraph.upperBound)

    var pieces: [Range<Int>] = []
    for index in 0..<(cuts.count - 1) {
      let piece = trimmed(cuts[index]..<cuts[index + 1])
      if !piece.isEmpty { pieces.append(piece) }
    }
    // Opening brackets at the end of a piece belong to the next one.
    for index in pieces.indices.dropLast() {
      var end = pieces[index].upperBound
      while end - 1 > pieces[index].lowerBound && UTF16Class.isOpening(units[end - 1]) { end -= 1 }
      if end < pieces[index].upperBound {
        pieces[index + 1] = end..<pieces[index + 1].upperBound
        pieces[index] = trimmed(pieces[index].lowerBound..<end)
      }
    }

    var sentences: [Range<Int>] = []
    for piece in pieces {
      if let last = sentences.last, joins(last, piece, atStart: sentences.count == 1) {
        sentences[sentences.count - 1] = last.lowerBound..<piece.upperBound
      } else {
        sentences.append(piece)
      }
    }
    return sentences
  }

  /// Whether the break between two consecutive pieces of a paragraph is wrong.
  private func joins(_ piece: Range<Int>, _ next: Range<Int>, atStart: Bool) -> Bool {
    if LineMarkers.isMarkerOnly(units, piece, atParagraphStart: atStart) { return true }
    let first = units[next.lowerBound]
    if UTF16Class.isLowercase(first) {
      var last = piece.upperBound - 1
      while last > piece.lowerBound && UTF16Class.isClosing(units[last]) { last -= 1 }
      switch units[last] {
      case 0x3002, 0xFF01, 0xFF1F, 0xFF61: break
      default: return true
      }
    }
    guard units[piece.upperBound - 1] == 0x2E else { return false }
    var start = piece.upperBound - 1
    while start > piece.lowerBound {
      let unit = units[start - 1]
      if UTF16Class.isBlank(unit) || UTF16Class.isOpening(unit) || unit == 0x22 || unit == 0x27 {
        break
      }
      start -= 1
    }
    let word = String(decoding: units[start..<piece.upperBound], as: UTF16.self)
    guard let kind = Abbreviations.entries[word.lowercased()] ?? Self.initialismShape(word)
    else { return false }
    let startsWithDigit = UTF16Class.isDigit(first)
    switch kind {
    case .title:
      return startsWithDigit || UTF16Class.isLetter(first)
    case .number:
      return startsWithDigit || first == 0x28 || romanNumeral(at: next)
    case .month, .general:
      return startsWithDigit
    case .initialism:
      guard startsWithDigit || UTF16Class.isUppercase(first) else { return false }
      var end = next.lowerBound
      while end < next.upperBound && UTF16Class.isLetter(units[end]) { end += 1 }
      let following = String(decoding: units[next.lowerBound..<end], as: UTF16.self)
      return !Abbreviations.starters.contains(following.lowercased())
    }
  }

  /// Dotted initials ("U.S.", "E.U.") or a single capital with a period ("J.").
  static func initialismShape(_ word: String) -> Abbreviations.Kind? {
    let scalars = Array(word.unicodeScalars)
    if scalars.count == 2 {
      return scalars[0].properties.isUppercase ? .initialism : nil
    }
    guard scalars.count >= 4, scalars.count % 2 == 0 else { return nil }
    for (index, scalar) in scalars.enumerated() {
      let isLetter = scalar.properties.isAlphabetic
      if index % 2 == 0 ? !isLetter : scalar != "." { return nil }
    }
    return .initialism
  }

  /// Whether `range` starts with a Roman numeral word ("IV", "xii").
  private func romanNumeral(at range: Range<Int>) -> Bool {
    var end = range.lowerBound
    while end < range.upperBound && UTF16Class.isLetter(units[end]) { end += 1 }
    guard end > range.lowerBound else { return false }
    return units[range.lowerBound..<end].allSatisfy {
      switch $0 {
      case 0x49, 0x56, 0x58, 0x4C, 0x43, 0x69, 0x76, 0x78, 0x6C, 0x63: return true
      default: return false
      }
    }
  }

  /// A break right after "3." and before "5".
  private func splitsNumber(at position: Int) -> Bool {
    guard position >= 2, position < units.count else { return false }
    let dot = units[position - 1]
    return (dot == 0x2E || dot == 0xFF0E || dot == 0x2C) && UTF16Class.isDigit(units[position])
      && UTF16Class.isDigit(units[position - 2])
  }

  /// Quotations 「…」 and 『…』 closed in the paragraph: the ranges in which breaks are removed,
  /// from after the opening bracket to the closing one, or to after it when the quotation goes on
  /// with a particle (と, って, を, が, は, の, に, で, も, へ, や) or 、 or ， (inclusive); sorted by
  /// start.
  private func embeddedQuotations(in paragraph: Range<Int>) -> [ClosedRange<Int>] {
    var open: [(unit: UInt16, position: Int)] = []
    var ranges: [ClosedRange<Int>] = []
    for position in paragraph {
      let unit = units[position]
      if unit == 0x300C || unit == 0x300E {
        if open.count < 64 { open.append((unit, position)) }
        continue
      }
      guard unit == 0x300D || unit == 0x300F,
        let match = open.lastIndex(where: { $0.unit == unit - 1 })
      else { continue }
      let start = open[match].position
      open.removeSubrange(match...)
      let after = position + 1
      var follows = false
      if after < paragraph.upperBound {
        switch units[after] {
        // と を が は の に で も へ や 、 ，
        case 0x3068, 0x3092, 0x304C, 0x306F, 0x306E, 0x306B, 0x3067, 0x3082, 0x3078, 0x3084,
          0x3001, 0xFF0C:
          follows = true
        case 0x3063: follows = after + 1 < paragraph.upperBound && units[after + 1] == 0x3066  // って
        default: break
        }
      }
      ranges.append((start + 2)...(follows ? position + 1 : position))
    }
    ranges.sort { $0.lowerBound < $1.lowerBound }
    return ranges
  }

  private func trimmed(_ range: Range<Int>) -> Range<Int> {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end && UTF16Class.isBlank(units[start]) { start += 1 }
    while end > start && UTF16Class.isBlank(units[end - 1]) { end -= 1 }
    return start..<end
  }
}
