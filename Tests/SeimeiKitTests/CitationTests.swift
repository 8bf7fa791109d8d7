import Foundation
import Testing

@testable import SeimeiKit

/// Citation styles against hand-written expected strings, checked against the published rules
/// (APA 7, Chicago notes-bibliography, MLA 9, biblatex, CSL 1.0.2, W3C Web Annotation, URL
/// Fragment Text Directives).
@Suite struct CitationTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  // MARK: Fixtures

  static let englishHash = "9f2c1ab3d4e5" + String(repeating: "7", count: 52)
  static let japaneseHash = "3b7e04c9a1f2" + String(repeating: "5", count: 52)

  static let english = CitationSource(
    name: "arvenna", title: "Statement on the KX-22 cyber campaign",
    issuer: "Office of the Prime Minister of Arvenna", date: "2025-10-14",
    url: "https://example.org/arvenna-pmo/2025/10/14/kx-22", language: .en, sha256: englishHash,
    accessed: "2026-11-27")

  static let englishPassage = CitedPassage(
    text: "Today the Government of Arvenna is naming the state behind it.",
    range: TextRange(150, 212), sentences: [1], paragraphs: [0],
    prefix: "of ransomware and data theft. ", suffix: " We do so together with the Stat")

  static let japaneseTitle = "「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃について（外務報道官談話）"
  static let translatedTitle =
    "The series of cyber attacks by the cyber attack group known as \"KX-22\" "
    + "(Statement by the Press Secretary)"

  static let japanese = CitationSource(
    name: "akitsu", title: japaneseTitle, translatedTitle: translatedTitle, issuer: "アキツ国外務省",
    date: "2025-10-14", url: "https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html",
    language: .ja, sha256: japaneseHash, accessed: "2026-11-27")

  static let japaneseText = "政府は、関係機関と連携してこれらの事案に対処してきており、こうした活動に強い懸念を有している。"

  static let japanesePassage = CitedPassage(
    text: japaneseText, range: TextRange(300, 347), sentences: [4], paragraphs: [2])

  func format(_ passage: CitedPassage, _ source: CitationSource, _ style: CitationStyle) throws
    -> String
  {
    try CitationFormatter.format(passage, source: source, style: style)
  }

  /// The English passage and source.
  func format(_ style: CitationStyle) throws -> String {
    try format(Self.englishPassage, Self.english, style)
  }

  func load(_ path: String, at date: Date = Date()) throws -> Statement {
    let loader = StatementLoader(baseDirectory: Self.samples, clock: { date })
    let outcome = loader.load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  /// The terms of a text fragment URL, percent-decoded.
  func terms(_ url: String) throws -> (
    prefix: String?, start: String, end: String?, suffix: String?
  ) {
    let directive = try #require(url.range(of: "#:~:text=") ?? url.range(of: ":~:text="))
    var parts = url[directive.upperBound...].split(separator: ",", omittingEmptySubsequences: false)
      .map(String.init)
    var prefix: String?
    var suffix: String?
    if let first = parts.first, first.hasSuffix("-") {
      prefix = String(first.dropLast())
      parts.removeFirst()
    }
    if let last = parts.last, last.hasPrefix("-") {
      suffix = String(last.dropFirst())
      parts.removeLast()
    }
    #expect((1...2).contains(parts.count))
    for part in parts + [prefix, suffix].compactMap({ $0 }) {
      // Only ASCII letters, digits, ". _ ~" and percent-escapes are left in a term.
      #expect(part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._~%".contains($0)) })
    }
    func decoded(_ term: String?) throws -> String? {
      try term.map { try #require($0.removingPercentEncoding) }
    }
    return (
      try decoded(prefix), try #require(try decoded(parts[0])),
      try decoded(parts.count > 1 ? parts[1] : nil), try decoded(suffix)
    )
  }

  // MARK: Reference

  @Test func referenceForms() {
    func reference(_ sentences: [Int], _ paragraphs: [Int]) -> String {
      CitedPassage(
        text: "x", range: TextRange(120, 180), sentences: sentences, paragraphs: paragraphs
      )
      .reference
    }
    #expect(reference([2], [1]) == "S3 (P2)")
    #expect(reference([2, 3, 4], [1, 2]) == "S3–S5 (P2–P3)")
    #expect(reference([2, 4], [1]) == "S3, S5 (P2)")
    #expect(reference([0, 1, 5], [0, 3]) == "S1–S2, S6 (P1, P4)")
    #expect(reference([], [1]) == "P2")
    #expect(reference([], [1, 2]) == "P2–P3")
    #expect(reference([], []) == "offsets 120–180")
  }

  @Test func stylesByName() {
    #expect(CitationStyle.allCases.count == 9)
    #expect(CitationStyle(rawValue: "csl-json") == .cslJSON)
    #expect(CitationStyle(rawValue: "bibtex") == .bibtex)
    #expect(CitationStyle(rawValue: "cslJSON") == nil)
  }

  // MARK: Plain and Markdown

  @Test func plainEnglish() throws {
    #expect(
      try format(.plain) == """
        “Today the Government of Arvenna is naming the state behind it.”
        — Office of the Prime Minister of Arvenna, “Statement on the KX-22 cyber campaign”, \
        2025-10-14, S2 (P1), https://example.org/arvenna-pmo/2025/10/14/kx-22, SHA-256 9f2c1ab3d4e5
        """)
  }

  @Test func plainJapanese() throws {
    #expect(
      try format(Self.japanesePassage, Self.japanese, .plain) == """
        「政府は、関係機関と連携してこれらの事案に対処してきており、こうした活動に強い懸念を有している。」
        — アキツ国外務省, 『「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃について\
        （外務報道官談話）』 [The series of cyber attacks by the cyber attack group known as \
        "KX-22" (Statement by the Press Secretary)], 2025-10-14, S5 (P3), \
        https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html, SHA-256 3b7e04c9a1f2
        """)
  }

  @Test func markdownEnglish() throws {
    #expect(
      try format(.markdown) == """
        > Today the Government of Arvenna is naming the state behind it.

        — Office of the Prime Minister of Arvenna, *Statement on the KX-22 cyber campaign*, \
        2025-10-14, S2 (P1), <https://example.org/arvenna-pmo/2025/10/14/kx-22>, \
        `SHA-256 9f2c1ab3d4e5`
        """)
  }

  @Test func markdownJapanese() throws {
    #expect(
      try format(Self.japanesePassage, Self.japanese, .markdown) == """
        > 政府は、関係機関と連携してこれらの事案に対処してきており、こうした活動に強い懸念を有している。

        — アキツ国外務省, *「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃について\
        （外務報道官談話）* \\[The series of cyber attacks by the cyber attack group known as \
        "KX-22" (Statement by the Press Secretary)\\], 2025-10-14, S5 (P3), \
        <https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html>, `SHA-256 3b7e04c9a1f2`
        """)
  }

  @Test func markdownEscapesMarkupAndKeepsParagraphs() throws {
    let passage = CitedPassage(
      text: "1. Item *one* and [link] & more, a_b &amp;\n\n# not a heading\n- nor a list",
      range: TextRange(0, 67), sentences: [0, 1, 2], paragraphs: [0, 1])
    let source = CitationSource(name: "notes", language: .en, sha256: "")
    #expect(
      try format(passage, source, .markdown) == """
        > 1\\. Item \\*one\\* and \\[link\\] & more, a\\_b \\&amp;
        >
        > \\# not a heading
        > \\- nor a list

        — notes, S1–S3 (P1–P2)
        """)
  }

  // MARK: APA

  @Test func apaEnglish() throws {
    #expect(
      try format(.apa) == """
        Office of the Prime Minister of Arvenna. (2025, October 14). Statement on the KX-22 cyber \
        campaign [Press release]. https://example.org/arvenna-pmo/2025/10/14/kx-22 \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
  }

  @Test func apaJapaneseWithTranslatedTitle() throws {
    #expect(
      try format(Self.japanesePassage, Self.japanese, .apa) == """
        アキツ国外務省. (2025, October 14). 「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃\
        について（外務報道官談話） [The series of cyber attacks by the cyber attack group known as \
        "KX-22" (Statement by the Press Secretary)] [Press release]. \
        https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html [S5 (P3); SHA-256 3b7e04c9a1f2]
        """)
  }

  @Test func apaWithMissingMetadata() throws {
    var source = Self.english
    source.date = nil
    #expect(
      try format(Self.englishPassage, source, .apa) == """
        Office of the Prime Minister of Arvenna. (n.d.). Statement on the KX-22 cyber campaign \
        [Press release]. https://example.org/arvenna-pmo/2025/10/14/kx-22 \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
    source = Self.english
    source.issuer = "  "
    #expect(
      try format(Self.englishPassage, source, .apa) == """
        Statement on the KX-22 cyber campaign [Press release]. (2025, October 14). \
        https://example.org/arvenna-pmo/2025/10/14/kx-22 [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
    source = Self.english
    source.title = nil
    source.date = "2025-10"
    #expect(
      try format(Self.englishPassage, source, .apa) == """
        Office of the Prime Minister of Arvenna. (2025, October). [Press release]. \
        https://example.org/arvenna-pmo/2025/10/14/kx-22 [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
    let bare = CitationSource(name: "bare", language: .en, sha256: "")
    #expect(try format(Self.englishPassage, bare, .apa) == "[Press release]. (n.d.). [S2 (P1)]")
  }

  // MARK: Chicago

  @Test func chicagoEnglish() throws {
    #expect(
      try format(.chicago) == """
        Office of the Prime Minister of Arvenna. “Statement on the KX-22 cyber campaign.” Press \
        release, October 14, 2025. https://example.org/arvenna-pmo/2025/10/14/kx-22. \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
  }

  @Test func chicagoJapaneseWithTranslatedTitle() throws {
    #expect(
      try format(Self.japanesePassage, Self.japanese, .chicago) == """
        アキツ国外務省. “「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃について\
        （外務報道官談話）” [The series of cyber attacks by the cyber attack group known as \
        "KX-22" (Statement by the Press Secretary)]. Press release, October 14, 2025. \
        https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html. \
        [S5 (P3); SHA-256 3b7e04c9a1f2]
        """)
  }

  @Test func chicagoNestsQuotationMarksAndDegrades() throws {
    var source = Self.english
    source.title = Self.translatedTitle
    source.issuer = "Ministry of Foreign Affairs of the State of Akitsu"
    #expect(
      try format(Self.englishPassage, source, .chicago) == """
        Ministry of Foreign Affairs of the State of Akitsu. “The series of cyber attacks by the \
        cyber attack group known as ‘KX-22’ (Statement by the Press Secretary).” Press release, \
        October 14, 2025. https://example.org/arvenna-pmo/2025/10/14/kx-22. \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
    // The period goes inside both closing marks; a question mark ends the title by itself.
    #expect(
      CitationFormatter.quotedTitle("Remarks on \"KX-22\"", translated: nil)
        == "“Remarks on ‘KX-22.’”")
    #expect(CitationFormatter.quotedTitle("Who is KX-22?", translated: nil) == "“Who is KX-22?”")
    // Undated: n.d., and the access date before the URL.
    source = Self.english
    source.date = nil
    #expect(
      try format(Self.englishPassage, source, .chicago) == """
        Office of the Prime Minister of Arvenna. “Statement on the KX-22 cyber campaign.” Press \
        release, n.d. Accessed November 27, 2026. \
        https://example.org/arvenna-pmo/2025/10/14/kx-22. [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
  }

  // MARK: MLA

  @Test func mlaEnglish() throws {
    #expect(
      try format(.mla) == """
        Office of the Prime Minister of Arvenna. “Statement on the KX-22 cyber campaign.” 14 Oct. \
        2025, example.org/arvenna-pmo/2025/10/14/kx-22. Accessed 27 Nov. 2026. \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
  }

  @Test func mlaJapaneseWithTranslatedTitle() throws {
    #expect(
      try format(Self.japanesePassage, Self.japanese, .mla) == """
        アキツ国外務省. “「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃について\
        （外務報道官談話）” [The series of cyber attacks by the cyber attack group known as \
        "KX-22" (Statement by the Press Secretary)]. 14 Oct. 2025, \
        example.jp/akitsu-mofa/press/danwa/2025/1014_02.html. Accessed 27 Nov. 2026. \
        [S5 (P3); SHA-256 3b7e04c9a1f2]
        """)
  }

  @Test func mlaWithMissingMetadata() throws {
    var source = Self.english
    source.date = nil
    #expect(
      try format(Self.englishPassage, source, .mla) == """
        Office of the Prime Minister of Arvenna. “Statement on the KX-22 cyber campaign.” \
        example.org/arvenna-pmo/2025/10/14/kx-22. Accessed 27 Nov. 2026. \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
    source = Self.english
    source.issuer = nil
    source.title = nil
    #expect(
      try format(Self.englishPassage, source, .mla) == """
        Press release. 14 Oct. 2025, example.org/arvenna-pmo/2025/10/14/kx-22. \
        Accessed 27 Nov. 2026. [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
    // Without a URL there is nothing to have accessed.
    source = Self.english
    source.url = nil
    source.date = nil
    #expect(
      try format(Self.englishPassage, source, .mla) == """
        Office of the Prime Minister of Arvenna. “Statement on the KX-22 cyber campaign.” \
        [S2 (P1); SHA-256 9f2c1ab3d4e5]
        """)
  }

  @Test func mlaMonthAbbreviations() throws {
    let expected = [
      "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
      "Dec.",
    ]
    for (month, name) in expected.enumerated() {
      let date = try #require(CitationDate(String(format: "2025-%02d-05", month + 1)))
      #expect(CitationFormatter.mlaDate(date) == "5 \(name) 2025")
    }
    #expect(CitationFormatter.mlaDate(try #require(CitationDate("2025-09"))) == "Sept. 2025")
    #expect(CitationDate("2025-13-01") == nil)
    #expect(CitationDate("2025-02-30") == nil)
    #expect(CitationDate("14 October 2025") == nil)
    // A date that does not parse is shown as written.
    var source = Self.english
    source.date = "autumn 2025"
    #expect(try format(Self.englishPassage, source, .apa).contains("(autumn 2025)."))
  }

  // MARK: BibTeX

  @Test func bibtexEnglish() throws {
    #expect(
      try format(.bibtex) == """
        @misc{officeprimeminister2025,
          author = {{Office of the Prime Minister of Arvenna}},
          title = {Statement on the KX-22 cyber campaign},
          howpublished = {Press release},
          date = {2025-10-14},
          url = {https://example.org/arvenna-pmo/2025/10/14/kx-22},
          urldate = {2026-11-27},
          language = {english},
          note = {S2 (P1); SHA-256 9f2c1ab3d4e5}
        }
        """)
  }

  @Test func bibtexJapanese() throws {
    #expect(
      try format(Self.japanesePassage, Self.japanese, .bibtex) == """
        @misc{akitsu2025,
          author = {{アキツ国外務省}},
          title = {「KX-22」と呼ばれるサイバー攻撃グループによる一連のサイバー攻撃について（外務報道官談話）},
          titleaddon = {[The series of cyber attacks by the cyber attack group known as "KX-22" \
        (Statement by the Press Secretary)]},
          howpublished = {Press release},
          date = {2025-10-14},
          url = {https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html},
          urldate = {2026-11-27},
          language = {japanese},
          note = {S5 (P3); SHA-256 3b7e04c9a1f2}
        }
        """)
  }

  @Test func bibtexEscapesSpecialCharacters() throws {
    let source = CitationSource(
      name: "trade", title: #"50% tariffs on $5 items: #1 for R_D {draft} ~ ^ \ done"#,
      issuer: "Department of Trade & Industry", date: "2024",
      url: "https://example.org/a_b?x=1%20#frag", language: .other, sha256: Self.englishHash)
    #expect(
      try format(Self.englishPassage, source, .bibtex) == ##"""
        @misc{departmenttradeindustry2024,
          author = {{Department of Trade \& Industry}},
          title = {50\% tariffs on \$5 items: \#1 for R\_D \{draft\} \textasciitilde{} \##
        \textasciicircum{} \textbackslash{} done},
          howpublished = {Press release},
          date = {2024},
          url = {https://example.org/a_b?x=1%20#frag},
          note = {S2 (P1); SHA-256 9f2c1ab3d4e5}
        }
        """##)
  }

  @Test func citationKeys() {
    func key(issuer: String?, name: String = "x", date: String? = "2025-10-14") -> String {
      CitationFormatter.citationKey(
        CitationSource(name: name, issuer: issuer, date: date, language: .en, sha256: ""))
    }
    #expect(
      key(issuer: "Ministère de l'Europe et des Affaires étrangères")
        == "ministereleuropeaffaires2025")
    #expect(key(issuer: "アキツ国外務省", name: "mofa-cyber") == "mofa-cyber2025")
    #expect(key(issuer: nil, name: "外務省", date: nil) == "statement")
    #expect(key(issuer: "Prime Minister's Office", date: "2025-10") == "primeministersoffice2025")
  }

  // MARK: CSL-JSON

  @Test func cslJSONParsesAndHasTheFields() throws {
    let json = try format(Self.japanesePassage, Self.japanese, .cslJSON)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let items = try #require(parsed as? [[String: Any]])
    #expect(items.count == 1)
    let item = try #require(items.first)
    #expect(item["id"] as? String == "akitsu2025")
    #expect(item["type"] as? String == "report")
    #expect(item["genre"] as? String == "Press release")
    #expect((item["author"] as? [[String: String]]) == [["literal": "アキツ国外務省"]])
    #expect(item["title"] as? String == Self.japaneseTitle + " [" + Self.translatedTitle + "]")
    #expect((item["issued"] as? [String: [[Int]]])?["date-parts"] == [[2025, 10, 14]])
    #expect((item["accessed"] as? [String: [[Int]]])?["date-parts"] == [[2026, 11, 27]])
    #expect(
      item["URL"] as? String == "https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html")
    #expect(item["language"] as? String == "ja")
    #expect(item["note"] as? String == "S5 (P3); SHA-256 3b7e04c9a1f2")
    // UTF-8 and URLs as they are, not escaped.
    #expect(json.contains("アキツ国外務省") && json.contains("https://example.jp/"))

    var source = Self.english
    source.issuer = nil
    source.date = "2025-10"
    source.accessed = nil
    let english = try #require(
      try JSONSerialization.jsonObject(
        with: Data(format(Self.englishPassage, source, .cslJSON).utf8))
        as? [[String: Any]]
    ).first
    #expect(english?["author"] == nil)
    #expect(english?["accessed"] == nil)
    #expect((english?["issued"] as? [String: [[Int]]])?["date-parts"] == [[2025, 10]])
    #expect(english?["language"] as? String == "en")
    #expect(english?["id"] as? String == "arvenna2025")
  }

  // MARK: Selectors

  @Test func selectorJSON() throws {
    let json = try format(.selector)
    let target = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(target["type"] as? String == "SpecificResource")
    #expect(target["source"] as? String == "https://example.org/arvenna-pmo/2025/10/14/kx-22")
    #expect(target["sha256"] as? String == Self.englishHash)
    #expect(target["reference"] as? String == "S2 (P1)")
    let selectors = try #require(target["selector"] as? [[String: Any]])
    #expect(selectors.count == 2)
    #expect(selectors[0]["type"] as? String == "TextQuoteSelector")
    #expect(selectors[0]["exact"] as? String == Self.englishPassage.text)
    #expect(selectors[0]["prefix"] as? String == "of ransomware and data theft. ")
    #expect(selectors[0]["suffix"] as? String == " We do so together with the Stat")
    #expect(selectors[1]["type"] as? String == "TextPositionSelector")
    #expect(selectors[1]["start"] as? Int == 150)
    #expect(selectors[1]["end"] as? Int == 212)

    // Without a URL the source is the name; an empty prefix is left out.
    var source = Self.japanese
    source.url = nil
    let other = try #require(
      try JSONSerialization.jsonObject(
        with: Data(format(Self.japanesePassage, source, .selector).utf8)) as? [String: Any])
    #expect(other["source"] as? String == "akitsu")
    let quote = try #require((other["selector"] as? [[String: Any]])?.first)
    #expect(quote["prefix"] == nil && quote["suffix"] == nil)
    #expect(quote["exact"] as? String == Self.japaneseText)
  }

  // MARK: Text fragments

  @Test func fragmentWithContextTerms() throws {
    #expect(
      try format(.fragment) == """
        https://example.org/arvenna-pmo/2025/10/14/kx-22#:~:text=and%20data%20theft.-,Today%20the\
        %20Government%20of%20Arvenna%20is%20naming%20the%20state%20behind%20it.,-We%20do%20so
        S2 (P1); SHA-256 9f2c1ab3d4e5
        """)
  }

  @Test func fragmentPercentEncoding() throws {
    let passage = CitedPassage(
      text: "KX-22, Glass Heron & Amber Loom: 連携 (joint)", range: TextRange(0, 42),
      sentences: [0], paragraphs: [0])
    var source = Self.english
    source.url = "https://example.org/page"
    #expect(
      CitationFormatter.textFragmentURL(passage, source: source)
        == "https://example.org/page#:~:text=KX%2D22%2C%20Glass%20Heron%20%26%20Amber%20Loom%3A"
        + "%20%E9%80%A3%E6%90%BA%20%28joint%29")
    // An element fragment is kept; a directive already there is replaced.
    source.url = "https://example.org/page#section-2"
    #expect(
      CitationFormatter.textFragmentURL(passage, source: source)?.hasPrefix(
        "https://example.org/page#section-2:~:text=KX%2D22%2C") == true)
    source.url = "https://example.org/page#top:~:text=old&text=older"
    let replaced = try #require(CitationFormatter.textFragmentURL(passage, source: source))
    #expect(replaced.hasPrefix("https://example.org/page#top:~:text=KX%2D22%2C"))
    #expect(!replaced.contains("old"))
    // A Japanese passage decodes back to itself.
    let japanese = try #require(
      CitationFormatter.textFragmentURL(Self.japanesePassage, source: Self.japanese))
    #expect(
      japanese.hasPrefix(
        "https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html#:~:text=%E6%94%BF"))
    let decoded = try terms(japanese)
    #expect(decoded.start == Self.japaneseText && decoded.end == nil)
    #expect(decoded.prefix == nil && decoded.suffix == nil)
  }

  @Test func longPassagesAreLinkedByTheirEnds() throws {
    // One line of more than 300 characters: the first and last words.
    let paragraph =
      "The Government of Arvenna attributes this campaign to the Foreign Information Directorate "
      + "(FID) of the Sarkovan Federation. We assess with high confidence that the Directorate's "
      + "Technical Service 61 tasks, funds and protects the cyber group known as KX-22, also "
      + "tracked by security companies as Glass Heron, Amber Loom and TEMP.Vireo. Our assessment "
      + "draws on intelligence gathered by Arvennan agencies, on information from our partners, "
      + "and on forensic analysis by the National Cyber Defence Centre (NCDC), whose teams have "
      + "responded to 143 intrusions linked to the group since February 2023."
    #expect(paragraph.count > CitationFormatter.exactMatchLimit)
    var source = Self.english
    source.url = "https://example.org/p"
    func url(_ text: String) -> String? {
      CitationFormatter.textFragmentURL(
        CitedPassage(text: text, range: TextRange(0, 1), sentences: [0], paragraphs: [0]),
        source: source)
    }
    #expect(
      url(paragraph)
        == "https://example.org/p#:~:text=The%20Government%20of%20Arvenna,since%20February%202023.")
    // Across paragraphs: each term within one line (a block of the page).
    #expect(
      url("Short first.\n\nSecond paragraph ends here.")
        == "https://example.org/p#:~:text=Short%20first.,paragraph%20ends%20here.")
    // The end is lengthened until it does not occur earlier in the passage.
    #expect(
      url("The council will act now and the council will act.\nWe repeat: the council will act.")
        == "https://example.org/p#:~:text=The%20council%20will%20act,"
        + "repeat%3A%20the%20council%20will%20act."
    )
    // Blanks inside a term collapse to one space, as the page renders them.
    #expect(
      url("Two  spaces\tand a tab") == "https://example.org/p#:~:text=Two%20spaces%20and%20a%20tab")
  }

  @Test func noURLAndEmptyPassage() throws {
    var source = Self.english
    source.url = nil
    #expect(CitationFormatter.textFragmentURL(Self.englishPassage, source: source) == nil)
    #expect(throws: CitationError.noURL(style: "fragment")) {
      try CitationFormatter.format(Self.englishPassage, source: source, style: .fragment)
    }
    #expect(
      CitationError.noURL(style: "fragment").description
        == "the fragment style needs the statement's URL, and none is known")
    // The other styles do without.
    for style in CitationStyle.allCases where style != .fragment {
      let text = try CitationFormatter.format(Self.englishPassage, source: source, style: style)
      #expect(!text.contains("https://"), "\(style)")
      #expect(text.contains("S2 (P1)"), "\(style)")
      #expect(text.contains("9f2c1ab3d4e5"), "\(style)")
    }
    let blank = CitedPassage(text: " \n", range: TextRange(3, 5), sentences: [], paragraphs: [])
    #expect(throws: CitationError.emptyPassage) {
      try CitationFormatter.format(blank, source: Self.english, style: .plain)
    }
  }

  @Test func everyStyleCarriesReferenceAndHash() throws {
    for style in CitationStyle.allCases {
      for (passage, source) in [
        (Self.englishPassage, Self.english), (Self.japanesePassage, Self.japanese),
      ] {
        let text = try CitationFormatter.format(passage, source: source, style: style)
        #expect(text.contains(passage.reference), "\(style)")
        #expect(text.contains(String(source.sha256.prefix(12))), "\(style)")
      }
    }
  }

  // MARK: From a loaded statement

  @Test func sourceFromALoadedStatement() throws {
    // 23:30 UTC on 27 November 2026: the 28th east of Greenwich, still the 27th in UTC.
    let statement = try load("ja/mofa-cyber.txt", at: Date(timeIntervalSince1970: 1_795_822_200))
    let source = CitationSource(statement)
    let bytes = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: Self.samples + "/ja/mofa-cyber.txt")))
    #expect(source.name == "mofa-cyber")
    #expect(source.title == Self.japaneseTitle)
    #expect(source.issuer == "アキツ国外務省")
    #expect(source.date == "2025-10-14")
    #expect(source.url == "https://example.jp/akitsu-mofa/press/danwa/2025/1014_02.html")
    #expect(source.language == .ja)
    #expect(source.sha256 == SHA256.hex(bytes) && source.sha256.count == 64)
    #expect(source.shortHash == String(source.sha256.prefix(12)))
    #expect(source.accessed == "2026-11-27")
    #expect(source.translatedTitle == nil)

    // The translated title from front matter: title_en first, then translated_title.
    var metadata = Statement.Metadata(title: "声明", extra: ["translated_title": "Statement"])
    var memory = Statement(name: "m", text: "声明の本文。", metadata: metadata)
    #expect(CitationSource(memory).translatedTitle == "Statement")
    metadata.extra["title_en"] = "The statement"
    memory = Statement(name: "m", text: "声明の本文。", metadata: metadata)
    #expect(CitationSource(memory).translatedTitle == "The statement")
  }

  @Test func passageFromALoadedStatement() throws {
    let statement = try load("ja/mofa-cyber.txt")
    let sentences = statement.segmentation.sentences
    let passage = CitedPassage(range: sentences[4].range, in: statement)
    #expect(passage.text == Self.japaneseText)
    #expect(passage.sentences == [4] && passage.paragraphs == [2])
    #expect(passage.reference == "S5 (P3)")
    let start = passage.range.start
    #expect(passage.prefix.unicodeScalars.count == CitedPassage.contextLength)
    #expect(passage.prefix == String(statement.text(of: TextRange(start - 32, start))))
    #expect(passage.prefix.hasSuffix("確認されている。"))
    // S5 ends its paragraph: the suffix starts with the blank line before the next one.
    #expect(passage.suffix.unicodeScalars.count == CitedPassage.contextLength)
    #expect(passage.suffix.hasPrefix("\n\n4　"))

    // Its text fragment: the whole sentence, the last words of S4 as prefix (on a word
    // boundary of the statement's own segmentation), no suffix (the next line is another
    // paragraph).
    let source = CitationSource(statement)
    let fragment = try terms(
      try #require(CitationFormatter.textFragmentURL(passage, source: source)))
    #expect(fragment.start == Self.japaneseText)
    let prefix = try #require(fragment.prefix)
    #expect(passage.prefix.hasSuffix(prefix) && prefix.hasSuffix("。"))
    let prefixStart = start - prefix.unicodeScalars.count
    #expect(statement.segmentation.tokens.contains { $0.range.start == prefixStart })
    #expect(fragment.suffix == nil && fragment.end == nil)

    // Two sentences across a paragraph break: S5–S6 (P3–P4), linked by their ends.
    let both = CitedPassage(
      range: TextRange(sentences[4].range.start, sentences[5].range.end), in: statement)
    #expect(both.sentences == [4, 5] && both.paragraphs == [2, 3])
    #expect(both.reference == "S5–S6 (P3–P4)")
    let range = try terms(try #require(CitationFormatter.textFragmentURL(both, source: source)))
    let lines = both.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let end = try #require(range.end)
    #expect(lines[0].hasPrefix(range.start) && range.start != lines[0])
    #expect(lines[1].hasSuffix(end))
    #expect(range.start.count >= 20 && end.count >= 20)
    // Each term ends (starts) where one of the statement's own words does.
    let startEdge = both.range.start + range.start.unicodeScalars.count
    #expect(statement.segmentation.tokens.contains { $0.range.end == startEdge })
    let endEdge = both.range.end - end.unicodeScalars.count
    #expect(statement.segmentation.tokens.contains { $0.range.start == endEdge })
    let citation = try CitationFormatter.format(both, source: source, style: .plain)
    #expect(citation.hasPrefix("「" + both.text + "」\n— アキツ国外務省, 『"))
  }

  @Test func contextIsNotCutInsideAGraphemeCluster() {
    // Before: "ab" then 20 × e + combining acute (two scalars each); the 32-scalar cut falls
    // on a combining mark and moves forward past it.
    let accents = String(repeating: "e\u{301}", count: 20)
    let flags = String(repeating: "🇯🇵", count: 20)
    let text = "ab" + accents + " quoted words here " + flags
    let statement = Statement(name: "g", text: text, language: .en)
    let start = 2 + 40 + 1
    let passage = CitedPassage(range: TextRange(start, start + 17), in: statement)
    #expect(passage.text == "quoted words here")
    #expect(passage.prefix == String(repeating: "e\u{301}", count: 15) + " ")
    #expect(passage.prefix.unicodeScalars.count == 31)
    // After: a blank then flags (two regional indicators each); the cut falls inside a flag
    // and moves back before it.
    #expect(passage.suffix == " " + String(repeating: "🇯🇵", count: 15))
    #expect(passage.suffix.unicodeScalars.count == 31)
    // Clamped to the text at both ends.
    let whole = CitedPassage(range: TextRange(-5, 10_000), in: statement)
    #expect(whole.text == text && whole.prefix.isEmpty && whole.suffix.isEmpty)
  }
}
