import Foundation

// Citations of a passage of a statement, as pure functions from values to strings: the
// formatting behind `cite`. Every style carries the passage's place (sentences and paragraphs)
// and the first 12 hex digits of the SHA-256 of the bytes the statement was loaded from, so a
// reader can tell whether the source has changed since it was quoted.

// MARK: - Source

/// What a citation needs to know of the statement.
///
/// Blank strings count as absent, so a memberwise value with `""` degrades like `nil`.
public struct CitationSource: Sendable, Equatable {
  /// The statement's name in the workspace: the fallback identifier when there is no title or
  /// issuer, and the base of BibTeX keys for issuers not written in ASCII.
  public var name: String
  public var title: String?
  /// The title in English, from front matter (`title_en` or `translated_title`); added in
  /// square brackets after the original title where a style calls for it.
  public var translatedTitle: String?
  /// The institution that issued the statement: the author in every style.
  public var issuer: String?
  /// "2025-10-14", "2025-10" or "2025". Anything else is shown as written.
  public var date: String?
  public var url: String?
  public var language: Language
  /// SHA-256 of the source bytes, in hex; citations show the first 12 digits.
  public var sha256: String
  /// When the statement was loaded or fetched, "2026-11-27".
  public var accessed: String?

  public init(
    name: String, title: String? = nil, translatedTitle: String? = nil, issuer: String? = nil,
    date: String? = nil, url: String? = nil, language: Language, sha256: String,
    accessed: String? = nil
  ) {
    self.name = name
    self.title = title
    self.translatedTitle = translatedTitle
    self.issuer = issuer
    self.date = date
    self.url = url
    self.language = language
    self.sha256 = sha256
    self.accessed = accessed
  }

  /// From a loaded statement: its metadata, `provenance.sha256`, `provenance.loadedAt` as a
  /// UTC date, and the translated title from `metadata.extra["title_en"]` or
  /// `extra["translated_title"]`.
  public init(_ statement: Statement) {
    let metadata = statement.metadata
    self.init(
      name: statement.name, title: metadata.title,
      translatedTitle: metadata.extra["title_en"] ?? metadata.extra["translated_title"],
      issuer: metadata.issuer, date: metadata.date, url: metadata.url,
      language: statement.language, sha256: statement.provenance.sha256,
      accessed: Self.utcDay(statement.provenance.loadedAt))
  }

  /// The first 12 hex digits of the hash, lowercase; empty when the hash is unknown.
  public var shortHash: String {
    String(sha256.trimmingCharacters(in: .whitespaces).lowercased().prefix(12))
  }

  /// YYYY-MM-DD of `date` in UTC.
  static func utcDay(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    func padded(_ value: Int?, _ width: Int) -> String {
      let digits = String(value ?? 0)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))"
  }

  // Metadata with blanks as nil.
  var cleanTitle: String? { Self.clean(title) }
  var cleanTranslatedTitle: String? { Self.clean(translatedTitle) }
  var cleanIssuer: String? { Self.clean(issuer) }
  var cleanDate: String? { Self.clean(date) }
  var cleanURL: String? { Self.clean(url) }
  var cleanAccessed: String? { Self.clean(accessed) }

  static func clean(_ value: String?) -> String? {
    guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty
    else { return nil }
    return trimmed
  }
}

// MARK: - Passage

/// The cited passage: its exact text and where it is in the statement.
public struct CitedPassage: Sendable, Equatable {
  /// The exact source text.
  public var text: String
  /// Scalar offsets in the statement's original text.
  public var range: TextRange
  /// Sentence indices, 0-based and ascending (S numbers are these + 1).
  public var sentences: [Int]
  /// Paragraph indices, 0-based and ascending (P numbers are these + 1).
  public var paragraphs: [Int]
  /// Up to ``contextLength`` scalars of source text right before the passage (the prefix of a
  /// W3C TextQuoteSelector).
  public var prefix: String
  /// Up to ``contextLength`` scalars of source text right after the passage.
  public var suffix: String

  /// The most scalars of context kept on each side.
  public static let contextLength = 32

  public init(
    text: String, range: TextRange, sentences: [Int], paragraphs: [Int], prefix: String = "",
    suffix: String = ""
  ) {
    self.text = text
    self.range = range
    self.sentences = sentences
    self.paragraphs = paragraphs
    self.prefix = prefix
    self.suffix = suffix
  }

  /// The passage at `range` of `statement` (clamped to its text): the sentences and paragraphs
  /// it overlaps (those containing it when it is empty), and up to ``contextLength`` scalars of
  /// context on each side, shortened rather than cut inside a grapheme cluster (a letter and
  /// its combining marks, an emoji sequence).
  public init(range: TextRange, in statement: Statement) {
    let index = statement.index
    let start = min(max(range.start, 0), index.count)
    let range = TextRange(start, min(max(range.end, start), index.count))
    func touches(_ other: TextRange) -> Bool {
      range.isEmpty
        ? other.start <= range.start && range.start < other.end : range.overlaps(other)
    }
    let segmentation = statement.segmentation
    let sentences = segmentation.sentences.indices.filter {
      touches(segmentation.sentences[$0].range)
    }
    let paragraphs = segmentation.paragraphs.indices.filter { touches(segmentation.paragraphs[$0]) }

    let text = statement.text
    let scalars = text.unicodeScalars
    let startIndex = index.index(at: range.start)
    let endIndex = index.index(at: range.end)
    var prefixStart = index.index(at: range.start - Self.contextLength)
    while prefixStart < startIndex && prefixStart.samePosition(in: text) == nil {
      scalars.formIndex(after: &prefixStart)
    }
    var suffixEnd = index.index(at: range.end + Self.contextLength)
    while suffixEnd > endIndex && suffixEnd.samePosition(in: text) == nil {
      scalars.formIndex(before: &suffixEnd)
    }
    self.init(
      text: String(statement.text(of: range)), range: range, sentences: sentences,
      paragraphs: paragraphs, prefix: String(Substring(scalars[prefixStart..<startIndex])),
      suffix: String(Substring(scalars[endIndex..<suffixEnd])))
  }

  /// Where the passage is, in one form for every style: sentences, then their paragraphs in
  /// parentheses: "S3 (P2)", "S3–S5 (P2–P3)". Without sentences (a heading), the paragraphs
  /// alone: "P2"; with neither, the scalar offsets: "offsets 120–180". Runs of consecutive
  /// numbers are joined with an en dash, separate runs with commas: "S3, S5 (P2)".
  public var reference: String {
    let sentences = Self.runs(sentences, letter: "S")
    let paragraphs = Self.runs(paragraphs, letter: "P")
    switch (sentences.isEmpty, paragraphs.isEmpty) {
    case (false, false): return "\(sentences) (\(paragraphs))"
    case (false, true): return sentences
    case (true, false): return paragraphs
    case (true, true): return "offsets \(range.start)–\(range.end)"
    }
  }

  /// "S3", "S3–S5", "S3–S4, S7" from 0-based indices.
  static func runs(_ indices: [Int], letter: String) -> String {
    let numbers = Array(Set(indices.map { $0 + 1 })).sorted()
    var parts: [String] = []
    var position = 0
    while position < numbers.count {
      var last = position
      while last + 1 < numbers.count && numbers[last + 1] == numbers[last] + 1 { last += 1 }
      parts.append(
        last == position
          ? "\(letter)\(numbers[position])"
          : "\(letter)\(numbers[position])–\(letter)\(numbers[last])"
      )
      position = last + 1
    }
    return parts.joined(separator: ", ")
  }
}

// MARK: - Styles and errors

/// The forms `cite --style` produces.
public enum CitationStyle: String, CaseIterable, Sendable, Codable {
  /// The quotation in quotation marks, then a line with issuer, title, date, reference, URL and
  /// hash.
  case plain
  /// The quotation as a Markdown block quote, then the same line with the title in italics.
  case markdown
  /// An APA 7 reference-list entry for a press release.
  case apa
  /// A Chicago notes-bibliography bibliography entry for a press release.
  case chicago
  /// An MLA 9 works-cited entry.
  case mla
  /// A biblatex `@misc` entry.
  case bibtex
  /// A CSL-JSON array of one item, for Zotero, pandoc and other CSL processors.
  case cslJSON = "csl-json"
  /// W3C Web Annotation selectors (TextQuoteSelector and TextPositionSelector) as JSON.
  case selector
  /// The URL with a text fragment (`#:~:text=…`) that makes a browser scroll to the passage
  /// and highlight it.
  case fragment
}

/// Why a citation could not be made. Each description is one line.
public enum CitationError: Error, Equatable, CustomStringConvertible {
  /// The style links to the statement, and its URL is not known.
  case noURL(style: String)
  /// The passage is empty or only blanks: there is nothing to quote.
  case emptyPassage
  /// JSON encoding failed (not expected for the plain values encoded; reported, not trapped).
  case encoding(String)

  public var description: String {
    switch self {
    case .noURL(let style):
      return "the \(style) style needs the statement's URL, and none is known"
    case .emptyPassage: return "the passage is empty"
    case .encoding(let reason): return "could not encode the citation as JSON: \(reason)"
    }
  }
}

// MARK: - Formatter

/// Formats a cited passage in a ``CitationStyle``.
///
/// Decisions common to the styles:
/// - Titles and issuers stay in their own script (Japanese titles are not romanised, which APA
///   and Chicago would otherwise ask for); a translated title follows in square brackets where
///   the style provides for one, and titles keep their own capitalisation.
/// - The bibliographic styles (APA, Chicago, MLA) produce the reference-list entry in plain
///   text, without italics markup: terminals do not render it, and the quotation itself is in
///   the `plain` and `markdown` styles. The entry is followed by the passage's place and hash in
///   square brackets: `[S3 (P2); SHA-256 9f2c1ab3d4e5]`.
/// - A press release has its issuer as author and publisher: the publisher is omitted, as APA
///   says to do when it is the author.
/// - Dates are given in English in the bibliographic styles and as ISO dates ("2025-10-14") in
///   `plain` and `markdown`, which are read in either language.
/// - Without a hash (a statement built in memory), the hash is left out rather than invented.
public enum CitationFormatter {
  /// The citation of `passage` in `style`: one or more lines, without a final newline. The
  /// `fragment` style gives the URL alone on its first line (to copy) and the reference and
  /// hash on the second. Throws ``CitationError/emptyPassage`` for a blank passage and
  /// ``CitationError/noURL(style:)`` for `fragment` without a URL; the other styles do without.
  public static func format(
    _ passage: CitedPassage, source: CitationSource, style: CitationStyle
  ) throws(CitationError) -> String {
    guard passage.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw .emptyPassage
    }
    switch style {
    case .plain: return plain(passage, source)
    case .markdown: return markdown(passage, source)
    case .apa: return apa(passage, source)
    case .chicago: return chicago(passage, source)
    case .mla: return mla(passage, source)
    case .bibtex: return bibtex(passage, source)
    case .cslJSON: return try cslJSON(passage, source)
    case .selector: return try selector(passage, source)
    case .fragment:
      guard let url = textFragmentURL(passage, source: source) else {
        throw .noURL(style: style.rawValue)
      }
      return url + "\n" + locator(passage, source)
    }
  }

  /// The passage's place and the short hash: "S3 (P2); SHA-256 9f2c1ab3d4e5".
  public static func locator(_ passage: CitedPassage, _ source: CitationSource) -> String {
    let hash = source.shortHash
    return hash.isEmpty ? passage.reference : "\(passage.reference); SHA-256 \(hash)"
  }

  // MARK: Plain and Markdown

  /// Quotation marks for a passage: 「」 in Japanese, “” otherwise.
  static func quotationMarks(_ language: Language) -> (String, String) {
    language == .ja ? ("「", "」") : ("“", "”")
  }

  /// Title marks: 『』 in Japanese (the quotation already uses 「」), “” otherwise.
  static func titleMarks(_ language: Language) -> (String, String) {
    language == .ja ? ("『", "』") : ("“", "”")
  }

  /// ```
  /// “The quoted text.”
  /// — Issuer, “Title” [Translated title], 2025-10-14, S3 (P2), https://…, SHA-256 9f2c1ab3d4e5
  /// ```
  /// Missing fields are left out; with neither title nor issuer, the statement's name stands
  /// in for them. The quotation keeps the passage's line breaks.
  static func plain(_ passage: CitedPassage, _ source: CitationSource) -> String {
    let (open, close) = quotationMarks(source.language)
    let (titleOpen, titleClose) = titleMarks(source.language)
    var fields: [String] = []
    if let issuer = source.cleanIssuer { fields.append(issuer) }
    if let title = source.cleanTitle {
      fields.append(
        titleOpen + title + titleClose + (source.cleanTranslatedTitle.map { " [\($0)]" } ?? ""))
    } else if source.cleanIssuer == nil {
      fields.append(source.name)
    }
    if let date = source.cleanDate { fields.append(date) }
    fields.append(passage.reference)
    if let url = source.cleanURL { fields.append(url) }
    if !source.shortHash.isEmpty { fields.append("SHA-256 \(source.shortHash)") }
    return open + passage.text + close + "\n— " + fields.joined(separator: ", ")
  }

  /// ```
  /// > The quoted text.
  ///
  /// — Issuer, *Title* \[Translated title\], 2025-10-14, S3 (P2), <https://…>, `SHA-256 9f2c…`
  /// ```
  /// The block quote keeps the passage's lines (blank lines as `>`); characters Markdown would
  /// take as markup are backslash-escaped, so the quotation renders exactly. The URL is an
  /// autolink. A blank line separates the attribution from the quote, which would otherwise
  /// continue it.
  static func markdown(_ passage: CitedPassage, _ source: CitationSource) -> String {
    let quote = passage.text.split(separator: "\n", omittingEmptySubsequences: false).map {
      line in line.allSatisfy(\.isWhitespace) ? ">" : "> " + markdownEscaped(line, lineStart: true)
    }
    var fields: [String] = []
    if let issuer = source.cleanIssuer { fields.append(markdownEscaped(issuer)) }
    if let title = source.cleanTitle {
      fields.append(
        "*\(markdownEscaped(title))*"
          + (source.cleanTranslatedTitle.map { " \\[\(markdownEscaped($0))\\]" } ?? ""))
    } else if source.cleanIssuer == nil {
      fields.append(markdownEscaped(source.name))
    }
    if let date = source.cleanDate { fields.append(markdownEscaped(date)) }
    fields.append(passage.reference)
    if let url = source.cleanURL { fields.append("<\(autolinkSafe(url))>") }
    if !source.shortHash.isEmpty { fields.append("`SHA-256 \(source.shortHash)`") }
    return quote.joined(separator: "\n") + "\n\n— " + fields.joined(separator: ", ")
  }

  /// Text with Markdown's inline markup characters escaped, and at the start of a line the
  /// markers of headings, lists and thematic breaks.
  static func markdownEscaped<S: StringProtocol>(_ text: S, lineStart: Bool = false) -> String {
    var result = ""
    let characters = Array(text)
    var position = 0
    if lineStart {
      while position < characters.count && characters[position] == " " {
        result.append(" ")
        position += 1
      }
      if position < characters.count {
        let first = characters[position]
        if "#+-=".contains(first) {
          result.append("\\")
        } else if first.isASCII && first.isNumber {
          // "1. " or "1) " would start an ordered list: escape the delimiter.
          var digitEnd = position
          while digitEnd < characters.count && characters[digitEnd].isASCII
            && characters[digitEnd].isNumber
          {
            digitEnd += 1
          }
          if digitEnd < characters.count
            && (characters[digitEnd] == "." || characters[digitEnd] == ")")
          {
            result += String(characters[position..<digitEnd]) + "\\"
            position = digitEnd
          }
        }
      }
    }
    while position < characters.count {
      let character = characters[position]
      if "\\`*_[]<>|".contains(character) {
        result.append("\\")
      } else if character == "&", position + 1 < characters.count,
        characters[position + 1].isLetter || characters[position + 1] == "#"
      {
        // "&amp;" and "&#38;" would be entity references.
        result.append("\\")
      }
      result.append(character)
      position += 1
    }
    return result
  }

  /// A URL that can go between < and > in an autolink: no spaces or angle brackets.
  static func autolinkSafe(_ url: String) -> String {
    var result = ""
    for character in url {
      switch character {
      case " ": result += "%20"
      case "<": result += "%3C"
      case ">": result += "%3E"
      default: result.append(character)
      }
    }
    return result
  }

  // MARK: APA

  /// APA 7 (Publication Manual 10.4, press releases):
  /// `Issuer. (2025, October 14). Title [Translated title] [Press release]. URL`.
  ///
  /// - No issuer: the title moves to the author position, before the date.
  /// - No title: the description "[Press release]" stands in its place.
  /// - No date: "(n.d.)"; a partial date is given as far as known: "(2025, October)".
  /// - No retrieval date: APA gives one only for pages designed to change.
  static func apa(_ passage: CitedPassage, _ source: CitationSource) -> String {
    var title = "[Press release]"
    if let original = source.cleanTitle {
      title =
        original + (source.cleanTranslatedTitle.map { " [\($0)]" } ?? "") + " [Press release]"
    }
    let date = "(\(apaDate(source.cleanDate)))."
    var parts: [String]
    if let issuer = source.cleanIssuer {
      parts = [withPeriod(issuer), date, title + "."]
    } else {
      parts = [title + ".", date]
    }
    if let url = source.cleanURL { parts.append(url) }
    parts.append("[\(locator(passage, source))]")
    return parts.joined(separator: " ")
  }

  static func apaDate(_ text: String?) -> String {
    guard let text else { return "n.d." }
    guard let date = CitationDate(text) else { return text }
    switch (date.month, date.day) {
    case (let month?, let day?): return "\(date.year), \(monthNames[month - 1]) \(day)"
    case (let month?, nil): return "\(date.year), \(monthNames[month - 1])"
    default: return "\(date.year)"
    }
  }

  // MARK: Chicago

  /// Chicago notes-bibliography, bibliography entry for a press release:
  /// `Issuer. “Title.” Press release, October 14, 2025. URL.`
  ///
  /// - A translated title follows the quoted title in brackets: `“Title” [Translated].`
  /// - Double quotation marks inside the title become single ones; a period goes inside the
  ///   closing marks (American style).
  /// - No issuer: the entry begins with the title. No title: "Press release" alone.
  /// - No date: "n.d.", then "Accessed November 27, 2026." before the URL when the access date
  ///   is known (Chicago gives access dates only for undated online sources).
  static func chicago(_ passage: CitedPassage, _ source: CitationSource) -> String {
    var parts: [String] = []
    if let issuer = source.cleanIssuer { parts.append(withPeriod(issuer)) }
    if let title = source.cleanTitle {
      parts.append(quotedTitle(title, translated: source.cleanTranslatedTitle))
    }
    let date = CitationDate.parse(source.cleanDate).map(chicagoDate) ?? source.cleanDate ?? "n.d."
    parts.append(withPeriod("Press release, \(date)"))
    if let url = source.cleanURL {
      if source.cleanDate == nil, let accessed = source.cleanAccessed {
        parts.append("Accessed \(CitationDate.parse(accessed).map(chicagoDate) ?? accessed).")
      }
      parts.append(url + ".")
    }
    parts.append("[\(locator(passage, source))]")
    return parts.joined(separator: " ")
  }

  static func chicagoDate(_ date: CitationDate) -> String {
    switch (date.month, date.day) {
    case (let month?, let day?): return "\(monthNames[month - 1]) \(day), \(date.year)"
    case (let month?, nil): return "\(monthNames[month - 1]) \(date.year)"
    default: return "\(date.year)"
    }
  }

  // MARK: MLA

  /// MLA 9: `Issuer. “Title.” 14 Oct. 2025, example.gov/path. Accessed 27 Nov. 2026.`
  ///
  /// - Months are abbreviated as MLA does (Jan., Feb., Mar., Apr., May, June, July, Aug.,
  ///   Sept., Oct., Nov., Dec.); dates run day, month, year.
  /// - The URL is given without "http://" or "https://", as the MLA Handbook recommends.
  /// - "Accessed" follows when the statement has a URL and its load date is known.
  /// - A translated title follows in brackets: `“Title” [Translated].`
  /// - No issuer: the entry begins with the title. No title: the description "Press release."
  ///   (not quoted). No date: the URL follows the title directly.
  static func mla(_ passage: CitedPassage, _ source: CitationSource) -> String {
    var parts: [String] = []
    if let issuer = source.cleanIssuer { parts.append(withPeriod(issuer)) }
    if let title = source.cleanTitle {
      parts.append(quotedTitle(title, translated: source.cleanTranslatedTitle))
    } else {
      parts.append("Press release.")
    }
    var publication: [String] = []
    if let date = source.cleanDate {
      publication.append(CitationDate.parse(date).map(mlaDate) ?? date)
    }
    if let url = source.cleanURL { publication.append(withoutScheme(url)) }
    if !publication.isEmpty { parts.append(publication.joined(separator: ", ") + ".") }
    if source.cleanURL != nil, let accessed = source.cleanAccessed {
      parts.append("Accessed \(CitationDate.parse(accessed).map(mlaDate) ?? accessed).")
    }
    parts.append("[\(locator(passage, source))]")
    return parts.joined(separator: " ")
  }

  static func mlaDate(_ date: CitationDate) -> String {
    switch (date.month, date.day) {
    case (let month?, let day?): return "\(day) \(mlaMonths[month - 1]) \(date.year)"
    case (let month?, nil): return "\(mlaMonths[month - 1]) \(date.year)"
    default: return "\(date.year)"
    }
  }

  static func withoutScheme(_ url: String) -> String {
    for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
      return String(url.dropFirst(scheme.count))
    }
    return url
  }

  // MARK: Shared text helpers

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static let mlaMonths = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
  ]

  /// The text followed by a period, unless it already ends with terminal punctuation.
  static func withPeriod(_ text: String) -> String {
    guard let last = text.last, !".?!。？！".contains(last) else { return text }
    return text + "."
  }

  /// “Title.” or “Title” [Translated]. in American style: double quotation marks inside the
  /// title become single, and the period goes inside the closing marks.
  static func quotedTitle(_ title: String, translated: String?) -> String {
    let inner = nestedQuotes(title)
    if let translated { return "“\(inner)” \(withPeriod("[\(translated)]"))" }
    // The period goes before any closing single quotes ending the title: ‘KX-22.’”
    var body = inner
    var closing = ""
    while let last = body.last, last == "’" {
      closing = String(last) + closing
      body.removeLast()
    }
    guard let last = body.last, !".?!。？！".contains(last) else { return "“\(inner)”" }
    return "“\(body).\(closing)”"
  }

  /// Double quotation marks (straight or curly) turned into single ones, for a title that is
  /// itself quoted. A straight mark opens after a blank or an opening bracket, else closes.
  static func nestedQuotes(_ text: String) -> String {
    var result = ""
    var previous: Character?
    for character in text {
      switch character {
      case "“": result.append("‘")
      case "”": result.append("’")
      case "\"":
        let opens = previous.map { $0.isWhitespace || "([{".contains($0) } ?? true
        result.append(opens ? "‘" : "’")
      default: result.append(character)
      }
      previous = character
    }
    return result
  }

  // MARK: BibTeX

  /// A biblatex `@misc` entry:
  /// ```
  /// @misc{officeprimeminister2025,
  ///   author = {{Office of the Prime Minister}},
  ///   title = {…},
  ///   titleaddon = {[Translated title]},
  ///   howpublished = {Press release},
  ///   date = {2025-10-14},
  ///   url = {https://…},
  ///   urldate = {2026-11-27},
  ///   language = {english},
  ///   note = {S3 (P2); SHA-256 9f2c1ab3d4e5}
  /// }
  /// ```
  /// - The institution is a double-braced author, so it is not split into given and family
  ///   names.
  /// - The BibTeX special characters & % $ # _ { } ~ ^ \ are escaped in text fields. `url` is a
  ///   verbatim field in biblatex and is not escaped (only blanks, braces and backslashes are
  ///   percent-encoded); `date` and `urldate` are ISO dates and given only when they parse.
  /// - Japanese stays in UTF-8, which biblatex with biber reads.
  /// - The key is ASCII: the first three significant words of the issuer when it is written
  ///   in Latin letters (accents dropped), else the statement's name, then the year.
  static func bibtex(_ passage: CitedPassage, _ source: CitationSource) -> String {
    var fields: [(String, String)] = []
    if let issuer = source.cleanIssuer { fields.append(("author", "{\(bibtexEscaped(issuer))}")) }
    if let title = source.cleanTitle { fields.append(("title", bibtexEscaped(title))) }
    if let translated = source.cleanTranslatedTitle {
      fields.append(("titleaddon", "[\(bibtexEscaped(translated))]"))
    }
    fields.append(("howpublished", "Press release"))
    if let date = CitationDate.parse(source.cleanDate) { fields.append(("date", date.iso)) }
    if let url = source.cleanURL { fields.append(("url", bibtexURL(url))) }
    if let accessed = CitationDate.parse(source.cleanAccessed) {
      fields.append(("urldate", accessed.iso))
    }
    if let language = bibtexLanguage(source.language) { fields.append(("language", language)) }
    fields.append(("note", bibtexEscaped(locator(passage, source))))
    let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
    return "@misc{\(citationKey(source)),\n\(body)\n}"
  }

  static func bibtexEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
      case "~": result += "\\textasciitilde{}"
      case "^": result += "\\textasciicircum{}"
      case "\\": result += "\\textbackslash{}"
      default: result.append(character)
      }
    }
    return result
  }

  static func bibtexURL(_ url: String) -> String {
    var result = ""
    for character in url {
      switch character {
      case "{": result += "%7B"
      case "}": result += "%7D"
      case "\\": result += "%5C"
      case _ where character.isWhitespace: result += "%20"
      default: result.append(character)
      }
    }
    return result
  }

  /// biblatex's language names.
  static func bibtexLanguage(_ language: Language) -> String? {
    switch language {
    case .ja: return "japanese"
    case .en: return "english"
    case .zh: return "chinese"
    case .other: return nil
    }
  }

  static let keyStopWords: Set<String> = [
    "a", "an", "and", "at", "das", "de", "del", "der", "des", "die", "du", "et", "for", "in",
    "la", "le", "of", "on", "the", "to", "und", "van", "von", "y",
  ]

  /// An ASCII key for BibTeX and CSL-JSON: "officeprimeminister2025", "mofa-cyber2025".
  static func citationKey(_ source: CitationSource) -> String {
    var base = ""
    if let issuer = source.cleanIssuer {
      let folded = issuer.folding(options: [.diacriticInsensitive], locale: nil)
      if folded.unicodeScalars.allSatisfy(\.isASCII) {
        let words = folded.lowercased()
          .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
          .map { $0.filter { $0 != "'" } }
          .filter { !$0.isEmpty && !keyStopWords.contains($0) }
        base = words.prefix(3).joined()
      }
    }
    if base.isEmpty {
      let folded = source.name.folding(options: [.diacriticInsensitive], locale: nil).lowercased()
      base = String(
        folded.unicodeScalars.filter {
          $0.isASCII
            && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-")
        }.map(Character.init))
      while base.hasPrefix("-") { base.removeFirst() }
    }
    if base.isEmpty { base = "statement" }
    return base + (CitationDate.parse(source.cleanDate).map { String($0.year) } ?? "")
  }

  // MARK: CSL-JSON

  /// A CSL-JSON array of one item (CSL 1.0.2 data schema).
  ///
  /// CSL has no press-release type. The item is a `report` ("a technical report, government
  /// report, white paper, brief, or similar work distributed by an institution") with `genre`
  /// "Press release", as Zotero records press releases (Report, report type "Press release");
  /// the APA CSL style renders that genre as "[Press release]". CSL has no translated-title
  /// variable, so a translated title goes into `title` in brackets, as APA asks. The author is
  /// a literal (institutional) name; `note` carries the reference and hash.
  static func cslJSON(_ passage: CitedPassage, _ source: CitationSource) throws(CitationError)
    -> String
  {
    var title = source.cleanTitle
    if let translated = source.cleanTranslatedTitle {
      title = title.map { "\($0) [\(translated)]" } ?? "[\(translated)]"
    }
    let item = CSLItem(
      id: citationKey(source), type: "report", genre: "Press release",
      author: source.cleanIssuer.map { [CSLName(literal: $0)] }, title: title,
      issued: CSLDate(source.cleanDate), url: source.cleanURL,
      accessed: CSLDate(source.cleanAccessed),
      language: source.language == .other ? nil : source.language.rawValue,
      note: locator(passage, source))
    return try json([item])
  }

  struct CSLItem: Encodable {
    var id: String
    var type: String
    var genre: String
    var author: [CSLName]?
    var title: String?
    var issued: CSLDate?
    var url: String?
    var accessed: CSLDate?
    var language: String?
    var note: String

    enum CodingKeys: String, CodingKey {
      case id, type, genre, author, title, issued, accessed, language, note
      case url = "URL"
    }
  }

  struct CSLName: Encodable {
    var literal: String
  }

  /// `{"date-parts": [[2025, 10, 14]]}`, or `{"literal": …}` for a date that does not parse.
  struct CSLDate: Encodable {
    var dateParts: [[Int]]?
    var literal: String?

    init?(_ text: String?) {
      guard let text else { return nil }
      if let date = CitationDate(text) {
        dateParts = [[date.year] + [date.month, date.day].compactMap { $0 }]
      } else {
        literal = text
      }
    }

    enum CodingKeys: String, CodingKey {
      case dateParts = "date-parts"
      case literal
    }
  }

  // MARK: Selectors

  /// A W3C Web Annotation specific resource (Web Annotation Data Model 4.2) with two selectors
  /// of the same passage:
  /// ```
  /// {"type": "SpecificResource", "source": "https://…",
  ///  "selector": [{"type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": …},
  ///               {"type": "TextPositionSelector", "start": 120, "end": 180}],
  ///  "reference": "S3 (P2)", "sha256": "9f2c…"}
  /// ```
  /// Positions count Unicode code points of the statement's text as loaded (line ends LF,
  /// front matter and markup removed), as the model counts characters. `source` is the URL,
  /// or the statement's name without one. `reference` and the full `sha256` are extensions
  /// of the model, so a tool can check it is selecting in the same text. An empty prefix or
  /// suffix (a passage at the very start or end) is left out.
  static func selector(_ passage: CitedPassage, _ source: CitationSource) throws(CitationError)
    -> String
  {
    let sha = source.sha256.trimmingCharacters(in: .whitespaces).lowercased()
    let target = SelectorTarget(
      type: "SpecificResource", source: source.cleanURL ?? source.name,
      selector: [
        .quote(
          exact: passage.text, prefix: passage.prefix.isEmpty ? nil : passage.prefix,
          suffix: passage.suffix.isEmpty ? nil : passage.suffix),
        .position(start: passage.range.start, end: passage.range.end),
      ], reference: passage.reference, sha256: sha.isEmpty ? nil : sha)
    return try json(target)
  }

  struct SelectorTarget: Encodable {
    var type: String
    var source: String
    var selector: [Selector]
    var reference: String
    var sha256: String?
  }

  enum Selector: Encodable {
    case quote(exact: String, prefix: String?, suffix: String?)
    case position(start: Int, end: Int)

    enum CodingKeys: String, CodingKey {
      case type, exact, prefix, suffix, start, end
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .quote(let exact, let prefix, let suffix):
        try container.encode("TextQuoteSelector", forKey: .type)
        try container.encode(exact, forKey: .exact)
        try container.encodeIfPresent(prefix, forKey: .prefix)
        try container.encodeIfPresent(suffix, forKey: .suffix)
      case .position(let start, let end):
        try container.encode("TextPositionSelector", forKey: .type)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
      }
    }
  }

  /// Pretty-printed JSON with sorted keys, slashes unescaped, UTF-8 text as is.
  static func json<Value: Encodable>(_ value: Value) throws(CitationError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw .encoding(String(describing: error))
    }
  }

  // MARK: Text fragments

  /// Passages longer than this (in characters) are linked by their first and last words
  /// (`textStart,textEnd`) rather than in full: the limit Chrome's link-to-text generator uses.
  public static let exactMatchLimit = 300
  /// A term cut from a passage or its context has at least this many words…
  static let termWords = 3
  /// …and a range term at least this many characters (or the whole line when shorter).
  static let termCharacters = 20

  /// The statement's URL with a text fragment for the passage, following the URL Fragment
  /// Text Directives spec (WICG): `#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`. Nil
  /// without a URL or when the passage is blank.
  ///
  /// - An existing fragment is kept and the directive appended after it
  ///   (`#section:~:text=…`), as the spec provides; an existing directive (from `:~:` on) is
  ///   replaced.
  /// - Each term matches within one block of the page and must start and end on word
  ///   boundaries. A passage of one line up to ``exactMatchLimit`` characters is the whole
  ///   `textStart`; a longer one, or one across line breaks (paragraphs), becomes
  ///   `textStart,textEnd`: whole words (at least 3, and 20 characters) from the start of its
  ///   first line and from the end of its last, the end lengthened until it does not occur
  ///   earlier in the passage (a browser takes the first match after the start).
  /// - The context terms are the last 3 words of the text before the passage and the first 3
  ///   after it, on the same line, so that a sentence that recurs is found in its place; a
  ///   word the 32-scalar context may have cut is not used.
  /// - Words are ICU word-break words (dictionary-based for Japanese), as browsers find them.
  /// - Runs of ASCII blanks and line breaks in a term become one space (the page renders them
  ///   so); blanks at the ends are dropped.
  /// - Terms are percent-encoded as UTF-8: only ASCII letters, digits and `. _ ~` are left as
  ///   they are, so "-", "&" and "," (the directive's syntax), blanks, parentheses (which end
  ///   links in Markdown and chat apps) and every non-ASCII character are encoded.
  public static func textFragmentURL(_ passage: CitedPassage, source: CitationSource) -> String? {
    guard let url = source.cleanURL,
      let directive = TextDirective(passage: passage, language: source.language)
    else { return nil }
    var base = url
    if let hash = url.firstIndex(of: "#") {
      var fragment = url[url.index(after: hash)...]
      if let delimiter = fragment.range(of: ":~:") { fragment = fragment[..<delimiter.lowerBound] }
      base = String(url[..<hash]) + "#" + String(fragment)
    } else {
      base += "#"
    }
    return base + ":~:" + directive.encoded
  }
}

// MARK: - Dates

/// A date as far as it is known: year, month, day.
struct CitationDate: Equatable {
  var year: Int
  var month: Int?
  var day: Int?

  /// Parses "2025-10-14", "2025-10" or "2025"; nil for anything else or an impossible date.
  init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ $0.count == 2 }),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0])
    else { return nil }
    self.year = year
    if parts.count > 1 {
      guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
      self.month = month
    }
    if parts.count > 2, let month {
      let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      guard let day = Int(parts[2]), (1...lengths[month - 1]).contains(day) else { return nil }
      self.day = day
    }
  }

  static func parse(_ text: String?) -> CitationDate? { text.flatMap(CitationDate.init) }

  /// "2025-10-14", "2025-10" or "2025".
  var iso: String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var text = String(year)
    if let month { text += "-" + two(month) }
    if let day { text += "-" + two(day) }
    return text
  }
}

// MARK: - Text directive

/// The terms of a text directive, before percent-encoding; see
/// ``CitationFormatter/textFragmentURL(_:source:)``.
struct TextDirective: Equatable {
  var prefix: String?
  var start: String
  var end: String?
  var suffix: String?

  init(prefix: String? = nil, start: String, end: String? = nil, suffix: String? = nil) {
    self.prefix = prefix
    self.start = start
    self.end = end
    self.suffix = suffix
  }

  init?(passage: CitedPassage, language: Language) {
    let lines = passage.text.split(whereSeparator: \.isNewline).map(Self.collapsed).filter {
      !$0.isEmpty
    }
    guard let first = lines.first, let last = lines.last else { return nil }
    if lines.count == 1 && first.count <= CitationFormatter.exactMatchLimit {
      start = first
    } else {
      start = Self.leadingTerm(first, language: language)
      // The end must not match earlier in the passage: a browser takes the first match after
      // the start.
      let joined = lines.joined(separator: " ")
      let afterStart = joined.utf8.index(joined.utf8.startIndex, offsetBy: start.utf8.count)
      let candidates = Self.trailingTerms(last, language: language)
      end =
        candidates.first { candidate in
          let found = joined.range(
            of: candidate, options: [.caseInsensitive, .diacriticInsensitive],
            range: afterStart..<joined.endIndex)
          return found?.upperBound == joined.endIndex
        } ?? candidates.last ?? last
    }
    prefix = Self.prefixTerm(passage.prefix, language: language)
    suffix = Self.suffixTerm(passage.suffix, language: language)
  }

  /// `text=prefix-,start,end,-suffix`, percent-encoded.
  var encoded: String {
    var parts: [String] = []
    if let prefix { parts.append(Self.percentEncoded(prefix) + "-") }
    parts.append(Self.percentEncoded(start))
    if let end { parts.append(Self.percentEncoded(end)) }
    if let suffix { parts.append("-" + Self.percentEncoded(suffix)) }
    return "text=" + parts.joined(separator: ",")
  }

  /// UTF-8 percent-encoding of everything but ASCII letters, digits and `. _ ~`.
  static func percentEncoded(_ term: String) -> String {
    let hex = Array("0123456789ABCDEF")
    var result = ""
    for byte in term.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        result.append(Character(Unicode.Scalar(byte)))
      default:
        result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
      }
    }
    return result
  }

  /// Runs of ASCII blanks as one space (as HTML renders them), White_Space trimmed at the ends
  /// (including U+3000, which the spec skips between a context term and the match).
  static func collapsed<S: StringProtocol>(_ text: S) -> String {
    var result = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.isASCII && scalar.properties.isWhitespace {
        pendingSpace = true
        continue
      }
      if pendingSpace && !result.isEmpty { result.append(" ") }
      pendingSpace = false
      result.unicodeScalars.append(scalar)
    }
    while let first = result.unicodeScalars.first, first.properties.isWhitespace {
      result.unicodeScalars.removeFirst()
    }
    while let last = result.unicodeScalars.last, last.properties.isWhitespace {
      result.unicodeScalars.removeLast()
    }
    return result
  }

  static func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[range])
    return text
  }

  /// Whole words from the start of `line`: the shortest with enough words and characters.
  static func leadingTerm(_ line: String, language: Language) -> String {
    let scalars = Array(line.unicodeScalars)
    let tokens = Segmenter.segment(line, language: language).tokens
    for (position, token) in tokens.enumerated() where position + 1 >= CitationFormatter.termWords {
      let candidate = slice(scalars, 0..<token.range.end)
      if candidate.count >= CitationFormatter.termCharacters { return candidate }
    }
    return line
  }

  /// Whole words from the end of `line`, shortest first, from the shortest with enough words
  /// and characters to the whole line.
  static func trailingTerms(_ line: String, language: Language) -> [String] {
    let scalars = Array(line.unicodeScalars)
    let tokens = Segmenter.segment(line, language: language).tokens
    var terms: [String] = []
    for (position, token) in tokens.reversed().enumerated()
    where position + 1 >= CitationFormatter.termWords {
      let candidate = slice(scalars, token.range.start..<scalars.count)
      if candidate.count >= CitationFormatter.termCharacters { terms.append(candidate) }
    }
    if terms.last != line { terms.append(line) }
    return terms
  }

  /// The last words of the context before the passage, on its line.
  static func prefixTerm(_ context: String, language: Language) -> String? {
    let line: Substring
    let whole: Bool
    if let newline = context.lastIndex(where: \.isNewline) {
      line = context[context.index(after: newline)...]
      whole = true
    } else {
      line = context[...]
      whole = line.first?.isWhitespace ?? true
    }
    let text = collapsed(line)
    guard !text.isEmpty else { return nil }
    var tokens = Segmenter.segment(text, language: language).tokens
    // The context is cut at a fixed length: its first word may be part of one.
    if !whole, tokens.first?.range.start == 0 { tokens.removeFirst() }
    guard !tokens.isEmpty else { return nil }
    let first = tokens[max(0, tokens.count - CitationFormatter.termWords)]
    let scalars = Array(text.unicodeScalars)
    return slice(scalars, first.range.start..<scalars.count)
  }

  /// The first words of the context after the passage, on its line.
  static func suffixTerm(_ context: String, language: Language) -> String? {
    let line: Substring
    let whole: Bool
    if let newline = context.firstIndex(where: \.isNewline) {
      line = context[..<newline]
      whole = true
    } else {
      line = context[...]
      whole = line.last?.isWhitespace ?? true
    }
    let text = collapsed(line)
    guard !text.isEmpty else { return nil }
    let scalars = Array(text.unicodeScalars)
    var tokens = Segmenter.segment(text, language: language).tokens
    if !whole, tokens.last?.range.end == scalars.count { tokens.removeLast() }
    guard !tokens.isEmpty else { return nil }
    let last = tokens[min(tokens.count, CitationFormatter.termWords) - 1]
    return slice(scalars, 0..<last.range.end)
  }
}
