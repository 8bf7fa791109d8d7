import Foundation
import SeimeiData

// MARK: - Stop words

/// The function words left out of term lists and keyness: English articles, pronouns,
/// prepositions, conjunctions, auxiliaries and common adverbs; Japanese particles,
/// auxiliaries, light verbs and function words written in kanji (及び, 等, 我が国 …).
///
/// The lists are `Sources/SeimeiData/data/stopwords-en.txt` and `stopwords-ja.txt`, compiled
/// into the binary; their comment lines document the format and the choices. Words are kept as
/// term keys (`TermCounts.key`: NFKC, lowercase, curly apostrophes folded), so `contains` is
/// insensitive to case and width. There is no list for Chinese or other languages: `contains`
/// is false for them.
public struct Stopwords: Sendable {
  private var english: Set<String>
  private var japanese: Set<String>

  /// The lists compiled into the binary.
  public static let standard: Stopwords = {
    do {
      return try Stopwords(
        english: String(cString: seimei_data_stopwords_en()),
        japanese: String(cString: seimei_data_stopwords_ja()))
    } catch {
      fatalError("The embedded stop word lists are invalid: \(error)")
    }
  }()

  /// Lists in the format of the data files (see `parse`).
  public init(english: String, japanese: String) throws(StopwordsError) {
    self.english = try Self.parse(english)
    self.japanese = try Self.parse(japanese)
  }

  /// Lists of words given directly (each made a term key).
  public init(english: some Sequence<String>, japanese: some Sequence<String>) {
    self.english = Set(english.map(TermCounts.key))
    self.japanese = Set(japanese.map(TermCounts.key))
  }

  /// Parses a stop word file: one word a line; blank lines and lines starting with `#` are
  /// ignored, blanks around a word too. A word with a blank inside, or listed twice (by key),
  /// is an error naming its line (1-based).
  public static func parse(_ text: String) throws(StopwordsError) -> Set<String> {
    var words: [String: Int] = [:]
    var number = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      let word = line.trimmingCharacters(in: .whitespaces)
      if word.isEmpty || word.hasPrefix("#") { continue }
      if word.contains(where: \.isWhitespace) {
        throw .blankInWord(line: number, text: word)
      }
      let key = TermCounts.key(word)
      if let first = words[key] {
        throw .duplicate(line: number, word: word, firstLine: first)
      }
      words[key] = number
    }
    return Set(words.keys)
  }

  /// Whether `term` (any case or width) is a stop word of `language`; always false for
  /// languages without a list (zh, other).
  public func contains(_ term: String, language: Language) -> Bool {
    contains(key: TermCounts.key(term), language: language)
  }

  /// The words of a language's list, as term keys; empty for languages without a list.
  public func words(for language: Language) -> Set<String> {
    switch language {
    case .en: return english
    case .ja: return japanese
    case .zh, .other: return []
    }
  }

  /// `contains` for a term already made a key.
  func contains(key: String, language: Language) -> Bool {
    switch language {
    case .en: return english.contains(key)
    case .ja: return japanese.contains(key)
    case .zh, .other: return false
    }
  }
}

/// An invalid stop word file; each case names its line (1-based).
public enum StopwordsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A line with a blank inside the word: a term is one token, so it could never match.
  case blankInWord(line: Int, text: String)
  /// A word (by key) already listed on another line.
  case duplicate(line: Int, word: String, firstLine: Int)

  public var description: String {
    switch self {
    case .blankInWord(let line, let text):
      return "stop words line \(line): \"\(text)\" is not one word"
    case .duplicate(let line, let word, let firstLine):
      return "stop words line \(line): \"\(word)\" is already listed on line \(firstLine)"
    }
  }
}

// MARK: - Term counts

/// One term of a `TermCounts`, with its rate.
public struct TermCount: Sendable, Equatable {
  /// The term key (see `TermCounts.key`).
  public var term: String
  /// The spelling to show (see `TermCounts.display`).
  public var display: String
  public var count: Int
  /// Occurrences per 1,000 content tokens of the text.
  public var perThousand: Double

  public init(term: String, display: String, count: Int, perThousand: Double) {
    self.term = term
    self.display = display
    self.count = count
    self.perThousand = perThousand
  }
}

/// Content-word counts of a text: what `terms` lists and keyness compares.
///
/// **What a term is.** A token of the statement's segmentation (ICU words in English, ICU
/// dictionary words, i.e. morphemes, in Japanese), with these changes:
///
/// - Latin-script tokens joined by a hyphen with no blank (`-`, U+2010, U+2011, full-width
///   `－`) are one term: ICU splits "KX-22", "like-minded" and "COVID-19" in two, and they are
///   one word to a reader. A joined term with no letter (`2024-25`) is a number.
/// - A possessive `'s` or `’s` is cut off: "Directorate's" counts as "directorate".
/// - Terms are counted by *key*: NFKC (full-width letters made ASCII, half-width katakana
///   full-width), lowercase, curly apostrophes folded to `'`. No stemming or plural folding:
///   surface forms are counted, so "sanction" and "sanctions" are two terms. A stemmer would
///   merge words a reader keeps apart ("sanction" the measure, "sanctions" the regime) and has
///   no Japanese counterpart; the surface form is also what a reader can search for.
///
/// **What is not counted.**
///
/// - Numbers (tokens with no letter, kana or ideograph) and English ordinals (2nd, 14th):
///   quantities are not topics (`CrossLanguageTerms` compares them).
/// - Text inside web and e-mail addresses (`https://example.jp/…`, `press@example.org`).
/// - Terms of one Latin letter or one kana; tokens written in hiragana alone (particles,
///   auxiliaries, inflections, and the pieces of verbs ICU splits: 行|われ|て). In official
///   Japanese, content words are written in kanji or katakana; the price is the rare
///   hiragana-spelled content word (おそれ), which is not counted.
/// - Stop words (`Stopwords`): the statement's language decides the list; Latin-script terms
///   in a Japanese or Chinese statement are looked up in the English list, and Chinese
///   statements have no list for their own words (the Japanese list is not used for them).
///   Statements of other languages have no list.
/// - In Japanese, a one-kanji token right after a number is a counter or unit (2023|年,
///   14|日, 312|億|円, with the kanji after it) and is not counted; nor is a one-kanji token
///   written right before a hiragana token that does not start with a particle (の を に が は
///   と で も へ や だ): that is the stem of a verb or adjective ICU cut from its ending
///   (行|われ, 踏|ま|え, 有|し). A noun (国の, 案を, 省が) stays.
///
/// **Cost.** One pass over the tokens, no Foundation call per token: a token costs one small
/// string (sliced from the UTF-8 bytes) and one dictionary lookup by spelling; each distinct
/// spelling is normalised and classified once. Measured on a 1 MB English statement (the
/// Arvenna sample 150 times, 155,100 tokens) and a 1 MB Japanese one (mofa-cyber 500 times,
/// 170,000 tokens), the `Statement` already built: 0.022 s and 0.028 s in a release build
/// (0.35 s and 0.22 s in a debug build), against 0.06 s and 0.15 s to build the `Statement`.
public struct TermCounts: Sendable, Equatable {
  /// Term key → count.
  public var counts: [String: Int]
  /// All content tokens counted (the sum of `counts`).
  public var total: Int
  /// Term key → the spelling to show: the first spelling in the text, except that a spelling
  /// capitalised only on its first letter ("Ransomware", at the start of a sentence) gives way
  /// to an all-lowercase one seen later ("ransomware"). Spellings are as written (width too),
  /// without a possessive 's.
  public var display: [String: String]
  /// The statement's language, which chose the stop words.
  public var language: Language

  public init(
    counts: [String: Int], total: Int, display: [String: String], language: Language
  ) {
    self.counts = counts
    self.total = total
    self.display = display
    self.language = language
  }

  /// Counts the content words of a statement.
  public init(_ statement: Statement, stopwords: Stopwords = .standard) {
    var counter = TermCounter(statement: statement, stopwords: stopwords)
    counter.run()
    self.init(
      counts: counter.counts, total: counter.total, display: counter.display,
      language: statement.language)
  }

  /// The number of times a term occurs; `term` is made a key first, so any case or width of it
  /// works.
  public func count(of term: String) -> Int { counts[Self.key(term)] ?? 0 }

  /// Occurrences of a term per 1,000 content tokens; 0 for an empty text.
  public func perThousand(_ term: String) -> Double {
    Self.rate(count(of: term), total)
  }

  /// The spelling to show for a term key (the key itself if the term was never seen).
  public func displayForm(_ term: String) -> String { display[term] ?? term }

  /// The `n` most frequent terms, most frequent first; equal counts in term order (so the
  /// result is the same on every run).
  public func top(_ n: Int) -> [TermCount] {
    let ordered = counts.sorted { left, right in
      left.value != right.value ? left.value > right.value : left.key < right.key
    }
    return ordered.prefix(max(0, n)).map { term, count in
      TermCount(
        term: term, display: displayForm(term), count: count,
        perThousand: Self.rate(count, total))
    }
  }

  /// The key a term is counted by: NFKC, lowercase (then NFC again, as `NormalizedText`),
  /// curly apostrophes folded to `'` and Unicode hyphens to `-`.
  public static func key(_ term: String) -> String {
    if term.utf8.allSatisfy({ $0 < 0x80 }) { return term.lowercased() }
    let folded = term.precomposedStringWithCompatibilityMapping.lowercased()
      .precomposedStringWithCanonicalMapping
    var scalars = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars { scalars.append(TermScript.foldPunctuation(scalar)) }
    return String(scalars)
  }

  static func rate(_ count: Int, _ total: Int) -> Double {
    total > 0 ? Double(count) * 1000 / Double(total) : 0
  }
}

/// The pass that makes a `TermCounts`.
///
/// Each distinct spelling is looked up once: its key, whether it is content and which term it
/// counts for are cached, so a token costs one small string and one dictionary lookup. The
/// display rule depends only on the order in which spellings first appear, so it too runs once
/// per spelling.
private struct TermCounter {
  var text: ScalarText
  let tokens: [Segmentation.Token]
  let addresses: [Range<Int>]
  let stopwords: Stopwords
  /// The list Latin-script terms are looked up in, and the one for the others.
  let latinList: Language
  let otherList: Language
  /// Whether the Japanese token rules (counters, verb stems) apply.
  let japaneseRules: Bool

  /// Spelling → index into `terms`, or -1 for a spelling that is not content.
  var spellings: [String: Int] = [:]
  /// Key → index into `terms`.
  var slots: [String: Int] = [:]
  var terms: [(key: String, display: String, count: Int)] = []
  var total = 0

  init(statement: Statement, stopwords: Stopwords) {
    text = ScalarText(statement.text)
    tokens = statement.segmentation.tokens
    addresses = WebAddresses.spans(in: text.scalars)
    self.stopwords = stopwords
    switch statement.language {
    case .en: (latinList, otherList) = (.en, .en)
    case .ja: (latinList, otherList) = (.en, .ja)
    case .zh: (latinList, otherList) = (.en, .zh)
    case .other: (latinList, otherList) = (.other, .other)
    }
    japaneseRules = statement.language == .ja
  }

  var counts: [String: Int] {
    Dictionary(uniqueKeysWithValues: terms.map { ($0.key, $0.count) })
  }

  var display: [String: String] {
    Dictionary(uniqueKeysWithValues: terms.map { ($0.key, $0.display) })
  }

  mutating func run() {
    let scalars = text.scalars
    var index = 0
    var address = 0
    // Where a counter may start: the end of the last number or counter.
    var counterStart = -1
    while index < tokens.count {
      let first = tokens[index]
      let start = first.range.start
      var end = first.range.end
      var letters = first.kind == .word
      if TermScript.isLatinAlphanumeric(TermScript.fold(scalars[start])) {
        while index + 1 < tokens.count {
          let next = tokens[index + 1]
          guard next.range.start == end + 1, TermScript.isHyphen(scalars[end]),
            TermScript.isLatinAlphanumeric(TermScript.fold(scalars[next.range.start]))
          else { break }
          index += 1
          end = next.range.end
          letters = letters || next.kind == .word
        }
      }
      index += 1
      while address < addresses.count && addresses[address].upperBound <= start { address += 1 }
      if address < addresses.count && addresses[address].contains(start) {
        counterStart = -1
        continue
      }
      if !letters {
        counterStart = end
        continue
      }
      if japaneseRules && end - start == 1 && TermScript.isKanji(scalars[start]) {
        if start == counterStart {
          counterStart = end
          continue
        }
        if index < tokens.count && isVerbEnding(tokens[index].range, after: end) {
          counterStart = -1
          continue
        }
      }
      counterStart = -1
      // Possessive 's.
      if end - start >= 3, TermScript.isApostrophe(scalars[end - 2]),
        TermScript.fold(scalars[end - 1]) == "s" || TermScript.fold(scalars[end - 1]) == "S",
        TermScript.isLatinLetter(TermScript.fold(scalars[end - 3]))
      {
        end -= 2
      }
      count(text.string(start, end))
    }
  }

  /// Whether `range` is a hiragana token written right after `end` that does not start with a
  /// particle or copula: the ending of a verb or adjective whose stem ends at `end`.
  private func isVerbEnding(_ range: TextRange, after end: Int) -> Bool {
    guard range.start == end, !range.isEmpty else { return false }
    for offset in range.start..<range.end where !TermScript.isHiragana(text.scalars[offset]) {
      return false
    }
    return !TermScript.nounFollowers.contains(text.scalars[range.start])
  }

  private mutating func count(_ spelling: String) {
    if let slot = spellings[spelling] {
      if slot >= 0 {
        terms[slot].count += 1
        total += 1
      }
      return
    }
    let key = TermCounts.key(spelling)
    guard isContent(key) else {
      spellings[spelling] = -1
      return
    }
    let slot: Int
    if let existing = slots[key] {
      slot = existing
      // A later lowercase spelling replaces a capitalised first one.
      if TermScript.isCapitalizedOnly(terms[slot].display)
        && spelling.unicodeScalars.first?.properties.isLowercase == true
      {
        terms[slot].display = spelling
      }
    } else {
      slot = terms.count
      slots[key] = slot
      terms.append((key, spelling, 0))
    }
    spellings[spelling] = slot
    terms[slot].count += 1
    total += 1
  }

  private func isContent(_ key: String) -> Bool {
    var length = 0
    var latin = false
    var hiragana = true
    var kana = true
    for scalar in key.unicodeScalars {
      length += 1
      if TermScript.isLatinLetter(scalar) { latin = true }
      if !TermScript.isHiragana(scalar) { hiragana = false }
      if !TermScript.isHiragana(scalar) && !TermScript.isKatakana(scalar) { kana = false }
    }
    if hiragana { return false }
    if length == 1 && (latin || kana) { return false }
    if latin && TermScript.isOrdinal(key) { return false }
    return !stopwords.contains(key: key, language: latin ? latinList : otherList)
  }
}

/// A text as Unicode scalars and UTF-8 bytes, with a cursor from scalar offsets to byte
/// offsets that moves in either direction (cheap when calls go forward, as all passes here do).
struct ScalarText {
  let scalars: [Unicode.Scalar]
  let utf8: [UInt8]
  private var cursorScalar = 0
  private var cursorByte = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
    utf8 = Array(text.utf8)
  }

  /// The UTF-8 offset of scalar offset `offset`.
  mutating func byteOffset(_ offset: Int) -> Int {
    while cursorScalar < offset {
      cursorByte += Self.length(scalars[cursorScalar])
      cursorScalar += 1
    }
    while cursorScalar > offset {
      cursorScalar -= 1
      cursorByte -= Self.length(scalars[cursorScalar])
    }
    return cursorByte
  }

  /// The text of scalars `start..<end`.
  mutating func string(_ start: Int, _ end: Int) -> String {
    let lower = byteOffset(start)
    let upper = byteOffset(end)
    return utf8.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[lower..<upper]), as: UTF8.self)
    }
  }

  private static func length(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0..<0x80: return 1
    case 0x80..<0x800: return 2
    case 0x800..<0x10000: return 3
    default: return 4
    }
  }
}

// MARK: - Scripts and addresses

/// Character classes of terms.
enum TermScript {
  /// Full-width ASCII made ASCII, Unicode hyphens made `-`, curly apostrophes `'`; other
  /// scalars unchanged. One scalar for one, so offsets are kept.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
    default: return foldPunctuation(scalar)
    }
  }

  /// Unicode hyphens made `-`, curly apostrophes `'`.
  static func foldPunctuation(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x2010, 0x2011, 0xFE63, 0xFF0D: return "-"
    case 0x2018, 0x2019, 0x02BC, 0xFF07: return "'"
    default: return scalar
    }
  }

  static func isHyphen(_ scalar: Unicode.Scalar) -> Bool { fold(scalar) == "-" }

  /// Digits and an English ordinal ending, in lowercase: 1st, 22nd, 3rd, 14th.
  static func isOrdinal(_ key: String) -> Bool {
    let utf8 = Array(key.utf8)
    guard utf8.count >= 3, utf8[0] >= 0x30 && utf8[0] <= 0x39 else { return false }
    let digits = utf8.dropLast(2)
    guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    return ["st", "nd", "rd", "th"].contains(String(decoding: utf8.suffix(2), as: UTF8.self))
  }

  static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { fold(scalar) == "'" }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    Gazetteer.isLatinLetter(scalar)
  }

  static func isLatinAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    Gazetteer.isLatinAlphanumeric(scalar)
  }

  static func isKanji(_ scalar: Unicode.Scalar) -> Bool { Gazetteer.isKanji(scalar) }

  /// Hiragana, with the iteration marks ゝゞ.
  static func isHiragana(_ scalar: Unicode.Scalar) -> Bool { Gazetteer.isHiragana(scalar) }

  /// Katakana (with the long vowel mark), full- and half-width.
  static func isKatakana(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true
    default: return false
    }
  }

  /// The hiragana a noun is written right before: case particles and the copula. A one-kanji
  /// token followed by any other hiragana is a verb or adjective stem.
  static let nounFollowers: Set<Unicode.Scalar> = [
    "の", "を", "に", "が", "は", "と", "で", "も", "へ", "や", "だ",
  ]

  /// Capital first letter and no other capital: "Ransomware", not "KX" or "ransomware".
  static func isCapitalizedOnly(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first.properties.isUppercase else {
      return false
    }
    return !text.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
  }
}

/// Web and e-mail addresses in a text: their words are not terms and their digits not numbers.
enum WebAddresses {
  /// The spans (scalar offsets) of `http://…`, `https://…` and `www.…` addresses, up to the next
  /// blank or non-ASCII character, without trailing punctuation; and of e-mail addresses.
  /// Ascending and disjoint.
  static func spans(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    let count = scalars.count
    var position = 0
    while position < count {
      let scalar = scalars[position]
      let boundary = position == 0 || !isAddressScalar(scalars[position - 1])
      if boundary
        && (starts(scalars, at: position, with: "http://")
          || starts(scalars, at: position, with: "https://")
          || starts(scalars, at: position, with: "www."))
      {
        var end = position
        while end < count && isAddressScalar(scalars[end]) { end += 1 }
        while end > position && ".,;:!?)]}".unicodeScalars.contains(scalars[end - 1]) {
          end -= 1
        }
        spans.append(position..<end)
        position = max(end, position + 1)
        continue
      }
      if scalar == "@" && position > 0 && position + 1 < count
        && isMailScalar(scalars[position - 1]) && isLatinAlphanumericASCII(scalars[position + 1])
      {
        var start = position
        while start > (spans.last?.upperBound ?? 0) && isMailScalar(scalars[start - 1]) {
          start -= 1
        }
        var end = position + 1
        while end < count
          && (isLatinAlphanumericASCII(scalars[end]) || scalars[end] == "." || scalars[end] == "-")
        {
          end += 1
        }
        while end > position + 1 && scalars[end - 1] == "." { end -= 1 }
        spans.append(start..<end)
        position = end
        continue
      }
      position += 1
    }
    return spans
  }

  private static func starts(_ scalars: [Unicode.Scalar], at position: Int, with prefix: String)
    -> Bool
  {
    var offset = position
    for expected in prefix.unicodeScalars {
      guard offset < scalars.count else { return false }
      var scalar = scalars[offset]
      if ("A"..."Z").contains(scalar) { scalar = Unicode.Scalar(scalar.value | 0x20)! }
      if scalar != expected { return false }
      offset += 1
    }
    return true
  }

  /// ASCII that may stand in an address: printable, not a blank, quote or angle bracket.
  private static func isAddressScalar(_ scalar: Unicode.Scalar) -> Bool {
    (0x21...0x7E).contains(scalar.value) && !"<>\"'`".unicodeScalars.contains(scalar)
  }

  private static func isMailScalar(_ scalar: Unicode.Scalar) -> Bool {
    isLatinAlphanumericASCII(scalar) || "._%+-".unicodeScalars.contains(scalar)
  }

  private static func isLatinAlphanumericASCII(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    default: return false
    }
  }
}

// MARK: - Terms across languages

/// For statements in different languages: what both write the same way. Their words cannot be
/// compared, but names, numbers and Latin-script terms (codes, acronyms, product and group
/// names) can.
///
/// - `names`: the gazetteer's canonical names that both statements name, in any alias or
///   language (国際連合 and "the United Nations" are "United Nations"), found with
///   `Gazetteer.matches` over each text made NFKC with its capitals kept and blanks collapsed
///   (so a capitals-only alias such as UN counts where it is written in capitals). Names not in
///   the gazetteer (a state the gazetteer does not list) cannot be matched across scripts.
/// - `numbers`: the numbers both contain, as plain decimal strings: full-width digits made
///   ASCII, thousands separators removed ("1,900", "１，９００" → "1900"), trailing fraction
///   zeros dropped. Numbers are *scaled* by the words and characters that multiply them, so
///   that the two languages' ways of writing large numbers meet: 万 ×10⁴, 億 ×10⁸, 兆 ×10¹²
///   (also chained: 1億2000万 → 120000000) and "thousand", "million", "billion", "trillion"
///   after a number ("48 million" and 4,800万 are both 48000000). An ordinal ("14th") is its
///   number; a Japanese era year is converted (令和5年 → 2023, 平成31年 → 2019). Left out:
///   paragraph and list labels ("1." or "1　" opening a paragraph, "(2)"), digits inside codes
///   (the 22 of KX-22) and addresses, and numbers written in words or kanji (fourteen, 十四).
///   Dates are compared by their parts: 10月14日 and "14 October" share 14.
///   Sorted by value.
/// - `latin`: Latin-script terms in both (KX-22, MFA, VPN, MITRE), compared by key (NFKC,
///   lowercase, apostrophes and hyphens folded); shown as first written in the first statement.
///   A term is a run of Latin letters and digits with inner hyphens, dots, underscores,
///   apostrophes and ampersands (ATT&CK), with at least one letter and two or more characters,
///   a possessive 's cut off. English stop words, gazetteer names (which are in `names`) and
///   addresses are left out. Meant for statements in different languages, where one side's
///   Latin terms are few: for two English statements it is every shared word (use
///   `Keyness.sharedTerms`). In order of first appearance in the first statement.
///
/// Cost: linear; one Foundation NFKC pass over each text for the names, the rest scalar by
/// scalar. For the 1 MB English statement of `TermCounts` against a short one, 0.2 s in a
/// release build (half of it the names), 1.2 s in a debug build.
public struct CrossLanguageTerms: Sendable, Equatable {
  public var names: [String]
  public var numbers: [String]
  public var latin: [String]

  public init(names: [String] = [], numbers: [String] = [], latin: [String] = []) {
    self.names = names
    self.numbers = numbers
    self.latin = latin
  }

  /// What `a` and `b` both write the same way.
  public static func between(
    _ a: Statement, _ b: Statement, gazetteer: Gazetteer = .standard,
    stopwords: Stopwords = .standard
  ) -> CrossLanguageTerms {
    let first = SharedSurface(a, gazetteer: gazetteer, stopwords: stopwords)
    let second = SharedSurface(b, gazetteer: gazetteer, stopwords: stopwords)
    let names = Set(second.names)
    let latin = Set(second.latin.map(\.key))
    let numbers = first.numbers.filter { second.numbers[$0.key] != nil }
      .sorted { left, right in
        left.value != right.value ? left.value < right.value : left.key < right.key
      }
    return CrossLanguageTerms(
      names: first.names.filter { names.contains($0) },
      numbers: numbers.map(\.key),
      latin: first.latin.filter { latin.contains($0.key) }.map(\.display))
  }
}

/// The names, numbers and Latin-script terms of one statement.
private struct SharedSurface {
  /// Canonical names, first appearance first, each once.
  var names: [String] = []
  /// Latin-script terms by first appearance: key and first spelling.
  var latin: [(key: String, display: String)] = []
  /// Normalised number → value.
  var numbers: [String: Decimal] = [:]

  private var text: ScalarText
  private let scalars: [Unicode.Scalar]

  init(_ statement: Statement, gazetteer: Gazetteer, stopwords: Stopwords) {
    text = ScalarText(statement.text)
    scalars = text.scalars
    var seen = Set<String>()
    for match in gazetteer.matches(in: Self.casedNFKC(statement.text))
    where seen.insert(match.entry.canonical).inserted {
      names.append(match.entry.canonical)
    }
    scan(statement, gazetteer: gazetteer, stopwords: stopwords)
  }

  /// NFKC with capitals kept, blanks collapsed to one space.
  private static func casedNFKC(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var blank = false
    for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar.properties.isWhitespace {
        if !blank { result.append(" ") }
        blank = true
      } else {
        result.append(scalar)
        blank = false
      }
    }
    return String(result)
  }

  private func folded(_ offset: Int) -> Unicode.Scalar {
    offset < scalars.count ? TermScript.fold(scalars[offset]) : " "
  }

  private mutating func scan(_ statement: Statement, gazetteer: Gazetteer, stopwords: Stopwords) {
    let labels = Set(statement.segmentation.paragraphs.compactMap { label(at: $0.start) })
    let addresses = WebAddresses.spans(in: scalars)
    var spellings = Set<String>()
    var keys = Set<String>()
    var address = 0
    var position = 0
    let count = scalars.count
    while position < count {
      if address < addresses.count && addresses[address].lowerBound <= position {
        position = max(position, addresses[address].upperBound)
        address += 1
        continue
      }
      let scalar = folded(position)
      guard TermScript.isLatinAlphanumeric(scalar),
        position == 0 || !TermScript.isLatinAlphanumeric(folded(position - 1))
      else {
        position += 1
        continue
      }
      let start = position
      let (end, letters) = run(from: start)
      position = end
      if !letters {
        if labels.contains(start) { continue }
        position = number(start, end)
        continue
      }
      if let ordinal = ordinalEnd(start, end) {
        position = number(start, ordinal, after: end)
        continue
      }
      var termEnd = end
      if termEnd - start >= 3 && folded(termEnd - 2) == "'"
        && (folded(termEnd - 1) == "s" || folded(termEnd - 1) == "S")
      {
        termEnd -= 2
      }
      guard termEnd - start >= 2 else { continue }
      let spelling = text.string(start, termEnd)
      guard spellings.insert(spelling).inserted else { continue }
      let key = TermCounts.key(spelling)
      guard keys.insert(key).inserted else { continue }
      if stopwords.contains(key: key, language: .en) || gazetteer.entry(for: spelling) != nil {
        continue
      }
      latin.append((key, spelling))
    }
  }

  /// A run of Latin letters and digits from `start`, with inner connectors (`-` `.` `_`, `'`
  /// before a letter, `&` between letters as in ATT&CK, `,` between digits): its end and
  /// whether it has a letter.
  private func run(from start: Int) -> (end: Int, letters: Bool) {
    var end = start
    var letters = false
    while end < scalars.count {
      let scalar = folded(end)
      if TermScript.isLatinAlphanumeric(scalar) {
        letters = letters || TermScript.isLatinLetter(scalar)
        end += 1
        continue
      }
      let next = folded(end + 1)
      guard end > start, TermScript.isLatinAlphanumeric(next) else { break }
      switch scalar {
      case "-", ".", "_": break
      case "'" where TermScript.isLatinLetter(next): break
      case "&" where TermScript.isLatinLetter(folded(end - 1)) && TermScript.isLatinLetter(next):
        break
      case "," where TermScript.isDigit(folded(end - 1)) && TermScript.isDigit(next): break
      default: return (end, letters)
      }
      end += 1
    }
    return (end, letters)
  }

  /// For "14th", "1st", "22nd", "3rd": the end of the digits.
  private func ordinalEnd(_ start: Int, _ end: Int) -> Int? {
    var digits = start
    while digits < end && TermScript.isDigit(folded(digits)) { digits += 1 }
    guard digits > start, end - digits == 2 else { return nil }
    let suffix = String(String.UnicodeScalarView([folded(digits), folded(digits + 1)]))
      .lowercased()
    return ["st", "nd", "rd", "th"].contains(suffix) ? digits : nil
  }

  /// The offset of a paragraph's label number, if the paragraph opens with one: "1." "1)" "(1)"
  /// "1、" or "1" and an ideographic space or tab (digits ASCII or full-width, up to three).
  private func label(at start: Int) -> Int? {
    var position = start
    while position < scalars.count && scalars[position].properties.isWhitespace {
      position += 1
    }
    let bracket = position < scalars.count && "([（［".unicodeScalars.contains(scalars[position])
    if bracket { position += 1 }
    let digits = position
    while position < scalars.count && TermScript.isDigit(folded(position)) { position += 1 }
    guard position > digits, position - digits <= 3, position < scalars.count else { return nil }
    let after = scalars[position]
    if bracket {
      return ")]）］".unicodeScalars.contains(after) ? digits : nil
    }
    return ".)．）、\u{3000}\t".unicodeScalars.contains(after) ? digits : nil
  }

  /// Records the number(s) of the digit run `start..<end` and any multiplier after it (at
  /// `after`, by default `end`); returns where scanning goes on.
  private mutating func number(_ start: Int, _ end: Int, after: Int? = nil) -> Int {
    var text = String.UnicodeScalarView()
    for offset in start..<end { text.append(folded(offset)) }
    // Parts joined by hyphens or underscores (2024-25, 2025-10-14) and dotted dates
    // (14.10.2025) are separate numbers.
    var pieces = String(text).split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    pieces = pieces.flatMap { piece in
      piece.filter { $0 == "." }.count > 1 ? piece.split(separator: ".").map(String.init) : [piece]
    }
    guard let last = pieces.popLast() else { return after ?? end }
    for piece in pieces { record(Self.value(piece)) }
    var value = Self.value(last)
    var position = after ?? end
    if pieces.isEmpty, let era = eraYear(start, end, value) {
      record(era)
      return position
    }
    // Japanese multipliers, chained: 1億2000万.
    var total: Decimal = 0
    var scaled = false
    while position < scalars.count, let power = Self.japanesePowers[scalars[position]],
      let current = value
    {
      total += current * Self.power(power)
      scaled = true
      position += 1
      value = nil
      guard TermScript.isDigit(folded(position)) else { break }
      let (next, letters) = run(from: position)
      guard !letters else { break }
      value = Self.value(String(String.UnicodeScalarView((position..<next).map(folded))))
      position = next
    }
    if scaled {
      if let value { total += value }
      record(total)
      return position
    }
    // English multipliers: "48 million".
    var word = position
    while word < scalars.count && (scalars[word] == " " || scalars[word] == "\u{A0}") {
      word += 1
    }
    if word > position, let value {
      var wordEnd = word
      while wordEnd < scalars.count && TermScript.isLatinLetter(folded(wordEnd)) { wordEnd += 1 }
      let name = String(String.UnicodeScalarView((word..<wordEnd).map(folded))).lowercased()
      if let power = Self.englishPowers[name] {
        record(value * Self.power(power))
        return wordEnd
      }
    }
    record(value)
    return position
  }

  /// A Gregorian year for an era year: digits right after 令和 or 平成 (or ㋿ ㍻) and before 年.
  private func eraYear(_ start: Int, _ end: Int, _ value: Decimal?) -> Decimal? {
    guard let value, end < scalars.count, scalars[end] == "年" else { return nil }
    var before = start
    while before > 0 && scalars[before - 1] == " " { before -= 1 }
    func preceded(by era: String) -> Bool {
      let era = Array(era.unicodeScalars)
      guard before >= era.count else { return false }
      return Array(scalars[(before - era.count)..<before]) == era
    }
    if preceded(by: "令和") || preceded(by: "\u{32FF}") { return value + 2018 }
    if preceded(by: "平成") || preceded(by: "\u{337B}") { return value + 1988 }
    return nil
  }

  private mutating func record(_ value: Decimal?) {
    guard let value else { return }
    numbers[Self.string(value)] = value
  }

  private static let posix = Locale(identifier: "en_US_POSIX")
  private static let japanesePowers: [Unicode.Scalar: Int] = ["万": 4, "億": 8, "兆": 12]
  private static let englishPowers: [String: Int] = [
    "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
  ]

  private static func power(_ exponent: Int) -> Decimal {
    Decimal(sign: .plus, exponent: exponent, significand: 1)
  }

  /// The value of digits with thousands separators and a decimal point.
  private static func value(_ text: String) -> Decimal? {
    let digits = text.filter { $0 != "," }
    guard !digits.isEmpty, digits.first != ".", digits.last != "." else { return nil }
    return Decimal(string: digits, locale: posix)
  }

  /// Plain decimal notation, no exponent, no trailing fraction zeros.
  private static func string(_ value: Decimal) -> String {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 0, .plain)
    if rounded == value {
      return NSDecimalNumber(decimal: rounded).stringValue
    }
    return NSDecimalNumber(decimal: value).stringValue
  }
}
