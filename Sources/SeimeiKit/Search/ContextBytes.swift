import Foundation

/// Concordance contexts and sort keys read straight from a statement's UTF-8, for the common
/// case: text of ASCII, kana, ideographs and CJK punctuation. Between two such characters there
/// is always a grapheme break (none of them combines with its neighbours, CR LF aside, which
/// is a blank either way) and their widths are known (1 and 2 columns), so a context can be cut
/// at any of them without Swift's grapheme breaking or Unicode property lookups, which make up
/// most of the cost of a line otherwise (about 12 µs a line on `String`'s characters, against
/// a few µs here). Any other character in reach (an accent, an emoji, Hangul, a variation
/// selector) and the caller takes the general path over `Character`s instead.
enum ContextBytes {
  /// A character of the fast path at byte `offset`: its length in bytes, columns, and whether
  /// it is a blank; nil for any other.
  @inline(__always)
  static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> (length: Int, columns: Int, blank: Bool)?
  {
    let lead = bytes[offset]
    if lead < 0x80 {
      if lead == 0x20 || (0x09...0x0D).contains(lead) { return (1, 0, true) }
      return (0x21...0x7E).contains(lead) ? (1, 1, false) : nil
    }
    guard lead & 0xF0 == 0xE0, offset + 2 < bytes.count else { return nil }
    let value =
      UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6
      | UInt32(bytes[offset + 2] & 0x3F)
    switch value {
    case 0x3000: return (3, 0, true)
    case 0x3001...0x3029, 0x3030...0x303E, 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xFF01...0xFF60:
      return (3, 2, false)
    default: return nil
    }
  }

  /// Up to `width` columns before byte `end`, blanks collapsed and trimmed; nil when a character
  /// off the fast path is in reach.
  static func left(of bytes: UnsafeBufferPointer<UInt8>, before end: Int, width: Int) -> String? {
    var inner = end  // the end, once the blanks next to the match are skipped
    var start = end
    var used = 0
    var previousBlank = true
    while start > 0 {
      let previous = UTF8Bytes.previousStart(before: start, in: bytes)
      guard let character = classify(bytes, at: previous) else { return nil }
      if character.blank {
        if previousBlank {
          if start == inner { inner = previous }
          start = previous
          continue
        }
        if used + 1 > width { break }
        used += 1
      } else {
        if used + character.columns > width { break }
        used += character.columns
      }
      previousBlank = character.blank
      start = previous
    }
    return collapsed(bytes, start..<inner)
  }

  /// Up to `width` columns from byte `start` on, blanks collapsed and trimmed; nil when a
  /// character off the fast path is in reach.
  static func right(of bytes: UnsafeBufferPointer<UInt8>, after start: Int, width: Int) -> String? {
    var end = start
    var used = 0
    var previousBlank = true
    while end < bytes.count {
      guard let character = classify(bytes, at: end) else { return nil }
      if character.blank {
        if !previousBlank {
          if used + 1 > width { break }
          used += 1
        }
      } else {
        if used + character.columns > width { break }
        used += character.columns
      }
      previousBlank = character.blank
      end += character.length
    }
    return collapsed(bytes, start..<end)
  }

  /// The fast-path text of `range` with each run of blanks one space, trimmed.
  static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(range.count)
    var position = range.lowerBound
    var pendingBlank = false
    while position < range.upperBound {
      let byte = bytes[position]
      let blankLength: Int
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        blankLength = 1
      } else if byte == 0xE3 && bytes[position + 1] == 0x80 && bytes[position + 2] == 0x80 {
        blankLength = 3  // U+3000
      } else {
        blankLength = 0
      }
      if blankLength > 0 {
        pendingBlank = !result.isEmpty
        position += blankLength
        continue
      }
      if pendingBlank { result.append(0x20) }
      pendingBlank = false
      result.append(byte)
      position += 1
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// A word as it sorts: NFKC and lowercase, like the normalised text. ASCII, kana and the
  /// common ideographs, which NFKC leaves alone, are folded directly (Foundation's NFKC is
  /// slow on Linux); anything else goes through NFKC.
  static func fold(_ word: UnsafeBufferPointer<UInt8>) -> String {
    if word.allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: word.count) { buffer in
        for (index, byte) in word.enumerated() {
          buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        }
        return word.count
      }
    }
    var offset = 0
    while offset < word.count {
      let value = UTF8Bytes.scalar(at: offset, in: word)
      switch value {
      case 0x61...0x7A, 0x30...0x39, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x3400...0x4DBF,
        0x4E00...0x9FFF:
        offset = UTF8Bytes.nextStart(after: offset, in: word)
      default:
        return String(decoding: word, as: UTF8.self).precomposedStringWithCompatibilityMapping
          .lowercased().precomposedStringWithCanonicalMapping
      }
    }
    return String(decoding: word, as: UTF8.self)
  }
}
