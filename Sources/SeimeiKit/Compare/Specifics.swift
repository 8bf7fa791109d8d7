import Dispatch
import Foundation
import SeimeiData

/// How specific a statement is: the actors it names, the figures it gives, the dates it names and
/// the measures it announces, each with where it stands. This is the "actors and specifics" part
/// of `compare`; the shell renders it.
///
/// - **Actors** come from `ActorExtractor`, sentence by sentence, merged by their key (the
///   gazetteer's canonical name if any, else the name as written, compared by `Gazetteer.key`:
///   case, width and NFKC insensitive), so 中華人民共和国 and China are one actor in any language.
///   Each keeps the name it was first written with and the sentences that name it.
/// - **Figures**, **dates** and **measures** are found by `SpecificsScanner` and `MeasureList`
///   (see there for the rules) on the statement's normalised text, and reported with their
///   original text and range. A figure or date whose number lies inside an actor's name ("Unit
///   4471", "Five Eyes") and a measure inside one ("Office of Foreign Assets Control") are not
///   counted.
///
/// The **specificity** is the number of specifics per 1,000 characters: every actor once, every
/// mention of a figure, a date or a measure once each, divided by `Statement.characterCount`
/// (line breaks not counted) and multiplied by 1,000. It measures density, not length: a short
/// note with two dates and an indictment is more specific than a long one with none.
/// A Japanese character says about what 2.75 English ones do, so the raw score flatters Japanese
/// statements; `perThousandEnglishCharacters` divides by the length in English characters
/// instead, and is the one to compare across languages.
public struct Specifics: Sendable, Equatable, Codable {
  /// A named actor and where it is named.
  public struct NamedActor: Sendable, Equatable, Codable {
    /// The name as first written (`Actor.name`).
    public var name: String
    /// The gazetteer's canonical name, when the actor is in the gazetteer.
    public var canonical: String?
    /// The 0-based sentences that name it, ascending, each once.
    public var sentences: [Int]

    public init(name: String, canonical: String? = nil, sentences: [Int]) {
      self.name = name
      self.canonical = canonical
      self.sentences = sentences
    }

    /// The key used to align actors across statements and languages: the canonical name if
    /// any, else the name.
    public var key: String { canonical ?? name }
  }

  /// A number the statement gives: an amount, a count, a percentage or a bare number.
  public struct Figure: Sendable, Equatable, Codable {
    /// What the number measures.
    public enum Kind: String, Sendable, Codable {
      /// Money: a currency symbol, code or word goes with it ("$5 million", "48 million
      /// crowns", "4,260億円").
      case amount
      /// A number of things: a unit noun or a counter goes with it ("57 tactics", "four
      /// officers", "72 hours", "14団体", "5か国").
      case count
      /// A share: "30%", "7.3 per cent", "3割" (30).
      case percentage
      /// A number with nothing to say what it counts.
      case number
    }

    /// The figure as written in the original text, with its unit: "48 million crowns",
    /// "57 tactics", "14団体", "four officers".
    public var text: String
    public var kind: Kind
    /// The value, scale words applied (48,000,000 for "48 million crowns"; 30 for "3割").
    public var value: Double?
    /// The 0-based sentence it is in.
    public var sentence: Int
    /// Where it stands in the original text (Unicode-scalar offsets).
    public var range: TextRange

    public init(text: String, kind: Kind, value: Double?, sentence: Int, range: TextRange) {
      self.text = text
      self.kind = kind
      self.value = value
      self.sentence = sentence
      self.range = range
    }
  }

  /// A date the statement names.
  public struct DateMention: Sendable, Equatable, Codable {
    /// The date as written: "14 October", "March 2023", "2025年10月14日", "10月14日".
    public var text: String
    /// The date in ISO 8601 form, as far as the text gives it: "2025-10-14", "2023-03",
    /// "2023"; without a year "--10-14" or "--10" (a month); nil for a date relative to one the
    /// text does not give ("January this year", "14日").
    public var iso: String?
    public var sentence: Int
    public var range: TextRange

    public init(text: String, iso: String?, sentence: Int, range: TextRange) {
      self.text = text
      self.iso = iso
      self.sentence = sentence
      self.range = range
    }
  }

  /// A measure the statement names (measures.tsv).
  public struct Measure: Sendable, Equatable, Codable {
    /// The kind from measures.tsv: "indictment", "sanctions", "advisory" ….
    public var kind: String
    /// The words as written ("criminal charges", "assets in Arvenna are frozen", "輸出管理").
    public var text: String
    public var sentence: Int
    public var range: TextRange

    public init(kind: String, text: String, sentence: Int, range: TextRange) {
      self.kind = kind
      self.text = text
      self.sentence = sentence
      self.range = range
    }
  }

  /// The named actors in order of first mention.
  public var actors: [NamedActor]
  /// The figures in text order.
  public var figures: [Figure]
  /// The dates in text order.
  public var dates: [DateMention]
  /// The measures in text order.
  public var measures: [Measure]
  /// The statement's length in user-perceived characters, line breaks not counted
  /// (`Statement.characterCount`): the denominator of `perThousandCharacters`.
  public var characters: Int
  /// The statement's language, for `englishCharacters`.
  public var language: Language

  public init(
    actors: [NamedActor] = [], figures: [Figure] = [], dates: [DateMention] = [],
    measures: [Measure] = [], characters: Int, language: Language = .en
  ) {
    self.actors = actors
    self.figures = figures
    self.dates = dates
    self.measures = measures
    self.characters = characters
    self.language = language
  }

  /// Actors + figures + dates + measures: each actor once however often it is named, each
  /// mention of a figure, date or measure once.
  public var total: Int { actors.count + figures.count + dates.count + measures.count }

  /// `total` per 1,000 characters of the statement; 0 for an empty statement.
  public var perThousandCharacters: Double {
    characters > 0 ? Double(total) * 1000 / Double(characters) : 0
  }

  /// The statement's length in English characters: Japanese characters × 2.75
  /// (`Comparison.estimatedCharacters`, the rate measured on the project's parallel sample);
  /// the characters themselves in other languages (there is no measured rate for Chinese).
  public var englishCharacters: Int {
    Comparison.estimatedCharacters(characters, from: language, to: .en) ?? characters
  }

  /// `total` per 1,000 English characters (`englishCharacters`): the specificity to compare
  /// statements in different languages by; the same as `perThousandCharacters` in English.
  public var perThousandEnglishCharacters: Double {
    englishCharacters > 0 ? Double(total) * 1000 / Double(englishCharacters) : 0
  }

  /// The specifics of a statement. Sentences are independent, so actors are found on every
  /// core; the result does not depend on the order in which they finish.
  public static func of(
    _ statement: Statement, gazetteer: Gazetteer = .standard, measures: MeasureList = .standard
  ) -> Specifics {
    let perSentence = actorsBySentence(statement, gazetteer: gazetteer)
    // Sentences are in text order and a sentence's actors too: the ranges come out sorted.
    let actorRanges = perSentence.flatMap { $0.map(\.range) }
    let exclusions = RangeSet(actorRanges)
    let locator = SentenceLocator(statement)

    var scanner = SpecificsScanner(statement)
    scanner.scan()
    let normalized = statement.normalized
    func original(_ start: Int, _ end: Int) -> TextRange {
      normalized.originalRange(TextRange(start, end))
    }

    var figures: [Figure] = []
    for found in scanner.figures {
      let range = original(found.start, found.end)
      // A number inside a name is not a figure; a currency code before it may be one ("US").
      if exclusions.overlaps(original(found.numberStart, found.end)) { continue }
      figures.append(
        Figure(
          text: String(statement.text(of: range)), kind: found.kind, value: found.value,
          sentence: locator.sentence(at: range.start), range: range))
    }
    var dates: [DateMention] = []
    for found in scanner.dates {
      let range = original(found.start, found.end)
      if exclusions.overlaps(range) { continue }
      dates.append(
        DateMention(
          text: String(statement.text(of: range)), iso: found.iso,
          sentence: locator.sentence(at: range.start), range: range))
    }
    var named: [Measure] = []
    for found in measures.matches(in: statement, scalars: scanner.scalars, skip: scanner.url) {
      let range = original(found.range.lowerBound, found.range.upperBound)
      if exclusions.contains(range) { continue }
      named.append(
        Measure(
          kind: found.kind, text: String(statement.text(of: range)),
          sentence: locator.sentence(at: range.start), range: range))
    }
    return Specifics(
      actors: mergeActors(perSentence), figures: figures, dates: dates, measures: named,
      characters: statement.characterCount, language: statement.language)
  }

  /// The actors of every sentence, found concurrently, by sentence.
  static func actorsBySentence(_ statement: Statement, gazetteer: Gazetteer) -> [[Actor]] {
    let count = statement.segmentation.sentences.count
    if count < 2 {
      return (0..<count).map {
        ActorExtractor.actors(in: statement, sentence: $0, gazetteer: gazetteer)
      }
    }
    let slots = Slots<[Actor]>(count: count, empty: [])
    DispatchQueue.concurrentPerform(iterations: count) { sentence in
      slots.set(
        ActorExtractor.actors(in: statement, sentence: sentence, gazetteer: gazetteer),
        at: sentence)
    }
    return slots.values
  }

  /// One entry per actor key, in order of first mention, with the first-written name.
  static func mergeActors(_ perSentence: [[Actor]]) -> [NamedActor] {
    var position: [String: Int] = [:]
    var merged: [NamedActor] = []
    for (sentence, actors) in perSentence.enumerated() {
      for actor in actors {
        let key = Gazetteer.key(actor.canonical ?? actor.name)
        if let index = position[key] {
          if merged[index].sentences.last != sentence { merged[index].sentences.append(sentence) }
        } else {
          position[key] = merged.count
          merged.append(
            NamedActor(name: actor.name, canonical: actor.canonical, sentences: [sentence]))
        }
      }
    }
    return merged
  }
}

/// Results written by several threads, by position.
private final class Slots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Value]

  init(count: Int, empty: Value) { storage = Array(repeating: empty, count: count) }

  func set(_ value: Value, at position: Int) { lock.withLock { storage[position] = value } }

  var values: [Value] { lock.withLock { storage } }
}

/// Sorted, possibly overlapping ranges, asked whether a range overlaps or lies inside one.
private struct RangeSet {
  let ranges: [TextRange]
  /// `reach[k]`: the largest end among ranges 0...k, so a search can stop early.
  let reach: [Int]

  init(_ ranges: [TextRange]) {
    self.ranges = ranges.sorted()
    var reach: [Int] = []
    reach.reserveCapacity(ranges.count)
    var largest = Int.min
    for range in self.ranges {
      largest = max(largest, range.end)
      reach.append(largest)
    }
    self.reach = reach
  }

  /// Candidates: the ranges starting before `range.end`, walked back while they can reach it.
  private func any(near range: TextRange, where test: (TextRange) -> Bool) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].start < range.end { low = middle + 1 } else { high = middle }
    }
    var index = low - 1
    while index >= 0 && reach[index] > range.start {
      if test(ranges[index]) { return true }
      index -= 1
    }
    return false
  }

  func overlaps(_ range: TextRange) -> Bool { any(near: range) { $0.overlaps(range) } }

  func contains(_ range: TextRange) -> Bool { any(near: range) { $0.contains(range) } }
}

/// The sentence of an original offset: the last sentence starting at or before it (0 before
/// the first).
private struct SentenceLocator {
  let starts: [Int]

  init(_ statement: Statement) { starts = statement.segmentation.sentences.map(\.range.start) }

  func sentence(at offset: Int) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] <= offset { low = middle + 1 } else { high = middle }
    }
    return max(0, low - 1)
  }
}

// MARK: - Figures and dates

/// Finds figures and dates in a statement's normalised text (NFKC, lower case, blanks collapsed,
/// dashes and apostrophes folded), in one pass, in time linear in the text.
///
/// **Dates** (a date's numbers are never figures):
/// - English: "14 October", "14th of October", "October 14", "October 14, 2025",
///   "14 October 2025", "March 2023", "Oct. 14"; a month name (capitalised in the original) after
///   a word of time (in, since, by, until, from, before, after, during, through, of, early, late,
///   mid-) is a month ("in December": "--12"), after last/this/next or before "this year"/"last
///   year" a relative date (iso nil); a month name alone is not a date ("May", "March"). A year
///   (1900–2099, four digits, no separator) is a date after a word of time ("since 2023",
///   "by 2030", "mid-2024"), or after "and"/"or"/"to" that follows a date ("2023 and 2024");
///   ISO dates (2025-10-14) and 2025/10/14 too. Any other four-digit year-like number ("the 2023
///   report") is neither date nor figure: it is too often a year to count as a number.
/// - Japanese: 2025年10月14日, 2023年3月, 2023年, 2024年度, 10月14日, 10月, 14日 (iso nil), era
///   years 令和7年, 令和元年, 平成31年 (令和 1 = 2019, 平成 1 = 1989, 昭和 1 = 1926, 大正 1 =
///   1912), in ASCII or full-width digits. A weekday in brackets after a date (（火）) is left
///   out.
///
/// **Figures**, each with its kind and value:
/// - Numbers in digits (ASCII or full-width), with thousands separators and decimals (1,900,
///   3.5), scale words (thousand, million, billion, trillion, bn, and m after a currency symbol:
///   "€2bn", "$5m") and Japanese scale kanji (500万円, 1億2000万円, 4,260億円).
/// - English number words from one to ninety-nine (and with hundred, thousand, million …), but
///   only before a unit noun ("four officers", "eleven hospitals", "twelve months") or a scale
///   word ("two million"); "one" not after the/no/any/each/this/that …, nor in "one another"
///   and "one of". Vague quantities (dozens, hundreds of, 数十, 多数) and ordinals (first, 21st,
///   第3回) are not figures: they give nothing one could check.
/// - Japanese kanji numerals (十四団体, 三つ) before a counter, a currency or 割; not 一 alone
///   (一部, 一層, 一方 are words), not after another kanji (統一, 第三), and not before 国, 度 or 分
///   (二国間, 二度と, 十分 are words).
/// - Kind **amount** with a currency symbol ($ € £ ¥ ₩ ₹ ₽, with "US$"), an ISO code (USD, EUR …)
///   or a currency word (dollars, crowns, 円, ドル, a katakana name ending in マルク or クローネ …);
///   **percentage** with %, per cent, percent, percentage points, パーセント, ポイント or 割 (3割 is
///   30); **count** with an English unit noun or a Japanese counter; else **number**.
/// - The unit noun (English) is the next word when it is lower case in the original, not a
///   function word, an adverb in -ly or a participle in -ed; when that word is not plural-looking
///   (ends in s, not ss, us or is; or people, staff …), the words up to the first that is, at
///   most four in all, all such words ("four government ministries", "3,400 cyber attacks",
///   "six national cyber security agencies"), else the first alone ("one hospital"); after "of"
///   and a determiner too ("forty of its analysts"). An open number keeps its sign ("2,000+
///   victims", "30-plus countries"); a compound with a unit is a count ("a 24-hour hotline", "a
///   four-day visit": number words only with units of time, so "two-way" is not one). Japanese
///   counters are a fixed list (件, 人, 名, 個人, 社, 団体, 品目, か国, 回, 日間, 時間, か月, 年, 年間,
///   種類, 項目, 台, つ …); after の, the noun that follows (57の戦術).
///
/// **Not figures**: numbers inside codes and names (KX-22, APT40, COVID-19, "Technical Service
/// 61": after a capitalised word that does not start its sentence; any number inside a name
/// `ActorExtractor` finds is dropped later), references ("Article 5", "No. 3", "resolution 2231",
/// 第3条), list numbering (a number at the start of a paragraph followed by . ) 、 or a blank and
/// non-Latin text: "1.", "1　本日", and any number alone in brackets: "(1)", "（２）"), numbers
/// with a leading zero (03-3580-3311), ranges and phone numbers (digits joined by hyphens, or
/// numbers side by side: "3 3580 3311"; after 電話 or 内線), times (10:30, 3 p.m., 午後3時),
/// fractions in Japanese (3分の1), numbers written with other digits (①, ²), and anything in a
/// URL, domain name or e-mail address. A range such as "10-15 officers" is lost with them.
struct SpecificsScanner {
  struct Found {
    var start: Int
    var end: Int
    var kind: Specifics.Figure.Kind
    var value: Double?
    /// Where the number itself starts (after a currency prefix such as "US$", which may be
    /// taken for an actor's name).
    var numberStart: Int
  }

  struct FoundDate {
    var start: Int
    var end: Int
    var iso: String?
  }

  /// The normalised text's scalars, `Gazetteer.foldCase`d (apostrophes and dashes ASCII).
  let scalars: [Unicode.Scalar]
  /// Whether each scalar is part of a URL, domain name or e-mail address.
  private(set) var url: [Bool]
  private(set) var figures: [Found] = []
  private(set) var dates: [FoundDate] = []

  private let count: Int
  private let normalized: NormalizedText
  private let original: [Unicode.Scalar]
  private let paragraphStarts: Set<Int>
  private let sentenceStarts: Set<Int>
  /// Where the last date ended, for "2023 and 2024".
  private var lastDateEnd = -1

  init(_ statement: Statement) {
    normalized = statement.normalized
    scalars = normalized.text.unicodeScalars.map(Gazetteer.foldCase)
    count = scalars.count
    original = Array(statement.text.unicodeScalars)
    url = Array(repeating: false, count: scalars.count)
    let normalized = normalized
    paragraphStarts = Set(
      statement.segmentation.paragraphs.map { normalized.normalizedOffset(forOriginal: $0.start) })
    sentenceStarts = Set(
      statement.segmentation.sentences.map {
        normalized.normalizedOffset(forOriginal: $0.range.start)
      })
  }

  // MARK: Driver

  mutating func scan() {
    markAddresses()
    var position = 0
    while position < count {
      if url[position] {
        position += 1
        continue
      }
      let scalar = scalars[position]
      if Self.isDigit(scalar) {
        position = number(at: position, currency: nil)
      } else if Self.isLetter(scalar) {
        position = latinWord(at: position)
      } else if Self.currencySymbols.contains(scalar), position + 1 < count,
        Self.isDigit(scalars[position + 1])
      {
        // "US$5": up to three letters right before the symbol belong to it.
        var start = position
        var letters = position
        while letters > 0 && Self.isLetter(scalars[letters - 1]) { letters -= 1 }
        if (1...3).contains(position - letters)
          && (letters == 0 || !Self.isAlphanumeric(scalars[letters - 1]))
        {
          start = letters
        }
        position = number(at: position + 1, currency: start)
      } else if Self.isKanji(scalar) {
        if let end = eraDate(at: position) {
          position = end
        } else if let end = kanjiNumber(at: position) {
          position = end
        } else {
          position += 1
        }
      } else {
        position += 1
      }
    }
  }

  // MARK: Addresses

  /// Marks URLs ("https://…", "www.…"), e-mail addresses and domain names with two dots or more
  /// ("report.ncdc.example.org"): nothing in them is a figure, date or measure.
  private mutating func markAddresses() {
    var position = 0
    while position < count {
      let scalar = scalars[position]
      guard scalar.isASCII, Self.isAlphanumeric(scalar),
        position == 0 || !Self.addressScalars.contains(scalars[position - 1])
      else {
        position += 1
        continue
      }
      var end = position
      var marks = 0
      while end < count && Self.addressScalars.contains(scalars[end]) {
        if scalars[end] == "." || scalars[end] == "@" || scalars[end] == "/" { marks += 1 }
        end += 1
      }
      // Trailing punctuation ends a sentence, not the address.
      while end > position && ".,:;?!-_/".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
      if marks >= 1 && end - position >= 5 && isAddress(position, end) {
        for index in position..<end { url[index] = true }
      }
      position = max(end, position + 1)
    }
  }

  private func isAddress(_ start: Int, _ end: Int) -> Bool {
    let text = String(String.UnicodeScalarView(scalars[start..<end]))
    if text.contains("://") || text.hasPrefix("www.") { return true }
    if let at = text.firstIndex(of: "@"), text[at...].contains("."), at != text.startIndex {
      return true
    }
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 3, let last = labels.last, last.count >= 2,
      last.allSatisfy({ $0.isLetter })
    else { return false }
    return labels.allSatisfy { label in
      !label.isEmpty && label.contains { $0.isLetter }
        && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }
  }

  // MARK: Numbers in digits

  /// A number in digits starting at `start`: its end, value and shape.
  private struct Digits {
    var start: Int
    var end: Int
    var value: Double
    /// Digits before the decimal point or the first separator group, separators excluded.
    var integerDigits: Int
    var separators: Bool
    var decimal: Bool

    /// Starts with 0 and has more digits before any decimal point: 03, 007.
    var leadingZero: Bool

    var isPlainInteger: Bool { !separators && !decimal }
  }

  /// Reads digits with thousands separators ("1,900": groups of exactly three) and a decimal
  /// part. Nil for a dotted version or address ("1.2.3").
  private func readDigits(at start: Int) -> Digits? {
    var end = start
    var text = ""
    while end < count && Self.isDigit(scalars[end]) {
      text.unicodeScalars.append(scalars[end])
      end += 1
    }
    let integerDigits = end - start
    var separators = false
    if integerDigits <= 3 {
      while end + 3 < count && scalars[end] == "," && Self.isDigit(scalars[end + 1])
        && Self.isDigit(scalars[end + 2]) && Self.isDigit(scalars[end + 3])
        && (end + 4 == count || !Self.isDigit(scalars[end + 4]))
      {
        for offset in 1...3 { text.unicodeScalars.append(scalars[end + offset]) }
        end += 4
        separators = true
      }
    }
    var decimal = false
    if end + 1 < count && scalars[end] == "." && Self.isDigit(scalars[end + 1]) {
      text += "."
      end += 1
      while end < count && Self.isDigit(scalars[end]) {
        text.unicodeScalars.append(scalars[end])
        end += 1
      }
      decimal = true
      if end + 1 < count && scalars[end] == "." && Self.isDigit(scalars[end + 1]) { return nil }
    }
    guard let value = Double(text) else { return nil }
    return Digits(
      start: start, end: end, value: value, integerDigits: integerDigits,
      separators: separators, decimal: decimal,
      leadingZero: integerDigits > 1 && text.hasPrefix("0"))
  }

  /// Past a code or any run of letters, digits and inner - . / _ : (KX-22, 03-3580-3311, 10:30).
  private func skipCode(from start: Int) -> Int {
    var end = start
    while end < count {
      if Self.isAlphanumeric(scalars[end]) {
        end += 1
      } else if "-./_:".unicodeScalars.contains(scalars[end]), end + 1 < count,
        Self.isAlphanumeric(scalars[end + 1])
      {
        end += 2
      } else {
        break
      }
    }
    return max(end, start + 1)
  }

  /// Whether the original text writes these normalised scalars with plain digits (ASCII or
  /// full-width) and separators: not ①, ², ⑴, whose NFKC forms are digits too.
  private func writtenInDigits(_ start: Int, _ end: Int) -> Bool {
    for offset in start..<end {
      let origin = normalized.originalOffset(offset)
      guard origin < original.count else { return false }
      switch original[origin].value {
      case 0x30...0x39, 0x2C, 0x2E, 0xFF10...0xFF19, 0xFF0C, 0xFF0E: continue
      default: return false
      }
    }
    return true
  }

  /// A number in digits at `start` (after a currency symbol that starts at `currency`).
  /// Returns where scanning goes on.
  private mutating func number(at start: Int, currency: Int?) -> Int {
    if currency == nil, start > 0 {
      let previous = scalars[start - 1]
      // A code: APT40, KX-22, a/1, #3, §5. Not "mid-2023", a date.
      if Self.isLetter(previous) { return skipCode(from: start) }
      if previous == "-" && start >= 2 && Self.isAlphanumeric(scalars[start - 2])
        && !endsWithWord("mid", at: start - 1)
      {
        return skipCode(from: start)
      }
      // Part of an address, a path, a time or a ratio: a/1, x.5, 10:30, id=3.
      if "./_:=&".unicodeScalars.contains(previous) && start >= 2
        && Self.isAlphanumeric(scalars[start - 2])
      {
        return skipCode(from: start)
      }
      if "#@+§№".unicodeScalars.contains(previous) { return skipCode(from: start) }
    }
    guard let digits = readDigits(at: start) else { return skipCode(from: start) }
    let end = digits.end
    guard writtenInDigits(start, end) else { return end }
    let next: Unicode.Scalar = end < count ? scalars[end] : " "
    let after: Unicode.Scalar = end + 1 < count ? scalars[end + 1] : " "

    if currency == nil {
      if next == "-" && Self.isDigit(after) {
        if let date = isoDate(digits, separator: "-") { return date }
        return skipCode(from: start)
      }
      if next == "/" && Self.isDigit(after) {
        if let date = isoDate(digits, separator: "/") { return date }
        return skipCode(from: start)
      }
      if next == ":" && Self.isDigit(after) { return skipCode(from: start) }
    }
    if Self.isLetter(next) { return suffixed(digits, currency: currency) }
    if Self.isJapanese(next) && currency == nil { return japanese(digits) }
    if next == "%" {
      guard figureAllowed(digits, currency: currency) else { return end + 1 }
      addFigure(currency ?? start, end + 1, .percentage, digits.value)
      return end + 1
    }
    return english(digits, currency: currency)
  }

  /// A number with letters right after it: an ordinal (14th), a scale (2bn, $5m), a time (10am),
  /// or a code (5G, 3D).
  private mutating func suffixed(_ digits: Digits, currency: Int?) -> Int {
    var end = digits.end
    while end < count && Self.isLetter(scalars[end]) { end += 1 }
    if end < count && Self.isDigit(scalars[end]) { return skipCode(from: digits.start) }
    let suffix = text(digits.end, end)
    if ["st", "nd", "rd", "th"].contains(suffix) {
      if currency == nil && digits.isPlainInteger && digits.integerDigits <= 2,
        let date = dayMonthDate(digits, at: end)
      {
        return date
      }
      return end
    }
    if let scale = Self.attachedScales[suffix],
      currency != nil || ["bn", "mn", "tn"].contains(suffix)
    {
      guard figureAllowed(digits, currency: currency) else { return end }
      return englishFigure(
        start: currency ?? digits.start, end: end, value: digits.value * scale,
        currency: currency != nil, numberWord: false, scaled: true)
    }
    if currency == nil && (suffix == "am" || suffix == "pm") { return end }
    return skipCode(from: digits.start)
  }

  /// A number followed by a blank or punctuation: dates, then the exclusions, then a figure.
  private mutating func english(_ digits: Digits, currency: Int?) -> Int {
    let start = digits.start
    let end = digits.end
    if currency == nil && digits.isPlainInteger {
      if digits.integerDigits <= 2, let date = dayMonthDate(digits, at: end) { return date }
      if digits.integerDigits == 4 && (1900...2099).contains(Int(digits.value)) {
        if yearContext(before: start) {
          addDate(start, end, String(Int(digits.value)))
        }
        return end
      }
    }
    guard figureAllowed(digits, currency: currency) else { return end }
    if currency == nil {
      // Juxtaposed numbers: phone numbers, tables, "3 3580 3311".
      if end + 1 < count && scalars[end] == " " && Self.isDigit(scalars[end + 1]) { return end }
      if start >= 2 && scalars[start - 1] == " " && Self.isDigit(scalars[start - 2]) { return end }
      if isTime(after: end) { return end }
      if let word = previousWord(before: start), word.end == start - 1,
        isCapitalized(word.start), !isSentenceInitial(word.start),
        Self.months[word.text] == nil
      {
        return end  // Part of a name: "Technical Service 61", "Unit 4471".
      }
    }
    var numberEnd = end
    // "2,000+ victims".
    if numberEnd < count && scalars[numberEnd] == "+"
      && (numberEnd + 1 == count || scalars[numberEnd + 1] == " ")
    {
      numberEnd += 1
    }
    // "30-plus countries"; "a 24-hour hotline", "a 100-day plan": a count.
    if currency == nil, numberEnd + 1 < count, scalars[numberEnd] == "-",
      Self.isLetter(scalars[numberEnd + 1])
    {
      let word = readWord(at: numberEnd + 1, hyphens: true)
      if word.text == "plus" {
        numberEnd = word.end
      } else if word.text.unicodeScalars.count >= 2 && !Self.fractions.contains(word.text) {
        addFigure(start, word.end, .count, digits.value)
        return word.end
      } else {
        return word.end
      }
    }
    return englishFigure(
      start: currency ?? start, end: numberEnd, value: digits.value, currency: currency != nil,
      numberWord: false, scaled: false)
  }

  /// "3 pm", "3 p.m.", "10 GMT".
  private func isTime(after end: Int) -> Bool {
    guard let word = nextWord(after: end) else { return false }
    if word.text == "a" || word.text == "p" {
      return word.end + 1 < count && scalars[word.end] == "." && scalars[word.end + 1] == "m"
    }
    return Self.timeWords.contains(word.text)
  }

  /// Whether a number follows 内線, 電話, 番号 or FAX (with a colon or blank between): an
  /// extension or a telephone number.
  private func afterJapaneseReference(_ start: Int) -> Bool {
    var end = start
    while end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == ":") { end -= 1 }
    for word in Self.japaneseReferences {
      let letters = Array(word.unicodeScalars)
      if end >= letters.count && Array(scalars[(end - letters.count)..<end]) == letters {
        return true
      }
    }
    return false
  }

  /// The exclusions that hold for every number in digits: leading zeros, list numbering,
  /// references and ordinals.
  private func figureAllowed(_ digits: Digits, currency: Int?) -> Bool {
    if digits.leadingZero { return false }
    if currency != nil { return true }
    if isMarker(digits.start, digits.end) { return false }
    if digits.start > 0 && scalars[digits.start - 1] == "第" { return false }
    if afterJapaneseReference(digits.start) { return false }
    if let word = previousWord(before: digits.start, skippingDot: true),
      Self.referenceWords.contains(word.text)
    {
      return false
    }
    return true
  }

  /// List numbering: a number alone in brackets, or at the start of a paragraph followed by
  /// . ) 、 or a blank and text that is not Latin ("1　本日") or an ideographic space.
  private func isMarker(_ start: Int, _ end: Int) -> Bool {
    let before: Unicode.Scalar = start > 0 ? scalars[start - 1] : " "
    let next: Unicode.Scalar = end < count ? scalars[end] : " "
    if before == "(" && next == ")" { return true }
    let atStart =
      paragraphStarts.contains(start) || (before == "(" && paragraphStarts.contains(start - 1))
    guard atStart else { return false }
    if end >= count || next == "." || next == ")" || next == "、" { return true }
    if next == " " {
      let following: Unicode.Scalar = end + 1 < count ? scalars[end + 1] : " "
      if !Self.isAlphanumeric(following) { return true }
      let origin = normalized.originalOffset(end)
      if origin < original.count && (original[origin] == "\u{3000}" || original[origin] == "\t") {
        return true
      }
    }
    return false
  }

  /// Builds an English figure from a number (in digits or words) ending at `end`: a scale word,
  /// then a percent word, a currency word or a unit noun.
  private mutating func englishFigure(
    start: Int, end: Int, value: Double, currency: Bool, numberWord: Bool, scaled: Bool
  ) -> Int {
    var end = end
    var value = value
    var scaled = scaled
    if !scaled, let word = nextWord(after: end),
      let scale = Self.scaleWords[word.text] ?? (currency && word.text == "m" ? 1e6 : nil)
    {
      end = word.end
      value *= scale
      scaled = true
    }
    if end < count && scalars[end] == "%" {
      addFigure(start, end + 1, .percentage, value)
      return end + 1
    }
    if let percent = percentWords(after: end) {
      addFigure(start, percent, .percentage, value)
      return percent
    }
    if let word = nextWord(after: end), Self.currencyWords.contains(word.text) {
      addFigure(start, word.end, .amount, value)
      return word.end
    }
    if currency {
      addFigure(start, end, .amount, value)
      return end
    }
    if let unit = unitNoun(after: end) {
      addFigure(start, unit, .count, value)
      return unit
    }
    if numberWord && !scaled { return end }
    addFigure(start, end, .number, value)
    return end
  }

  /// "per cent", "percent", "percentage point(s)", "pct".
  private func percentWords(after end: Int) -> Int? {
    guard let word = nextWord(after: end) else { return nil }
    switch word.text {
    case "percent", "pct": return word.end
    case "per":
      if let next = nextWord(after: word.end), next.text == "cent" { return next.end }
    case "percentage":
      if let next = nextWord(after: word.end), next.text == "point" || next.text == "points" {
        return next.end
      }
    default: break
    }
    return nil
  }

  /// The unit noun after a number: see the type's documentation.
  private func unitNoun(after end: Int) -> Int? {
    guard let first = nextWord(after: end, hyphens: true) else { return nil }
    if first.text == "of", let determiner = nextWord(after: first.end),
      Self.determiners.contains(determiner.text)
    {
      return unitNoun(after: determiner.end)
    }
    guard isUnitWord(first) else { return nil }
    // Modifiers before the noun: "six national cyber security agencies".
    var word = first
    for _ in 0..<3 {
      if Self.looksPlural(word.text) { return word.end }
      guard let next = nextWord(after: word.end, hyphens: true), isUnitWord(next) else { break }
      word = next
    }
    return Self.looksPlural(word.text) ? word.end : first.end
  }

  private func isUnitWord(_ word: Word) -> Bool {
    let text = word.text
    guard text.unicodeScalars.count >= 2, !isCapitalized(word.start),
      !Self.functionWords.contains(text), Self.months[text] == nil,
      Self.numberWords[text] == nil, Self.scaleWords[text] == nil
    else { return false }
    if text.hasSuffix("ly") || (text.hasSuffix("ed") && text.unicodeScalars.count > 4) {
      return false
    }
    return true
  }

  // MARK: English dates

  /// "14 October", "14th of October 2025" for a day number ending at `end` (after its ordinal
  /// suffix, if any).
  private mutating func dayMonthDate(_ digits: Digits, at end: Int) -> Int? {
    let day = Int(digits.value)
    guard (1...31).contains(day), var month = nextWord(after: end) else { return nil }
    if month.text == "of", let next = nextWord(after: month.end) { month = next }
    guard let number = Self.months[month.text], isCapitalized(month.start) else { return nil }
    var monthEnd = month.end
    let abbreviation =
      month.text.unicodeScalars.count <= 4 && month.text != "june"
      && month.text != "july" && month.text != "may"
    if abbreviation && monthEnd < count && scalars[monthEnd] == "." { monthEnd += 1 }
    if let year = year(after: monthEnd, comma: false) {
      addDate(digits.start, year.end, String(format: "%04d-%02d-%02d", year.value, number, day))
      return year.end
    }
    addDate(digits.start, monthEnd, String(format: "--%02d-%02d", number, day))
    return monthEnd
  }

  /// A year (1900–2099, four plain digits) after a blank (and a comma if allowed), not followed
  /// by more digits or letters.
  private func year(after end: Int, comma: Bool) -> (value: Int, end: Int)? {
    var position = end
    if comma && position < count && scalars[position] == "," { position += 1 }
    guard position < count, scalars[position] == " " else { return nil }
    position += 1
    let start = position
    while position < count && Self.isDigit(scalars[position]) { position += 1 }
    guard position - start == 4, position == count || !Self.isAlphanumeric(scalars[position]),
      !(position + 1 < count && scalars[position] == "," && Self.isDigit(scalars[position + 1])),
      let value = Int(text(start, position)), (1900...2099).contains(value)
    else { return nil }
    return (value, position)
  }

  /// A month name at `start` (already read as `word`): "October 14, 2025", "March 2023",
  /// "January this year", "in December".
  private mutating func monthDate(_ word: Word, month: Int) -> Int? {
    guard isCapitalized(word.start) else { return nil }
    let abbreviation =
      word.text.unicodeScalars.count <= 4 && word.text != "june"
      && word.text != "july" && word.text != "may"
    var end = word.end
    if abbreviation && end < count && scalars[end] == "." { end += 1 }
    // A day: "October 14", "Oct. 14th, 2025".
    if end + 1 < count && scalars[end] == " " && Self.isDigit(scalars[end + 1]),
      let day = readDigits(at: end + 1), day.isPlainInteger, day.integerDigits <= 2,
      (1...31).contains(Int(day.value))
    {
      var dayEnd = day.end
      if dayEnd + 1 < count,
        ["st", "nd", "rd", "th"].contains(text(dayEnd, min(dayEnd + 2, count)))
      {
        dayEnd += 2
      }
      if dayEnd == count || !Self.isAlphanumeric(scalars[dayEnd]) {
        if let year = year(after: dayEnd, comma: true) {
          addDate(
            word.start, year.end,
            String(format: "%04d-%02d-%02d", year.value, month, Int(day.value)))
          return year.end
        }
        addDate(word.start, dayEnd, String(format: "--%02d-%02d", month, Int(day.value)))
        return dayEnd
      }
    }
    if let year = year(after: end, comma: false) {
      addDate(word.start, year.end, String(format: "%04d-%02d", year.value, month))
      return year.end
    }
    if abbreviation { return nil }
    if let relative = relativeYear(after: end) {
      addDate(word.start, relative, nil)
      return relative
    }
    if let previous = previousWord(before: word.start), previous.end == word.start - 1,
      ["last", "this", "next"].contains(previous.text)
    {
      addDate(previous.start, end, nil)
      return end
    }
    if yearContext(before: word.start) {
      addDate(word.start, end, String(format: "--%02d", month))
      return end
    }
    return nil
  }

  /// "this year", "last year", "next year", "of this year", "of the same year" after a month.
  private func relativeYear(after end: Int) -> Int? {
    guard var word = nextWord(after: end) else { return nil }
    if word.text == "of", let next = nextWord(after: word.end) { word = next }
    if word.text == "the", let next = nextWord(after: word.end), next.text == "same" {
      word = next
    }
    guard ["this", "last", "next", "same"].contains(word.text),
      let year = nextWord(after: word.end), year.text == "year"
    else { return nil }
    return year.end
  }

  /// Whether a year or month at `start` is in a date context: after a word of time ("since",
  /// "in", "early"), after "mid-", or after and/or/to that follows a date.
  private func yearContext(before start: Int) -> Bool {
    if start >= 4 && scalars[start - 1] == "-" && endsWithWord("mid", at: start - 1) {
      return true
    }
    guard let word = previousWord(before: start) else { return false }
    if Self.timeWordsBeforeDates.contains(word.text) { return true }
    if ["and", "or", "to", "through"].contains(word.text), word.start >= 1 {
      var before = word.start - 1
      while before > 0 && scalars[before] == " " { before -= 1 }
      if scalars[before] == "," { before -= 1 }
      return lastDateEnd == before + 1
    }
    return false
  }

  /// "2025-10-14", "2025/10/14" at a number of four digits.
  private mutating func isoDate(_ digits: Digits, separator: Unicode.Scalar) -> Int? {
    guard digits.isPlainInteger, digits.integerDigits == 4,
      let year = Int(text(digits.start, digits.end)), (1900...2099).contains(year)
    else { return nil }
    var position = digits.end
    var parts: [Int] = []
    while parts.count < 2, position + 1 < count, scalars[position] == separator,
      Self.isDigit(scalars[position + 1])
    {
      var end = position + 1
      while end < count && Self.isDigit(scalars[end]) { end += 1 }
      guard end - position - 1 <= 2, let value = Int(text(position + 1, end)) else { return nil }
      parts.append(value)
      position = end
    }
    guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]),
      position == count
        || !Self.isAlphanumeric(scalars[position])
          && !(scalars[position] == separator && position + 1 < count
            && Self.isDigit(scalars[position + 1]))
    else { return nil }
    addDate(digits.start, position, String(format: "%04d-%02d-%02d", year, parts[0], parts[1]))
    return position
  }

  // MARK: Latin words

  private struct Word {
    var start: Int
    var end: Int
    var text: String
  }

  /// A Latin word at `start`: a month, a number word or a currency code; else skipped.
  private mutating func latinWord(at start: Int) -> Int {
    let word = readWord(at: start, hyphens: false)
    if let month = Self.months[word.text], let end = monthDate(word, month: month) { return end }
    if let value = Self.numberWords[word.text] { return numberWord(word, value: value) }
    if Self.currencyCodes.contains(word.text), word.end + 1 < count, scalars[word.end] == " ",
      Self.isDigit(scalars[word.end + 1])
    {
      return number(at: word.end + 1, currency: start)
    }
    return word.end
  }

  /// "four officers", "twenty-five people", "two million".
  private mutating func numberWord(_ word: Word, value: Double) -> Int {
    var end = word.end
    var value = value
    if value >= 20, end + 1 < count, scalars[end] == "-" {
      let unit = readWord(at: end + 1, hyphens: false)
      if let ones = Self.numberWords[unit.text], ones < 10 {
        value += ones
        end = unit.end
      }
    }
    // A number word in a name: "the Group of Seven", "Five Eyes".
    if isCapitalized(word.start) && !isSentenceInitial(word.start) { return end }
    // "a four-day visit" is a count; "two-thirds", "one-sided" are not.
    if end + 1 < count && scalars[end] == "-" && Self.isLetter(scalars[end + 1]) {
      let unit = readWord(at: end + 1, hyphens: false)
      if word.text != "one" && Self.timeUnits.contains(unit.text) {
        addFigure(word.start, unit.end, .count, value)
      }
      return unit.end
    }
    if end < count && (scalars[end] == "-" || Self.isAlphanumeric(scalars[end])) { return end }
    if word.text == "one" {
      if let previous = previousWord(before: word.start),
        Self.pronounOne.contains(previous.text)
      {
        return end
      }
      if let next = nextWord(after: end), next.text == "another" || next.text == "of" {
        return end
      }
    }
    var scaled = false
    while let next = nextWord(after: end),
      let scale = next.text == "hundred" ? 100 : Self.scaleWords[next.text]
    {
      value *= scale
      end = next.end
      scaled = true
    }
    return englishFigure(
      start: word.start, end: end, value: value, currency: false, numberWord: true,
      scaled: scaled)
  }

  private func readWord(at start: Int, hyphens: Bool) -> Word {
    var end = start
    while end < count {
      if Self.isLetter(scalars[end]) {
        end += 1
      } else if hyphens && (scalars[end] == "-" || scalars[end] == "'") && end + 1 < count
        && Self.isLetter(scalars[end + 1])
      {
        end += 1
      } else {
        break
      }
    }
    return Word(start: start, end: end, text: text(start, end))
  }

  /// The word after one blank at `end` (letters only, or with inner hyphens).
  private func nextWord(after end: Int, hyphens: Bool = false) -> Word? {
    guard end + 1 < count, scalars[end] == " ", Self.isLetter(scalars[end + 1]) else {
      return nil
    }
    let word = readWord(at: end + 1, hyphens: hyphens)
    if word.end < count && Self.isDigit(scalars[word.end]) { return nil }
    return word
  }

  /// The Latin word that ends before `start`, across blanks (and one dot: "No. 5").
  private func previousWord(before start: Int, skippingDot: Bool = false) -> Word? {
    var end = start
    while end > 0 && scalars[end - 1] == " " { end -= 1 }
    if skippingDot && end > 0 && scalars[end - 1] == "." { end -= 1 }
    guard end > 0, Self.isLetter(scalars[end - 1]) else { return nil }
    var begin = end
    while begin > 0 && Self.isLetter(scalars[begin - 1]) { begin -= 1 }
    if begin > 0 && Self.isDigit(scalars[begin - 1]) { return nil }
    return Word(start: begin, end: end, text: text(begin, end))
  }

  private func endsWithWord(_ word: String, at end: Int) -> Bool {
    let letters = Array(word.unicodeScalars)
    guard end >= letters.count else { return false }
    for (offset, letter) in letters.enumerated()
    where scalars[end - letters.count + offset] != letter {
      return false
    }
    let before = end - letters.count - 1
    return before < 0 || !Self.isLetter(scalars[before])
  }

  private func isCapitalized(_ position: Int) -> Bool {
    let origin = normalized.originalOffset(position)
    return origin < original.count && original[origin].properties.isUppercase
  }

  /// Whether a word starts its sentence, its paragraph or a quotation, list item or clause
  /// after a colon: its capital says nothing then.
  private func isSentenceInitial(_ position: Int) -> Bool {
    if position == 0 || sentenceStarts.contains(position) || paragraphStarts.contains(position) {
      return true
    }
    var before = position - 1
    while before > 0 && scalars[before] == " " { before -= 1 }
    return Self.openers.contains(scalars[before])
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(scalars[start..<end]))
  }

  // MARK: Japanese

  /// A number in digits followed by Japanese text: dates (年 月 日), durations, amounts,
  /// percentages and counters.
  private mutating func japanese(_ digits: Digits) -> Int {
    let start = digits.start
    let end = digits.end
    let next = scalars[end]
    let after: Unicode.Scalar = end + 1 < count ? scalars[end + 1] : " "
    let plain = digits.isPlainInteger
    let value = Int(exactly: digits.value)
    if start > 0 && scalars[start - 1] == "第" { return end }  // 第3条, 第4471部隊
    if afterJapaneseReference(start) { return end }
    if plain, let value {
      if next == "年" {
        if digits.integerDigits == 4 && (1000...2999).contains(value) {
          return japaneseDate(start: start, year: value, at: end + 1)
        }
        if digits.integerDigits <= 3 && !digits.leadingZero {
          let stop = after == "間" ? end + 2 : end + 1
          addFigure(start, stop, .count, digits.value)
          return stop
        }
        return end + 1
      }
      if next == "月" && after != "間" && (1...12).contains(value) && !digits.leadingZero {
        return japaneseMonth(start: start, year: nil, month: value, at: end + 1)
      }
      if next == "日" && after != "間" && (1...31).contains(value) && !digits.leadingZero {
        addDate(start, end + 1, nil)
        return end + 1
      }
      if next == "時" && after != "間" { return end + 1 }  // 午後3時
    }
    if next == "分" && after == "の" {
      // A fraction: 3分の1.
      var stop = end + 2
      while stop < count && Self.isDigit(scalars[stop]) { stop += 1 }
      return stop
    }
    if next == "分" && after != "間" { return end + 1 }  // 30分
    guard figureAllowed(digits, currency: nil) else { return end }
    var (amount, stop, scaled) = japaneseScale(digits.value, at: end)
    if scaled, let more = continuedScale(at: stop) {
      amount += more.value
      stop = more.end
    }
    return japaneseUnit(start: start, value: amount, at: stop, kanjiNumeral: false)
  }

  /// Applies scale kanji after a number: 万, 億, 兆, and 千 or 百 before them (3千万 = 3×10⁷).
  private func japaneseScale(_ value: Double, at position: Int) -> (Double, Int, Bool) {
    var multiplier = 1.0
    var end = position
    while end < count, let scale = Self.japaneseScales[scalars[end]] {
      multiplier *= scale
      end += 1
    }
    return (value * multiplier, end, end > position)
  }

  /// The rest of 1億2000万: digits and a smaller scale right after a scaled number.
  private func continuedScale(at position: Int) -> (value: Double, end: Int)? {
    guard position < count, Self.isDigit(scalars[position]),
      let digits = readDigits(at: position), digits.end < count,
      Self.japaneseScales[scalars[digits.end]] != nil
    else { return nil }
    let (value, end, _) = japaneseScale(digits.value, at: digits.end)
    return (value, end)
  }

  /// What follows a Japanese number: a currency, a percent sign or 割, a counter, or の and a
  /// noun.
  private mutating func japaneseUnit(
    start: Int, value: Double, at position: Int, kanjiNumeral: Bool
  ) -> Int {
    if let end = Self.match(Self.japaneseCurrencies, in: scalars, at: position) {
      addFigure(start, end, .amount, value)
      return end
    }
    if let end = katakanaCurrency(at: position) {
      addFigure(start, end, .amount, value)
      return end
    }
    if position < count && scalars[position] == "%" {
      addFigure(start, position + 1, .percentage, value)
      return position + 1
    }
    if let end = Self.match(["パーセント", "ポイント"], in: scalars, at: position) {
      addFigure(start, end, .percentage, value)
      return end
    }
    if position < count && scalars[position] == "割"
      && !(position + 1 < count && scalars[position + 1] == "合")
    {
      addFigure(start, position + 1, .percentage, value * 10)
      return position + 1
    }
    let counters = kanjiNumeral ? Self.kanjiCounters : Self.counters
    if let end = Self.match(counters, in: scalars, at: position) {
      addFigure(start, end, .count, value)
      return end
    }
    if kanjiNumeral { return position }
    if position + 1 < count && scalars[position] == "の" {
      var end = position + 1
      while end < count && end - position <= 8
        && (Self.isKanji(scalars[end]) || Gazetteer.isKatakana(scalars[end]))
      {
        end += 1
      }
      if end > position + 1 {
        addFigure(start, end, .count, value)
        return end
      }
    }
    addFigure(start, position, .number, value)
    return position
  }

  /// A katakana word (with ・) ending in a currency name: ノーランド・マルク, 米ドル is a counter.
  private func katakanaCurrency(at position: Int) -> Int? {
    var end = position
    while end < count && (Gazetteer.isKatakana(scalars[end]) || scalars[end] == "・") {
      end += 1
    }
    guard end > position else { return nil }
    let word = text(position, end)
    return Self.katakanaCurrencyNames.contains { word.hasSuffix($0) } ? end : nil
  }

  /// After 年 of a year: 度 (a fiscal year), or a month and a day.
  private mutating func japaneseDate(start: Int, year: Int, at position: Int) -> Int {
    if position < count && scalars[position] == "度" {
      addDate(start, position + 1, String(format: "%04d", year))
      return position + 1
    }
    if let (month, end) = japaneseNumber(at: position, before: "月", range: 1...12) {
      return japaneseMonth(start: start, year: year, month: month, at: end)
    }
    addDate(start, position, String(format: "%04d", year))
    return position
  }

  /// After 月: a day, then the date.
  private mutating func japaneseMonth(start: Int, year: Int?, month: Int, at position: Int) -> Int {
    var end = position
    var day: Int?
    if let (found, dayEnd) = japaneseNumber(at: position, before: "日", range: 1...31) {
      day = found
      end = dayEnd
    }
    let iso: String
    switch (year, day) {
    case (let year?, let day?): iso = String(format: "%04d-%02d-%02d", year, month, day)
    case (let year?, nil): iso = String(format: "%04d-%02d", year, month)
    case (nil, let day?): iso = String(format: "--%02d-%02d", month, day)
    case (nil, nil): iso = String(format: "--%02d", month)
    }
    addDate(start, end, iso)
    return end
  }

  /// Digits (or kanji numerals) in `range` at `position` followed by `marker` (月, 日) that is
  /// not followed by 間: the value and the end after the marker.
  private func japaneseNumber(
    at position: Int, before marker: Unicode.Scalar, range: ClosedRange<Int>
  ) -> (Int, Int)? {
    var end = position
    var value = 0
    if end < count && Self.isDigit(scalars[end]) {
      while end < count && Self.isDigit(scalars[end]) && end - position < 3 {
        value = value * 10 + Int(scalars[end].value - 0x30)
        end += 1
      }
    } else {
      while end < count && Self.kanjiNumerals[scalars[end]] != nil && end - position < 3 {
        end += 1
      }
      guard end > position, let parsed = Self.kanjiValue(scalars[position..<end]) else {
        return nil
      }
      value = Int(parsed)
    }
    guard end > position, end < count, scalars[end] == marker, range.contains(value),
      !(end + 1 < count && scalars[end + 1] == "間")
    else { return nil }
    return (value, end + 1)
  }

  /// 令和7年, 令和元年, 平成三十一年 …: the date it starts, or nil.
  private mutating func eraDate(at start: Int) -> Int? {
    guard start + 2 < count, Self.eraInitials.contains(scalars[start]) else { return nil }
    let name = text(start, start + 2)
    guard let base = Self.eras[name] else { return nil }
    var position = start + 2
    var year: Int
    if scalars[position] == "元" {
      year = 1
      position += 1
    } else if Self.isDigit(scalars[position]) {
      year = 0
      while position < count && Self.isDigit(scalars[position]) && position - start < 5 {
        year = year * 10 + Int(scalars[position].value - 0x30)
        position += 1
      }
    } else {
      let numeralStart = position
      while position < count && Self.kanjiNumerals[scalars[position]] != nil
        && position - numeralStart < 4
      {
        position += 1
      }
      guard let value = Self.kanjiValue(scalars[numeralStart..<position]) else { return nil }
      year = Int(value)
    }
    guard year >= 1, position < count, scalars[position] == "年" else { return nil }
    return japaneseDate(start: start, year: base + year, at: position + 1)
  }

  /// A number in kanji numerals (十四, 二千, 三) before a counter, a currency or 割.
  private mutating func kanjiNumber(at start: Int) -> Int? {
    let first = scalars[start]
    guard let digit = Self.kanjiNumerals[first], digit < 1e4 else { return nil }
    if start > 0 {
      let previous = scalars[start - 1]
      if (Self.isKanji(previous) || Gazetteer.isKatakana(previous) || Self.isDigit(previous))
        && !Self.beforeKanjiNumbers.contains(previous)
      {
        return nil
      }
    }
    var end = start
    while end < count && Self.kanjiNumerals[scalars[end]] != nil { end += 1 }
    if end - start == 1 && first == "一" { return end }
    guard let value = Self.kanjiValue(scalars[start..<end]) else { return end }
    let stop = japaneseUnit(start: start, value: value, at: end, kanjiNumeral: true)
    return max(stop, end)
  }

  /// The value of kanji numerals: 十四 = 14, 二千五百 = 2500, 三万 = 30000, 二〇二五 = 2025.
  static func kanjiValue(_ run: ArraySlice<Unicode.Scalar>) -> Double? {
    var total = 0.0
    var section = 0.0
    var current: Double?
    for scalar in run {
      guard let value = kanjiNumerals[scalar] else { return nil }
      if value < 10 {
        current = (current ?? 0) * 10 + value
      } else if value < 1e4 {
        section += (current ?? 1) * value
        current = nil
      } else {
        total += (section + (current ?? 0)) * value
        section = 0
        current = nil
      }
    }
    let result = total + section + (current ?? 0)
    return result > 0 ? result : nil
  }

  // MARK: Results

  private mutating func addFigure(
    _ start: Int, _ end: Int, _ kind: Specifics.Figure.Kind, _ value: Double
  ) {
    var numberStart = start
    while numberStart < end && !Self.isDigit(scalars[numberStart])
      && !Self.isLetter(scalars[numberStart]) && !Self.isJapanese(scalars[numberStart])
    {
      numberStart += 1
    }
    if let code = Self.currencyPrefixEnd(scalars, from: numberStart, to: end) {
      numberStart = code
    }
    figures.append(
      Found(start: start, end: end, kind: kind, value: value, numberStart: numberStart))
  }

  /// After "US$" or "USD " at the start of an amount: where its number starts.
  private static func currencyPrefixEnd(
    _ scalars: [Unicode.Scalar], from start: Int, to end: Int
  ) -> Int? {
    var position = start
    while position < end && isLetter(scalars[position]) { position += 1 }
    guard position > start, position < end,
      currencySymbols.contains(scalars[position]) || scalars[position] == " "
    else { return nil }
    position += 1
    while position < end && scalars[position] == " " { position += 1 }
    return position < end && isDigit(scalars[position]) ? position : nil
  }

  private mutating func addDate(_ start: Int, _ end: Int, _ iso: String?) {
    dates.append(FoundDate(start: start, end: end, iso: iso))
    lastDateEnd = end
  }

  // MARK: Character classes and word lists

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool { Gazetteer.isLatinLetter(scalar) }

  static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    Gazetteer.isLatinAlphanumeric(scalar)
  }

  static func isKanji(_ scalar: Unicode.Scalar) -> Bool { Gazetteer.isKanji(scalar) }

  static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
    isKanji(scalar) || Gazetteer.isKatakana(scalar) || (0x3041...0x309F).contains(scalar.value)
  }

  /// The longest of `words` at `position`.
  static func match(_ words: [String], in scalars: [Unicode.Scalar], at position: Int) -> Int? {
    var best: Int?
    for word in words {
      let letters = word.unicodeScalars
      guard position + letters.count <= scalars.count, (best ?? 0) < position + letters.count
      else { continue }
      var index = position
      var matched = true
      for letter in letters {
        if scalars[index] != letter {
          matched = false
          break
        }
        index += 1
      }
      if matched { best = index }
    }
    return best
  }

  static let addressScalars: Set<Unicode.Scalar> = Set(
    "abcdefghijklmnopqrstuvwxyz0123456789.-_@/:?#=&%~+".unicodeScalars)

  static let openers: Set<Unicode.Scalar> = [
    ":", "\"", "'", "(", "[", "\u{201C}", "\u{300C}", "\u{300E}", "\u{2014}", "\u{2022}", ".",
    "!", "?", ";", "\u{3002}", "-", "*",
  ]

  static let months: [String: Int] = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
  ]

  /// Words after which a year or a month name is a date.
  static let timeWordsBeforeDates: Set<String> = [
    "in", "since", "by", "until", "till", "from", "before", "after", "of", "during", "through",
    "throughout", "early", "late", "mid", "around", "between", "spring", "summer", "autumn",
    "fall", "winter",
  ]

  static let numberWords: [String: Double] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
  ]

  /// Words before "one" that make it a pronoun: "no one", "the one", "each one".
  static let pronounOne: Set<String> = [
    "the", "no", "any", "every", "each", "some", "this", "that", "which", "only", "a",
  ]

  static let scaleWords: [String: Double] = [
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
    "tn": 1e12,
  ]

  /// Scales written right after the digits: "2bn", "$5m" (m and k only after a currency).
  static let attachedScales: [String: Double] = [
    "bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3,
  ]

  static let currencySymbols: Set<Unicode.Scalar> = [
    "$", "\u{20AC}", "\u{00A3}", "\u{00A5}", "\u{20A9}", "\u{20B9}", "\u{20BD}", "\u{20BA}",
    "\u{20AA}",
  ]

  static let currencyCodes: Set<String> = [
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "chf", "cad", "aud", "krw", "inr", "rub", "sek",
    "nok", "dkk", "hkd", "sgd", "nzd",
  ]

  static let currencyWords: Set<String> = [
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan",
    "renminbi", "won", "franc", "francs", "mark", "marks", "crown", "crowns", "krona", "kronor",
    "krone", "kroner", "florin", "florins", "guilder", "guilders", "ruble", "rubles", "rouble",
    "roubles", "rupee", "rupees", "dinar", "dinars", "lira", "lire", "peso", "pesos", "real",
    "reais", "rand", "shekel", "shekels", "zloty", "zlotys", "forint", "forints", "ringgit",
    "baht", "dirham", "dirhams", "riyal", "riyals", "usd", "eur", "gbp", "jpy", "cny", "chf",
  ]

  static let timeWords: Set<String> = ["am", "pm", "gmt", "utc", "jst", "cet", "hrs"]

  /// Words before a number that make it a reference, not a figure.
  static let referenceWords: Set<String> = [
    "article", "articles", "art", "section", "sections", "sec", "paragraph", "paragraphs",
    "para", "chapter", "ch", "clause", "annex", "appendix", "resolution", "resolutions", "rule",
    "page", "pages", "p", "pp", "no", "nos", "number", "item", "part", "volume", "vol",
    "version", "v", "step", "phase", "level", "tier", "category", "grade", "stage", "class",
    "type", "room", "floor", "building", "route", "flight", "law", "act", "decree", "directive",
    "regulation", "figure", "fig", "table", "tel", "phone", "fax", "ref", "reference", "option",
    "principle", "goal", "recommendation",
  ]

  /// Fractions and ordinals after a hyphen: "two-thirds", "3-fifths".
  static let fractions: Set<String> = [
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
    "fifths", "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths",
    "tenth", "tenths", "st", "nd", "rd", "th",
  ]

  /// Units of time that make a number word's compound a count: "a four-day visit".
  static let timeUnits: Set<String> = [
    "minute", "hour", "day", "week", "month", "year", "decade", "century",
  ]

  static let determiners: Set<String> = [
    "the", "its", "their", "our", "his", "her", "these", "those", "whose", "your", "my",
  ]

  /// Words that are never a figure's unit noun.
  static let functionWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "into", "onto", "over", "under", "than", "then", "that", "this", "these",
    "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "as", "is",
    "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no",
    "so", "such", "per", "via", "each", "every", "all", "any", "some", "both", "either",
    "neither", "other", "another", "more", "most", "less", "least", "few", "fewer", "many",
    "much", "several", "same", "own", "only", "also", "just", "even", "still", "yet", "again",
    "ever", "never", "very", "too", "about", "above", "across", "after", "against", "along",
    "among", "around", "before", "behind", "below", "beside", "besides", "between", "beyond",
    "during", "except", "inside", "near", "off", "out", "outside", "since", "through",
    "throughout", "till", "toward", "towards", "until", "up", "upon", "within", "without", "it",
    "its", "they", "them", "their", "theirs", "we", "us", "our", "ours", "you", "your", "he",
    "him", "his", "she", "her", "me", "my", "there", "here", "whether", "if", "though",
    "although", "because", "while", "whereas", "including", "etc", "times", "percent", "cent",
    "later", "earlier", "ago", "now", "today", "yesterday", "tomorrow", "alone", "respectively",
    "others", "people's", "am", "pm", "per",
  ]

  /// Plural-looking: ends in s, not in ss, us or is; or one of the plurals without s.
  static func looksPlural(_ word: String) -> Bool {
    if ["people", "staff", "personnel", "children", "men", "women", "police", "aircraft", "data"]
      .contains(word)
    {
      return true
    }
    return word.unicodeScalars.count >= 3 && word.hasSuffix("s") && !word.hasSuffix("ss")
      && !word.hasSuffix("us") && !word.hasSuffix("is")
  }

  static let kanjiNumerals: [Unicode.Scalar: Double] = [
    "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10, "百": 100, "千": 1000, "万": 1e4, "億": 1e8, "兆": 1e12,
  ]

  static let japaneseScales: [Unicode.Scalar: Double] = [
    "百": 100, "千": 1000, "万": 1e4, "億": 1e8, "兆": 1e12,
  ]

  /// Words before a number in Japanese text that make it a reference: an extension, a telephone
  /// or reference number.
  static let japaneseReferences = ["内線", "電話", "番号", "tel", "fax"]

  /// Kanji before a kanji numeral that still lets it be a number: 約十四, 計三, 全二十.
  static let beforeKanjiNumbers: Set<Unicode.Scalar> = ["約", "計", "全", "各", "延"]

  static let eras: [String: Int] = ["令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911]

  static let eraInitials: Set<Unicode.Scalar> = ["令", "平", "昭", "大"]

  static let japaneseCurrencies = [
    "円", "米ドル", "ドル", "ユーロ", "人民元", "元", "ポンド", "ウォン", "ルーブル", "フラン",
    "ルピー", "ペソ", "クローネ", "クローナ", "クラウン", "マルク", "ディナール", "リラ", "ランド",
    "レアル", "バーツ", "リンギット",
  ]

  static let katakanaCurrencyNames = [
    "ドル", "ユーロ", "ポンド", "ウォン", "ルーブル", "フラン", "ルピー", "ペソ", "クローネ",
    "クローナ", "クラウン", "マルク", "ディナール", "リラ", "ランド", "レアル", "バーツ",
    "リンギット", "ギルダー", "フロリン",
  ]

  /// Counters after a number in digits.
  static let counters = [
    "件", "人", "名", "社", "団体", "品目", "機関", "回", "度", "日間", "時間", "分間", "秒",
    "年間", "週間", "個人", "か月", "カ月", "ヶ月", "ケ月", "ヵ月", "箇月", "か国", "カ国", "ヶ国", "ケ国",
    "ヵ国", "箇国", "国", "地域", "都市", "拠点", "箇所", "か所", "カ所", "ヶ所", "種類", "種",
    "項目", "品", "個", "台", "隻", "機", "基", "発", "本", "枚", "点", "校", "病院", "企業",
    "組織", "省庁", "世帯", "戸", "棟", "歳", "倍", "つ", "人員", "隊", "チーム", "グループ",
    "サーバー", "アカウント", "ドメイン", "ページ", "ヶ国・地域", "か国・地域", "カ国・地域",
  ]

  /// Counters after kanji numerals: not 国 or 度 (二国間, 二度と are words).
  static let kanjiCounters = counters.filter { $0 != "国" && $0 != "度" }
}

// MARK: - Measures

/// The words that name a measure a government takes, with their kinds: the data of
/// `Sources/SeimeiData/data/measures.tsv`, whose comment lines document the format and the
/// decisions behind it.
///
/// Terms are matched on the statement's normalised text (NFKC, lower case, blanks collapsed,
/// apostrophes and dashes folded): a term that begins or ends with a Latin letter or digit as
/// whole words, others (Japanese) as substrings; "a ... b" with up to 6 words (English) or 10
/// characters (Japanese) between, never across . ; : ? ! 。. Where matches overlap the longest
/// wins; a blocker (kind `-`) only hides the shorter matches it overlaps. The work is linear in
/// the text: a trie walk from each position, bounded by the longest term, and a bounded window
/// for a gap.
public struct MeasureList: Sendable {
  /// One term (one alternative of a row).
  public struct Entry: Sendable, Hashable {
    /// The words, as in the file: lower case, "a ... b" for a gap.
    public var term: String
    /// en, ja or * (both).
    public var language: String
    /// The kind of measure; nil for a blocker.
    public var kind: String?

    public init(term: String, language: String, kind: String?) {
      self.term = term
      self.language = language
      self.kind = kind
    }
  }

  /// The terms in file order, one per alternative.
  public let entries: [Entry]
  private let compiled: [Compiled]
  private let trie: Trie

  /// The list compiled into the binary.
  public static let standard: MeasureList = {
    do {
      return try MeasureList(tsv: String(cString: seimei_data_measures()))
    } catch {
      fatalError("The embedded measures.tsv is invalid: \(error)")
    }
  }()

  /// A list of the given terms. A term with "..." that does not have words on both sides of
  /// it is matched as written.
  public init(entries: [Entry]) {
    self.entries = entries
    var compiled: [Compiled] = []
    var trie = Trie()
    for entry in entries {
      let parts = Self.gapParts(entry.term)
      let head = Array(Gazetteer.key(parts?.head ?? entry.term).unicodeScalars)
      guard !head.isEmpty else { continue }
      let tail = parts.map { Array(Gazetteer.key($0.tail).unicodeScalars) }
      let last = tail?.last ?? head.last!
      compiled.append(
        Compiled(
          head: head, tail: tail, kind: entry.kind, language: entry.language,
          wholeStart: Gazetteer.isLatinAlphanumeric(head.first!),
          wholeHeadEnd: Gazetteer.isLatinAlphanumeric(head.last!),
          wholeTailStart: tail.map { Gazetteer.isLatinAlphanumeric($0.first!) } ?? false,
          wholeEnd: Gazetteer.isLatinAlphanumeric(last)))
      trie.insert(head, term: compiled.count - 1)
    }
    self.compiled = compiled
    self.trie = trie
  }

  /// Parses the TSV format of `measures.tsv`: `#` comment lines and blank lines ignored; a
  /// header row `term<TAB>lang<TAB>kind<TAB>note`; then one row a line with three or four
  /// fields, alternatives separated by `|`.
  public init(tsv: String) throws(MeasureListError) {
    var entries: [Entry] = []
    var sawHeader = false
    var number = 0
    for line in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if !sawHeader {
        guard fields == ["term", "lang", "kind", "note"] else {
          throw .badHeader(line: number, found: String(line))
        }
        sawHeader = true
        continue
      }
      guard fields.count == 3 || fields.count == 4 else {
        throw .wrongFieldCount(line: number, count: fields.count)
      }
      let language = fields[1]
      guard ["en", "ja", "*"].contains(language) else {
        throw .badLanguage(line: number, language: language)
      }
      let kind = fields[2]
      guard kind == "-" || Self.isKind(kind) else { throw .badKind(line: number, kind: kind) }
      for alternative in fields[0].split(separator: "|", omittingEmptySubsequences: false) {
        let term = alternative.trimmingCharacters(in: .whitespaces)
        guard !Gazetteer.key(term).isEmpty else { throw .emptyTerm(line: number) }
        if term.contains("...") && Self.gapParts(term) == nil {
          throw .badGap(line: number, term: term)
        }
        entries.append(Entry(term: term, language: language, kind: kind == "-" ? nil : kind))
      }
    }
    guard sawHeader else { throw .missingHeader }
    self.init(entries: entries)
  }

  /// The kinds of measure, in file order, each once.
  public var kinds: [String] {
    var seen: Set<String> = []
    return entries.compactMap { entry in
      guard let kind = entry.kind, seen.insert(kind).inserted else { return nil }
      return kind
    }
  }

  /// The measures named in a statement's normalised text: ranges are normalised offsets, in
  /// text order. `scalars` is the normalised text folded with `Gazetteer.foldCase`; positions
  /// where `skip` is true (URLs) are never part of a match.
  func matches(
    in statement: Statement, scalars: [Unicode.Scalar], skip: [Bool]
  ) -> [(range: Range<Int>, kind: String)] {
    let languages: Set<String> =
      switch statement.language {
      case .en: ["en", "*"]
      case .ja: ["ja", "*"]
      default: ["en", "ja", "*"]
      }
    let usable = compiled.map { languages.contains($0.language) }
    let count = scalars.count
    var candidates: [(start: Int, end: Int, term: Int)] = []
    for start in 0..<count where !skip[start] {
      guard var node = trie.child(of: 0, scalars[start]) else { continue }
      let boundary = start == 0 || !Gazetteer.isLatinAlphanumeric(scalars[start - 1])
      var position = start + 1
      var best: (end: Int, term: Int)?
      while true {
        for index in trie.terminals[node] where usable[index] {
          let term = compiled[index]
          if term.wholeStart && !boundary { continue }
          if term.wholeHeadEnd && position < count
            && Gazetteer.isLatinAlphanumeric(scalars[position])
          {
            continue
          }
          var end = position
          if let tail = term.tail {
            guard let found = Self.find(tail, whole: term, in: scalars, from: position) else {
              continue
            }
            end = found
          }
          if best == nil || end > best!.end { best = (end, index) }
        }
        guard position < count, let next = trie.child(of: node, scalars[position]) else { break }
        node = next
        position += 1
      }
      if let best, !skip[best.end - 1] {
        candidates.append((start, best.end, best.term))
      }
    }
    // The longest wins; among equals, the first.
    candidates.sort { ($0.end - $0.start, $1.start) > ($1.end - $1.start, $0.start) }
    var covered: [Bool] = candidates.isEmpty ? [] : Array(repeating: false, count: count)
    var chosen: [(range: Range<Int>, kind: String?)] = []
    for candidate in candidates {
      let range = candidate.start..<candidate.end
      if range.contains(where: { covered[$0] }) { continue }
      for index in range { covered[index] = true }
      chosen.append((range, compiled[candidate.term].kind))
    }
    return chosen.compactMap { match in match.kind.map { (match.range, $0) } }
      .sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The end of `tail` after a gap from `start`: English, up to 6 words between; Japanese, up
  /// to 10 characters; never across . ; : ? ! 。
  private static func find(
    _ tail: [Unicode.Scalar], whole term: Compiled, in scalars: [Unicode.Scalar], from start: Int
  ) -> Int? {
    let count = scalars.count
    func matches(at position: Int) -> Int? {
      guard position + tail.count <= count else { return nil }
      for (offset, scalar) in tail.enumerated() where scalars[position + offset] != scalar {
        return nil
      }
      let end = position + tail.count
      if term.wholeEnd && end < count && Gazetteer.isLatinAlphanumeric(scalars[end]) {
        return nil
      }
      if term.wholeTailStart && position > 0
        && Gazetteer.isLatinAlphanumeric(scalars[position - 1])
      {
        return nil
      }
      return end
    }
    if term.wholeTailStart {
      var position = start
      var words = 0
      while words <= 6 && position < count {
        while position < count && scalars[position] == " " { position += 1 }
        if let end = matches(at: position) { return end }
        while position < count && scalars[position] != " " {
          if stoppers.contains(scalars[position]) { return nil }
          position += 1
        }
        words += 1
      }
      return nil
    }
    var position = start
    while position <= min(start + 10, count - 1) {
      if position > start && stoppers.contains(scalars[position - 1]) { return nil }
      if let end = matches(at: position) { return end }
      position += 1
    }
    return nil
  }

  private static let stoppers: Set<Unicode.Scalar> = [".", ";", ":", "?", "!", "\u{3002}"]

  /// "a ... b" as its two sides, or nil.
  private static func gapParts(_ term: String) -> (head: String, tail: String)? {
    let parts = term.components(separatedBy: "...").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return (parts[0], parts[1])
  }

  /// One lowercase word, hyphens allowed inside: asset-freeze.
  private static func isKind(_ kind: String) -> Bool {
    let scalars = Array(kind.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last, ("a"..."z").contains(first),
      ("a"..."z").contains(last)
    else { return false }
    return scalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
  }

  private struct Compiled: Sendable {
    var head: [Unicode.Scalar]
    var tail: [Unicode.Scalar]?
    var kind: String?
    var language: String
    /// Whole words: a Latin letter or digit at the start, the end of the head, the start of
    /// the tail, the end.
    var wholeStart: Bool
    var wholeHeadEnd: Bool
    var wholeTailStart: Bool
    var wholeEnd: Bool
  }

  /// A scalar trie over the heads of the terms.
  private struct Trie: Sendable {
    var children: [[Unicode.Scalar: Int]] = [[:]]
    var terminals: [[Int]] = [[]]

    func child(of node: Int, _ scalar: Unicode.Scalar) -> Int? { children[node][scalar] }

    mutating func insert(_ scalars: [Unicode.Scalar], term: Int) {
      var node = 0
      for scalar in scalars {
        if let next = children[node][scalar] {
          node = next
        } else {
          children.append([:])
          terminals.append([])
          children[node][scalar] = children.count - 1
          node = children.count - 1
        }
      }
      terminals[node].append(term)
    }
  }
}

/// An invalid measures file; every case but `missingHeader` names its line (1-based).
public enum MeasureListError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No header row `term<TAB>lang<TAB>kind<TAB>note` before the rows.
  case missingHeader
  /// The first line that is not a comment is not the header row.
  case badHeader(line: Int, found: String)
  /// A row without three or four tab-separated fields.
  case wrongFieldCount(line: Int, count: Int)
  /// An empty term or alternative.
  case emptyTerm(line: Int)
  /// A language other than en, ja or *.
  case badLanguage(line: Int, language: String)
  /// A kind that is not one lowercase word (hyphens allowed) or -.
  case badKind(line: Int, kind: String)
  /// A term with "..." without words on both sides of one gap.
  case badGap(line: Int, term: String)

  /// The line the error is on.
  public var line: Int? {
    switch self {
    case .missingHeader: return nil
    case .badHeader(let line, _), .wrongFieldCount(let line, _), .emptyTerm(let line),
      .badLanguage(let line, _), .badKind(let line, _), .badGap(let line, _):
      return line
    }
  }

  public var description: String {
    switch self {
    case .missingHeader:
      return "measures: no header row \"term<TAB>lang<TAB>kind<TAB>note\""
    case .badHeader(let line, let found):
      return "measures line \(line): expected the header \"term<TAB>lang<TAB>kind<TAB>note\", "
        + "found \"\(found)\""
    case .wrongFieldCount(let line, let count):
      return "measures line \(line): \(count) tab-separated fields; expected term, lang, kind "
        + "and an optional note"
    case .emptyTerm(let line):
      return "measures line \(line): empty term"
    case .badLanguage(let line, let language):
      return "measures line \(line): language \"\(language)\" is not en, ja or *"
    case .badKind(let line, let kind):
      return "measures line \(line): kind \"\(kind)\" is not one lowercase word or -"
    case .badGap(let line, let term):
      return "measures line \(line): \"\(term)\" needs words on both sides of one \"...\""
    }
  }
}
