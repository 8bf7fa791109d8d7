import Foundation

/// One keyword-in-context line: a match and its context, cut by display width.
///
/// Contexts run across sentence and paragraph breaks, as in AntConc and quanteda's `kwic`:
/// the context of a match is the text around it. Blanks, line breaks included, are collapsed
/// to one space, and the blanks next to the match and at the cut edges are trimmed, so the
/// renderer chooses the gutter. A cut context is not marked with `…`: nearly every context is
/// cut, and the column edge already shows it.
public struct ConcordanceLine: Sendable, Equatable {
  /// The context before the match: at most `width` display columns, the ones nearest the match
  /// (cut from the left), never cutting a character (a wide character that does not fit is
  /// left out, so the context may be a column short). Shorter at the start of a statement.
  public var left: String
  /// The original text of the match, blanks collapsed.
  public var match: String
  /// The context after the match: at most `width` columns, cut from the right.
  public var right: String
  /// Sort keys, normalised (NFKC, lowercase): the `Concordance.sortKeyWords` words (tokens:
  /// English words, Japanese morphemes; punctuation left out) nearest the match, separated by
  /// spaces. `leftKey` has the words before the match read right to left (the nearest first,
  /// each word itself written forwards), `rightKey` the words after it. A token cut by the
  /// match (a Japanese substring inside a morpheme) counts with its part outside the match.
  /// They do not depend on `width`, so the order of a sorted concordance does not either.
  public var leftKey: String
  public var rightKey: String

  public init(left: String, match: String, right: String, leftKey: String, rightKey: String) {
    self.left = left
    self.match = match
    self.right = right
    self.leftKey = leftKey
    self.rightKey = rightKey
  }
}

/// Keyword-in-context (KWIC) lines for search hits.
public enum Concordance {
  /// Words in each sort key: as many levels as AntConc's sort (1L–5L, 1R–5R).
  public static let sortKeyWords = 5

  /// The concordance line of `hit` in `statement` (the statement it was found in), with left
  /// and right contexts of at most `width` display columns each.
  public static func line(_ hit: SearchHit, in statement: Statement, width: Int) -> ConcordanceLine
  {
    let text = statement.text
    let scalars = text.unicodeScalars
    let start = statement.index.index(at: hit.range.start)
    var end = start
    if hit.range.length < 256 {
      for _ in 0..<hit.range.length where end < scalars.endIndex { scalars.formIndex(after: &end) }
    } else {
      end = statement.index.index(at: hit.range.end)
    }
    let match = collapsingBlanks(Substring(scalars[start..<end]))
    let startByte = text.utf8.distance(from: text.utf8.startIndex, to: start)
    let endByte = text.utf8.distance(from: text.utf8.startIndex, to: end)
    let tokens = statement.segmentation.tokens
    var contiguous = text
    return contiguous.withUTF8 { bytes in
      ConcordanceLine(
        left: ContextBytes.left(of: bytes, before: startByte, width: width)
          ?? context(of: text, before: start, width: width),
        match: match,
        right: ContextBytes.right(of: bytes, after: endByte, width: width)
          ?? context(of: text, after: end, width: width),
        leftKey: leftKey(hit.range, atByte: startByte, of: bytes, tokens: tokens),
        rightKey: rightKey(hit.range, atByte: endByte, of: bytes, tokens: tokens))
    }
  }

  /// The lines of many hits (in `statements`, the array they were found in), in the same order;
  /// made concurrently. A line takes 3–5 µs (release; 12 µs where a context holds characters
  /// off the byte-level path, see `ContextBytes`): 30,000 lines in about 90 ms on 2 cores.
  public static func lines(_ hits: [SearchHit], in statements: [Statement], width: Int)
    -> [ConcordanceLine]
  {
    let chunk = 512
    let chunks = (hits.count + chunk - 1) / chunk
    guard chunks > 1 else {
      return hits.map { line($0, in: statements[$0.statement], width: width) }
    }
    let slots = SearchSlots<[ConcordanceLine]>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { number in
      let range = number * chunk..<min(hits.count, (number + 1) * chunk)
      slots[number] = hits[range].map { line($0, in: statements[$0.statement], width: width) }
    }
    return slots.values.flatMap { $0 }
  }

  // MARK: - Contexts

  /// Up to `width` columns of `text` before `index`, blanks collapsed and trimmed.
  static func context(of text: String, before index: String.Index, width: Int) -> String {
    // Walk back to where the context starts, then copy it forwards.
    var end = index
    var start = index
    var used = 0
    var previousBlank = true  // blanks right before the match are skipped
    var position = index
    while position > text.startIndex {
      position = text.index(before: position)
      let (columns, blank) = measure(text[position])
      if blank {
        if previousBlank {
          if start == end { end = position }
          start = position
          continue
        }
        previousBlank = true
        if used + 1 > width { break }
        used += 1
      } else {
        previousBlank = false
        if used + columns > width { break }
        used += columns
      }
      start = position
    }
    return collapsingBlanks(text[start..<end])
  }

  /// Up to `width` columns of `text` from `index` on, blanks collapsed and trimmed.
  static func context(of text: String, after index: String.Index, width: Int) -> String {
    var result = ""
    var used = 0
    var previousBlank = true  // blanks right after the match are skipped
    for character in text[index...] {
      let (columns, blank) = measure(character)
      if blank {
        if previousBlank { continue }
        if used + 1 > width { break }
        previousBlank = true
        result.append(" ")
        used += 1
      } else {
        if used + columns > width { break }
        previousBlank = false
        result.append(character)
        used += columns
      }
    }
    if previousBlank && !result.isEmpty { result.removeLast() }
    return result
  }

  /// The display width of a character and whether it is a blank: `DisplayWidth.of` and
  /// `isWhitespace`, with the common cases (ASCII, kana, ideographs, CJK punctuation) answered
  /// without Unicode property lookups, which dominate the cost of a line otherwise.
  @inline(__always)
  static func measure(_ character: Character) -> (columns: Int, blank: Bool) {
    if let ascii = character.asciiValue {
      if ascii == 0x20 || (0x09...0x0D).contains(ascii) { return (0, true) }
      return (ascii < 0x20 || ascii == 0x7F ? 0 : 1, false)
    }
    let scalars = character.unicodeScalars
    if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
      switch first.value {
      case 0x3001...0x3029, 0x3030...0x303E, 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xFF01...0xFF60:
        return (2, false)
      default: break
      }
    }
    return (DisplayWidth.of(character), character.isWhitespace)
  }

  /// Text with each run of blanks (line breaks included) made one space, and without blanks at
  /// either end.
  static func collapsingBlanks(_ text: Substring) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var previousBlank = true
    for character in text {
      if measure(character).blank {
        if !previousBlank { result.append(" ") }
        previousBlank = true
      } else {
        result.append(character)
        previousBlank = false
      }
    }
    if previousBlank && !result.isEmpty { result.removeLast() }
    return result
  }

  // MARK: - Sort keys

  /// The words before `range` (which starts at byte `startByte` of the UTF-8 text), nearest
  /// first.
  static func leftKey(
    _ range: TextRange, atByte startByte: Int, of bytes: UnsafeBufferPointer<UInt8>,
    tokens: [Segmentation.Token]
  ) -> String {
    // The tokens starting before the match, the nearest ones.
    let last = firstToken(startingAtOrAfter: range.start, in: tokens)
    let first = max(0, last - sortKeyWords)
    guard first < last else { return "" }
    // Back to the first of them, then forwards through them.
    var byte = startByte
    for _ in 0..<(range.start - tokens[first].range.start) where byte > 0 {
      byte = UTF8Bytes.previousStart(before: byte, in: bytes)
    }
    var walker = ByteWalker(bytes: bytes, byte: byte, offset: tokens[first].range.start)
    var words: [String] = []
    for token in tokens[first..<last] {
      let clipped = TextRange(token.range.start, min(token.range.end, range.start))
      words.append(ContextBytes.fold(walker.slice(clipped)))
    }
    return words.reversed().joined(separator: " ")
  }

  /// The words after `range` (which ends at byte `endByte`), nearest first.
  static func rightKey(
    _ range: TextRange, atByte endByte: Int, of bytes: UnsafeBufferPointer<UInt8>,
    tokens: [Segmentation.Token]
  ) -> String {
    // Tokens ending after the match; the first may start inside it.
    var first = firstToken(startingAtOrAfter: range.end, in: tokens)
    if first > 0 && tokens[first - 1].range.end > range.end { first -= 1 }
    let last = min(tokens.count, first + sortKeyWords)
    guard first < last else { return "" }
    var walker = ByteWalker(bytes: bytes, byte: endByte, offset: range.end)
    var words: [String] = []
    for token in tokens[first..<last] {
      let clipped = TextRange(max(token.range.start, range.end), token.range.end)
      words.append(ContextBytes.fold(walker.slice(clipped)))
    }
    return words.joined(separator: " ")
  }

  /// Slices of UTF-8 text at increasing scalar offsets, walking forwards from a known byte.
  struct ByteWalker {
    let bytes: UnsafeBufferPointer<UInt8>
    var byte: Int
    var offset: Int

    /// The bytes of `range`, which must start at or after the current offset.
    mutating func slice(_ range: TextRange) -> UnsafeBufferPointer<UInt8> {
      advance(to: range.start)
      let start = byte
      advance(to: range.end)
      return UnsafeBufferPointer(rebasing: bytes[start..<byte])
    }

    private mutating func advance(to target: Int) {
      while offset < target && byte < bytes.count {
        byte = UTF8Bytes.nextStart(after: byte, in: bytes)
        offset += 1
      }
    }
  }

  /// The index of the first token starting at or after `offset` (tokens are in text order).
  static func firstToken(startingAtOrAfter offset: Int, in tokens: [Segmentation.Token]) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].range.start < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
