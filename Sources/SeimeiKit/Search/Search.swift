import Foundation

/// One match of a search pattern.
public struct SearchHit: Sendable, Equatable {
  /// Index into the statements searched.
  public var statement: Int
  /// The match in the statement's original text: from the start of the character of its first
  /// normalised scalar to the end of the character (or blank run) of its last.
  public var range: TextRange
  /// The 0-based sentence containing `range.start`. For a match that starts in the blanks
  /// between two sentences, the sentence it runs into; 0 for a statement without sentences.
  public var sentence: Int

  public init(statement: Int, range: TextRange, sentence: Int) {
    self.statement = statement
    self.range = range
    self.sentence = sentence
  }
}

/// Searching statements for a `SearchPattern`: what `find` and `kwic` stand on.
///
/// **No index.** Each search scans the statements' normalised text, which the workspace
/// already holds as contiguous UTF-8 (`NormalizedText.text`), so it costs no memory and no
/// load time. A plain pattern is found with a vectorised byte search (`ByteFinder`) for its
/// first literal piece; only there are word boundaries, wildcards and the rest of the pattern
/// checked, and byte offsets turned into scalar offsets (counting scalars from the previous
/// match, so linear in the text) and mapped back to the original. Statements are searched
/// concurrently. An inverted index of words could answer a rare English word faster, but would
/// not serve Japanese substrings, phrases across line breaks or wildcards inside words without a
/// scan anyway, and would cost memory and load time for every statement; the scan is well
/// under a second at the scale of the bench corpus (figures in Scripts/bench's search phase).
///
/// A regular expression runs ICU (`NSRegularExpression`) over each statement's normalised text,
/// skipping statements that lack the literal text every match needs, when there is one (see
/// `SearchPattern`).
///
/// **Speed.** Measured on the bench corpus (4,391 statements, 140 MB of normalised text,
/// release build, 2 cores), median of 5: a word that does not occur 13 ms; `ransomware`
/// (11,682 hits) 45 ms, `condemn*` (29,770) 43 ms, `in the strongest terms` 24 ms, `強い懸念`
/// (13,323) 39 ms, `サイバー` (190,618) 89 ms, `the` (783,940) 150 ms; regular expressions
/// 140–370 ms (ICU reads about 200 MB/s a core). With `limit: 100`, under 1 ms when the
/// pattern is common. The hits cost 24 bytes each; nothing is kept between searches.
///
/// (Named `TextSearch` because `QuoteMatcher` has an internal type `Search`.)
public enum TextSearch {
  /// Every match, statements in the order given, matches in text order and not overlapping
  /// (after a match, the search resumes at its end). Statements are searched concurrently
  /// (`DispatchQueue.concurrentPerform`); the result does not depend on it.
  ///
  /// `limit`: stop after that many matches in all, the first ones in that order, so still
  /// deterministic; statements are then searched in growing batches, so a small limit reads
  /// only the first statements.
  public static func hits(
    of pattern: SearchPattern, in statements: [Statement], limit: Int? = nil
  ) -> [SearchHit] {
    if let limit, limit <= 0 { return [] }
    var result: [SearchHit] = []
    var next = 0
    var batch = limit == nil ? statements.count : 2 * ProcessInfo.processInfo.activeProcessorCount
    while next < statements.count {
      let first = next
      let end = min(statements.count, first + batch)
      let room = limit.map { $0 - result.count }
      let found = SearchSlots<[SearchHit]>(count: end - first)
      DispatchQueue.concurrentPerform(iterations: end - first) { position in
        let number = first + position
        found[position] = hits(of: pattern, in: statements[number], number: number, limit: room)
      }
      for hits in found.values {
        if let room = limit.map({ $0 - result.count }), hits.count >= room {
          result += hits.prefix(room)
          return result
        }
        result += hits
      }
      next = end
      batch *= 2
    }
    return result
  }

  /// The matches in one statement, as hits numbered `number`.
  static func hits(
    of pattern: SearchPattern, in statement: Statement, number: Int, limit: Int?
  ) -> [SearchHit] {
    let normalized = statement.normalized
    let ranges: [TextRange]
    switch pattern.matcher {
    case .plain(let plain):
      let scanGaps = statement.language == .ja || statement.language == .zh
      ranges = plain.matches(in: normalized, scanGaps: scanGaps, limit: limit ?? Int.max)
    case .regex(let regex):
      ranges = regex.matches(in: normalized, limit: limit ?? Int.max)
    }
    let sentences = statement.segmentation.sentences
    return ranges.map { normalizedRange in
      let range = normalized.originalRange(normalizedRange)
      return SearchHit(
        statement: number, range: range, sentence: sentence(of: range, in: sentences))
    }
  }

  /// The index of the sentence containing `range.start`; if that falls between sentences, the
  /// next one when the range reaches into it, else the previous one.
  static func sentence(of range: TextRange, in sentences: [Segmentation.Sentence]) -> Int {
    // The number of sentences starting at or before the range.
    var low = 0
    var high = sentences.count
    while low < high {
      let middle = (low + high) / 2
      if sentences[middle].range.start <= range.start { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return 0 }
    let index = low - 1
    if sentences[index].range.end <= range.start && index + 1 < sentences.count
      && sentences[index + 1].range.start < range.end
    {
      return index + 1
    }
    return index
  }
}

// MARK: - Plain patterns

extension PlainPattern {
  /// The matches in a normalised text, as normalised scalar ranges, in order.
  func matches(in normalized: NormalizedText, scanGaps: Bool, limit: Int) -> [TextRange] {
    var text = normalized.text
    return text.withUTF8 { bytes in
      let found = byteMatches(in: bytes, scanGaps, limit)
      guard !found.isEmpty else { return [] }
      // Byte offsets to scalar offsets, counting from one match to the next.
      var ranges: [TextRange] = []
      ranges.reserveCapacity(found.count)
      var byte = 0
      var scalar = 0
      func advance(to target: Int) -> Int {
        while byte < target {
          if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
          byte += 1
        }
        return scalar
      }
      for match in found {
        let start = advance(to: match.lowerBound)
        ranges.append(TextRange(start, advance(to: match.upperBound)))
      }
      return ranges
    }
  }

  /// The matches as byte ranges of the normalised UTF-8.
  private func byteMatches(
    in bytes: UnsafeBufferPointer<UInt8>, _ scanGaps: Bool, _ limit: Int
  ) -> [Range<Int>] {
    let gapStarts = scanGaps && !firstPieceJoints.isEmpty ? gapCandidates(in: bytes) : []
    var nextGap = 0
    var anchor = finder.firstOccurrence(in: bytes, from: 0)
    var matches: [Range<Int>] = []
    var lastEnd = 0
    while matches.count < limit {
      // The next candidate start: an occurrence of the first piece, or a place where it occurs
      // with a space inside.
      let gap = nextGap < gapStarts.count ? gapStarts[nextGap] : Int.max
      let candidate = min(anchor ?? Int.max, gap)
      if candidate == Int.max { break }
      if gap == candidate { nextGap += 1 }
      if anchor == candidate { anchor = nil }
      if candidate >= lastEnd, let match = match(in: bytes, at: candidate, after: lastEnd) {
        matches.append(match)
        lastEnd = match.upperBound
      }
      if anchor == nil {
        anchor = finder.firstOccurrence(in: bytes, from: max(candidate + 1, lastEnd))
      }
    }
    return matches
  }

  /// Starts of the places where the first piece occurs with a space of the text inside, at one
  /// of its CJK joints; that space being the first one skipped. Sorted, unique.
  private func gapCandidates(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    guard let base = bytes.baseAddress else { return [] }
    var candidates: [Int] = []
    var position = 0
    let first = pieces[0]
    while position < bytes.count,
      let found = memchr(base + position, 0x20, bytes.count - position)
    {
      let space = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      position = space + 1
      let cjkBefore = space > 0 && QuoteFolding.isCJK(UTF8Bytes.scalar(before: space, in: bytes))
      let cjkAfter =
        space + 1 < bytes.count && QuoteFolding.isCJK(UTF8Bytes.scalar(at: space + 1, in: bytes))
      guard cjkBefore || cjkAfter else { continue }
      for joint in firstPieceJoints where joint <= space {
        let start = space - joint
        let same = first.withUnsafeBufferPointer { memcmp(base + start, $0.baseAddress!, joint) }
        if same == 0 { candidates.append(start) }
      }
    }
    candidates.sort()
    var unique: [Int] = []
    for candidate in candidates where unique.last != candidate { unique.append(candidate) }
    return unique
  }

  /// The match whose first piece starts at byte `start`, if the pattern matches there and it
  /// does not reach back before `lower` (the end of the previous match).
  private func match(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, after lower: Int)
    -> Range<Int>?
  {
    var first = start
    if leadingWildcard {
      var count = 0
      while first > lower && count < SearchPattern.maximumWildcardScalars
        && UTF8Bytes.isWord(before: first, in: bytes)
      {
        first = UTF8Bytes.previousStart(before: first, in: bytes)
        count += 1
      }
      if UTF8Bytes.isWord(before: first, in: bytes) { return nil }
    } else if boundaryBefore && UTF8Bytes.isWord(before: first, in: bytes) {
      return nil
    }
    guard let end = matchPieces(from: 0, at: start, in: bytes) else { return nil }
    return first..<end
  }

  /// Matches pieces `index...` from byte `position`; returns the end of the match. A wildcard
  /// between two pieces takes as few scalars as it can.
  private func matchPieces(from index: Int, at position: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    guard let end = matchPiece(index, at: position, in: bytes) else { return nil }
    if index == pieces.count - 1 {
      var last = end
      if trailingWildcard {
        var count = 0
        while count < SearchPattern.maximumWildcardScalars && UTF8Bytes.isWord(at: last, in: bytes)
        {
          last = UTF8Bytes.nextStart(after: last, in: bytes)
          count += 1
        }
        return UTF8Bytes.isWord(at: last, in: bytes) ? nil : last
      }
      return boundaryAfter && UTF8Bytes.isWord(at: last, in: bytes) ? nil : last
    }
    var gap = end
    var count = 0
    while true {
      if let result = matchPieces(from: index + 1, at: gap, in: bytes) { return result }
      guard count < SearchPattern.maximumWildcardScalars, UTF8Bytes.isWord(at: gap, in: bytes)
      else { return nil }
      gap = UTF8Bytes.nextStart(after: gap, in: bytes)
      count += 1
    }
  }

  /// Matches piece `index` at byte `position`; returns its end. Where the piece has a CJK joint
  /// (a scalar boundary next to a CJK scalar) and the text a space, the space is skipped.
  private func matchPiece(_ index: Int, at position: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    let piece = pieces[index]
    var text = position
    var offset = 0
    while offset < piece.count {
      guard text < bytes.count else { return nil }
      if bytes[text] == piece[offset] {
        text += 1
        offset += 1
      } else if hasJoints && bytes[text] == 0x20 && offset > 0 && piece[offset] & 0xC0 != 0x80
        && (QuoteFolding.isCJK(UTF8Bytes.scalar(at: offset, in: piece))
          || QuoteFolding.isCJK(UTF8Bytes.scalar(before: offset, in: piece)))
      {
        text += 1
      } else {
        return nil
      }
    }
    return text
  }
}

// MARK: - Regular expressions

extension RegexPattern {
  /// The non-empty matches in a normalised text, as normalised scalar ranges, in order.
  func matches(in normalized: NormalizedText, limit: Int) -> [TextRange] {
    var text = normalized.text
    if !required.isEmpty
      && !text.withUTF8({ bytes in required.contains { $0.occurs(in: bytes) } })
    {
      return []
    }
    var found: [NSRange] = []
    let whole = NSRange(location: 0, length: text.utf16.count)
    shared.regex.enumerateMatches(in: text, options: [], range: whole) { result, _, stop in
      guard let range = result?.range, range.length > 0 else { return }
      found.append(range)
      if found.count >= limit { stop.pointee = true }
    }
    guard !found.isEmpty else { return [] }
    // UTF-16 offsets to scalar offsets: they differ only after a scalar outside the BMP.
    if whole.length == normalized.scalarCount {
      return found.map { TextRange($0.location, $0.location + $0.length) }
    }
    var astral: [Int] = []  // UTF-16 offsets of the scalars that take two code units
    var offset = 0
    for scalar in text.unicodeScalars {
      if scalar.value > 0xFFFF { astral.append(offset) }
      offset += scalar.value > 0xFFFF ? 2 : 1
    }
    func scalarOffset(_ utf16: Int) -> Int {
      var low = 0
      var high = astral.count
      while low < high {
        let middle = (low + high) / 2
        if astral[middle] < utf16 { low = middle + 1 } else { high = middle }
      }
      return utf16 - low
    }
    return found.map {
      TextRange(scalarOffset($0.location), scalarOffset($0.location + $0.length))
    }
  }
}

// MARK: - UTF-8

/// Results written by concurrent iterations, one slot each: every slot is written by exactly
/// one iteration, and read only after `concurrentPerform` has returned.
final class SearchSlots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  subscript(position: Int) -> Value? {
    get { storage[position] }
    set { storage[position] = newValue }
  }

  /// The values, in order (a slot never written is left out).
  var values: [Value] { storage.compactMap { $0 } }
}
