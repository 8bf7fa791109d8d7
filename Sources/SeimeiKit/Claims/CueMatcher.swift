import Foundation

/// The cue lexicon compiled for matching: every surface form of every cue in one trie over
/// normalised UTF-8 bytes, so a text is scanned once, whatever the number of cues.
///
/// A position is tried only at the start of a scalar; the walk follows the bytes as far as the
/// trie goes (rarely more than a few bytes), and every form that ends on the way is checked for
/// its language and its word boundaries. A form with gaps (`attribute ... to`) has only its first
/// part in the trie; the other parts are looked for just after it.
struct CueMatcher: Sendable {
  /// One surface form of one cue.
  struct Pattern: Sendable {
    /// Index of the cue in the lexicon.
    var cue: Int32
    /// Bit 0: English statements; bit 1: Japanese (and Chinese) statements.
    var languages: UInt8
    /// The parts between gaps, as normalised UTF-8.
    var parts: [[UInt8]]
    /// Per part: bit 0 set when it starts with a word character (needs a boundary before it),
    /// bit 1 when it ends with one (needs a boundary after it).
    var boundaries: [UInt8]
    /// Gaps are counted in characters (Japanese) rather than words.
    var characterGaps: Bool
    /// Number of scalars in all parts: the length that wins an overlap.
    var literalLength: Int
  }

  /// The most words (English) or characters (Japanese) a gap may hold.
  static let maximumGapWords = 6
  static let maximumGapCharacters = 10

  private(set) var patterns: [Pattern] = []
  /// Child of the root for each first byte, or -1.
  private var root = [Int32](repeating: -1, count: 256)
  /// Per node: its edges are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`, sorted by byte.
  private var edgeStart: [Int32] = []
  private var edgeBytes: [UInt8] = []
  private var edgeTargets: [Int32] = []
  /// Per node: the patterns that end there are `outputs[outputStart[n]..<outputStart[n + 1]]`.
  private var outputStart: [Int32] = []
  private var outputs: [Int32] = []

  init(cues: [Cue]) {
    for (index, cue) in cues.enumerated() {
      let languages: UInt8
      switch cue.language {
      case .en: languages = 1
      case .ja: languages = 2
      case .any: languages = 3
      }
      for form in cue.surfaceForms {
        let parts = form.components(separatedBy: " ... ")
        guard !parts.contains(where: \.isEmpty) else { continue }
        var boundaries: [UInt8] = []
        for part in parts {
          var bits: UInt8 = 0
          if let first = part.unicodeScalars.first, Self.isWordScalar(first.value) { bits |= 1 }
          if let last = part.unicodeScalars.last, Self.isWordScalar(last.value) { bits |= 2 }
          boundaries.append(bits)
        }
        patterns.append(
          Pattern(
            cue: Int32(index), languages: languages, parts: parts.map { Array($0.utf8) },
            boundaries: boundaries, characterGaps: cue.language == .ja,
            literalLength: parts.reduce(0) { $0 + $1.unicodeScalars.count }))
      }
    }
    build()
  }

  /// Builds the flat trie from the first parts of the patterns.
  private mutating func build() {
    var children: [[UInt8: Int32]] = [[:]]
    var ends: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() {
      var node = 0
      for byte in pattern.parts[0] {
        if let next = children[node][byte] {
          node = Int(next)
        } else {
          children.append([:])
          ends.append([])
          children[node][byte] = Int32(children.count - 1)
          node = children.count - 1
        }
      }
      ends[node].append(Int32(index))
    }
    edgeStart = [0]
    outputStart = [0]
    for node in children.indices {
      for (byte, target) in children[node].sorted(by: { $0.key < $1.key }) {
        edgeBytes.append(byte)
        edgeTargets.append(target)
      }
      edgeStart.append(Int32(edgeBytes.count))
      outputs += ends[node]
      outputStart.append(Int32(outputs.count))
    }
    for (byte, target) in children[0] { root[Int(byte)] = target }
  }

  @inline(__always)
  private func child(of node: Int, _ byte: UInt8) -> Int {
    var low = Int(edgeStart[node])
    var high = Int(edgeStart[node + 1])
    if high - low <= 8 {
      while low < high {
        if edgeBytes[low] == byte { return Int(edgeTargets[low]) }
        low += 1
      }
      return -1
    }
    while low < high {
      let middle = (low + high) / 2
      let value = edgeBytes[middle]
      if value == byte { return Int(edgeTargets[middle]) }
      if value < byte { low = middle + 1 } else { high = middle }
    }
    return -1
  }

  /// A match of one pattern: byte offsets of its parts in the normalised text.
  struct Match {
    var pattern: Int32
    /// Start and end of each part, flattened: [start0, end0, start1, end1, ...].
    var parts: [Int]
    var start: Int { parts[0] }
    var end: Int { parts[parts.count - 1] }
  }

  /// Every match of a pattern for `languages` that lies within `range` of `bytes`.
  func matches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, languages: UInt8)
    -> [Match]
  {
    var found: [Match] = []
    let end = range.upperBound
    var position = range.lowerBound
    while position < end {
      let byte = bytes[position]
      if byte & 0xC0 == 0x80 {
        position += 1
        continue
      }
      var node = Int(root[Int(byte)])
      var next = position + 1
      while node >= 0 {
        let first = Int(outputStart[node])
        let last = Int(outputStart[node + 1])
        if first < last {
          for output in first..<last {
            let pattern = patterns[Int(outputs[output])]
            guard pattern.languages & languages != 0 else { continue }
            let bits = pattern.boundaries[0]
            if bits & 1 != 0 && Self.isWordBefore(bytes, position) { continue }
            if bits & 2 != 0 && Self.isWordAt(bytes, next) { continue }
            var parts = [position, next]
            if pattern.parts.count > 1 {
              guard let rest = gapParts(pattern, after: next, in: bytes, limit: end) else {
                continue
              }
              parts += rest
            }
            found.append(Match(pattern: outputs[output], parts: parts))
          }
        }
        if next >= end { break }
        node = child(of: node, bytes[next])
        next += 1
      }
      position += 1
    }
    return found
  }

  /// The parts after the first, each found after a gap of at most the allowed words or
  /// characters from the previous one, never across `; : ? !` or `。`.
  private func gapParts(
    _ pattern: Pattern, after firstEnd: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int
  ) -> [Int]? {
    var result: [Int] = []
    var previousEnd = firstEnd
    for index in 1..<pattern.parts.count {
      let part = pattern.parts[index]
      let bits = pattern.boundaries[index]
      var candidate = previousEnd
      var gap = 0
      var found: Int?
      while candidate < limit {
        let byte = bytes[candidate]
        if byte & 0xC0 == 0x80 {
          candidate += 1
          continue
        }
        if Self.isHardBreak(bytes, candidate) { break }
        if candidate + part.count <= limit && bytes[candidate] == part[0] {
          var same = true
          for offset in 1..<part.count where bytes[candidate + offset] != part[offset] {
            same = false
            break
          }
          if same && !(bits & 1 != 0 && Self.isWordBefore(bytes, candidate))
            && !(bits & 2 != 0 && Self.isWordAt(bytes, candidate + part.count))
          {
            found = candidate
            break
          }
        }
        if pattern.characterGaps {
          gap += 1
          if gap > Self.maximumGapCharacters { break }
        } else if Self.isWordAt(bytes, candidate) && !Self.isWordBefore(bytes, candidate) {
          gap += 1
          if gap > Self.maximumGapWords { break }
        }
        candidate += 1
      }
      guard let start = found else { return nil }
      result += [start, start + part.count]
      previousEnd = start + part.count
    }
    return result
  }

  // MARK: - Characters

  /// Letters and digits of Latin script: the characters that make up English words.
  @inline(__always)
  static func isWordScalar(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value)
        || (0x41...0x5A).contains(value)
    }
    return ((0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7)
      || (0x300...0x36F).contains(value)
  }

  /// The scalar that starts at byte `offset` (which must start a scalar).
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
    UTF8Bytes.scalar(at: offset, in: bytes)
  }

  /// The start of the scalar before byte `offset`.
  @inline(__always)
  static func previousStart(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
    UTF8Bytes.previousStart(before: offset, in: bytes)
  }

  /// Whether the scalar at `offset` is a word character (false at the end of the text).
  @inline(__always)
  static func isWordAt(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
    guard offset < bytes.count else { return false }
    return isWordScalar(scalar(bytes, at: offset))
  }

  /// Whether the scalar just before `offset` is a word character (false at the start).
  @inline(__always)
  static func isWordBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
    guard offset > 0 else { return false }
    return isWordScalar(scalar(bytes, at: previousStart(bytes, offset)))
  }

  /// `; : ? !` and `。`: what a gap, a negation or an intensifier never reaches across.
  @inline(__always)
  static func isHardBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
    switch bytes[offset] {
    case 0x3B, 0x3A, 0x3F, 0x21: return true
    case 0xE3:
      return offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x82
    default: return false
    }
  }
}
