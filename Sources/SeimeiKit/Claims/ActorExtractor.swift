import Foundation

/// A named actor in a sentence: a state, agency, unit, international body or group.
public struct Actor: Sendable, Hashable {
  /// The name as the text writes it, NFKC-normalised (full-width letters made ASCII; curly
  /// apostrophes and dashes too) with its capitals kept, without a leading "the" or a trailing
  /// possessive: "Esterian Intelligence Bureau", "ST-17", "第4471部隊".
  public var name: String
  /// Where the name stands in the statement's original text (Unicode-scalar offsets).
  public var range: TextRange
  /// The gazetteer's canonical name when the name (or the one agency or group it contains, as in
  /// 中国国家安全部) is in the gazetteer.
  public var canonical: String?

  public init(name: String, range: TextRange, canonical: String? = nil) {
    self.name = name
    self.range = range
    self.canonical = canonical
  }
}

/// Finds the named actors of a sentence, for the actors of attribution claims (codebook, hard
/// cases: "list every named actor the attribution ties together … each by its shortest proper
/// name").
///
/// Rules, in the order they apply:
///
/// 1. **Gazetteer names** in any script (`Gazetteer.matches`): 中国, PRC, Fancy Bear, 北大西洋条約機構.
/// 2. **Codes**: Latin-script designations with letters and digits, in English or Japanese text:
///    ST-17, APT40, UNC2452, Storm-0558, TEMP.Vireo (not CVE-…, COVID-19, SHA-256 and the like).
/// 3. **English proper names**: runs of capitalised words, joined by "of", "of the", "for" and
///    (when the whole ends in an organisation word) "and", and a number after a unit word
///    ("Unit 4471"). A leading article or other ordinary sentence word is dropped ("The EIB",
///    "Today"), so is "Government of" ("the Government of Valmar" → Valmar) and a trailing
///    possessive. A run is a name when it is an acronym (EIB), ends in an organisation or state
///    word (Bureau, Ministry, Unit, Republic, Kingdom …, Federation of Esteria), or in a threat
///    group naming word (Kestrel Bear, Volt Typhoon); a single capitalised word (Valmar) when it
///    is not an ordinary word, a month, a title, a demonym (Esterian) or a generic word (Bureau,
///    Government), and, at the start of a sentence or after a colon or quote, when nearby text
///    also capitalises it in mid-sentence. Runs with a title are people and are dropped
///    ("Spokesperson Tamsin Orlova"); so are other runs with no organisation word (people,
///    places, titles of documents). A run is split before "of (the) <state>" ("Ministry of
///    Justice of the Republic of X" → both) and around gazetteer names it is not built on
///    ("Russian GRU" → GRU).
/// 4. **Japanese organisation names**: a run of kanji, katakana and digits ending in an
///    organisation or state suffix (省, 庁, 局, 部, 部隊, 機関, グループ, 組織, 連邦, 共和国, 王国 …),
///    starting at its first proper element: a katakana word that is not a generic loanword
///    (サイバー, ハッカー), 第 and a number, or a gazetteer name. Particles end the run, so
///    「同グループがエステリア連邦の情報機関」 yields only エステリア連邦. 政府 and 当局 are cut off
///    (ヴァルマー王国政府 → ヴァルマー王国); generic group words (グループ, 組織, 機関) need the
///    proper element right before them; a unit's 第N部隊 is reported alone. A kanji-only name
///    ending in 省 or 庁 (経済産業省) is a name unless it starts with a determiner (同, 各, 関係 …).
///    A katakana word on its own (ヴァルマーは) is a name when nearby text uses it before a state
///    suffix (ヴァルマー王国).
/// 5. **Not actors**: the issuer's self-references: generic words (我が国, 政府, "the
///    Government", "we"), names right after "our" or 我が国の, and the issuer itself as named in
///    the statement's metadata (its state, "Norland assesses …", and its parts: 外務省 in a
///    statement by ノーランド共和国外務省).
/// 6. **One name per actor**: overlapping names keep the longest; an acronym is dropped when the
///    sentence also writes the name out (its initials, its gazetteer entry, or right before it
///    in parentheses: "Esterian Intelligence Bureau (EIB)"); names of the same gazetteer entry or
///    the same state ("Kingdom of Valmar", "Valmar") are reported once, first as written.
///
/// The work is linear in the sentence, plus a fixed window of text around it (a few thousand
/// characters) read only when a sentence-initial word needs evidence.
public enum ActorExtractor {
  /// Characters of context on each side of a sentence searched for evidence of a name.
  static let evidenceWindow = 3000

  /// The named actors of a sentence (0-based index into `statement.segmentation.sentences`),
  /// in order of appearance; empty for an index out of range.
  public static func actors(
    in statement: Statement, sentence: Int, gazetteer: Gazetteer = .standard
  ) -> [Actor] {
    let sentences = statement.segmentation.sentences
    guard sentences.indices.contains(sentence) else { return [] }
    let range = sentences[sentence].range
    let view = TextView(String(statement.text(of: range)))
    let context = Context {
      let lower = max(0, range.start - evidenceWindow)
      let upper = min(statement.index.count, range.end + evidenceWindow)
      return String(statement.text(of: TextRange(lower, upper)))
    }
    let issuer = statement.metadata.issuer.map { IssuerNames($0, gazetteer: gazetteer) }
    var finder = Finder(view: view, gazetteer: gazetteer, context: context)
    let addresses = view.webAddresses()
    return finder.candidates().compactMap { candidate in
      if let issuer, issuer.contains(candidate) { return nil }
      if addresses.contains(where: { $0.contains(candidate.start) }) { return nil }
      let local = view.normalized.originalRange(TextRange(candidate.start, candidate.end))
      return Actor(
        name: candidate.name,
        range: TextRange(range.start + local.start, range.start + local.end),
        canonical: candidate.canonical)
    }
  }

  /// The named actors of a piece of text taken on its own (no issuer, and the text itself as
  /// the context); ranges are scalar offsets into `text`.
  public static func actors(in text: String, gazetteer: Gazetteer = .standard) -> [Actor] {
    let view = TextView(text)
    let context = Context { text }
    var finder = Finder(view: view, gazetteer: gazetteer, context: context)
    let addresses = view.webAddresses()
    return finder.candidates().filter { candidate in
      !addresses.contains { $0.contains(candidate.start) }
    }.map { candidate in
      Actor(
        name: candidate.name,
        range: view.normalized.originalRange(TextRange(candidate.start, candidate.end)),
        canonical: candidate.canonical)
    }
  }
}

// MARK: - The text as the rules read it

/// A text normalised for matching (`NormalizedText`: NFKC, blanks collapsed) in two forms: folded
/// to lowercase, and with the capitals of the original put back.
private struct TextView {
  let normalized: NormalizedText
  /// Lowercased scalars, apostrophes and dashes folded (`Gazetteer.foldCase`).
  let lower: [Unicode.Scalar]
  /// The same scalars with the original's capitals.
  let cased: [Unicode.Scalar]
  /// Whether each scalar was a capital in the original.
  let upper: [Bool]

  var count: Int { lower.count }

  init(_ text: String) {
    normalized = NormalizedText(text)
    let original = Array(text.unicodeScalars)
    var lower: [Unicode.Scalar] = []
    var cased: [Unicode.Scalar] = []
    var upper: [Bool] = []
    lower.reserveCapacity(normalized.scalarCount)
    cased.reserveCapacity(normalized.scalarCount)
    upper.reserveCapacity(normalized.scalarCount)
    var offset = 0
    for scalar in normalized.text.unicodeScalars {
      let folded = Gazetteer.foldCase(scalar)
      let origin = normalized.originalOffset(offset)
      let capital = origin < original.count && original[origin].properties.isUppercase
      lower.append(folded)
      upper.append(capital)
      if capital && folded.properties.changesWhenUppercased {
        let mapped = folded.properties.uppercaseMapping.unicodeScalars
        cased.append(mapped.count == 1 ? mapped.first! : folded)
      } else {
        cased.append(folded)
      }
      offset += 1
    }
    self.lower = lower
    self.cased = cased
    self.upper = upper
  }

  /// Web and e-mail addresses (`report.ncdc.example.org`, `https://…`, `www.…`, `a@b.jp`), as
  /// ranges of the text: names inside them (ncdc, akitsu) are not actors. A bare host name
  /// counts when it is written in lowercase and ends in a common top-level domain, so codes
  /// such as TEMP.Vireo stay names.
  func webAddresses() -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    while start < count {
      while start < count && lower[start] == " " { start += 1 }
      var end = start
      while end < count && lower[end] != " " { end += 1 }
      guard end > start else { break }
      var word = String(String.UnicodeScalarView(lower[start..<end]))
      while let last = word.last, ".,;:)]」）".contains(last) { word.removeLast() }
      let hasCapital = upper[start..<end].contains(true)
      let labels = word.split(separator: ".", omittingEmptySubsequences: false)
      let host =
        !hasCapital && labels.count >= 2
        && labels.allSatisfy {
          !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        && Self.topLevelDomains.contains(String(labels.last ?? ""))
      if word.contains("://") || word.hasPrefix("www.") || word.contains("@") && word.contains(".")
        || host
      {
        result.append(start..<end)
      }
      start = end
    }
    return result
  }

  static let topLevelDomains: Set<String> = [
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "eu", "uk", "jp", "us", "ca",
    "au", "nz", "de", "fr", "it", "nl", "kr", "cn", "ru", "in", "tw", "sg", "ch", "se", "no",
  ]

  /// The text of `start..<end` with its capitals.
  func text(_ start: Int, _ end: Int) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: cased[start..<end])
    return String(scalars)
  }

  /// The lowercase text of `start..<end`.
  func key(_ start: Int, _ end: Int) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: lower[start..<end])
    return String(scalars)
  }
}

/// Character classes of normalised text.
private enum Script {
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  static func isKanji(_ scalar: Unicode.Scalar) -> Bool { Gazetteer.isKanji(scalar) }

  static func isHiragana(_ scalar: Unicode.Scalar) -> Bool { Gazetteer.isHiragana(scalar) }

  /// What a list item may start with before its first word: bullets, dashes, item numbers.
  static let listMarks: Set<Unicode.Scalar> = [
    "-", "*", "•", "・", "‣", "–", "—", "(", ")", ".", "0", "1", "2", "3", "4", "5", "6", "7", "8",
    "9",
  ]

  /// Scalars that open a sentence or a quotation: a word after them is capitalised by position.
  static let openers: Set<Unicode.Scalar> = [
    ":", "\"", "'", "(", "[", "\u{201C}", "\u{300C}", "\u{300E}", "\u{2014}", "\u{2022}", ".",
    "!", "?", ";", "\u{3002}", "\u{FF01}", "\u{FF1F}",
  ]
}

// MARK: - Latin-script words

/// A Latin-script word (letters, digits, inner hyphens, dots and apostrophes) of a `TextView`.
private struct Token {
  var start: Int
  /// End of the word, before a possessive 's or '.
  var end: Int
  /// Where the next word may start: after the possessive, if any.
  var next: Int
  var text: String
  var key: String
  var possessive: Bool
  /// Starts with a capital letter.
  var capitalized: Bool
  /// Two or more letters, all capitals, no digits: EIB, NATO, U.S.
  var acronym: Bool
  /// A designation with letters and digits: ST-17, APT40, Storm-0558, TEMP.Vireo.
  var code: Bool
  /// Digits only.
  var number: Bool
  /// Has a digit: not a word of an English name (G7 and MI6 are gazetteer names or codes).
  var hasDigits: Bool
  /// Capitalised by its position: first in the text, or after a colon, a quote or a full stop.
  var initial: Bool

  /// Prefixes of letter-digit designations that are not actors (vulnerabilities, standards,
  /// algorithms, diseases, products, years).
  static let nonActorCodePrefixes: Set<String> = [
    "cve", "cwe", "covid", "sars", "h", "sha", "md", "aes", "rsa", "des", "ecdsa", "iso", "iec",
    "jis", "tls", "ssl", "http", "https", "rfc", "kb", "ms", "fy", "utf", "ucs", "ipv", "sp",
    "nist", "ieee", "usb", "win", "cpu", "gpu", "gpt", "lte", "nis", "cop", "mig", "su", "mh",
    "pm", "am", "gmt", "utc", "jst", "cet", "est", "pdf", "mp", "no", "art", "para", "vol",
  ]

  static func tokens(of view: TextView) -> [Token] {
    let cased = view.cased
    let lower = view.lower
    let count = view.count
    var tokens: [Token] = []
    var position = 0
    while position < count {
      guard Gazetteer.isLatinAlphanumeric(cased[position]) else {
        position += 1
        continue
      }
      let start = position
      var end = position + 1
      var next = -1
      var possessive = false
      while end < count {
        let scalar = cased[end]
        if Gazetteer.isLatinAlphanumeric(scalar) {
          end += 1
          continue
        }
        if (scalar == "-" || scalar == ".") && end + 1 < count
          && Gazetteer.isLatinAlphanumeric(cased[end + 1])
        {
          end += 2
          continue
        }
        if scalar == "'" {
          if end + 1 < count && lower[end + 1] == "s"
            && (end + 2 == count || !Gazetteer.isLatinAlphanumeric(cased[end + 2]))
          {
            possessive = true
            next = end + 2
          } else if end + 1 < count && Gazetteer.isLatinLetter(cased[end + 1]) {
            end += 2
            continue
          } else if lower[end - 1] == "s" {
            possessive = true
            next = end + 1
          }
        }
        break
      }
      if !possessive && end < count && cased[end] == "." && isDottedInitials(cased[start..<end]) {
        end += 1
      }
      if next < 0 { next = end }
      tokens.append(make(view, start: start, end: end, next: next, possessive: possessive))
      position = next
    }
    // Position: first word (after any list marker: "- ", "• ", "1. ", "(a) "), or after an
    // opener that is not the dot of "U.S.".
    var previousEnd = -1
    for index in tokens.indices {
      var before = tokens[index].start - 1
      while before >= 0 && lower[before] == " " { before -= 1 }
      if index == 0 && before >= 0 && before < 6
        && lower[0...before].allSatisfy({ Script.listMarks.contains($0) || $0 == " " })
      {
        tokens[index].initial = true
      } else if before < 0 {
        tokens[index].initial = true
      } else if Script.openers.contains(lower[before]) && before >= previousEnd {
        tokens[index].initial = true
      }
      previousEnd = tokens[index].next
    }
    return tokens
  }

  /// "U.S", "U.K" (before their final dot).
  private static func isDottedInitials(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    guard scalars.count >= 3 else { return false }
    for (offset, scalar) in scalars.enumerated() {
      if offset % 2 == 0 {
        if !Gazetteer.isLatinLetter(scalar) { return false }
      } else if scalar != "." {
        return false
      }
    }
    return scalars.count % 2 == 1
  }

  private static func make(
    _ view: TextView, start: Int, end: Int, next: Int, possessive: Bool
  ) -> Token {
    var letters = 0
    var digits = 0
    var lowercase = false
    var prefixLetters = 0
    var prefixCapitals = true
    var sawDigit = false
    for offset in start..<end {
      let scalar = view.cased[offset]
      if Script.isDigit(scalar) {
        digits += 1
        sawDigit = true
      } else if Gazetteer.isLatinLetter(scalar) {
        letters += 1
        if !view.upper[offset] { lowercase = true }
        if !sawDigit {
          prefixLetters += 1
          if !view.upper[offset] { prefixCapitals = false }
        }
      }
    }
    let text = view.text(start, end)
    let key = view.key(start, end)
    let capitalized = Gazetteer.isLatinLetter(view.cased[start]) && view.upper[start]
    var code = false
    if capitalized && digits > 0 {
      let prefix = String(key.prefix { !$0.isNumber && $0 != "-" && $0 != "." })
      if !nonActorCodePrefixes.contains(prefix) {
        if prefixLetters >= 2 && prefixCapitals {
          code = true  // ST-17, APT40, UNC2452, DEV-0537
        } else if let dash = text.lastIndex(of: "-"),
          text[text.index(after: dash)...].count >= 3,
          text[text.index(after: dash)...].allSatisfy(\.isNumber)
        {
          code = true  // Storm-0558
        }
      }
    } else if capitalized, let dot = text.firstIndex(of: "."), dot != text.startIndex {
      // TEMP.Vireo: capitals, a dot, a capitalised word.
      let head = text[..<dot]
      let tail = text[text.index(after: dot)...]
      code =
        head.count >= 2 && head.allSatisfy { $0.isUppercase }
        && tail.count >= 2 && tail.first!.isUppercase && tail.contains { $0.isLowercase }
    }
    return Token(
      start: start, end: end, next: next, text: text, key: key, possessive: possessive,
      capitalized: capitalized, acronym: capitalized && letters >= 2 && digits == 0 && !lowercase,
      code: code, number: letters == 0 && digits > 0, hasDigits: digits > 0, initial: false)
  }
}

// MARK: - Evidence from the surrounding text

/// The text around the sentence, read (once, and only) when a rule needs evidence that a word is
/// a name. The evidence is searched for in the original text: a few string searches over a fixed
/// window, whatever the size of the statement.
private final class Context {
  private let load: () -> String
  private var window: String?

  init(load: @escaping () -> String) {
    self.load = load
  }

  private func text() -> String {
    if let window { return window }
    let loaded = load()
    window = loaded
    return loaded
  }

  /// Whether the window writes `word` as a word of its own, capitalised (Arvenna, for the
  /// demonym Arvennan).
  func hasWord(_ word: String) -> Bool {
    let text = text()
    var searched = text.startIndex..<text.endIndex
    while let found = text.range(of: word, range: searched) {
      searched = found.upperBound..<text.endIndex
      let after = found.upperBound < text.endIndex ? text[found.upperBound] : " "
      let before =
        found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
      if !after.isLetter && !before.isLetter { return true }
    }
    return false
  }

  /// Whether the window has `word` capitalised in mid-sentence (after a word or a comma, not
  /// after a full stop, colon or quote), where only names are.
  func capitalizedInMidSentence(_ word: String) -> Bool {
    let text = text()
    var searched = text.startIndex..<text.endIndex
    while let found = text.range(of: word, range: searched) {
      searched = found.upperBound..<text.endIndex
      if found.upperBound < text.endIndex {
        let next = text[found.upperBound]
        if next.isLetter || next.isNumber { continue }
      }
      var before = found.lowerBound
      var sawSpace = false
      while before > text.startIndex {
        let previous = text.index(before: before)
        guard text[previous].isWhitespace else { break }
        sawSpace = true
        before = previous
      }
      guard before > text.startIndex else { continue }
      let previous = text[text.index(before: before)]
      guard sawSpace else { continue }  // inside a word
      if previous.isLetter || previous.isNumber || previous == "," || previous == ")" {
        return true
      }
    }
    return false
  }

  /// Whether the window has the katakana word `stem` right before a state suffix
  /// (ヴァルマー in ヴァルマー王国), not as the end of a longer katakana word.
  func usedAsStateName(_ stem: String) -> Bool {
    let text = text()
    for suffix in Japanese.stateSuffixes {
      let name = stem + String(String.UnicodeScalarView(suffix))
      var searched = text.startIndex..<text.endIndex
      while let found = text.range(of: name, range: searched) {
        searched = found.upperBound..<text.endIndex
        if found.lowerBound > text.startIndex,
          let previous = text[text.index(before: found.lowerBound)].unicodeScalars.last,
          Gazetteer.isKatakana(previous)
        {
          continue
        }
        return true
      }
    }
    return false
  }
}

// MARK: - Candidates

/// A name found in a `TextView`.
private struct Candidate {
  var start: Int
  var end: Int
  var name: String
  var canonical: String?
  /// Capitals only, no digits or blanks: a short form that a written-out name supersedes.
  var acronym: Bool

  var length: Int { end - start }
}

/// Runs the rules over one `TextView`.
private struct Finder {
  let view: TextView
  let gazetteer: Gazetteer
  let context: Context
  /// In an issuer's name every word is a name word: no evidence needed at its start.
  var titleMode = false

  private var matches: [(range: Range<Int>, entry: Int)] = []
  private var tokens: [Token] = []
  private var found: [Candidate] = []
  private var suppressed: Set<Int> = []
  /// Tokens followed by " & " inside a run of capitalised words.
  private var ampersandAfter: Set<Int> = []

  init(view: TextView, gazetteer: Gazetteer, context: Context, titleMode: Bool = false) {
    self.view = view
    self.gazetteer = gazetteer
    self.context = context
    self.titleMode = titleMode
  }

  /// All rules, overlaps resolved, self-references and duplicates removed, in text order.
  mutating func candidates() -> [Candidate] {
    resolved().filter { !followsSelfReference($0) }.reduced(by: self)
  }

  /// All rules with overlaps resolved (longest first), in text order.
  mutating func resolved() -> [Candidate] {
    matches = gazetteer.matchIndices(in: view.lower, upper: view.upper)
    tokens = Token.tokens(of: view)
    found = []
    suppressed = []
    ampersandAfter = []
    englishNames()
    codes()
    japaneseNames()
    for (number, match) in matches.enumerated() where !suppressed.contains(number) {
      let name = view.text(match.range.lowerBound, match.range.upperBound)
      found.append(
        Candidate(
          start: match.range.lowerBound, end: match.range.upperBound, name: name,
          canonical: gazetteer.entry(at: match.entry).canonical, acronym: Self.isAcronym(name)))
    }
    let ordered = found.enumerated().sorted { left, right in
      if left.element.length != right.element.length {
        return left.element.length > right.element.length
      }
      if left.element.start != right.element.start {
        return left.element.start < right.element.start
      }
      if (left.element.canonical != nil) != (right.element.canonical != nil) {
        return left.element.canonical != nil
      }
      return left.offset < right.offset
    }
    var taken = [Bool](repeating: false, count: view.count)
    var kept: [Candidate] = []
    for (_, candidate) in ordered where candidate.length > 0 {
      if (candidate.start..<candidate.end).contains(where: { taken[$0] }) { continue }
      for offset in candidate.start..<candidate.end { taken[offset] = true }
      kept.append(candidate)
    }
    return kept.sorted { $0.start < $1.start }
  }

  static func isAcronym(_ name: String) -> Bool {
    let letters = name.unicodeScalars.filter { $0 != "." }
    return letters.count >= 2 && letters.allSatisfy { ("A"..."Z").contains($0) }
  }

  /// The canonical name of a candidate: its gazetteer entry's, else that of the one agency or
  /// group gazetteer name it contains (中国国家安全部 → MSS).
  private func canonical(_ name: String, _ start: Int, _ end: Int) -> String? {
    if let canonical = gazetteer.canonical(name) { return canonical }
    var inner: [Gazetteer.Entry] = []
    for match in matches where start <= match.range.lowerBound && match.range.upperBound <= end {
      let entry = gazetteer.entry(at: match.entry)
      if entry.kind == "agency" || entry.kind == "group" { inner.append(entry) }
    }
    return inner.count == 1 ? inner[0].canonical : nil
  }

  private mutating func add(_ start: Int, _ end: Int, acronym: Bool = false) {
    let name = view.text(start, end)
    found.append(
      Candidate(
        start: start, end: end, name: name, canonical: canonical(name, start, end),
        acronym: acronym))
  }

  /// A name right after "our" or 我が国(の) is the issuer's own.
  private func followsSelfReference(_ candidate: Candidate) -> Bool {
    let lower = view.lower
    var end = candidate.start
    if end > 0 && lower[end - 1] == " " { end -= 1 }
    func ends(with word: String) -> Bool {
      let scalars = Array(word.unicodeScalars)
      guard end >= scalars.count else { return false }
      guard Array(lower[(end - scalars.count)..<end]) == scalars else { return false }
      let before = end - scalars.count - 1
      return before < 0 || !Gazetteer.isLatinLetter(lower[before])
    }
    return ends(with: "our") || ends(with: "我が国の") || ends(with: "我が国")
  }

  // MARK: Codes

  private mutating func codes() {
    for token in tokens where token.code {
      add(token.start, token.end)
    }
  }

  // MARK: English names

  private mutating func englishNames() {
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      guard token.capitalized && !token.hasDigits else {
        index += 1
        continue
      }
      var last = index
      extend: while true {
        if isAmpersand(after: last) && tokens[last + 1].capitalized && !tokens[last + 1].hasDigits {
          ampersandAfter.insert(last)
          last += 1
          continue
        }
        guard adjacent(last, last + 1) else { break }
        let next = tokens[last + 1]
        if next.capitalized && !next.hasDigits {
          last += 1
          continue
        }
        if next.number && English.unitHeads.contains(tokens[last].key) {
          last += 1
          break
        }
        guard English.connectors.contains(next.key) else { break }
        var word = last + 2
        guard adjacent(last + 1, word) else { break }
        if tokens[word].key == "the" {
          if next.key == "and" { break extend }
          guard adjacent(word, word + 1) else { break }
          word += 1
        }
        guard tokens[word].capitalized && !tokens[word].hasDigits else { break }
        last = word
      }
      judge(index, last)
      index = last + 1
    }
  }

  /// Whether token `index` is followed by " & " and another token.
  private func isAmpersand(after index: Int) -> Bool {
    guard index + 1 < tokens.count, !tokens[index].possessive else { return false }
    let next = tokens[index].next
    return tokens[index + 1].start == next + 3 && view.key(next, next + 3) == " & "
  }

  /// Whether token `second` follows token `first` after exactly one blank (and no possessive,
  /// except in People's, Workers').
  private func adjacent(_ first: Int, _ second: Int) -> Bool {
    guard first >= 0, second < tokens.count else { return false }
    let left = tokens[first]
    if left.possessive && !English.possessiveInNames.contains(left.key) { return false }
    return tokens[second].start == left.next + 1 && view.lower[left.next] == " "
  }

  /// The head word of tokens `first...last`: the last word before the first connector that is
  /// not a number.
  private func head(_ first: Int, _ last: Int) -> Int {
    var end = last
    if let connector = (first...last).first(where: { English.connectors.contains(tokens[$0].key) })
    {
      end = max(first, connector - 1)
    }
    var head = end
    while head > first && tokens[head].number { head -= 1 }
    return head
  }

  /// Judges a run of capitalised words (tokens `first...last`) and adds what is a name.
  private mutating func judge(_ first: Int, _ last: Int) {
    var first = first
    var last = last
    while first <= last
      && (English.leading.contains(tokens[first].key)
        || English.connectors.contains(tokens[first].key))
    {
      first += 1
    }
    while last >= first
      && (English.connectors.contains(tokens[last].key) || tokens[last].key == "the")
    {
      last -= 1
    }
    guard first <= last else { return }
    // Government of (the) X → X, Member States of X → X; X Government → X.
    if English.beforeOf.contains(tokens[first].key) && first < last
      && tokens[first + 1].key == "of"
    {
      first += 2
      if first <= last && tokens[first].key == "the" { first += 1 }
      guard first <= last else { return }
    }
    if last > first && tokens[last].key == "government" { last -= 1 }
    // Split before "of (the) <state>": Ministry of Justice of the Republic of X.
    if first < last {
      for connector in (first + 1)...last where tokens[connector].key == "of" {
        var right = connector + 1
        if right <= last && tokens[right].key == "the" { right += 1 }
        guard right <= last else { continue }
        let leftHead = tokens[head(first, connector - 1)].key
        guard English.organisationHeads.contains(leftHead) || English.titles.contains(leftHead),
          !English.stateHeads.contains(leftHead)
        else { continue }
        if English.stateHeads.contains(tokens[right].key)
          || isGazetteerState(tokens[right].start, tokens[last].end)
        {
          judge(first, connector - 1)
          judge(right, last)
          return
        }
      }
    }
    // "Officials of the Federation of X", "President of X": a word that is not an organisation's
    // is not part of the name.
    if let connector = (first...last).first(where: {
      tokens[$0].key == "of" || tokens[$0].key == "for"
    }),
      connector > first
    {
      let leftHead = tokens[head(first, connector - 1)].key
      if !English.organisationHeads.contains(leftHead) {
        judge(first, connector - 1)
        var right = connector + 1
        if right <= last && tokens[right].key == "the" { right += 1 }
        if right <= last { judge(right, last) }
        return
      }
    }
    // A title before a name is a person: keep what comes before it.
    for index in first...last where English.titles.contains(tokens[index].key) {
      if index < last && !English.connectors.contains(tokens[index + 1].key) {
        if index > first { judge(first, index - 1) }
        return
      }
    }
    // "and" joins only into an organisation name: Cybersecurity and Infrastructure Security
    // Agency, not Valmar and Norland.
    // "&" counts as "and": Korea Internet & Security Agency.
    if let and = (first...last).first(where: {
      tokens[$0].key == "and" || ($0 < last && ampersandAfter.contains($0))
    }) {
      let leftEnd = tokens[and].key == "and" ? and - 1 : and
      let rightStart = and + 1
      let rightEndsInHead = English.organisationHeads.contains(tokens[last].key)
      let leftHasHead =
        leftEnd >= first
        && (first...leftEnd).contains { English.organisationHeads.contains(tokens[$0].key) }
      // Or the second half of an office's field: Ministry of Trade and Industry (but not
      // Kingdom of Valmar and Norland).
      let leftHead = tokens[head(first, max(first, leftEnd))].key
      let field =
        leftEnd > first && English.connectors.contains(tokens[first + 1].key)
        && English.organisationHeads.contains(leftHead) && !English.stateHeads.contains(leftHead)
        && !(rightStart...last).contains { English.organisationHeads.contains(tokens[$0].key) }
      if !field && (!rightEndsInHead || leftHasHead) {
        if leftEnd >= first { judge(first, leftEnd) }
        if rightStart <= last { judge(rightStart, last) }
        return
      }
    }
    let start = tokens[first].start
    let end = tokens[last].end
    let inside = matches.indices.filter {
      start <= matches[$0].range.lowerBound && matches[$0].range.upperBound <= end
    }
    if inside.count == 1 && matches[inside[0]].range == start..<end { return }
    let headIndex = head(first, last)
    if !inside.isEmpty {
      let headStart = tokens[headIndex].start
      let headMatch = inside.first { matches[$0].range.contains(headStart) }
      var headIsOwn = headMatch == nil
      if let headMatch, gazetteer.entry(at: matches[headMatch].entry).kind == "office",
        matches[headMatch].range.lowerBound > start
      {
        headIsOwn = true  // the Russian Ministry of Foreign Affairs
      }
      if headIsOwn && isName(first, last, head: headIndex) {
        add(start, end)
        suppressed.formUnion(inside)
        return
      }
      // The gazetteer names stand; the words around them are judged on their own. A name that
      // covers no whole word ("U.S" inside "U.S.C.") leaves the run as it is: judged once,
      // as a whole, below (judging it again would never end).
      let coversAWord = (first...last).contains { index in
        inside.contains {
          matches[$0].range.lowerBound <= tokens[index].start
            && tokens[index].end <= matches[$0].range.upperBound
        }
      }
      if !coversAWord {
        if isName(first, last, head: headIndex) { add(start, end) }
        return
      }
      var runStart = first
      for index in first...last {
        let token = tokens[index]
        let covered = inside.contains {
          matches[$0].range.lowerBound <= token.start && token.end <= matches[$0].range.upperBound
        }
        if covered {
          if runStart < index { judge(runStart, index - 1) }
          runStart = index + 1
        }
      }
      if runStart <= last { judge(runStart, last) }
      return
    }
    if isName(first, last, head: headIndex) {
      add(start, end, acronym: first == last && tokens[first].acronym)
    }
  }

  /// Whether a capitalised word is a demonym made from a name by "-n" or "-an" (Arvenna →
  /// Arvennan, Valmar → Valmaran) whose name is in the gazetteer or written in the text.
  private func isDemonym(_ word: String) -> Bool {
    guard word.count >= 5, word.hasSuffix("n") else { return false }
    var stems = [String(word.dropLast())]
    if word.hasSuffix("an") { stems.append(String(word.dropLast(2))) }
    return stems.contains { stem in
      stem.count >= 3 && (gazetteer.entry(for: stem) != nil || context.hasWord(stem))
    }
  }

  private func isGazetteerState(_ start: Int, _ end: Int) -> Bool {
    matches.contains { match in
      let kind = gazetteer.entry(at: match.entry).kind
      return match.range == start..<end && (kind == "state" || kind == "territory")
    }
  }

  /// Whether tokens `first...last` (trimmed) are a proper name.
  private func isName(_ first: Int, _ last: Int, head: Int) -> Bool {
    if first == last {
      let token = tokens[first]
      // The end of a compound written with "&" and no blank: the CK of ATT&CK.
      if token.start > 0 && view.lower[token.start - 1] == "&" { return false }
      if token.acronym { return !English.nonActorAcronyms.contains(token.key) }
      guard token.capitalized, !token.hasDigits, !English.isOrdinary(token.key) else {
        return false
      }
      // A demonym of a name the gazetteer or the text knows: Arvennan (Arvenna), Sarkovan
      // (Sarkova), Valmaran (Valmar).
      if isDemonym(token.text) { return false }

      // A place: "in Geneva", "at Valmar's request" is not an actor.
      if first > 0, English.locative.contains(tokens[first - 1].key),
        tokens[first - 1].next + 1 == token.start, !token.possessive
      {
        return false
      }
      if token.initial && !titleMode {
        // "Norvania's Ministry …" at the start: a possessive before a name is a name's.
        if token.possessive && first + 1 < tokens.count && tokens[first + 1].capitalized
          && tokens[first + 1].start == token.next + 1
        {
          return true
        }
        return context.capitalizedInMidSentence(token.text)
      }
      return true
    }
    let headKey = tokens[head].key
    if English.titles.contains(headKey) || English.documentHeads.contains(headKey) { return false }
    if English.organisationHeads.contains(headKey) { return true }
    return English.groupNameWords.contains(tokens[last].key)
  }

  // MARK: Japanese names

  private mutating func japaneseNames() {
    let lower = view.lower
    let count = view.count
    var position = 0
    var runs: [Range<Int>] = []
    while position < count {
      guard isJapaneseNameScalar(position) else {
        position += 1
        continue
      }
      var end = position
      while end < count && isJapaneseNameScalar(end) { end += 1 }
      runs.append(position..<end)
      position = end
    }
    var named: [Range<Int>] = []
    for run in runs {
      // A run may hold more than one name (カステラン軍第3390部隊): look again before each.
      var rest = run
      while !rest.isEmpty, let name = japaneseName(in: rest) {
        add(name.lowerBound, name.upperBound)
        named.append(name)
        rest = rest.lowerBound..<name.lowerBound
      }
    }
    // A katakana word on its own that nearby text uses as a state's name.
    position = 0
    while position < count {
      guard Gazetteer.isKatakana(lower[position]) else {
        position += 1
        continue
      }
      let end = Japanese.katakanaEnd(lower, from: position, limit: count)
      defer { position = end }
      guard end - position >= 2, !named.contains(where: { $0.overlaps(position..<end) }) else {
        continue
      }
      if end < count && (Script.isKanji(lower[end]) || Script.isDigit(lower[end])) { continue }
      if position > 0 && Script.isKanji(lower[position - 1]) { continue }
      if Japanese.isGeneric(Array(lower[position..<end])) { continue }
      if context.usedAsStateName(view.key(position, end)) { add(position, end) }
    }
  }

  private func isJapaneseNameScalar(_ position: Int) -> Bool {
    let lower = view.lower
    let scalar = lower[position]
    if Script.isKanji(scalar) || Gazetteer.isKatakana(scalar) { return true }
    if Script.isDigit(scalar) {
      var before = position - 1
      while before >= 0 && Script.isDigit(lower[before]) { before -= 1 }
      guard before >= 0 else { return true }
      let previous = lower[before]
      return !(Gazetteer.isLatinLetter(previous) || previous == "-" || previous == ".")
    }
    if scalar == "\u{30FB}" {
      return position > 0 && position + 1 < view.count && Gazetteer.isKatakana(lower[position - 1])
        && Gazetteer.isKatakana(lower[position + 1])
    }
    return false
  }

  /// The organisation name in a run of kanji, katakana and digits, if any.
  private func japaneseName(in run: Range<Int>) -> Range<Int>? {
    let lower = view.lower
    // The last organisation suffix of the run.
    var found: (start: Int, end: Int, suffix: [Unicode.Scalar])?
    for end in (run.lowerBound + 1)...run.upperBound {
      for suffix in Japanese.suffixes where end - suffix.count >= run.lowerBound {
        guard Japanese.has(lower, suffix, endingAt: end) else { continue }
        if end - 2 >= run.lowerBound,
          Japanese.notOrganisations.contains(view.key(end - 2, end))
        {
          break
        }
        found = (end - suffix.count, end, suffix)
        break
      }
    }
    guard var suffix = found else { return nil }
    var end = suffix.end
    let suffixText = String(String.UnicodeScalarView(suffix.suffix))
    if Japanese.cutSuffixes.contains(suffixText) {
      end = suffix.start
      guard end > run.lowerBound else { return nil }
      suffix.start = end
      for other in Japanese.suffixes where Japanese.has(lower, other, endingAt: end) {
        if end - other.count >= run.lowerBound { suffix.start = end - other.count }
        break
      }
    }
    // 第4471部隊 on its own.
    if suffixText == "部隊" {
      var digits = suffix.start
      while digits > run.lowerBound && Script.isDigit(lower[digits - 1]) { digits -= 1 }
      if digits < suffix.start {
        if digits > run.lowerBound && lower[digits - 1] == "第" { return (digits - 1)..<end }
        return digits..<end
      }
    }
    // The first proper element.
    var position = run.lowerBound
    var start: Int?
    var adjacent = false
    while position < end {
      let scalar = lower[position]
      if Gazetteer.isKatakana(scalar) {
        let wordEnd = Japanese.katakanaEnd(lower, from: position, limit: end)
        var stemEnd = min(wordEnd, suffix.start)
        while stemEnd > position && lower[stemEnd - 1] == "\u{30FB}" { stemEnd -= 1 }
        if stemEnd - position >= 2 && !Japanese.isGeneric(Array(lower[position..<stemEnd])) {
          start = position
          adjacent = stemEnd == suffix.start || wordEnd >= suffix.start
          break
        }
        position = wordEnd
        continue
      }
      if let match = matches.first(where: { $0.range.lowerBound == position }),
        match.range.upperBound <= end,
        gazetteer.entry(at: match.entry).kind != "office"
      {
        start = position
        adjacent = match.range.upperBound >= suffix.start
        break
      }
      position += 1
    }
    if let start {
      if Japanese.genericGroupSuffixes.contains(suffixText) && !adjacent { return nil }
      return start..<end
    }
    // A kanji-only ministry or agency: 経済産業省, 金融庁.
    if suffixText == "省" || suffixText == "庁", suffix.end == run.upperBound,
      end - run.lowerBound >= 3,
      (run.lowerBound..<end).allSatisfy({ Script.isKanji(lower[$0]) }),
      !Japanese.determiners.contains(where: { Japanese.has(lower, $0, at: run.lowerBound) })
    {
      return run.lowerBound..<end
    }
    return nil
  }
}

// MARK: - Reduction

extension [Candidate] {
  /// Without acronyms the sentence writes out, and with one name per actor.
  fileprivate func reduced(by finder: Finder) -> [Candidate] {
    var kept: [Candidate] = []
    for (index, candidate) in enumerated() {
      if candidate.acronym && isWrittenOut(candidate, at: index, finder: finder) { continue }
      kept.append(candidate)
    }
    var seen: Set<String> = []
    var result: [Candidate] = []
    for candidate in kept {
      let key = candidate.canonical.map { "=" + $0 } ?? Names.key(Names.core(candidate.name))
      if seen.insert(key).inserted { result.append(candidate) }
    }
    return result
  }

  private func isWrittenOut(_ acronym: Candidate, at index: Int, finder: Finder) -> Bool {
    let letters = String(acronym.name.unicodeScalars.filter { $0 != "." })
    for (other, candidate) in enumerated() where other != index && !candidate.acronym {
      if Names.initials(candidate.name) == letters { return true }
      if let canonical = acronym.canonical, candidate.canonical == canonical { return true }
      // Right after the name in parentheses: "Esterian Intelligence Bureau (EIB)".
      if other == index - 1 {
        let between = finder.view.key(candidate.end, acronym.start)
        let after = acronym.end < finder.view.count ? finder.view.lower[acronym.end] : " "
        if (between == " (" || between == "(") && after == ")" { return true }
      }
    }
    return false
  }
}

/// Name keys, cores and initials.
private enum Names {
  static func key(_ name: String) -> String { Gazetteer.key(name, dropArticle: true) }

  /// A state's name without its form: Kingdom of Valmar → Valmar, ヴァルマー王国 → ヴァルマー.
  static func core(_ name: String) -> String {
    if let of = name.range(of: " of ") {
      let form = name[..<of.lowerBound].split(separator: " ").map { $0.lowercased() }
      if !form.isEmpty && form.allSatisfy({ English.stateFormWords.contains($0) }) {
        var rest = name[of.upperBound...]
        if rest.hasPrefix("the ") { rest = rest.dropFirst(4) }
        if !rest.isEmpty { return String(rest) }
      }
    }
    for suffix in Japanese.stateSuffixes {
      let text = String(String.UnicodeScalarView(suffix))
      if name.hasSuffix(text) && name.unicodeScalars.count > suffix.count {
        return String(name.unicodeScalars.dropLast(suffix.count))
      }
    }
    return name
  }

  /// Initials of the capitalised words: Esterian Intelligence Bureau → EIB.
  static func initials(_ name: String) -> String {
    var result = ""
    for word in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
      guard let first = word.first, first.isUppercase else { continue }
      result.append(first)
    }
    return result
  }
}

/// The issuer's names, from the statement's metadata: what the issuer calls itself.
private struct IssuerNames {
  var keys: Set<String> = []
  var canonicals: Set<String> = []

  init(_ issuer: String, gazetteer: Gazetteer) {
    let view = TextView(issuer)
    let context = Context { issuer }
    var finder = Finder(view: view, gazetteer: gazetteer, context: context, titleMode: true)
    for candidate in finder.resolved() {
      if let canonical = candidate.canonical { canonicals.insert(canonical) }
      insert(candidate.name)
      // Its parts: Council of the Northern Compact → Northern Compact; ノーランド共和国外務省 →
      // ノーランド共和国, 外務省.
      var rest = Substring(candidate.name)
      while let of = rest.range(of: " of ") {
        rest = rest[of.upperBound...]
        if rest.hasPrefix("the ") { rest = rest.dropFirst(4) }
        insert(String(rest))
      }
      let scalars = Array(candidate.name.unicodeScalars)
      for end in 1..<max(1, scalars.count) {
        for suffix in Japanese.stateSuffixes where Japanese.has(scalars, suffix, endingAt: end) {
          insert(String(String.UnicodeScalarView(scalars[..<end])))
          let remainder = String(String.UnicodeScalarView(scalars[end...]))
          insert(remainder)
          if let canonical = gazetteer.canonical(remainder) { canonicals.insert(canonical) }
          break
        }
      }
    }
  }

  private mutating func insert(_ name: String) {
    keys.insert(Names.key(name))
    keys.insert(Names.key(Names.core(name)))
  }

  func contains(_ candidate: Candidate) -> Bool {
    if let canonical = candidate.canonical, canonicals.contains(canonical) { return true }
    return keys.contains(Names.key(candidate.name))
      || keys.contains(Names.key(Names.core(candidate.name)))
  }
}

// MARK: - Word lists

/// English word lists (lowercase).
private enum English {
  /// Join capitalised words into one name.
  static let connectors: Set<String> = ["of", "for", "and"]

  /// Words dropped with the "of" after them: the Government of X, Member States of X.
  static let beforeOf: Set<String> = [
    "government", "governments", "states", "nations", "countries", "members", "allies",
    "partners", "people", "citizens", "territory",
  ]

  /// Prepositions of place: a single word after them is a place.
  static let locative: Set<String> = ["in", "at", "near", "inside", "across", "throughout"]

  /// Possessives that belong to names: People's Republic, Workers' Party.
  static let possessiveInNames: Set<String> = ["people", "workers"]

  /// Ordinary words capitalised at the start of a sentence, dropped from the start of a run.
  static let leading: Set<String> = [
    "the", "a", "an", "this", "that", "these", "those", "our", "we", "its", "it", "their",
    "they", "his", "her", "my", "your", "in", "on", "at", "by", "for", "from", "with", "without",
    "as", "since", "over", "under", "after", "before", "during", "while", "when", "where",
    "whereas", "although", "though", "if", "unless", "because", "and", "but", "or", "nor", "so",
    "yet", "such", "rather", "today", "yesterday", "tomorrow", "tonight", "last", "next", "now",
    "then", "furthermore", "moreover", "however", "therefore", "thus", "hence", "meanwhile",
    "also", "additionally", "finally", "first", "firstly", "second", "secondly", "third",
    "further", "indeed", "instead", "both", "each", "every", "all", "any", "some", "many",
    "most", "much", "no", "none", "not", "only", "several", "other", "another", "following",
    "according", "despite", "given", "including", "through", "throughout", "upon", "within",
    "among", "amongst", "against", "between", "beyond", "to", "of", "let", "please", "yes",
    "thank", "thanks", "what", "why", "how", "who", "whom", "which", "whose", "there", "here",
    "once", "again", "even", "still", "already", "recently", "currently", "previously",
    "earlier", "later", "member", "members", "dear", "i", "you", "he", "she", "us", "me",
    "him", "them", "whether", "until", "about", "above", "below", "via", "per", "regarding",
    "concerning", "toward", "towards", "around", "across", "along", "amid", "besides", "near",
    "like", "unlike", "do", "does", "did", "is", "are", "was", "were", "be", "been", "has",
    "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "joint", "question", "answer", "q", "note", "re", "mr", "mrs", "ms", "dr",
  ]

  /// Capitalised words that are not names on their own.
  static let ordinary: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "prime", "foreign", "defence", "defense", "deputy", "vice", "chief",
    "senior", "national", "federal", "central", "international", "global", "regional",
    "internet", "cyberspace", "cyber", "web", "online", "english", "japanese", "allies", "ally",
    "partners", "partner", "western", "eastern", "northern", "southern", "statement", "press",
    "release", "remarks", "spokesperson", "background", "summary", "annex", "appendix",
    "intelligence", "security", "cybersecurity", "justice", "treasury", "affairs", "state",
    "general", "bank", "university", "company", "corporation", "europe", "asia", "africa",
    "america", "americas", "oceania", "antarctica", "arctic", "pacific", "atlantic",
    "indo-pacific", "balkans", "caucasus", "windows", "linux", "android", "ios", "macos",
  ]

  /// Organisation and state words that name nothing on their own ("the Bureau's behalf").
  static let generic: Set<String> = [
    "government", "governments", "states", "ministry", "ministries", "bureau", "agency",
    "agencies", "office", "department", "service", "services", "directorate", "administration",
    "authority", "authorities", "command", "centre", "center", "council", "committee",
    "commission", "unit", "units", "force", "forces", "army", "navy", "corps", "guard", "police",
    "institute", "laboratory", "lab", "group", "groups", "team", "organisation", "organization",
    "union", "alliance", "compact", "pact", "coalition", "league", "community", "bloc",
    "federation", "republic", "kingdom", "duchy", "principality", "emirate", "commonwealth",
    "confederation", "nation", "nations", "country", "countries", "court", "parliament",
    "congress", "assembly", "senate", "secretariat", "board", "cabinet", "regiment", "brigade",
    "battalion", "division", "squadron", "detachment", "headquarters", "staff", "party",
    "house", "establishment", "crew", "gang", "collective", "syndicate", "squad", "cell",
  ]

  /// Titles of people: a run with one before a name is a person.
  static let titles: Set<String> = [
    "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
    "ambassador", "director", "chairman", "chair", "chairperson", "chairwoman", "chancellor",
    "king", "queen", "prince", "princess", "emperor", "governor", "senator", "representative",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "admiral", "colonel",
    "captain", "lieutenant", "sergeant", "commander", "commissioner", "attorney", "judge",
    "premier", "mayor", "envoy", "counsellor", "counselor", "consul", "officer", "agent",
    "secretary-general", "vice-president", "deputy", "presidents", "ministers", "secretaries",
    "ambassadors", "directors", "leaders", "leader", "officials", "official", "spokespersons",
  ]

  /// Heads of names of documents, events and acts, which are not actors.
  static let documentHeads: Set<String> = [
    "act", "law", "laws", "convention", "treaty", "agreement", "declaration", "charter",
    "manual", "strategy", "framework", "statement", "resolution", "protocol", "report",
    "advisory", "guidance", "guidelines", "code", "directive", "regulation", "accord", "accords",
    "summit", "conference", "meeting", "forum", "day", "week", "month", "year", "initiative",
    "programme", "program", "plan", "call", "process", "dialogue", "principles", "norms",
    "article", "section", "chapter", "annex", "paragraph", "activity", "activities", "campaign",
    "operation", "operations", "attack", "attacks", "incident", "incidents", "order", "sanctions",
    "list", "street", "road", "avenue", "square", "building", "hall", "affairs",
  ]

  /// Words that make a run of capitalised words an organisation or state name.
  static let organisationHeads: Set<String> = generic.subtracting([
    "government", "governments", "nation", "country", "countries", "ministries", "agencies",
    "groups", "units",
  ])

  /// Forms of a state, before "of": Republic of Korea, Kingdom of the Netherlands.
  static let stateHeads: Set<String> = [
    "republic", "kingdom", "federation", "duchy", "principality", "emirate", "emirates",
    "sultanate", "commonwealth", "confederation", "state", "states", "union", "empire",
  ]

  /// Words of a state's form ("Federal Republic of", "Grand Duchy of").
  static let stateFormWords: Set<String> = stateHeads.union([
    "government", "grand", "federal", "people's", "islamic", "democratic", "socialist",
    "united", "arab", "plurinational", "cooperative", "the",
  ])

  /// Words after which a number belongs to the name: Unit 4471, Bureau 121.
  static let unitHeads: Set<String> = [
    "unit", "bureau", "lab", "laboratory", "team", "group", "department", "division", "brigade",
    "regiment", "battalion", "squadron", "detachment", "office", "center", "centre", "base",
    "force",
  ]

  /// Last words of threat-intelligence vendors' group names (animals for a country, weather for
  /// a family): Kestrel Bear, Volt Typhoon, Charming Kitten.
  static let groupNameWords: Set<String> = [
    "bear", "panda", "kitten", "chollima", "spider", "jackal", "tiger", "leopard", "buffalo",
    "crane", "ocelot", "typhoon", "blizzard", "sleet", "sandstorm", "tempest", "hail", "rain",
    "dust", "flood", "tsunami", "cyclone",
  ]

  /// Capital-letter words that are not actors.
  static let nonActorAcronyms: Set<String> = [
    "it", "ai", "ict", "ip", "id", "ceo", "cto", "ciso", "pdf", "url", "vpn", "dns", "ddos",
    "os", "pc", "sms", "usb", "api", "utc", "gmt", "jst", "gdp", "usd", "eur", "jpy", "gbp",
    "cve", "ttp", "ttps", "ioc", "iocs", "apt", "ok", "faq", "pm", "am", "nb", "ps", "etc",
    "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "sme", "smes", "ngo", "ngos",
    "osint", "mfa", "mou", "moc", "rdp", "ssh", "http", "https", "tls", "ssl", "sql", "ot",
    "ics", "scada", "iot", "lan", "wan", "isp", "isps", "soc", "edr", "av", "covid", "q", "a",
    "faqs", "ceos", "cert", "csirt", "pii", "ssn", "nb", "rsvp", "asap", "tbd", "n/a", "urgent",
    "note", "update", "press", "release", "statement",
  ]

  /// Demonyms not caught by their endings.
  static let demonyms: Set<String> = [
    "american", "americans", "german", "germans", "french", "dutch", "czech", "thai", "swiss",
    "greek", "greeks", "african", "africans", "mexican", "mexicans", "arab", "arabs", "afghan",
    "afghans", "uzbek", "kazakh", "kyrgyz", "tajik", "turkmen", "filipino", "filipinos",
    "moroccan", "cuban", "welsh", "scots", "soviet",
  ]

  /// Whether a single capitalised word is ordinary rather than a name.
  static func isOrdinary(_ key: String) -> Bool {
    if leading.contains(key) || ordinary.contains(key) || generic.contains(key)
      || titles.contains(key) || documentHeads.contains(key) || demonyms.contains(key)
    {
      return true
    }
    // Demonyms and adjectives: Esterian, Korean, Chinese, British, Israeli, Baltic.
    for ending in ["ian", "ians", "ean", "eans", "ese", "ish", "ic"] where key.hasSuffix(ending) {
      return true
    }
    return key.count >= 5 && key.hasSuffix("i")
  }
}

/// Japanese suffixes and word lists.
private enum Japanese {
  static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

  /// Organisation and state suffixes, longest first.
  static let suffixes: [[Unicode.Scalar]] = [
    "民主主義人民共和国", "首長国連邦", "共和国", "大公国", "首長国", "合衆国", "研究所",
    "司令部", "委員会", "理事会", "グループ", "センター", "王国", "公国", "帝国", "連邦", "連合",
    "同盟", "機構", "政府", "当局", "総局", "本部", "部隊", "機関", "組織", "集団", "チーム", "省",
    "庁", "局", "部", "軍", "党",
  ].map(scalars).sorted { $0.count > $1.count }

  /// Suffixes cut from the name: ヴァルマー王国政府 → ヴァルマー王国.
  static let cutSuffixes: Set<String> = ["政府", "当局"]

  /// Generic words for a group: the proper name must come right before them.
  static let genericGroupSuffixes: Set<String> = ["グループ", "集団", "組織", "チーム", "機関"]

  /// Suffixes of a state's name, longest first.
  static let stateSuffixes: [[Unicode.Scalar]] = [
    "民主主義人民共和国", "首長国連邦", "共和国", "大公国", "首長国", "合衆国", "王国", "公国", "帝国",
    "連邦", "政府", "当局", "国",
  ].map(scalars).sorted { $0.count > $1.count }

  /// Two-character words that end like an organisation but are not one.
  static let notOrganisations: Set<String> = [
    "内部", "外部", "一部", "全部", "幹部", "北部", "南部", "東部", "西部", "中部", "上部", "下部",
    "細部", "大部", "深部", "結局", "難局", "時局", "戦局", "政局", "終局", "破局", "全軍", "友軍",
    "敵軍", "自軍", "大軍", "援軍", "各省", "本省", "各庁",
  ]

  /// Kanji that start a generic description: 同省, 各省庁, 関係省庁, 当該機関.
  static let determiners: [[Unicode.Scalar]] = [
    "同", "当", "各", "本", "両", "全", "諸", "他", "我", "貴", "旧", "前", "元", "該", "某", "関係", "一",
  ].map(scalars)

  /// Katakana loanwords that are not names.
  static let genericWords: Set<[Unicode.Scalar]> = Set(
    [
      "サイバー", "ハッカー", "ハッキング", "ランサムウェア", "ランサム", "マルウェア", "ウイルス", "ウィルス",
      "セキュリティ", "インテリジェンス", "ネットワーク", "テロ", "テロリスト", "システム", "データ", "サービス",
      "スパイ", "チーム", "グループ", "キャンペーン", "オペレーション", "インフラ", "インフラストラクチャー",
      "インフラストラクチャ", "デジタル", "ボット", "ボットネット", "ギャング", "マフィア", "ゲリラ", "プロキシ",
      "クラウド", "ソフトウェア", "ベンダー", "メディア", "パートナー", "コンピュータ", "コンピューター", "ウェブ",
      "サーバー", "サーバ", "エネルギー", "ビジネス", "アクター", "ハクティビスト", "フィッシング", "メール",
      "センター", "オンライン", "インターネット", "サプライ", "チェーン", "ユーザー", "ユーザ", "ツール",
      "アプリ", "アプリケーション", "プラットフォーム", "セクター", "リスク", "レベル", "ルート", "ハイブリッド",
      "ドローン", "ミサイル", "ガイドライン", "ガイダンス", "アドバイザリー", "レポート", "プレス", "プログラム",
      "プロジェクト", "デバイス", "ルーター", "ファームウェア", "パッチ", "アカウント", "パスワード", "ドメイン",
      "マネー", "ローンダリング", "ビットコイン", "トップ", "リーダー", "メンバー", "スタッフ", "ホワイト",
      "ハウス", "セキュア", "コンテンツ", "ニュース", "イベント", "フォーラム", "ワーキング", "タスク",
      "フォース", "ユニット", "ハッカーズ", "クラッカー", "クリプト", "ダーク", "アンダーグラウンド",
    ].map(scalars))

  /// Whether a katakana word is made of generic loanwords only.
  static func isGeneric(_ word: [Unicode.Scalar]) -> Bool {
    let word = word.filter { $0 != "\u{30FB}" }
    guard !word.isEmpty else { return true }
    var reachable = [Bool](repeating: false, count: word.count + 1)
    reachable[0] = true
    for start in 0..<word.count where reachable[start] {
      for end in (start + 1)...word.count where !reachable[end] {
        if genericWords.contains(Array(word[start..<end])) { reachable[end] = true }
      }
    }
    return reachable[word.count]
  }

  /// The end of the katakana word at `start` (with long marks and inner middle dots).
  static func katakanaEnd(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> Int {
    var end = start
    while end < limit {
      if Gazetteer.isKatakana(scalars[end]) {
        end += 1
      } else if scalars[end] == "\u{30FB}" && end + 1 < limit
        && Gazetteer.isKatakana(scalars[end + 1])
      {
        end += 1
      } else {
        break
      }
    }
    return end
  }

  static func has(_ scalars: [Unicode.Scalar], _ word: [Unicode.Scalar], at start: Int) -> Bool {
    guard start >= 0, start + word.count <= scalars.count else { return false }
    for offset in word.indices where scalars[start + offset] != word[offset] { return false }
    return true
  }

  static func has(_ scalars: [Unicode.Scalar], _ word: [Unicode.Scalar], endingAt end: Int) -> Bool
  {
    has(scalars, word, at: end - word.count)
  }
}
