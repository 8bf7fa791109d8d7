import Foundation

/// The normalised view of a text used for matching, with an exact map back to the original.
///
/// Each grapheme cluster of the original is normalised on its own:
///
/// 1. NFKC (compatibility composition), which also folds width: full-width Latin letters and
///    digits become ASCII (`ＡＰＴ４０` → `APT40`), half-width katakana become full-width, with
///    their voiced marks composed (`ﾃﾞｰﾀ` → `データ`), `①` → `1`, `㍻` → `平成`;
/// 2. lowercasing (Unicode full mapping: `İ` → `i̇`; `ß` stays `ß`), then NFC again;
/// 3. whitespace (including newlines, U+3000 and no-break spaces) collapsed: each run of
///    whitespace scalars becomes one ASCII space. Leading and trailing runs are kept as one space.
///
/// Every scalar of the normalised text maps to the original offset of the start of the cluster
/// it came from (for a collapsed whitespace run, of the run's first cluster), so the map is
/// monotone. It is stored as runs in which both offsets advance together: a few entries per
/// collapsed run or changed length, not one per scalar. Offsets are stored as `Int32`: texts of
/// up to 2^31 scalars.
///
/// All offsets are Unicode-scalar offsets, like `TextRange`.
public struct NormalizedText: Sendable {
  /// The normalised text.
  public let text: String
  /// Number of Unicode scalars in `text`.
  public let scalarCount: Int
  /// Number of Unicode scalars in the original.
  let originalCount: Int
  /// Run `k` starts at normalised offset `runStarts[k]`, which maps to original offset
  /// `runOrigins[k]`; the following offsets of the run map to the following original offsets.
  private let runStarts: [Int32]
  private let runOrigins: [Int32]

  public init(_ original: String) {
    var builder = Builder()
    builder.utf8.reserveCapacity(original.utf8.count)
    var cache: [Character: [Unicode.Scalar]] = [:]
    var origin = 0
    for character in original {
      if let ascii = character.asciiValue {
        // ASCII, or CR LF (whose ASCII value is that of LF).
        builder.append(Unicode.Scalar(ascii), from: origin)
        origin += character.utf8.count
        continue
      }
      let normalized: [Unicode.Scalar]
      if let cached = cache[character] {
        normalized = cached
      } else {
        // NFC again at the end: on Linux, Foundation's NFKC leaves the voiced mark that it makes
        // of a half-width one uncomposed (ﾃﾞ → テ U+3099, not デ).
        let folded = String(character).precomposedStringWithCompatibilityMapping.lowercased()
          .precomposedStringWithCanonicalMapping
        normalized = Array(folded.unicodeScalars)
        cache[character] = normalized
      }
      for scalar in normalized { builder.append(scalar, from: origin) }
      origin += character.unicodeScalars.count
    }
    text = String(decoding: builder.utf8, as: UTF8.self)
    scalarCount = builder.count
    originalCount = origin
    runStarts = builder.runStarts
    runOrigins = builder.runOrigins
  }

  /// The original offset that normalised offset `normalizedOffset` maps to: the start of its
  /// cluster. For `scalarCount` (and beyond), the end of the original.
  public func originalOffset(_ normalizedOffset: Int) -> Int {
    if normalizedOffset >= scalarCount { return originalCount }
    if normalizedOffset <= 0 { return runOrigins.first.map { Int($0) } ?? 0 }
    // The last run starting at or before the offset.
    var low = 0
    var high = runStarts.count
    while low < high {
      let middle = (low + high) / 2
      if Int(runStarts[middle]) <= normalizedOffset { low = middle + 1 } else { high = middle }
    }
    let run = low - 1
    return Int(runOrigins[run]) + normalizedOffset - Int(runStarts[run])
  }

  /// The smallest original range whose normalisation contains `normalizedRange`: from the start
  /// of the cluster of its first scalar to the end of the cluster (or whitespace run) of its
  /// last. An empty range maps to an empty range at its original offset.
  public func originalRange(_ normalizedRange: TextRange) -> TextRange {
    let start = originalOffset(normalizedRange.start)
    guard normalizedRange.end > normalizedRange.start else { return TextRange(start, start) }
    let last = originalOffset(normalizedRange.end - 1)
    var next = normalizedRange.end
    // Past the other scalars of the same cluster (an expansion such as ㍻ → 平成).
    while next < scalarCount && originalOffset(next) <= last { next += 1 }
    return TextRange(start, originalOffset(next))
  }

  /// The first normalised offset whose original offset is at or after `offset`: where the
  /// original position falls in the normalised text. Offsets inside a collapsed whitespace run
  /// or a cluster map to the next normalised scalar; the original end maps to `scalarCount`.
  public func normalizedOffset(forOriginal offset: Int) -> Int {
    var low = 0
    var high = scalarCount
    while low < high {
      let middle = (low + high) / 2
      if originalOffset(middle) < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private struct Builder {
    var utf8: [UInt8] = []
    var count = 0
    var runStarts: [Int32] = []
    var runOrigins: [Int32] = []
    var inWhitespace = false

    mutating func append(_ scalar: Unicode.Scalar, from origin: Int) {
      var scalar = scalar
      if scalar.value < 0x80 {
        switch scalar.value {
        case 0x09...0x0D, 0x20: scalar = " "
        case 0x41...0x5A: scalar = Unicode.Scalar(UInt8(scalar.value) | 0x20)
        default: break
        }
      } else if scalar.properties.isWhitespace {
        scalar = " "
      }
      if scalar == " " {
        if inWhitespace { return }
        inWhitespace = true
      } else {
        inWhitespace = false
      }
      if let start = runStarts.last, let runOrigin = runOrigins.last,
        Int(runOrigin) + count - Int(start) == origin
      {
        // Continues the current run.
      } else {
        runStarts.append(Int32(truncatingIfNeeded: count))
        runOrigins.append(Int32(truncatingIfNeeded: origin))
      }
      if scalar.value < 0x80 {
        utf8.append(UInt8(scalar.value))
      } else {
        utf8.append(contentsOf: scalar.utf8)
      }
      count += 1
    }
  }
}
