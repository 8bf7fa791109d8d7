import CICUShim

/// Word-level differences between two texts: what `compare` shows for two versions of a
/// sentence, and what `cite`/`verify` show for a quotation that does not match its source.
///
/// **Units.** Both texts are cut into units: ICU's word tokens (English words and numbers,
/// dictionary words — morphemes — in Japanese and Chinese, runs of katakana joined as the
/// `Segmenter` joins them) and, as units of their own, the punctuation and symbols between them
/// (each run of non-blank characters outside a word). Whitespace is not a unit, so two texts that
/// differ only in spacing or line breaks have no differences. It is kept for display: each unit
/// carries the whitespace before it in its own text, and a piece is the exact text of its units
/// with that whitespace (none before the first unit of a text). Joining the pieces that are not
/// `.removed` gives the new text exactly, without leading and trailing whitespace; joining the
/// pieces that are not `.added` gives the old text the same way, up to whitespace (a `.same`
/// piece is spelled as in the new text).
///
/// **No folding.** Units are compared exactly as written: case, full-width and half-width forms
/// (`１４` and `14`), and curly and straight quotes all count as differences. A word diff shows
/// what differs, and a quotation that changes `１４` to `14` is not the source's exact text;
/// callers that want to ignore such variants compare `NormalizedText` instead.
///
/// **Edit script.** A longest common subsequence of units (exact dynamic programming after the
/// common prefix and suffix are set aside; Hirschberg's linear-space split for long middles), so
/// the number of removed plus added units is minimal. Among equally short scripts, the one that
/// keeps the most characters is taken (a name is kept rather than an "and": "Arvenna[- and-]{+,+}
/// Akitsu{+ and Cassina+}"), and then units are matched as late as possible, so an insertion that
/// repeats a word reads naturally ("condemns {+in the strongest terms+} the attacks", not
/// "condemns {+in+} the {+strongest terms the+} attacks").
/// Adjacent pieces of the same kind are merged, and between two `.same` pieces the removed units
/// come first as one `.removed` piece and the added units follow as one `.added` piece. The
/// result depends only on the two texts.
public enum WordDiff {
  /// A run of units that both texts share, or that only the old or only the new one has. Its
  /// text includes the whitespace before each of its units (see `WordDiff`).
  public enum Piece: Sendable, Equatable {
    /// Units both texts have.
    case same(String)
    /// Units only the old text has.
    case removed(String)
    /// Units only the new text has.
    case added(String)

    /// The text of the piece, whatever its kind.
    public var text: String {
      switch self {
      case .same(let text), .removed(let text), .added(let text): return text
      }
    }
  }

  /// A unit with the whitespace before it in its text.
  struct Unit: Equatable {
    var leading: String
    var text: String
  }

  /// The words of a text for diffing: ICU word tokens (morphemes in Japanese) and the
  /// punctuation between them as separate units, in order, without whitespace.
  public static func units(of text: String, language: Language) -> [String] {
    spacedUnits(of: text, language: language).map(\.text)
  }

  /// The differences between `old` and `new`: a minimal edit script on units, adjacent pieces of
  /// the same kind merged, so a changed phrase is one `.removed` piece followed by one `.added`
  /// piece. Empty when both texts are empty or blank.
  public static func diff(_ old: String, _ new: String, language: Language) -> [Piece] {
    let oldUnits = spacedUnits(of: old, language: language)
    let newUnits = spacedUnits(of: new, language: language)
    var ids: [String: Int32] = [:]
    var weights: [Int64] = []
    func identify(_ unit: Unit) -> Int32 {
      if let id = ids[unit.text] { return id }
      let id = Int32(ids.count)
      ids[unit.text] = id
      weights.append(Int64(unit.text.unicodeScalars.count))
      return id
    }
    let x = oldUnits.map(identify)
    let y = newUnits.map(identify)
    let matches = CommonSubsequence(x: x, y: y, weights: weights).matches()

    var pieces: [Piece] = []
    func join(_ units: ArraySlice<Unit>) -> String {
      var text = ""
      for unit in units {
        text += unit.leading
        text += unit.text
      }
      return text
    }
    var same = ""
    func flushSame() {
      if !same.isEmpty { pieces.append(.same(same)) }
      same = ""
    }
    var i = 0
    var j = 0
    for (matchI, matchJ) in matches + [(x.count, y.count)] {
      if i < matchI || j < matchJ { flushSame() }
      if i < matchI { pieces.append(.removed(join(oldUnits[i..<matchI]))) }
      if j < matchJ { pieces.append(.added(join(newUnits[j..<matchJ]))) }
      if matchI < x.count {
        same += newUnits[matchJ].leading
        same += newUnits[matchJ].text
      }
      i = matchI + 1
      j = matchJ + 1
    }
    flushSame()
    return pieces
  }

  /// Plain-text rendering like `git diff --word-diff=plain`: removed text in `[-…-]`, added text
  /// in `{+…+}`, shared text as it is. The whitespace before a change stays outside its
  /// brackets; a removal followed by an addition shares it: `the [-strong-]{+deep+} concern`.
  public static func render(_ pieces: [Piece]) -> String {
    var output = ""
    var afterRemoval = false
    var removalHadSpace = false
    for piece in pieces {
      switch piece {
      case .same(let text):
        output += text
        afterRemoval = false
      case .removed(let text):
        let (space, body) = splitLeadingSpace(text)
        output += space + "[-" + body + "-]"
        afterRemoval = true
        removalHadSpace = !space.isEmpty
      case .added(let text):
        let (space, body) = splitLeadingSpace(text)
        if !(afterRemoval && removalHadSpace) { output += space }
        output += "{+" + body + "+}"
        afterRemoval = false
      }
    }
    return output
  }

  private static func splitLeadingSpace(_ text: String) -> (Substring, Substring) {
    let body = text.drop { $0.isWhitespace }
    return (text[..<body.startIndex], body)
  }

  /// The units of a text with the whitespace before each (none before the first).
  static func spacedUnits(of text: String, language: Language) -> [Unit] {
    let buffer = UTF16Text(text)
    let units = buffer.units
    guard !units.isEmpty, units.count < Int(Int32.max) else { return [] }
    var result: [Unit] = []
    var spaceStart = 0
    var previousKatakana = false
    func string(_ range: Range<Int>) -> String {
      String(decoding: units[range], as: UTF16.self)
    }
    func add(_ start: Int, _ end: Int) {
      let leading = result.isEmpty ? "" : string(spaceStart..<start)
      result.append(Unit(leading: leading, text: string(start..<end)))
      spaceStart = end
    }
    let locale = Segmenter.locale(for: language)
    ICUBreaks.forEachSpan(kind: Int32(SEIMEI_BREAK_WORD), locale, units) { start, end, status in
      if status >= 100 && status < 500 {
        // A word. Katakana words that ICU's dictionary cut up are joined back.
        let katakana = status >= 300 && units[start..<end].allSatisfy(UTF16Class.isKatakana)
        if katakana && previousKatakana && spaceStart == start, let last = result.indices.last {
          result[last].text += string(start..<end)
          spaceStart = end
        } else {
          add(start, end)
        }
        previousKatakana = katakana
        return
      }
      previousKatakana = false
      // Punctuation, symbols and whitespace: each run of non-blank units is a unit.
      var position = start
      while position < end {
        if isSpace(units[position]) {
          position += 1
          continue
        }
        let runStart = position
        while position < end && !isSpace(units[position]) { position += 1 }
        add(runStart, position)
      }
    }
    return result
  }

  private static func isSpace(_ unit: UInt16) -> Bool {
    UTF16Class.isBlank(unit) || UTF16Class.isLineBreak(unit)
  }
}

/// A longest common subsequence of two sequences of unit ids, as matched index pairs.
///
/// Its value is the number of matched units first and, among subsequences of the same length,
/// the total weight (characters) of the matched units: so a name is matched rather than an "and"
/// when only one of them can be. Remaining ties go to the matches that come latest.
struct CommonSubsequence {
  let x: [Int32]
  let y: [Int32]
  /// The weight of each unit id.
  let weights: [Int64]
  /// Largest middle (in table cells) solved with one full table (32 MB at the default); a
  /// longer one is split in two first.
  var tableLimit = 4_000_000

  /// The value of matching a unit of id `id`: one unit, then its weight.
  private func value(_ id: Int32) -> Int64 { (1 << 32) + weights[Int(id)] }

  /// Index pairs `(i, j)` with `x[i] == y[j]`, strictly increasing in both, of the greatest
  /// value; among those of equal value, the latest (after the common prefix).
  func matches() -> [(Int, Int)] {
    var prefix = 0
    while prefix < x.count && prefix < y.count && x[prefix] == y[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < x.count - prefix && suffix < y.count - prefix
      && x[x.count - 1 - suffix] == y[y.count - 1 - suffix]
    {
      suffix += 1
    }
    var result: [(Int, Int)] = (0..<prefix).map { ($0, $0) }
    solve(prefix..<(x.count - suffix), prefix..<(y.count - suffix), into: &result)
    for offset in 0..<suffix {
      result.append((x.count - suffix + offset, y.count - suffix + offset))
    }
    return result
  }

  /// Appends the matches of `x[xs]` against `y[ys]`, in order.
  private func solve(_ xs: Range<Int>, _ ys: Range<Int>, into result: inout [(Int, Int)]) {
    if xs.isEmpty || ys.isEmpty { return }
    if xs.count * ys.count <= tableLimit || xs.count == 1 {
      table(xs, ys, into: &result)
      return
    }
    // Hirschberg: the best split of `ys` for the middle of `xs`.
    let middle = xs.lowerBound + xs.count / 2
    let forward = values(xs.lowerBound..<middle, ys, reversed: false)
    let backward = values(middle..<xs.upperBound, ys, reversed: true)
    var best: Int64 = -1
    var split = ys.lowerBound
    for k in 0...ys.count {
      let total = forward[k] + backward[ys.count - k]
      if total >= best {
        best = total
        split = ys.lowerBound + k
      }
    }
    solve(xs.lowerBound..<middle, ys.lowerBound..<split, into: &result)
    solve(middle..<xs.upperBound, split..<ys.upperBound, into: &result)
  }

  /// Values of `x[xs]` against every prefix of `y[ys]` (every suffix when `reversed`, indexed
  /// by its length), in linear space.
  private func values(_ xs: Range<Int>, _ ys: Range<Int>, reversed: Bool) -> [Int64] {
    var row = [Int64](repeating: 0, count: ys.count + 1)
    var next = row
    let order: [Int] = reversed ? xs.reversed() : Array(xs)
    for i in order {
      for k in 1...ys.count {
        let j = reversed ? ys.upperBound - k : ys.lowerBound + k - 1
        next[k] = x[i] == y[j] ? row[k - 1] + value(x[i]) : max(row[k], next[k - 1])
      }
      swap(&row, &next)
    }
    return row
  }

  /// Full table of prefix values, walked back from the end: a match is taken as soon as the
  /// walk meets one (a pair of equal units can always be matched in a best subsequence), so
  /// matches fall as late as possible.
  private func table(_ xs: Range<Int>, _ ys: Range<Int>, into result: inout [(Int, Int)]) {
    let rows = xs.count + 1
    let columns = ys.count + 1
    var best = [Int64](repeating: 0, count: rows * columns)
    for a in 1..<rows {
      let unit = x[xs.lowerBound + a - 1]
      for b in 1..<columns {
        best[a * columns + b] =
          unit == y[ys.lowerBound + b - 1]
          ? best[(a - 1) * columns + b - 1] + value(unit)
          : max(best[(a - 1) * columns + b], best[a * columns + b - 1])
      }
    }
    var found: [(Int, Int)] = []
    var a = rows - 1
    var b = columns - 1
    while a > 0 && b > 0 {
      if x[xs.lowerBound + a - 1] == y[ys.lowerBound + b - 1] {
        found.append((xs.lowerBound + a - 1, ys.lowerBound + b - 1))
        a -= 1
        b -= 1
      } else if best[(a - 1) * columns + b] >= best[a * columns + b - 1] {
        a -= 1
      } else {
        b -= 1
      }
    }
    result.append(contentsOf: found.reversed())
  }
}
