import Foundation
import Testing

@testable import SeimeiKit

/// Search (plain patterns, wildcards, Japanese substrings, regular expressions) and
/// keyword-in-context lines.
@Suite struct SearchTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  func statement(_ text: String, _ language: Language = .en, name: String = "s") -> Statement {
    Statement(name: name, text: text, language: language)
  }

  /// The original text of every hit.
  func found(
    _ pattern: String, regex: Bool = false, in statements: [Statement], limit: Int? = nil
  ) throws -> [String] {
    let hits = TextSearch.hits(
      of: try SearchPattern(pattern, regex: regex), in: statements, limit: limit)
    return hits.map { String(statements[$0.statement].text(of: $0.range)) }
  }

  func found(_ pattern: String, regex: Bool = false, in text: String, _ language: Language = .en)
    throws -> [String]
  {
    try found(pattern, regex: regex, in: [statement(text, language)])
  }

  // MARK: - Plain patterns

  @Test func anEnglishWordMatchesWholeWordsInAnyCase() throws {
    let text = "Arvenna Condemns the attack. Condemnation followed; we condemn it. CONDEMNS."
    #expect(try found("condemns", in: text) == ["Condemns", "CONDEMNS"])
    #expect(try found("Condemn", in: text) == ["condemn"])
    #expect(try found("state", in: "a statement of the state.") == ["state"])
    // A pattern edge that is punctuation needs no boundary there.
    #expect(try found("-22", in: "KX-22 and KY-22x.") == ["-22"])
    #expect(try found("u.s.", in: "The U.S. and the U.S.S.R.") == ["U.S.", "U.S."])
  }

  @Test func aPhraseMatchesAcrossALineBreakAndExtraBlanks() throws {
    let text =
      "The Government condemns in the strongest\nterms this conduct, in the  strongest terms."
    #expect(
      try found("in the strongest terms", in: text)
        == ["in the strongest\nterms", "in the  strongest terms"])
    #expect(try found("  strongest   terms ", in: text).count == 2)
  }

  @Test func widthAndCaseAreFolded() throws {
    let text = "APT40 and ＡＰＴ４０ and apt40 but not APT400 or xAPT40."
    #expect(try found("ＡＰＴ４０", in: text) == ["APT40", "ＡＰＴ４０", "apt40"])
    #expect(try found("apt40", in: text).count == 3)
    // Half-width katakana in the pattern finds the full-width word, and the reverse.
    #expect(try found("ｻｲﾊﾞｰ", in: "サイバー攻撃", .ja) == ["サイバー"])
    #expect(try found("サイバー", in: "ｻｲﾊﾞｰ攻撃", .ja) == ["ｻｲﾊﾞｰ"])
  }

  @Test func wildcardsCompleteWords() throws {
    let text = "We condemn, it condemns, they condemned; condemnation. Recondemn? No."
    #expect(
      try found("condemn*", in: text)
        == ["condemn", "condemns", "condemned", "condemnation"])
    #expect(try found("condemn", in: text) == ["condemn"])
    #expect(try found("*ware", in: "ransomware, malware and wares.") == ["ransomware", "malware"])
    #expect(
      try found("organi*ation", in: "organisation, organization, organ.")
        == ["organisation", "organization"])
    // A lone `*` is one word; `**` is one wildcard; full-width ＊ is a wildcard too.
    let strongly = "strongly condemns; strongly and firmly condemns; strongly firmly condemns"
    #expect(try found("strongly * condemns", in: strongly) == ["strongly firmly condemns"])
    #expect(try found("condemn**", in: "condemned") == ["condemned"])
    #expect(try found("condemn＊", in: "condemned") == ["condemned"])
    // Leading and trailing wildcards together, matches never overlapping.
    #expect(try found("*an*", in: "banana man an") == ["banana", "man", "an"])
  }

  @Test func japaneseMatchesAnySubstring() throws {
    let akitsu = try load("ja/mofa-cyber.txt")
    let hits = TextSearch.hits(of: try SearchPattern("強い懸念"), in: [akitsu])
    let hit = try #require(hits.first)
    #expect(hits.count == 1)
    #expect(akitsu.text(of: hit.range) == "強い懸念")
    let sentence = akitsu.segmentation.sentences[hit.sentence]
    #expect(sentence.range.contains(hit.range))
    #expect(akitsu.text(of: sentence.range).hasSuffix("こうした活動に強い懸念を有している。"))
    // A katakana word, inside longer words too, as often as the text has it.
    let expected = akitsu.text.components(separatedBy: "サイバー").count - 1
    #expect(expected >= 5)
    #expect(try found("サイバー", in: [akitsu]).count == expected)
    // Substrings do not overlap.
    #expect(try found("ああ", in: "あああああ", .ja) == ["ああ", "ああ"])
  }

  @Test func japaneseMatchesAcrossAHardWrap() throws {
    let wrapped = "政府は、こうした活動に強い\n懸念を有している。"
    #expect(try found("強い懸念", in: wrapped, .ja) == ["強い\n懸念"])
    #expect(try found("強い 懸念", in: "強い懸念を有する。", .ja) == ["強い懸念"])
    // So is a space between Japanese words, as between a family and a given name.
    #expect(try found("茂木敏充", in: "外務大臣　茂木　敏充", .ja) == ["茂木　敏充"])
    #expect(try found("活動に強い懸念を", in: wrapped, .ja) == ["活動に強い\n懸念を"])
    // A Latin word next to kana keeps its boundary.
    #expect(try found("KX-22", in: "KX-22と呼ばれるKX-223とは別。", .ja) == ["KX-22"])
  }

  @Test func emptyPatternsAreRejected() {
    for pattern in ["", "   ", "*", "**", "\n", "＊"] {
      #expect(throws: SearchError.emptyPattern) { try SearchPattern(pattern) }
    }
    #expect(throws: SearchError.emptyPattern) { try SearchPattern("", regex: true) }
  }

  @Test func rangesMapBackToTheOriginalText() throws {
    let arvenna = try load("en/arvenna-pm-cyber.txt")
    let statements = [arvenna, try load("ja/mofa-cyber.txt"), try load("en/mofa-cyber-en.txt")]
    for pattern in ["ransomware", "KX-22", "サイバー攻撃", "the government", "kx-22"] {
      let hits = TextSearch.hits(of: try SearchPattern(pattern), in: statements)
      #expect(!hits.isEmpty, "\(pattern)")
      for hit in hits {
        let original = statements[hit.statement].text(of: hit.range)
        #expect(NormalizedText(String(original)).text == NormalizedText(pattern).text)
        let sentence = statements[hit.statement].segmentation.sentences[hit.sentence]
        #expect(sentence.range.start <= hit.range.start && hit.range.start < sentence.range.end)
      }
    }
    // Every mention of ransomware, in sentences in order.
    let hits = TextSearch.hits(of: try SearchPattern("ransomware"), in: [arvenna])
    #expect(hits.count == arvenna.text.lowercased().components(separatedBy: "ransomware").count - 1)
    #expect(hits.map(\.sentence) == hits.map(\.sentence).sorted())
  }

  @Test func sentenceOfAMatch() throws {
    let text = "First sentence here. Second one has the word.\n\nThird: the word again."
    let english = statement(text)
    #expect(english.segmentation.sentences.count == 3)
    let hits = TextSearch.hits(of: try SearchPattern("the word"), in: [english])
    #expect(hits.map(\.sentence) == [1, 2])
    // A phrase that runs from one sentence into the next belongs to the first.
    let across = TextSearch.hits(of: try SearchPattern("here. second"), in: [english])
    #expect(across.map(\.sentence) == [0])
  }

  // MARK: - Regular expressions

  @Test func regularExpressionsRunOnTheNormalisedText() throws {
    let text = "Arvenna CONDEMNS and condemned; ＡＰＴ４０ in 2025年 and 2023年."
    #expect(try found("condemn\\w*", regex: true, in: text) == ["CONDEMNS", "condemned"])
    #expect(try found("apt\\d+", regex: true, in: text) == ["ＡＰＴ４０"])
    #expect(try found("\\d{4}年", regex: true, in: text, .ja) == ["2025年", "2023年"])
    #expect(
      try found("(?:ransom|mal)ware", regex: true, in: "malware, ransomware") == [
        "malware", "ransomware",
      ])
    // Empty matches are skipped.
    #expect(try found("x*", regex: true, in: "abc").isEmpty)
    // Outside the Basic Multilingual Plane, offsets are still scalar offsets.
    #expect(try found("𠮷野家", regex: true, in: "😀 𠮷野家 と 𠮷野家", .ja) == ["𠮷野家", "𠮷野家"])
  }

  @Test func aBadRegularExpressionSaysWhy() {
    for pattern in ["(abc", "a)", "[abc", "*a", "a{2,1}"] {
      do {
        _ = try SearchPattern(pattern, regex: true)
        Issue.record("\(pattern) compiled")
      } catch {
        guard case .badRegex(let given, let reason) = error else {
          Issue.record("\(error)")
          continue
        }
        #expect(given == pattern)
        #expect(!reason.isEmpty && !reason.contains("\n"))
        #expect(!reason.contains("operation could not be completed"))
        #expect(error.description.hasPrefix("bad regular expression '\(pattern)': "))
      }
    }
    #expect(throws: SearchError.self) { try SearchPattern("(abc", regex: true) }
    #expect(
      SearchError.badRegex(pattern: "(abc", reason: "expected ')'").description
        == "bad regular expression '(abc': expected ')'")
  }

  @Test func theRequiredLiteralOfARegularExpression() {
    func literals(_ pattern: String) -> [String]? {
      RegexPattern.requiredLiterals(pattern)?.map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(literals("condemn\\w*") == ["condemn"])
    #expect(literals("\\bSanctions?\\b") == ["sanction"])
    #expect(literals("(?:ransom|mal)ware") == ["ware"])
    #expect(literals("ransomware|Malware") == ["ransomware", "malware"])
    #expect(literals("ransomware|\\d+") == nil)
    #expect(literals("a\\.b\\.c") == ["a.b.c"])
    #expect(literals("a\\|bc") == ["a|bc"])
    #expect(literals("[0-9]+ companies") == [" companies"])
    #expect(literals("strasse") == ["stras"])  // "ss" matches ß
    #expect(literals("(?x) a b c d") == nil)
    #expect(literals("\\x41bcd") == nil)
    #expect(literals("強い.{0,5}懸念") == ["強い"])
    #expect(literals("ab") == nil)
    #expect(literals("abc{0,2}") == nil)
    // The prefilter never changes the result.
    let statements = (0..<20).map { statement("Item \($0): the Strasse and straße \($0 % 3)") }
    let all = TextSearch.hits(of: try! SearchPattern("stra(ss|ß)e", regex: true), in: statements)
    let filtered = TextSearch.hits(of: try! SearchPattern("strasse", regex: true), in: statements)
    #expect(filtered.count == 40 && filtered == all)
  }

  // MARK: - Order and limits

  @Test func resultsAreInOrderAndDeterministic() throws {
    let statements = (0..<200).map { number in
      statement(
        String(repeating: "The state condemns. ", count: number % 7)
          + "Nothing here. " + String(repeating: "condemns ", count: number % 3), name: "s\(number)"
      )
    }
    let pattern = try SearchPattern("condemns")
    let hits = TextSearch.hits(of: pattern, in: statements)
    let expected = (0..<200).reduce(0) { $0 + $1 % 7 + $1 % 3 }
    #expect(hits.count == expected)
    for (previous, next) in zip(hits, hits.dropFirst()) {
      #expect(
        previous.statement < next.statement
          || (previous.statement == next.statement && previous.range.end <= next.range.start))
    }
    for _ in 0..<5 { #expect(TextSearch.hits(of: pattern, in: statements) == hits) }
    // Limits take the first hits in that order.
    for limit in [1, 3, 37, 500, expected, expected + 10] {
      #expect(
        TextSearch.hits(of: pattern, in: statements, limit: limit)
          == Array(hits.prefix(limit)))
    }
    #expect(TextSearch.hits(of: pattern, in: statements, limit: 0).isEmpty)
    #expect(TextSearch.hits(of: pattern, in: []).isEmpty)
  }

  @Test func aFewMegabytesAreSearchedCompletely() throws {
    let arvenna = try load("en/arvenna-pm-cyber.txt")
    let akitsu = try load("ja/mofa-cyber.txt")
    var statements: [Statement] = []
    for number in 0..<60 {
      statements.append(
        Statement(
          name: "en\(number)", text: String(repeating: arvenna.text, count: 4), language: .en))
      statements.append(
        Statement(
          name: "ja\(number)", text: String(repeating: akitsu.text, count: 12), language: .ja))
    }
    let bytes = statements.reduce(0) { $0 + $1.text.utf8.count }
    #expect(bytes > 3_000_000)
    let ransomware = TextSearch.hits(of: try SearchPattern("ransomware"), in: statements)
    let perEnglish = arvenna.text.lowercased().components(separatedBy: "ransomware").count - 1
    #expect(ransomware.count == perEnglish * 4 * 60)
    let concern = TextSearch.hits(of: try SearchPattern("強い懸念"), in: statements)
    #expect(concern.count == 12 * 60)
    #expect(Set(concern.map { statements[$0.statement].language }) == [.ja])
    let regex = TextSearch.hits(
      of: try SearchPattern("\\bransomware\\b", regex: true), in: statements)
    #expect(regex == ransomware)
    let lines = Concordance.lines(concern, in: statements, width: 20)
    #expect(lines.count == concern.count && lines.allSatisfy { $0.match == "強い懸念" })
  }

  // MARK: - Concordance

  @Test func concordanceContextsFitTheWidth() throws {
    let akitsu = try load("ja/mofa-cyber.txt")
    let hits = TextSearch.hits(of: try SearchPattern("サイバー"), in: [akitsu])
    for width in [0, 1, 2, 3, 7, 10, 31] {
      for hit in hits {
        let line = Concordance.line(hit, in: akitsu, width: width)
        #expect(line.match == "サイバー")
        #expect(DisplayWidth.of(line.left) <= width && DisplayWidth.of(line.right) <= width)
        // Wide characters: at most one column short, never cut.
        let before = Concordance.collapsingBlanks(akitsu.text(of: TextRange(0, hit.range.start)))
        let after = Concordance.collapsingBlanks(
          akitsu.text(of: TextRange(hit.range.end, akitsu.index.count)))
        #expect(before.hasSuffix(line.left) && after.hasPrefix(line.right))
        if DisplayWidth.of(before) >= width { #expect(DisplayWidth.of(line.left) >= width - 1) }
        if DisplayWidth.of(after) >= width { #expect(DisplayWidth.of(line.right) >= width - 1) }
      }
    }
    let line = Concordance.line(hits[0], in: akitsu, width: 12)
    #expect(line.right == "攻撃について")
    #expect(line.left == "標的として行われてきた一連の".suffix(6).description)
  }

  @Test func concordanceNeverCutsACharacter() {
    let text = "Cafe\u{301} 👍🏽 👨‍👩‍👧 e\u{301}e\u{301} ransomware e\u{301}🇯🇵 x\u{301}\u{302} 한국어"
    let english = statement(text)
    let hit = try! #require(
      TextSearch.hits(of: try! SearchPattern("ransomware"), in: [english]).first)
    for width in 0...30 {
      let line = Concordance.line(hit, in: english, width: width)
      #expect(DisplayWidth.of(line.left) <= width && DisplayWidth.of(line.right) <= width)
      #expect("Cafe\u{301} 👍🏽 👨‍👩‍👧 e\u{301}e\u{301}".hasSuffix(line.left), "\(width)")
      #expect("e\u{301}🇯🇵 x\u{301}\u{302} 한국어".hasPrefix(line.right), "\(width)")
      #expect(line.left.first.map { $0 != " " && $0.unicodeScalars.first!.value != 0x301 } ?? true)
    }
    // "👨‍👩‍👧 " needs three more columns than "éé": 2 for the emoji, 1 for the space.
    #expect(Concordance.line(hit, in: english, width: 4).left == "e\u{301}e\u{301}")
    #expect(Concordance.line(hit, in: english, width: 5).left == "👨‍👩‍👧 e\u{301}e\u{301}")
    #expect(Concordance.line(hit, in: english, width: 7).right == "e\u{301}🇯🇵 x\u{301}\u{302}")
  }

  @Test func theByteLevelContextsAgreeWithTheGeneralOnes() throws {
    var statements = [
      try load("ja/mofa-cyber.txt"), try load("en/arvenna-pm-cyber.txt"),
      try load("ja/meti-export-controls.txt"),
    ]
    statements.append(statement("Tabs\tand\r\nCRLF, ideographic　space; 「括弧」 and ＡＰＴ４０ the end"))
    var fast = 0
    for statement in statements {
      let hits = TextSearch.hits(of: try SearchPattern("[、。a-z]", regex: true), in: [statement])
      #expect(hits.count > 20)
      var text = statement.text
      for hit in hits {
        let start = statement.index.index(at: hit.range.start)
        let end = statement.index.index(at: hit.range.end)
        let startByte = text.utf8.distance(from: text.utf8.startIndex, to: start)
        let endByte = text.utf8.distance(from: text.utf8.startIndex, to: end)
        for width in [0, 1, 2, 3, 5, 13, 40] {
          text.withUTF8 { bytes in
            if let left = ContextBytes.left(of: bytes, before: startByte, width: width) {
              fast += 1
              #expect(left == Concordance.context(of: statement.text, before: start, width: width))
            }
            if let right = ContextBytes.right(of: bytes, after: endByte, width: width) {
              fast += 1
              #expect(right == Concordance.context(of: statement.text, after: end, width: width))
            }
          }
        }
      }
    }
    #expect(fast > 1000)
  }

  @Test func concordanceCollapsesBlanksAndCrossesSentences() throws {
    let text = "The first  sentence\nends here.\n\nThe Government   condemns\tthe\nattack."
    let english = statement(text)
    let hit = try #require(
      TextSearch.hits(of: try SearchPattern("condemns  the"), in: [english]).first)
    let line = Concordance.line(hit, in: english, width: 40)
    #expect(line.match == "condemns the")
    #expect(line.left == "first sentence ends here. The Government")
    #expect(line.right == "attack.")
  }

  @Test func sortKeysAreTheNearestWords() throws {
    let english = statement("Today the government, strongly, condemns the reckless attack on us.")
    let hit = try #require(TextSearch.hits(of: try SearchPattern("condemns"), in: [english]).first)
    let line = Concordance.line(hit, in: english, width: 10)
    #expect(line.leftKey == "strongly government the today")
    #expect(line.rightKey == "the reckless attack on us")
    // Keys do not depend on the width, and hold at most `sortKeyWords` words.
    #expect(Concordance.line(hit, in: english, width: 0).leftKey == line.leftKey)
    let long = statement("One two three four five six seven eight.")
    let seven = try #require(TextSearch.hits(of: try SearchPattern("seven"), in: [long]).first)
    #expect(Concordance.line(seven, in: long, width: 5).leftKey == "six five four three two")
    // Japanese: morphemes, nearest first; a morpheme cut by the match counts with its rest.
    let akitsu = try load("ja/mofa-cyber.txt")
    let concern = try #require(
      TextSearch.hits(of: try SearchPattern("強い懸念"), in: [akitsu]).first)
    let japanese = Concordance.line(concern, in: akitsu, width: 20)
    #expect(japanese.leftKey.hasPrefix("に 活動"))
    #expect(japanese.rightKey.hasPrefix("を "))
    let inside = try #require(TextSearch.hits(of: try SearchPattern("懸"), in: [akitsu]).first)
    #expect(Concordance.line(inside, in: akitsu, width: 20).rightKey.hasPrefix("念 を"))
    // Keys are normalised.
    let folded = statement("ＡＰＴ４０ Condemns")
    let apt = try #require(TextSearch.hits(of: try SearchPattern("condemns"), in: [folded]).first)
    #expect(Concordance.line(apt, in: folded, width: 10).leftKey == "apt40")
  }
}
