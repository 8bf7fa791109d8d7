import Foundation

/// Where a quotation comes from in a statement, and how faithfully it quotes it: the result of
/// `QuoteMatcher.find`, what `cite` and `verify` report.
public struct QuoteMatch: Sendable, Equatable {
  /// How the quotation relates to the statement. See `QuoteMatcher` for the rules.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The quotation is the statement's text, scalar for scalar.
    case exact
    /// The same words as the statement, written differently: case, width, quotation-mark style,
    /// spacing and line breaks, punctuation, or an ellipsis standing for words left out.
    case normalized
    /// Close to a passage of the statement, but with words changed, added or dropped.
    case misquote
    /// Nothing in the statement is close enough.
    case notFound = "not-found"
  }

  public var kind: Kind
  /// The quotation as given.
  public var quote: String
  /// The source passage in the statement's original text (nil when not found). For a misquote,
  /// the nearest passage, from its first to its last word shared with the quotation.
  public var range: TextRange?
  /// The statement's exact text of `range`: the wording to use.
  public var sourceText: String?
  /// 0-based sentences and paragraphs the passage overlaps, ascending.
  public var sentences: [Int]
  public var paragraphs: [Int]
  /// Word-level differences from the source passage (old) to the quotation (new), from
  /// `WordDiff.diff`: `.removed` = words of the source the quotation changed or dropped,
  /// `.added` = words the quotation has that the source does not, `.same` = the rest.
  ///
  /// Set for a misquote, and for a `normalized` match whose only differences are punctuation
  /// (a comma dropped, a full stop added at the end), so that those can be shown too; empty
  /// otherwise. Changes that vanish under the matcher's folding (case, width, quotation-mark
  /// style) are shown as `.same`, spelled as in the quotation.
  public var differences: [WordDiff.Piece]
  /// 0...1: how much of the quotation and its source passage match. 1 for exact and normalized
  /// matches; for a misquote (and the best candidate of a quotation not found) the Dice
  /// coefficient on words: 2 × words aligned / (words of the quotation + words of the passage),
  /// so words the quotation changes, adds or drops all lower it. Punctuation is not counted.
  /// Words the quotation has beyond the passage's first and last shared word (a changed first
  /// or last word) count as changed words of the passage too.
  public var similarity: Double
  /// Every place the quotation occurs (exact or normalized), in text order; `range` is the one
  /// chosen (the first exact one, else the first, or the one `prefix`/`suffix` pick). For a
  /// `normalized` match that differs in punctuation, just `range`; empty for a misquote and when
  /// not found.
  public var occurrences: [TextRange]
  /// For a quotation with an ellipsis in the middle ("…", "...", "[…]", "・・・"), matched as a
  /// gap: the statement's text that each such ellipsis stands for, in order (trimmed of blanks;
  /// empty where an ellipsis stands for nothing). Empty otherwise.
  public var elisions: [TextRange]

  public init(
    kind: Kind, quote: String, range: TextRange? = nil, sourceText: String? = nil,
    sentences: [Int] = [], paragraphs: [Int] = [], differences: [WordDiff.Piece] = [],
    similarity: Double = 0, occurrences: [TextRange] = [], elisions: [TextRange] = []
  ) {
    self.kind = kind
    self.quote = quote
    self.range = range
    self.sourceText = sourceText
    self.sentences = sentences
    self.paragraphs = paragraphs
    self.differences = differences
    self.similarity = similarity
    self.occurrences = occurrences
    self.elisions = elisions
  }
}

/// Finds a quotation in a statement and classifies it: exact, normalized, misquote or not found.
///
/// The quotation is first trimmed of surrounding whitespace (which is not part of it). Then:
///
/// **Exact.** The quotation occurs verbatim in the statement's original text, Unicode scalar for
/// Unicode scalar. It may span sentences and paragraphs; but a line break in the source where the
/// quotation has a space (or the reverse) is not exact: it is normalized.
///
/// **Normalized.** The quotation occurs once both texts are folded: `NormalizedText` (NFKC, so
/// full-width and half-width forms agree, `ＡＰＴ４０` = `APT40`; lowercase, so "The Government"
/// quoting "the Government" at the start of a sentence, the usual practice, still matches, and so
/// does any other case change; whitespace runs, line breaks included, collapsed to one space),
/// then
/// - every quotation mark and apostrophe (`"` `'` “ ” ‘ ’ „ « » 「 」 『 』 〝 〟 and their
///   full-width forms) folded to one, so 「KX-22」 = “KX-22” = 『KX-22』, and a quotation may
///   re-mark the statement's own quotation marks as nested ones;
/// - the Japanese comma and full stop `、` `。` folded to `,` `.` (some ministries write `，`
///   `．`), hyphens, dashes and the minus sign to `-`, and wave dashes to `~`;
/// - whitespace next to a CJK character (ideograph, kana, CJK punctuation) dropped altogether:
///   a line break inside a Japanese sentence adds no space, and a space between a Latin word
///   and kana (`KX-22 と`) is a typographic choice.
///
/// A passage starts and ends on word boundaries: "state" is not found inside "statement". In
/// Japanese and Chinese, which do not space words, any character boundary will do.
///
/// **Ellipses.** An ellipsis inside the quotation ("…", "...", ". . .", "‥", "⋯", "・・・",
/// optionally in brackets: "[…]", "(...)") is the quoting convention for words left out, used
/// legitimately. Unless the statement itself has that ellipsis there, it matches as a gap: the
/// parts around it must occur in order, each gap inside one paragraph. Such a match is
/// `normalized`, with the omitted text in `elisions`. An ellipsis at the start or end of the
/// quotation only says that it starts or ends mid-sentence, and is set aside.
///
/// **Misquote.** Otherwise the quotation is aligned with the statement on word units
/// (`WordDiff.units`: words or morphemes, and punctuation), folded as above. Candidate passages
/// are seeded by the quotation's rarest words that the statement has (their positions fix a
/// diagonal, and a window around it allows for words added or dropped); each candidate, best
/// first by an upper bound on its score, is scored by a semi-global alignment (all of the
/// quotation against any passage of the window: a shared word +4, a shared punctuation unit +2,
/// a word left unmatched on either side −2, punctuation −1), so the passage starts and ends on
/// the first and last units it shares with the quotation and is kept tight. The best passage
/// (the earliest among equals; `prefix` and `suffix` are not used here) is a misquote when its
/// `similarity` (Dice on words) reaches `misquoteThreshold`, and not found otherwise. If the
/// quotation's first or last word was left unmatched but occurs in the same sentence just
/// before or after the passage, the passage is extended to it, so that a clause dropped without
/// an ellipsis shows as removed rather than the first word as added. Words of the quotation
/// still unmatched at its ends replaced the source's words there ("at once" → "immediately"):
/// the passage takes in the source's words up to the nearest punctuation in the same sentence
/// when they are at most three times as many plus two (else as many as the quotation has
/// there), so the difference shows what was replaced. The differences come from
/// `WordDiff.diff` of the passage and the quotation.
///
/// **Punctuation.** When the best passage has exactly the quotation's words and only
/// punctuation differs (a dropped comma; a full stop where the source goes on, as when a quoted
/// clause ends the writer's sentence; quotation marks left out), the match is `normalized`, with
/// those differences listed: changing punctuation is not changing what was said, but a careful
/// writer will want to see it.
///
/// **Several occurrences.** All are listed; `prefix` and `suffix` (W3C TextQuoteSelector
/// context: the text right before and after the quotation in the source, compared folded) pick
/// one: the occurrence whose preceding text ends with the longest part of `prefix` (read
/// backwards from the quotation) plus whose following text starts with the longest part of
/// `suffix`; among equals, an exact one, then the first. With no selector, the first exact
/// occurrence, else the first.
///
/// **Speed.** Folding a statement and searching it is linear (Knuth–Morris–Pratt); the word
/// alignment only runs on the few windows around rare shared words. Measured on a 100 KB
/// statement (release): `find` 1–3 ms for an exact or normalized quotation, 7–10 ms for a
/// misquoted or missing one, most of it folding the statement and cutting it into units; with
/// `QuoteMatcher.Index` (built once in 5–8 ms) 0.2–2 ms a quotation. 300 KB: at most 28 ms, or
/// 3 ms with an index. Use `Index` to check many quotations against one statement.
public enum QuoteMatcher {
  /// The `similarity` a passage must reach to be reported as misquoted rather than not found.
  ///
  /// 0.6: with one word in three changed a quotation still scores 0.67 (2 × 2 / 6); with half its
  /// words changed, 0.5, it is as much the writer's words as the statement's, and two changed
  /// words in a four-word quotation could match many sentences by chance. A quotation that drops
  /// words scores 2q / (q + p): up to about 2.3 source words per quoted word.
  public static let misquoteThreshold = 0.6

  /// Finds `quote` in `statement`. prefix/suffix: W3C TextQuoteSelector context that picks one
  /// of several occurrences (text right before / after it in the source, compared normalized;
  /// the occurrence whose surroundings end with prefix / start with suffix). See `QuoteMatcher`.
  public static func find(
    _ quote: String, in statement: Statement, prefix: String? = nil, suffix: String? = nil
  ) -> QuoteMatch {
    let folded = FoldedText(statement.normalized)
    return Search(statement: statement, folded: folded, prefix: prefix, suffix: suffix)
      .run(quote) { UnitIndex(statement, folded) }
  }

  /// A statement prepared for many quotations: its folded text and word units are built once
  /// (a few milliseconds for 100 KB in release), and each `find` then only searches.
  public struct Index: Sendable {
    public let statement: Statement
    let folded: FoldedText
    let units: UnitIndex

    public init(_ statement: Statement) {
      self.statement = statement
      folded = FoldedText(statement.normalized)
      units = UnitIndex(statement, folded)
    }

    /// The same as `QuoteMatcher.find(_:in:prefix:suffix:)` on the indexed statement.
    public func find(_ quote: String, prefix: String? = nil, suffix: String? = nil) -> QuoteMatch {
      Search(statement: statement, folded: folded, prefix: prefix, suffix: suffix)
        .run(quote) { units }
    }
  }
}

// MARK: - Folding

/// The character folding shared by the statement and the quotation, on top of `NormalizedText`.
enum QuoteFolding {
  static let space: UInt32 = 0x20
  static let quotationMark: UInt32 = 0x22

  /// One normalised scalar, folded: quotation marks to `"`, 、。 to , and ., dashes to -, wave
  /// dashes to ~.
  static func fold(_ value: UInt32) -> UInt32 {
    switch value {
    case 0x22, 0x27, 0x60, 0xAB, 0xBB, 0x2018...0x201F, 0x2039, 0x203A, 0x300C...0x300F,
      0x301D...0x301F, 0xFE41...0xFE44, 0xFF02, 0xFF07, 0xFF62, 0xFF63:
      return quotationMark
    case 0x3001, 0xFF64: return 0x2C
    case 0x3002, 0xFF61: return 0x2E
    case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
    case 0x301C, 0xFF5E, 0x223C: return 0x7E
    default: return value
    }
  }

  /// Ideographs, kana, CJK symbols and punctuation, full-width forms (not Hangul, which spaces
  /// words).
  static func isCJK(_ value: UInt32) -> Bool {
    switch value {
    case 0x2E80...0x2FDF, 0x3001...0x303F, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
      return true
    default: return false
    }
  }

  /// A letter, digit or combining mark of a script that spaces its words: a passage may not
  /// start or end between two of them.
  static func isWordScalar(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value)
        || (0x41...0x5A).contains(value)
    }
    if isCJK(value) { return false }
    guard let scalar = Unicode.Scalar(value) else { return false }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil
      || properties.generalCategory == .nonspacingMark
  }

  /// A letter or digit of any script: what makes a unit a word.
  static func isLetterOrDigit(_ value: UInt32) -> Bool {
    if value < 0x80 { return isWordScalar(value) }
    guard let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// The folded scalars of a normalised text, and for each its offset in the normalised text.
  /// A space next to a CJK scalar is dropped.
  static func fold(normalized text: String) -> (scalars: [UInt32], offsets: [Int32]) {
    let source = text.unicodeScalars.map(\.value)
    var scalars: [UInt32] = []
    var offsets: [Int32] = []
    scalars.reserveCapacity(source.count)
    offsets.reserveCapacity(source.count)
    source.withUnsafeBufferPointer { source in
      for k in source.indices {
        let value = source[k]
        if value == space
          && ((k > 0 && isCJK(source[k - 1])) || (k + 1 < source.count && isCJK(source[k + 1])))
        {
          continue
        }
        scalars.append(fold(value))
        offsets.append(Int32(truncatingIfNeeded: k))
      }
    }
    return (scalars, offsets)
  }

  /// The folded form of a short text (a quotation unit, a prefix), without surrounding spaces.
  static func key(_ text: String) -> [UInt32] {
    var scalars = fold(normalized: NormalizedText(text).text).scalars
    while scalars.last == space { scalars.removeLast() }
    if let first = scalars.firstIndex(where: { $0 != space }) {
      scalars.removeFirst(first)
    } else {
      scalars.removeAll()
    }
    return scalars
  }

  static func string(_ scalars: some Sequence<UInt32>) -> String {
    var view = String.UnicodeScalarView()
    for value in scalars { view.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
    return String(view)
  }
}

/// A statement's normalised text folded for matching, with the way back to the original.
struct FoldedText: Sendable {
  let normalized: NormalizedText
  let scalars: [UInt32]
  /// The offset in `normalized` of each folded scalar.
  let offsets: [Int32]

  init(_ normalized: NormalizedText) {
    self.normalized = normalized
    (scalars, offsets) = QuoteFolding.fold(normalized: normalized.text)
  }

  /// The original range of folded scalars `range` (not empty).
  func originalRange(_ range: Range<Int>) -> TextRange {
    normalized.originalRange(
      TextRange(Int(offsets[range.lowerBound]), Int(offsets[range.upperBound - 1]) + 1))
  }

  /// The original offset of the folded scalar at `position`.
  func originalOffset(_ position: Int) -> Int {
    normalized.originalOffset(Int(offsets[position]))
  }

  /// Starts of the occurrences of `pattern` that begin and end on word boundaries, in order and
  /// not overlapping (Knuth–Morris–Pratt, so linear even on repetitive text).
  func occurrences(of pattern: ArraySlice<UInt32>) -> [Int] {
    let pattern = Array(pattern)
    guard !pattern.isEmpty, pattern.count <= scalars.count else { return [] }
    var failure = [Int](repeating: 0, count: pattern.count)
    var k = 0
    for i in 1..<pattern.count {
      while k > 0 && pattern[i] != pattern[k] { k = failure[k - 1] }
      if pattern[i] == pattern[k] { k += 1 }
      failure[i] = k
    }
    var starts: [Int] = []
    var nextFree = 0
    scalars.withUnsafeBufferPointer { text in
      var matched = 0
      for i in text.indices {
        while matched > 0 && text[i] != pattern[matched] { matched = failure[matched - 1] }
        if text[i] == pattern[matched] { matched += 1 }
        guard matched == pattern.count else { continue }
        let start = i + 1 - pattern.count
        matched = failure[matched - 1]
        if start >= nextFree && isBoundary(text, start) && isBoundary(text, i + 1) {
          starts.append(start)
          nextFree = i + 1
        }
      }
    }
    return starts
  }

  /// Whether a passage may start or end at `position`: not between two word scalars.
  private func isBoundary(_ text: UnsafeBufferPointer<UInt32>, _ position: Int) -> Bool {
    position == 0 || position == text.count
      || !(QuoteFolding.isWordScalar(text[position - 1])
        && QuoteFolding.isWordScalar(text[position]))
  }
}

// MARK: - The quotation

/// A quotation prepared for matching.
struct PreparedQuote {
  /// The quotation without surrounding whitespace.
  let text: String
  /// Its folded form.
  let key: [UInt32]
  /// Ranges of `key` between ellipses (trimmed, not empty); nil when it has no ellipsis.
  let segments: [Range<Int>]?
  /// `text` with its ellipses blanked out, for word units.
  let textWithoutEllipses: String

  init(_ text: String) {
    self.text = text
    let normalized = NormalizedText(text)
    let (scalars, offsets) = QuoteFolding.fold(normalized: normalized.text)
    key = scalars
    let ellipses = Self.ellipses(in: scalars)
    guard !ellipses.isEmpty else {
      segments = nil
      textWithoutEllipses = text
      return
    }
    var segments: [Range<Int>] = []
    var start = 0
    for ellipsis in ellipses + [scalars.count..<scalars.count] {
      var lower = start
      var upper = ellipsis.lowerBound
      while lower < upper && scalars[lower] == QuoteFolding.space { lower += 1 }
      while upper > lower && scalars[upper - 1] == QuoteFolding.space { upper -= 1 }
      if lower < upper { segments.append(lower..<upper) }
      start = ellipsis.upperBound
    }
    self.segments = segments
    // Blank the ellipses out of the original text for the word units.
    var blanked = String.UnicodeScalarView()
    var originalScalars = Array(text.unicodeScalars)
    for ellipsis in ellipses {
      let range = normalized.originalRange(
        TextRange(Int(offsets[ellipsis.lowerBound]), Int(offsets[ellipsis.upperBound - 1]) + 1))
      for offset in range.start..<min(range.end, originalScalars.count) {
        originalScalars[offset] = " "
      }
    }
    blanked.append(contentsOf: originalScalars)
    textWithoutEllipses = String(blanked)
  }

  /// The folded ranges of the ellipses: two or more full stops in a row ("..", "...", "…" which
  /// NFKC makes "..."), three or more spaced ones (". . ."), "⋯", two or more "・"; with the
  /// brackets around them ("[…]", "(...)").
  static func ellipses(in key: [UInt32]) -> [Range<Int>] {
    let dot: UInt32 = 0x2E
    let middleDot: UInt32 = 0x30FB
    var found: [Range<Int>] = []
    var position = 0
    while position < key.count {
      let value = key[position]
      var end = position
      var isEllipsis = false
      if value == dot {
        var dots = 0
        var spaced = false
        while end < key.count {
          if key[end] == dot {
            dots += 1
            end += 1
          } else if key[end] == QuoteFolding.space && end + 1 < key.count && key[end + 1] == dot {
            spaced = true
            end += 1
          } else {
            break
          }
        }
        isEllipsis = spaced ? dots >= 3 : dots >= 2
        if spaced && !isEllipsis { end = position + 1 }
      } else if value == middleDot || value == 0x22EF || value == 0x2026 {
        while end < key.count && key[end] == value { end += 1 }
        isEllipsis = value != middleDot || end - position >= 2
      } else {
        end = position + 1
      }
      if isEllipsis {
        var lower = position
        var upper = end
        if lower > 0 && upper < key.count && [0x5B, 0x28].contains(key[lower - 1])
          && [0x5D, 0x29].contains(key[upper])
        {
          lower -= 1
          upper += 1
        }
        found.append(lower..<upper)
      }
      position = max(end, position + 1)
    }
    return found
  }
}

// MARK: - Word units

/// The statement as word units (`WordDiff`'s units: its tokens and the punctuation between
/// them), folded, with an inverted index of the words.
struct UnitIndex: Sendable {
  /// Unit ids: equal folded texts, equal ids.
  private(set) var ids: [Int32] = []
  private(set) var isWord: [Bool] = []
  /// Original ranges.
  private(set) var ranges: [TextRange] = []
  /// Folded text to id.
  private(set) var dictionary: [String: Int32] = [:]
  /// Positions of each word id: `postings[postingStarts[id]..<postingStarts[id + 1]]`.
  private var postingStarts: [Int32] = []
  private var postings: [Int32] = []

  init(_ statement: Statement, _ folded: FoldedText) {
    let scalars = folded.scalars
    let count = scalars.count
    var position = 0
    var original = count > 0 ? folded.originalOffset(0) : 0
    func advance() {
      position += 1
      original = position < count ? folded.originalOffset(position) : Int.max
    }
    func punctuation() {
      if scalars[position] != QuoteFolding.space {
        add(
          QuoteFolding.string(CollectionOfOne(scalars[position])), word: false,
          range: folded.originalRange(position..<(position + 1)))
      }
      advance()
    }
    for token in statement.segmentation.tokens {
      while position < count && original < token.range.start { punctuation() }
      let start = position
      while position < count && original < token.range.end { advance() }
      if position > start {
        add(QuoteFolding.string(scalars[start..<position]), word: true, range: token.range)
      }
    }
    while position < count { punctuation() }
    buildPostings()
  }

  private mutating func add(_ text: String, word: Bool, range: TextRange) {
    let id: Int32
    if let known = dictionary[text] {
      id = known
    } else {
      id = Int32(dictionary.count)
      dictionary[text] = id
    }
    ids.append(id)
    isWord.append(word)
    ranges.append(range)
  }

  private mutating func buildPostings() {
    var counts = [Int32](repeating: 0, count: dictionary.count + 1)
    for (unit, id) in ids.enumerated() where isWord[unit] { counts[Int(id) + 1] += 1 }
    for id in 0..<dictionary.count { counts[id + 1] += counts[id] }
    postingStarts = counts
    postings = [Int32](repeating: 0, count: Int(counts[dictionary.count]))
    var next = counts
    for (unit, id) in ids.enumerated() where isWord[unit] {
      postings[Int(next[Int(id)])] = Int32(unit)
      next[Int(id)] += 1
    }
  }

  func frequency(_ id: Int32) -> Int {
    guard id >= 0 else { return 0 }
    return Int(postingStarts[Int(id) + 1] - postingStarts[Int(id)])
  }

  func positions(_ id: Int32) -> ArraySlice<Int32> {
    guard id >= 0 else { return [] }
    return postings[Int(postingStarts[Int(id)])..<Int(postingStarts[Int(id) + 1])]
  }
}

// MARK: - Search

/// One quotation against one statement.
struct Search {
  let statement: Statement
  let folded: FoldedText
  let prefix: [UInt32]
  let suffix: [UInt32]

  init(statement: Statement, folded: FoldedText, prefix: String?, suffix: String?) {
    self.statement = statement
    self.folded = folded
    self.prefix = prefix.map(QuoteFolding.key) ?? []
    self.suffix = suffix.map(QuoteFolding.key) ?? []
  }

  /// A place the quotation occurs: folded range, original range, elided original ranges.
  struct Occurrence {
    var folded: Range<Int>
    var range: TextRange
    var elisions: [TextRange] = []
  }

  func run(_ quote: String, units: () -> UnitIndex) -> QuoteMatch {
    let trimmed = quote.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return QuoteMatch(kind: .notFound, quote: quote) }
    let prepared = PreparedQuote(trimmed)
    var found = folded.occurrences(of: prepared.key[...]).map {
      Occurrence(
        folded: $0..<($0 + prepared.key.count),
        range: folded.originalRange($0..<($0 + prepared.key.count)))
    }
    if found.isEmpty, let segments = prepared.segments, !segments.isEmpty {
      found = elided(prepared.key, segments)
    }
    if !found.isEmpty { return textMatch(quote, prepared, found) }
    return wordMatch(quote, prepared, units())
  }

  /// Occurrences of the segments between ellipses, in order, each gap inside one paragraph:
  /// for each occurrence of the first segment, the earliest of each next one.
  private func elided(_ key: [UInt32], _ segments: [Range<Int>]) -> [Occurrence] {
    let starts = segments.map { folded.occurrences(of: key[$0]) }
    var result: [Occurrence] = []
    var nextFree = 0
    for first in starts[0] where first >= nextFree {
      var end = first + segments[0].count
      var elisions: [TextRange] = []
      var complete = true
      for k in 1..<segments.count {
        let candidates = starts[k]
        var low = 0
        var high = candidates.count
        while low < high {
          let middle = (low + high) / 2
          if candidates[middle] < end { low = middle + 1 } else { high = middle }
        }
        guard low < candidates.count else {
          complete = false
          break
        }
        let start = candidates[low]
        let gapStart = folded.originalRange((end - 1)..<end).end
        let gapEnd = folded.originalOffset(start)
        guard paragraph(of: gapStart - 1) == paragraph(of: gapEnd) else {
          complete = false
          break
        }
        elisions.append(trimmedRange(gapStart, gapEnd))
        end = start + segments[k].count
      }
      guard complete else { continue }
      result.append(
        Occurrence(
          folded: first..<end, range: folded.originalRange(first..<end), elisions: elisions)
      )
      nextFree = end
    }
    return result
  }

  /// The index of the paragraph an original offset is in (or that it follows).
  private func paragraph(of offset: Int) -> Int {
    let paragraphs = statement.segmentation.paragraphs
    var low = 0
    var high = paragraphs.count
    while low < high {
      let middle = (low + high) / 2
      if paragraphs[middle].start <= offset { low = middle + 1 } else { high = middle }
    }
    return low - 1
  }

  /// `start..<end` of the original text without the whitespace at either end.
  private func trimmedRange(_ start: Int, _ end: Int) -> TextRange {
    let text = statement.text(of: TextRange(start, end)).unicodeScalars
    let leading = text.prefix { $0.properties.isWhitespace }.count
    let trailing = text.reversed().prefix { $0.properties.isWhitespace }.count
    if leading == text.count { return TextRange(start, start) }
    return TextRange(start + leading, end - trailing)
  }

  /// An exact or normalized match from its occurrences.
  private func textMatch(_ quote: String, _ prepared: PreparedQuote, _ found: [Occurrence])
    -> QuoteMatch
  {
    let exact = found.map {
      statement.text(of: $0.range).unicodeScalars.elementsEqual(prepared.text.unicodeScalars)
    }
    var chosen = exact.firstIndex(of: true) ?? 0
    if !prefix.isEmpty || !suffix.isEmpty {
      var best = -1
      for (index, occurrence) in found.enumerated() {
        let score = contextScore(occurrence.folded)
        if score > best || (score == best && exact[index] && !exact[chosen]) {
          best = score
          chosen = index
        }
      }
    }
    let occurrence = found[chosen]
    var match = located(quote, occurrence.range)
    match.kind = exact[chosen] ? .exact : .normalized
    match.similarity = 1
    match.occurrences = found.map(\.range)
    match.elisions = occurrence.elisions
    return match
  }

  /// How much of the prefix the folded text before `range` ends with, plus how much of the
  /// suffix the text after it starts with, in scalars.
  private func contextScore(_ range: Range<Int>) -> Int {
    let text = folded.scalars
    var score = 0
    var position = range.lowerBound
    while position > 0 && text[position - 1] == QuoteFolding.space { position -= 1 }
    var k = prefix.count
    while k > 0 && position > 0 && text[position - 1] == prefix[k - 1] {
      score += 1
      position -= 1
      k -= 1
    }
    position = range.upperBound
    while position < text.count && text[position] == QuoteFolding.space { position += 1 }
    k = 0
    while k < suffix.count && position < text.count && text[position] == suffix[k] {
      score += 1
      position += 1
      k += 1
    }
    return score
  }

  /// A match at `range` with its text, sentences and paragraphs; kind to be set.
  private func located(_ quote: String, _ range: TextRange) -> QuoteMatch {
    let segmentation = statement.segmentation
    return QuoteMatch(
      kind: .notFound, quote: quote, range: range, sourceText: String(statement.text(of: range)),
      sentences: Self.overlapping(range, segmentation.sentences.map(\.range)),
      paragraphs: Self.overlapping(range, segmentation.paragraphs))
  }

  /// Indices of the sorted, disjoint `ranges` that overlap `range`.
  static func overlapping(_ range: TextRange, _ ranges: [TextRange]) -> [Int] {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].end <= range.start { low = middle + 1 } else { high = middle }
    }
    var result: [Int] = []
    while low < ranges.count && ranges[low].start < range.end {
      if ranges[low].overlaps(range) { result.append(low) }
      low += 1
    }
    return result
  }

  // MARK: Word alignment

  /// The quotation's units, folded and identified with the statement's.
  struct QuoteUnits {
    var ids: [Int32] = []
    var isWord: [Bool] = []
    var words: Int { isWord.lazy.filter { $0 }.count }
  }

  /// Alignment weights: a shared word, a shared punctuation unit, and the cost of leaving a
  /// word or a punctuation unit of either text unmatched.
  static let wordMatch: Int32 = 4
  static let punctuationMatch: Int32 = 2
  static let wordSkip: Int32 = 2
  static let punctuationSkip: Int32 = 1
  /// Seed positions taken from the quotation's rarest words (beyond the three rarest).
  static let seedBudget = 4000
  /// Candidate windows aligned at most.
  static let windowLimit = 64

  /// The best alignment found: its score, and the matched (quote unit, statement unit) pairs.
  struct Alignment {
    var score: Int32
    var start: Int
    var pairs: [(Int, Int)]
  }

  private func wordMatch(_ quote: String, _ prepared: PreparedQuote, _ units: UnitIndex)
    -> QuoteMatch
  {
    var quoteUnits = QuoteUnits()
    var unknown: Int32 = -1
    for unit in WordDiff.units(of: prepared.textWithoutEllipses, language: statement.language) {
      let key = QuoteFolding.key(unit)
      guard !key.isEmpty else { continue }
      if let id = units.dictionary[QuoteFolding.string(key)] {
        quoteUnits.ids.append(id)
      } else {
        quoteUnits.ids.append(unknown)
        unknown -= 1
      }
      quoteUnits.isWord.append(key.contains(where: QuoteFolding.isLetterOrDigit))
    }
    let quoteWords = quoteUnits.words
    guard quoteWords > 0, let best = align(quoteUnits, units) else {
      return QuoteMatch(kind: .notFound, quote: quote)
    }
    // Dice on words of a set of aligned pairs, and its passage's first and last unit.
    func score(_ pairs: [(Int, Int)]) -> (similarity: Double, first: Int, last: Int) {
      let first = pairs.first!.1
      let last = pairs.last!.1
      let matched = pairs.lazy.filter { quoteUnits.isWord[$0.0] }.count
      // Words the quotation has before its first or after its last shared unit stand for as
      // many source words there, which the tight passage leaves out: count them on both sides.
      let ends =
        quoteUnits.isWord[..<pairs.first!.0].lazy.filter { $0 }.count
        + quoteUnits.isWord[(pairs.last!.0 + 1)...].lazy.filter { $0 }.count
      let passageWords = units.isWord[first...last].lazy.filter { $0 }.count + ends
      return (Double(2 * matched) / Double(quoteWords + passageWords), first, last)
    }
    var (similarity, first, last) = score(best.pairs)
    guard similarity >= QuoteMatcher.misquoteThreshold else {
      return QuoteMatch(kind: .notFound, quote: quote, similarity: similarity)
    }
    var chosen = best.pairs
    let anchoredPairs = anchored(best.pairs, quoteUnits, units)
    let anchored = score(anchoredPairs)
    if anchored.similarity >= QuoteMatcher.misquoteThreshold {
      (similarity, first, last) = anchored
      chosen = anchoredPairs
    }
    // Words the quotation has beyond its first or last shared unit replace the source's words
    // there ("at once" → "immediately"): take those into the passage, up to the nearest
    // punctuation in the same sentence, so the difference shows what was replaced.
    let leading = quoteUnits.isWord[..<chosen[0].0].lazy.filter { $0 }.count
    let trailing = quoteUnits.isWord[(chosen[chosen.count - 1].0 + 1)...].lazy.filter { $0 }.count
    first = extended(first, by: leading, step: -1, units)
    last = extended(last, by: trailing, step: 1, units)
    let range = TextRange(units.ranges[first].start, units.ranges[last].end)
    var match = located(quote, range)
    let pieces = Self.folded(
      WordDiff.diff(match.sourceText ?? "", prepared.text, language: statement.language))
    let changes = pieces.filter { if case .same = $0 { false } else { true } }
    let wordsChanged = changes.contains {
      $0.text.unicodeScalars.contains { QuoteFolding.isLetterOrDigit($0.value) }
    }
    if wordsChanged {
      match.kind = .misquote
      match.similarity = similarity
    } else {
      match.kind = .normalized
      match.similarity = 1
      match.occurrences = [range]
    }
    match.differences = changes.isEmpty ? [] : pieces
    return match
  }

  /// `unit` moved over the words of the source that `words` unmatched words of the quotation
  /// stand for, in direction `step`, within its sentence; `unit` itself when `words` is 0.
  private func extended(_ unit: Int, by words: Int, step: Int, _ units: UnitIndex) -> Int {
    guard words > 0 else { return unit }
    let sentences = statement.segmentation.sentences
    guard
      let bounds = Self.overlapping(units.ranges[unit], sentences.map(\.range)).first.map({
        sentences[$0].range
      })
    else { return unit }
    // The words up to the nearest punctuation (or the sentence's end).
    var clause: [Int] = []
    var next = unit + step
    while clause.count <= words * 3 + 2 && next >= 0 && next < units.ids.count
      && units.isWord[next] && units.ranges[next].start >= bounds.start
      && units.ranges[next].end <= bounds.end
    {
      clause.append(next)
      next += step
    }
    // The whole clause when it is short, else as many words as the quotation has there.
    let take = clause.count <= words * 3 + 2 ? clause.count : words
    return take > 0 ? clause[take - 1] : unit
  }

  /// The alignment with its ends anchored: when the quotation's first (last) word is not
  /// aligned but occurs earlier (later) in the same sentence as the passage, the units before
  /// (after) the alignment are matched there too, nearest first. A writer who leaves out a
  /// clause without an ellipsis ("We know who they are, and they will answer" for "We know who
  /// they are, our partners know who they are, and they will answer") usually keeps the ends of
  /// the quotation; the alignment alone, which finds leaving one word unmatched cheaper than
  /// skipping a clause, would present the first word as added and hide the dropped clause.
  private func anchored(_ pairs: [(Int, Int)], _ quote: QuoteUnits, _ units: UnitIndex)
    -> [(Int, Int)]
  {
    let sentences = statement.segmentation.sentences
    func sentence(of unit: Int) -> TextRange? {
      let range = units.ranges[unit]
      return Self.overlapping(range, sentences.map(\.range)).first.map { sentences[$0].range }
    }
    var result = pairs
    // Leading units.
    let firstQuote = pairs[0].0
    if let firstWord = quote.isWord[..<firstQuote].firstIndex(of: true),
      let bounds = sentence(of: pairs[0].1)
    {
      var added: [(Int, Int)] = []
      var k = firstQuote - 1
      var position = pairs[0].1 - 1
      while k >= firstWord && position >= 0 && units.ranges[position].start >= bounds.start {
        if units.ids[position] == quote.ids[k] {
          added.append((k, position))
          k -= 1
        }
        position -= 1
      }
      if added.last?.0 == firstWord { result.insert(contentsOf: added.reversed(), at: 0) }
    }
    // Trailing units.
    let lastQuote = pairs[pairs.count - 1].0
    if let lastWord = quote.isWord[(lastQuote + 1)...].lastIndex(of: true),
      let bounds = sentence(of: pairs[pairs.count - 1].1)
    {
      var added: [(Int, Int)] = []
      var k = lastQuote + 1
      var position = pairs[pairs.count - 1].1 + 1
      while k <= lastWord && position < units.ids.count
        && units.ranges[position].end <= bounds.end
      {
        if units.ids[position] == quote.ids[k] {
          added.append((k, position))
          k += 1
        }
        position += 1
      }
      if added.last?.0 == lastWord { result.append(contentsOf: added) }
    }
    return result
  }

  /// `WordDiff` pieces with each removal–addition pair that folds to the same text (case,
  /// width, quotation-mark style) turned into one `.same` piece spelled as in the quotation, and
  /// adjacent `.same` pieces joined.
  static func folded(_ pieces: [WordDiff.Piece]) -> [WordDiff.Piece] {
    func key(_ text: String) -> [UInt32] {
      QuoteFolding.key(text).filter { $0 != QuoteFolding.space }
    }
    var result: [WordDiff.Piece] = []
    func append(_ piece: WordDiff.Piece) {
      if case .same(let text) = piece, case .same(let previous) = result.last {
        result[result.count - 1] = .same(previous + text)
      } else {
        result.append(piece)
      }
    }
    var index = 0
    while index < pieces.count {
      if case .removed(let old) = pieces[index], index + 1 < pieces.count,
        case .added(let new) = pieces[index + 1], key(old) == key(new)
      {
        append(.same(new))
        index += 2
        continue
      }
      append(pieces[index])
      index += 1
    }
    return result
  }

  /// The best passage for the quotation: windows around the positions of its rarest words,
  /// aligned best-bound first.
  private func align(_ quote: QuoteUnits, _ units: UnitIndex) -> Alignment? {
    let m = quote.ids.count
    let unitCount = units.ids.count
    guard m > 0, unitCount > 0 else { return nil }
    // Seeds: the rarest words the statement has.
    var quotePositions: [Int32: [Int]] = [:]
    for (i, id) in quote.ids.enumerated() where id >= 0 && quote.isWord[i] {
      quotePositions[id, default: []].append(i)
    }
    let rarest = quotePositions.keys.filter { units.frequency($0) > 0 }.sorted {
      (units.frequency($0), $0) < (units.frequency($1), $1)
    }
    var diagonals: [Int] = []
    var taken = 0
    for id in rarest {
      let frequency = units.frequency(id)
      guard taken < 3 || diagonals.count + frequency <= Self.seedBudget else { break }
      taken += 1
      for i in quotePositions[id]! {
        for position in units.positions(id) { diagonals.append(Int(position) - i) }
      }
    }
    guard !diagonals.isEmpty else { return nil }
    diagonals.sort()
    // Windows: diagonals at most `m` apart grouped, widened by a slack for dropped words.
    let slack = m + 8
    var windows: [Range<Int>] = []
    var groupStart = diagonals[0]
    var groupEnd = diagonals[0]
    func close() {
      let lower = max(0, groupStart - slack)
      let upper = min(unitCount, groupEnd + m + slack)
      if lower < upper { windows.append(lower..<upper) }
    }
    for diagonal in diagonals.dropFirst() {
      if diagonal - groupStart > m {
        close()
        groupStart = diagonal
      }
      groupEnd = diagonal
    }
    close()
    // Bounds: the most units each window could share with the quotation.
    var quoteCounts: [Int32: (index: Int, count: Int, word: Bool)] = [:]
    for (i, id) in quote.ids.enumerated() where id >= 0 {
      let entry = quoteCounts[id]
      quoteCounts[id] = (
        entry?.index ?? quoteCounts.count, (entry?.count ?? 0) + 1, quote.isWord[i]
      )
    }
    let quoteWords = quote.words
    let quotePunctuation = m - quoteWords
    var candidates: [(bound: Int32, window: Range<Int>)] = []
    var seen = [Int](repeating: 0, count: quoteCounts.count)
    for window in windows {
      for k in seen.indices { seen[k] = 0 }
      for position in window {
        if let entry = quoteCounts[units.ids[position]] { seen[entry.index] += 1 }
      }
      var words = 0
      var punctuation = 0
      for entry in quoteCounts.values {
        let shared = min(entry.count, seen[entry.index])
        if entry.word { words += shared } else { punctuation += shared }
      }
      let dice = Double(2 * words) / Double(quoteWords + words)
      guard words > 0, dice >= QuoteMatcher.misquoteThreshold else { continue }
      let bound =
        Int32(words) * Self.wordMatch + Int32(punctuation) * Self.punctuationMatch
        - Int32(quoteWords - words) * Self.wordSkip
        - Int32(quotePunctuation - punctuation) * Self.punctuationSkip
      candidates.append((bound, window))
    }
    candidates.sort { ($0.bound, -$0.window.lowerBound) > ($1.bound, -$1.window.lowerBound) }
    var best: Alignment?
    for candidate in candidates.prefix(Self.windowLimit) {
      if let best, candidate.bound < best.score { break }
      guard let found = align(quote, units, candidate.window) else { continue }
      if let current = best,
        found.score < current.score
          || (found.score == current.score && found.start >= current.start)
      {
        continue
      }
      best = found
    }
    return best
  }

  /// Semi-global alignment of the whole quotation against any passage of `window`.
  private func align(_ quote: QuoteUnits, _ units: UnitIndex, _ window: Range<Int>) -> Alignment? {
    let m = quote.ids.count
    let w = window.count
    guard m > 0, w > 0 else { return nil }
    let columns = w + 1
    // Directions: 0 start, 1 diagonal (match), 2 up (quote unit unmatched), 3 left (source).
    var directions = [UInt8](repeating: 0, count: (m + 1) * columns)
    var previous = [Int32](repeating: 0, count: columns)
    var current = previous
    for i in 1...m {
      let id = quote.ids[i - 1]
      let skipQuote = quote.isWord[i - 1] ? Self.wordSkip : Self.punctuationSkip
      let gain = quote.isWord[i - 1] ? Self.wordMatch : Self.punctuationMatch
      current[0] = previous[0] - skipQuote
      directions[i * columns] = 2
      for j in 1...w {
        let unit = window.lowerBound + j - 1
        var value = previous[j] - skipQuote
        var direction: UInt8 = 2
        let skipSource = units.isWord[unit] ? Self.wordSkip : Self.punctuationSkip
        if current[j - 1] - skipSource > value {
          value = current[j - 1] - skipSource
          direction = 3
        }
        if units.ids[unit] == id && previous[j - 1] + gain >= value {
          value = previous[j - 1] + gain
          direction = 1
        }
        current[j] = value
        directions[i * columns + j] = direction
      }
      swap(&previous, &current)
    }
    // `previous` is the last row: the best end, the earliest among equals.
    var end = 0
    for j in 0...w where previous[j] > previous[end] { end = j }
    var pairs: [(Int, Int)] = []
    var i = m
    var j = end
    while i > 0 {
      switch directions[i * columns + j] {
      case 1:
        pairs.append((i - 1, window.lowerBound + j - 1))
        i -= 1
        j -= 1
      case 3: j -= 1
      default: i -= 1
      }
    }
    guard !pairs.isEmpty else { return nil }
    pairs.reverse()
    return Alignment(score: previous[end], start: pairs[0].1, pairs: pairs)
  }
}
