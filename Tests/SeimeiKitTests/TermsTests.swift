import Foundation
import Testing

@testable import SeimeiKit

/// Terms, keyness and the terms statements in different languages share.
@Suite struct TermsTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  func english(_ text: String) -> Statement { Statement(name: "en", text: text, language: .en) }
  func japanese(_ text: String) -> Statement { Statement(name: "ja", text: text, language: .ja) }

  // MARK: Stop words

  @Test func theStopWordFilesParseAndFollowTheirOwnRules() throws {
    let stopwords = Stopwords.standard
    #expect(stopwords.contains("the", language: .en))
    #expect(stopwords.contains("The", language: .en))
    #expect(stopwords.contains("don’t", language: .en))
    #expect(!stopwords.contains("government", language: .en))
    #expect(!stopwords.contains("sanctions", language: .en))
    for particle in ["は", "が", "を", "に", "で", "と", "の", "も", "へ", "から", "まで", "より"] {
      #expect(stopwords.contains(particle, language: .ja), "\(particle)")
    }
    for word in ["です", "ます", "する", "いる", "こと", "ため", "及び", "並びに", "等", "我が国"] {
      #expect(stopwords.contains(word, language: .ja), "\(word)")
    }
    #expect(!stopwords.contains("サイバー", language: .ja))
    #expect(!stopwords.contains("懸念", language: .ja))
    // Each list is its own language's; Chinese and other languages have none.
    #expect(!stopwords.contains("the", language: .ja))
    #expect(!stopwords.contains("the", language: .zh))
    #expect(!stopwords.contains("the", language: .other))
    // The files are written as keys (lowercase, NFKC), as their headers ask.
    let files = ["stopwords-en.txt", "stopwords-ja.txt"].map {
      URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/SeimeiData/data/\($0)").standardized
    }
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let words = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
      #expect(words.count > 200, "\(file.lastPathComponent)")
      for word in words { #expect(TermCounts.key(word) == word, "\(word)") }
      #expect(try Stopwords.parse(text).count == words.count)
    }
    #expect(stopwords.words(for: .en).count > 200 && stopwords.words(for: .ja).count > 200)
  }

  @Test func badStopWordFilesNameTheirLine() throws {
    #expect(throws: StopwordsError.blankInWord(line: 3, text: "in order")) {
      try Stopwords.parse("# comment\nthe\nin order\n")
    }
    #expect(throws: StopwordsError.duplicate(line: 3, word: "The", firstLine: 1)) {
      try Stopwords.parse("the\n\nThe\n")
    }
    let custom = Stopwords(english: ["Sanctions"], japanese: [])
    #expect(custom.contains("sanctions", language: .en))
    #expect(!custom.contains("the", language: .en))
  }

  // MARK: Log-likelihood

  @Test func logLikelihoodByHand() {
    // a=10 of c=1000, b=2 of d=2000: E1 = 1000·12/3000 = 4, E2 = 2000·12/3000 = 8;
    // G² = 2(10 ln(10/4) + 2 ln(2/8)) = 2(9.162907 − 2.772589) = 12.780637.
    #expect(abs(Keyness.logLikelihood(10, 1000, 2, 2000) - 12.780637) < 1e-6)
    // b = 0: a=3 of 100, b=0 of 100: E1 = 100·3/200 = 1.5; G² = 2·3·ln(3/1.5) = 6 ln 2
    // = 4.158883 (the zero term contributes nothing).
    #expect(abs(Keyness.logLikelihood(3, 100, 0, 100) - 4.158883) < 1e-6)
    // The same rate in both (5/100, 10/200): E1 = 5, E2 = 10, G² = 0.
    #expect(abs(Keyness.logLikelihood(5, 100, 10, 200)) < 1e-12)
    // Symmetric in the two texts; 0 with nothing to count.
    #expect(Keyness.logLikelihood(2, 2000, 10, 1000) == Keyness.logLikelihood(10, 1000, 2, 2000))
    #expect(Keyness.logLikelihood(0, 100, 0, 100) == 0)
    #expect(Keyness.logLikelihood(0, 0, 0, 0) == 0)
  }

  // MARK: English terms and keyness

  /// 15 content tokens a paragraph: sanctions ×5, banks ×3, and freeze, assets, stop, trading,
  /// impose, officers, work once each ("the", "of", "from", "we", "on", "and", "their" are stop
  /// words).
  static let sanctionsText = String(
    repeating: "The sanctions freeze the assets of the banks. The sanctions stop the banks from "
      + "trading. We impose sanctions on the banks and sanctions on their officers. "
      + "Sanctions work.\n\n", count: 4)
  /// 11 content tokens a paragraph: dialogue ×3, trust ×2, states ×2, and call, sanctions,
  /// builds, return once each ("we", "for", "not", "between", "the", "should", "to", "and" are
  /// stop words).
  static let dialogueText = String(
    repeating: "We call for dialogue. Dialogue, not sanctions, builds trust between states. The "
      + "states should return to dialogue and to trust.\n\n", count: 4)

  @Test func countsOfAnEnglishText() {
    let counts = TermCounts(english(Self.sanctionsText))
    #expect(counts.total == 60)
    #expect(counts.language == .en)
    #expect(counts.counts["sanctions"] == 20)
    #expect(counts.count(of: "Sanctions") == 20)
    #expect(counts.counts["banks"] == 12)
    #expect(counts.counts["the"] == nil && counts.counts["of"] == nil && counts.counts["we"] == nil)
    #expect(counts.display["sanctions"] == "sanctions")
    #expect(abs(counts.perThousand("banks") - 200) < 1e-9)
    let top = counts.top(4)
    #expect(top.map(\.term) == ["sanctions", "banks", "assets", "freeze"])
    #expect(
      top[0]
        == TermCount(term: "sanctions", display: "sanctions", count: 20, perThousand: 20000.0 / 60))
    #expect(counts.top(0).isEmpty && counts.top(100).count == 9)
  }

  @Test func keyTermsOfTwoEnglishTexts() {
    let sanctions = TermCounts(english(Self.sanctionsText))
    let dialogue = TermCounts(english(Self.dialogueText))
    #expect(dialogue.total == 44)
    // c = 60, d = 44, c + d = 104.
    // banks 12/0: G² = 2·12·ln(12 / (60·12/104)) = 24 ln(104/60) = 13.2011.
    // sanctions 20/4: E1 = 60·24/104 = 13.846, E2 = 44·24/104 = 10.154;
    //   G² = 2(20 ln(20/13.846) + 4 ln(4/10.154)) = 7.2565.
    // each once-a-paragraph word 4/0: G² = 8 ln(104/60) = 4.4004, in term order.
    let key = Keyness.keyTerms(sanctions, against: dialogue)
    #expect(
      key.map(\.term) == [
        "banks", "sanctions", "assets", "freeze", "impose", "officers", "stop", "trading", "work",
      ])
    #expect(abs(key[0].g2 - 13.2011) < 1e-3)
    #expect(abs(key[1].g2 - 7.2565) < 1e-3)
    #expect(abs(key[2].g2 - 4.4004) < 1e-3)
    #expect(key[1].count == 20 && key[1].otherCount == 4)
    #expect(abs(key[1].perThousand - 20000.0 / 60) < 1e-9)
    #expect(abs(key[1].otherPerThousand - 4000.0 / 44) < 1e-9)
    #expect(key[0].p < 0.001 && key[2].p < 0.05 && key[2].p > 0.01)
    // The other direction: dialogue 12/0 = 24 ln(104/44) = 20.6448; trust and states 8/0 =
    // 16 ln(104/44) = 13.7632 (tied: term order); call, builds, return 4/0 = 6.8816.
    // "sanctions" is rarer here (4/44 < 20/60): not key.
    let other = Keyness.keyTerms(dialogue, against: sanctions)
    #expect(other.map(\.term) == ["dialogue", "states", "trust", "builds", "call", "return"])
    #expect(abs(other[0].g2 - 20.6448) < 1e-3)
    // Top and minimum.
    #expect(
      Keyness.keyTerms(sanctions, against: dialogue, top: 2).map(\.term) == ["banks", "sanctions"])
    #expect(Keyness.keyTerms(sanctions, against: dialogue, minimum: 10).map(\.term) == ["banks"])
    // Deterministic: the same result every time.
    #expect(Keyness.keyTerms(sanctions, against: dialogue) == key)
    // Nothing is key against an empty text.
    #expect(Keyness.keyTerms(sanctions, against: TermCounts(english("the of and"))).isEmpty)
    // Shared: only "sanctions".
    #expect(
      Keyness.sharedTerms(sanctions, dialogue) == [
        SharedTerm(
          term: "sanctions", display: "sanctions", counts: [20, 4],
          perThousand: [20000.0 / 60, 4000.0 / 44])
      ])
  }

  @Test func englishTermRules() {
    let counts = TermCounts(
      english(
        "Ransomware hit the hospitals. The Directorate's KX-22 group spread ransomware with "
          + "like-minded partners; the Directorate denies it. See https://example.org/kx-22/report "
          + "or write to press@example.org for 1,900 details in 2023. A U.S. ally, I think."))
    // The first spelling, unless it is capitalised only by position and a lowercase one follows.
    #expect(counts.counts["ransomware"] == 2 && counts.display["ransomware"] == "ransomware")
    // Possessive 's cut off; capitals kept for display.
    #expect(counts.counts["directorate"] == 2 && counts.display["directorate"] == "Directorate")
    // Hyphenated words and codes are one term.
    #expect(counts.counts["kx-22"] == 1 && counts.display["kx-22"] == "KX-22")
    #expect(counts.counts["like-minded"] == 1)
    #expect(counts.counts["like"] == nil && counts.counts["minded"] == nil)
    // Addresses, numbers, single letters and stop words are not terms.
    #expect(counts.counts["report"] == nil && counts.counts["example.org"] == nil)
    #expect(counts.counts["press"] == nil)
    #expect(counts.counts["1,900"] == nil && counts.counts["2023"] == nil)
    #expect(counts.counts["a"] == nil && counts.counts["i"] == nil)
    #expect(TermCounts(english("the 2nd and 14th rounds")).counts == ["rounds": 1])
    #expect(counts.counts["u.s"] == 1)
    #expect(counts.counts["details"] == 1 && counts.counts["ally"] == 1)
    #expect(counts.total == counts.counts.values.reduce(0, +))
  }

  @Test func theArvennaStatementAgainstTheTranslation() throws {
    let arvenna = TermCounts(try load("en/arvenna-pm-cyber.txt"))
    let translation = TermCounts(try load("en/mofa-cyber-en.txt"))
    #expect(arvenna.counts["ransomware"] == 3 && arvenna.counts["kx-22"] == 8)
    #expect(translation.counts["kx-22"] == 1)
    // The translation is short (139 content tokens): even a word used 5 times in Arvenna's
    // statement and never in it scores G² = 2.3, below 3.84. Ranked without a threshold,
    // Arvenna's distinctive words lead: its advisory, the hospitals, ransomware.
    #expect(translation.total < 150 && arvenna.total > 500)
    #expect(Keyness.keyTerms(arvenna, against: translation).isEmpty)
    let ranked = Keyness.keyTerms(arvenna, against: translation, top: 20, minimum: 0)
    #expect(Array(ranked.prefix(2)).map(\.term) == ["advisory", "hospitals"])
    #expect(ranked.contains { $0.term == "ransomware" && $0.count == 3 && $0.otherCount == 0 })
    #expect(ranked.allSatisfy { $0.perThousand > $0.otherPerThousand })
    // The translation's own words are key against the long statement.
    let key = Keyness.keyTerms(translation, against: arvenna).map(\.term)
    #expect(Array(key.prefix(3)) == ["countries", "akitsu", "cooperation"])
    #expect(!key.contains("kx-22") && !key.contains("ransomware"))
    // What both talk about.
    let shared = Keyness.sharedTerms(arvenna, translation)
    #expect(
      Array(shared.prefix(5)).map(\.term) == ["government", "group", "arvenna", "state", "cyber"])
    #expect(shared[0].counts == [5, 4])
    #expect(
      Keyness.sharedTerms(arvenna, translation, top: 100).contains {
        $0.term == "kx-22" && $0.display == "KX-22" && $0.counts == [8, 1]
      })
  }

  @Test func countsScaleWithTheText() throws {
    // Twenty copies of a statement: every count twenty times, the same spellings. (Paragraph
    // breaks between copies keep the words of two copies apart.)
    for path in ["en/arvenna-pm-cyber.txt", "ja/mofa-cyber.txt"] {
      let statement = try load(path)
      let once = TermCounts(statement)
      let text = String(repeating: statement.text + "\n\n", count: 20)
      let many = TermCounts(Statement(name: "many", text: text, language: statement.language))
      #expect(many.total == once.total * 20, "\(path)")
      #expect(many.counts == once.counts.mapValues { $0 * 20 }, "\(path)")
      #expect(many.display == once.display, "\(path)")
      #expect(many.top(10).map(\.term) == once.top(10).map(\.term), "\(path)")
    }
  }

  // MARK: Japanese

  @Test func countsOfTheJapaneseSample() throws {
    let counts = TermCounts(try load("ja/mofa-cyber.txt"))
    #expect(counts.language == .ja)
    #expect(counts.counts["サイバー"] == 6)
    #expect(counts.counts["攻撃"] == 3)
    #expect(counts.counts["懸念"] == 1)
    #expect(counts.counts["kx-22"] == 1 && counts.display["kx-22"] == "KX-22")
    for particle in ["は", "が", "を", "の", "に", "て", "た", "いる", "及び", "等", "我が国"] {
      #expect(counts.counts[particle] == nil, "\(particle)")
    }
    // No hiragana-only token, no one-kana token, no counter after a number (10|月|14|日).
    for term in counts.counts.keys {
      #expect(!term.unicodeScalars.allSatisfy { (0x3041...0x309F).contains($0.value) }, "\(term)")
    }
    #expect(counts.counts["月"] == nil && counts.counts["年"] == nil && counts.counts["日"] == nil)
    // Verb stems that ICU cut from their endings (行|われ, 有|し) are not nouns.
    #expect(counts.counts["行"] == nil && counts.counts["有"] == nil)
    // A one-kanji noun before a particle stays (同盟|国|・, 関係|国|と).
    #expect(counts.counts["国"] == 4)
    #expect(counts.top(1).first?.term == "サイバー")
  }

  @Test func japaneseTermRules() {
    let counts = TermCounts(
      japanese(
        "2023年10月14日、政府は約312億円の支援を行った。"
          + "国の支援が行われた。同グループの攻撃。"))
    #expect(counts.counts["支援"] == 2 && counts.counts["政府"] == 1)
    for counter in ["年", "月", "日", "億", "円"] {
      #expect(counts.counts[counter] == nil, "\(counter)")
    }
    #expect(counts.counts["国"] == 1)
    #expect(counts.counts["行"] == nil)
    #expect(counts.counts["同"] == nil && counts.counts["グループ"] == 1)
    // Full-width Latin is counted by its NFKC key and shown as written.
    let wide = TermCounts(japanese("ＶＰＮ機器とVPNの脆弱性"))
    #expect(wide.counts["vpn"] == 2 && wide.display["vpn"] == "ＶＰＮ")
  }

  @Test func keyTermsOfTheTwoJapaneseSamples() throws {
    let cyber = TermCounts(try load("ja/mofa-cyber.txt"))
    let exports = TermCounts(try load("ja/meti-export-controls.txt"))
    let cyberKey = Keyness.keyTerms(cyber, against: exports).map(\.term)
    let exportsKey = Keyness.keyTerms(exports, against: cyber).map(\.term)
    #expect(cyberKey.first == "機関")
    #expect(cyberKey.contains("空間") && cyberKey.contains("サイバー") && cyberKey.contains("国家"))
    #expect(Array(exportsKey.prefix(4)) == ["輸出", "品目", "団体", "改正"])
    #expect(exportsKey.contains("装置") && exportsKey.contains("許可"))
    #expect(Set(cyberKey).isDisjoint(with: exportsKey))
    // Both: the country word, cyber, the government.
    let shared = Keyness.sharedTerms(cyber, exports).map(\.term)
    #expect(Array(shared.prefix(3)) == ["国", "サイバー", "政府"])
  }

  // MARK: Across languages

  @Test func theMotivatingPairSharesTheCodeTheYearAndTheUN() throws {
    let japanese = try load("ja/mofa-cyber.txt")
    let terms = CrossLanguageTerms.between(japanese, try load("en/arvenna-pm-cyber.txt"))
    #expect(terms.latin == ["KX-22"])
    #expect(terms.numbers == ["2023"])
    #expect(terms.names == ["United Nations"])
    // A statement and its translation: the date's day (10月14日, 14 October) as well, but not
    // the paragraph numbers (1　…, 1. …) or the 22 of KX-22.
    let translation = CrossLanguageTerms.between(japanese, try load("en/mofa-cyber-en.txt"))
    #expect(
      translation
        == CrossLanguageTerms(names: ["United Nations"], numbers: ["14", "2023"], latin: ["KX-22"]))
  }

  @Test func numbersAreNormalisedAndScaled() {
    let ja = japanese(
      "1　被害額は約4,800万クローネ、損失は1億2000万円、１，９００件、令和5年の7.30％。\n\n"
        + "(2)　資料：https://example.jp/2025/1014.html")
    let en = english(
      "1. Losses of 48 million crowns and 120 million yen, 1,900 cases, 2023, 7.3%.\n\n"
        + "On the 2nd of June, see www.example.org/1014 and 2025-10-14.")
    let terms = CrossLanguageTerms.between(ja, en)
    #expect(terms.numbers == ["7.3", "1900", "2023", "48000000", "120000000"])
    // Ordinals are numbers; dates split into their parts.
    let dates = CrossLanguageTerms.between(
      japanese("2025年10月2日"), english("on the 2nd, 14.10.2025 and 2025-10-14"))
    #expect(dates.numbers == ["2", "10", "2025"])
  }

  @Test func latinTermsAndNames() {
    let ja = japanese(
      "ＭＦＡの導入とVPN機器の更新を求める。MITREのATT&CKに基づく。北大西洋条約機構（NATO）と国連。"
        + "the KX-22 group's servers.")
    let en = english(
      "Use MFA, patch VPN appliances and apply the MITRE ATT&CK mapping. The UN and NATO "
        + "agree; kx-22 servers.")
    let terms = CrossLanguageTerms.between(ja, en)
    // First spelling as written in the first statement; gazetteer names are names, not Latin
    // terms; English stop words are not terms.
    #expect(terms.latin == ["ＭＦＡ", "VPN", "MITRE", "ATT&CK", "KX-22", "servers"])
    #expect(terms.names.contains("NATO") && terms.names.contains("United Nations"))
    #expect(!terms.latin.contains("the"))
  }
}
