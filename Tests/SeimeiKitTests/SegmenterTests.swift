import Foundation
import Testing

@testable import SeimeiKit

/// The sentences of `text`, sliced from the original through `ScalarIndex`.
private func sentences(_ text: String, _ language: Language) -> [String] {
  let index = ScalarIndex(text)
  return Segmenter.segment(text, language: language).sentences.map {
    String(index.slice($0.range))
  }
}

/// The paragraphs of `text`, sliced from the original through `ScalarIndex`.
private func paragraphs(_ text: String, _ language: Language) -> [String] {
  let index = ScalarIndex(text)
  return Segmenter.segment(text, language: language).paragraphs.map { String(index.slice($0)) }
}

/// The tokens of `text` with their kinds.
private func tokens(_ text: String, _ language: Language) -> [(String, Segmentation.Token.Kind)] {
  let index = ScalarIndex(text)
  return Segmenter.segment(text, language: language).tokens.map {
    (String(index.slice($0.range)), $0.kind)
  }
}

@Suite struct SegmenterSentenceTests {
  @Test(arguments: [
    // ICU breaks after a title before a name.
    (
      "Mr. Smith met Dr. Jones in London. They talked.",
      ["Mr. Smith met Dr. Jones in London.", "They talked."]
    ),
    (
      "Ms. Tanaka and Mrs. Lee arrived. St. Paul is near.",
      ["Ms. Tanaka and Mrs. Lee arrived.", "St. Paul is near."]
    ),
    // ICU breaks after No. / Art. / para. before a number.
    (
      "See No. 5 and No. 6 of the list. Then stop.",
      ["See No. 5 and No. 6 of the list.", "Then stop."]
    ),
    (
      "Art. 51 of the Charter applies. See para. 12 below.",
      ["Art. 51 of the Charter applies.", "See para. 12 below."]
    ),
    ("This is set out in Vol. IV of the report.", ["This is set out in Vol. IV of the report."]),
    // ICU breaks after a month before a day.
    (
      "On Jan. 5, 2024, it rained. On Dec. 31 it snowed.",
      ["On Jan. 5, 2024, it rained.", "On Dec. 31 it snowed."]
    ),
    // e.g. and i.e. before lowercase: ICU already keeps these.
    (
      "Some states, e.g. the U.K., agree. Others, i.e. the rest, do not.",
      ["Some states, e.g. the U.K., agree.", "Others, i.e. the rest, do not."]
    ),
    // Dotted initials: a sentence starter after them ends the sentence, another word does not.
    (
      "He was hired by the U.S. The next sentence starts here.",
      ["He was hired by the U.S.", "The next sentence starts here."]
    ),
    (
      "The U.S. Government and the U.N. Secretariat agreed.",
      ["The U.S. Government and the U.N. Secretariat agreed."]
    ),
    (
      "The letter was signed by J. R. Smith yesterday.",
      ["The letter was signed by J. R. Smith yesterday."]
    ),
    // Decimal numbers never split.
    (
      "The economy grew 3.5 percent. Prices rose 2.0 percent.",
      ["The economy grew 3.5 percent.", "Prices rose 2.0 percent."]
    ),
    (
      "Spending reached 4,000.75 million. That is a record.",
      ["Spending reached 4,000.75 million.", "That is a record."]
    ),
    // A lowercase word after ? or ! continues the sentence.
    ("She asked \"why?\" and left. He stayed.", ["She asked \"why?\" and left.", "He stayed."]),
    // A general abbreviation before a capital may end a sentence.
    ("He left at 5 p.m. The meeting ended.", ["He left at 5 p.m.", "The meeting ended."]),
    (
      "They brought pens, paper, etc. The rest was provided.",
      ["They brought pens, paper, etc.", "The rest was provided."]
    ),
    // Quotations and parentheses after the final period.
    (
      "He said: \"It is over.\" Then he left. (This is a note.) Next.",
      ["He said: \"It is over.\"", "Then he left.", "(This is a note.)", "Next."]
    ),
  ])
  func english(_ text: String, _ expected: [String]) {
    #expect(sentences(text, .en) == expected)
  }

  @Test(arguments: [
    // The closing bracket after 。 belongs to the sentence.
    ("彼は「明日行きます。」と言った。次の文です。", ["彼は「明日行きます。」と言った。", "次の文です。"]),
    // 。 inside quoted speech that goes on with と/との does not end the sentence.
    ("次の文です。「準備はできた。始めよう。」との発言があった。", ["次の文です。", "「準備はできた。始めよう。」との発言があった。"]),
    ("「はい。」と答えた。『本。』を読む。", ["「はい。」と答えた。", "『本。』を読む。"]),
    // A quotation standing alone ends at its closing bracket, never inside.
    ("「終わり。本当に。」そして帰った。", ["「終わり。本当に。」", "そして帰った。"]),
    // Without a space after 。, ICU attaches the next opening bracket to the previous sentence.
    ("重要である。（注）これは注です。", ["重要である。", "（注）これは注です。"]),
    // Numbers and full-width punctuation.
    ("約1,800億円でした。25％の追加関税。３．５倍になった。", ["約1,800億円でした。", "25％の追加関税。", "３．５倍になった。"]),
    ("本当ですか？はい！そうです。", ["本当ですか？", "はい！", "そうです。"]),
  ])
  func japanese(_ text: String, _ expected: [String]) {
    #expect(sentences(text, .ja) == expected)
  }

  @Test func numberedMarkerBelongsToTheFirstSentence() {
    #expect(
      sentences("1. The first point. It matters.\n\n2. The second point.", .en) == [
        "1. The first point.", "It matters.", "2. The second point.",
      ])
    #expect(sentences("１．サイバー空間は重要である。次の文。", .ja) == ["１．サイバー空間は重要である。", "次の文。"])
    #expect(
      sentences("IV. Conclusions are drawn here.", .en) == ["IV. Conclusions are drawn here."])
    #expect(sentences("1.2. The scope is narrow.", .en) == ["1.2. The scope is narrow."])
  }

  @Test func hardWrappedLinesDoNotEndSentences() {
    let text =
      "The Government strongly condemns\nthe malicious cyber activities\nof the group. Next."
    #expect(
      sentences(text, .en) == [
        "The Government strongly condemns\nthe malicious cyber activities\nof the group.", "Next.",
      ])
  }

  @Test func sentencesNeverSpanParagraphs() {
    let text = "Introduction\n\nThe first paragraph has no final period\n\nThe second one does."
    let segmentation = Segmenter.segment(text, language: .en)
    #expect(segmentation.paragraphs.count == 3)
    for sentence in segmentation.sentences {
      #expect(segmentation.paragraphs[sentence.paragraph].contains(sentence.range))
    }
    #expect(
      sentences(text, .en) == [
        "Introduction", "The first paragraph has no final period", "The second one does.",
      ])
    #expect(segmentation.sentences.map(\.paragraph) == [0, 1, 2])
  }

  @Test func emptyAndBlankTexts() {
    for text in ["", " ", "\n\n", "\u{3000}\n \t"] {
      let segmentation = Segmenter.segment(text, language: .ja)
      #expect(segmentation.paragraphs.isEmpty)
      #expect(segmentation.sentences.isEmpty)
      #expect(segmentation.tokens.isEmpty)
    }
  }
}

@Suite struct SegmenterParagraphTests {
  @Test func blankLinesSeparateParagraphs() {
    let text = "\n  First paragraph.\n \n\u{3000}\n\nSecond paragraph.  \r\n\r\nThird.\n"
    #expect(paragraphs(text, .en) == ["First paragraph.", "Second paragraph.", "Third."])
  }

  @Test func arabicNumberedPoints() {
    let text = "1. First point\ncontinues here.\n2) Second point.\n3.Third point.\n1.2. Sub-point."
    #expect(
      paragraphs(text, .en) == [
        "1. First point\ncontinues here.", "2) Second point.", "3.Third point.", "1.2. Sub-point.",
      ])
  }

  @Test func japaneseNumberedPoints() {
    let text = """
      1　サイバー空間は、経済社会活動を支える基盤となっている。
      2　本日、声明を発表した。同声明は重要である。
      １．全角の番号。
      （１）括弧の番号。
      (2) 半角の括弧。
      （一）漢数字の括弧。
      (二) 半角括弧の漢数字。
      一、読点の漢数字。
      二　全角空白の漢数字。
      ①丸数字。
      """
    #expect(
      paragraphs(text, .ja) == [
        "1　サイバー空間は、経済社会活動を支える基盤となっている。", "2　本日、声明を発表した。同声明は重要である。", "１．全角の番号。", "（１）括弧の番号。",
        "(2) 半角の括弧。", "（一）漢数字の括弧。", "(二) 半角括弧の漢数字。", "一、読点の漢数字。", "二　全角空白の漢数字。", "①丸数字。",
      ])
  }

  @Test func numberedPointsStartParagraphsInsideWrappedText() {
    // Lines without final punctuation, each continued by the next, until a numbered point.
    let text =
      "The Government has decided the following measures to be\ntaken immediately\n(a) freezing assets\n(b) banning travel"
    #expect(
      paragraphs(text, .en) == [
        "The Government has decided the following measures to be\ntaken immediately",
        "(a) freezing assets", "(b) banning travel",
      ])
  }

  @Test func listItemsAndHeadings() {
    let text = """
      # Statement
      Text after the heading.
      - first item
      - second item
      * third item
      ・中黒の項目
      • bullet
      ## Second heading
      More text.
      """
    #expect(
      paragraphs(text, .en) == [
        "# Statement", "Text after the heading.", "- first item", "- second item", "* third item",
        "・中黒の項目", "• bullet", "## Second heading", "More text.",
      ])
  }

  @Test func plainHeadingBeforeText() {
    let text = "Statement by the Press Secretary\nThe Government of Japan condemns the activity.\n"
    #expect(
      paragraphs(text, .en) == [
        "Statement by the Press Secretary", "The Government of Japan condemns the activity.",
      ])
    let japanese = "外務報道官談話\nサイバー攻撃グループの活動について声明を発表した。\n"
    #expect(paragraphs(japanese, .ja) == ["外務報道官談話", "サイバー攻撃グループの活動について声明を発表した。"])
  }

  @Test func hardWrappedEnglishProseIsOneParagraph() {
    // Wrapped at 72 columns: every line but the last ends mid-sentence or where the next word
    // would not have fitted; one line is short and ends a sentence ("similar statements. …").
    let text = """
      The Government of Japan strongly condemns the malicious cyber activities
      conducted by the group known as APT40. The group targeted government
      agencies and private companies in several countries. These activities
      threaten the foundation of a free, fair and secure cyberspace, and Japan
      will respond firmly. The U.S. Government and the U.K. have issued
      similar statements. Mr. Smith said so at 5 p.m. on Jan. 5 in Tokyo and
      elsewhere.

      Japan will continue to work with its partners, including the United
      States, Australia and the member states of the European Union, to
      maintain a free, open and secure cyberspace. This is No. 5 on the list.
      """
    let found = paragraphs(text, .en)
    #expect(found.count == 2)
    #expect(found.first?.hasSuffix("and\nelsewhere.") == true)
    #expect(
      sentences(text, .en) == [
        "The Government of Japan strongly condemns the malicious cyber activities\nconducted by the group known as APT40.",
        "The group targeted government\nagencies and private companies in several countries.",
        "These activities\nthreaten the foundation of a free, fair and secure cyberspace, and Japan\nwill respond firmly.",
        "The U.S. Government and the U.K. have issued\nsimilar statements.",
        "Mr. Smith said so at 5 p.m. on Jan. 5 in Tokyo and\nelsewhere.",
        "Japan will continue to work with its partners, including the United\nStates, Australia and the member states of the European Union, to\nmaintain a free, open and secure cyberspace.",
        "This is No. 5 on the list.",
      ])
  }

  @Test func hardWrappedProseWithoutBlankLines() {
    // A heading, then wrapped paragraphs at 72 columns. The second line ends a sentence with room
    // left for "Japan": the line break was deliberate. (Had the line reached 72 columns, the
    // break would be ambiguous and the lines would stay in one paragraph.)
    let text = """
      Statement on Cyber Activity
      The Government of Japan strongly condemns the malicious cyber activities
      conducted by the group known as APT40 against several countries.
      Japan will continue to work with its partners.
      Japan also calls on all states to act responsibly in cyberspace and to
      respect the framework of responsible state behaviour.
      """
    #expect(
      paragraphs(text, .en) == [
        "Statement on Cyber Activity",
        "The Government of Japan strongly condemns the malicious cyber activities\nconducted by the group known as APT40 against several countries.",
        "Japan will continue to work with its partners.",
        "Japan also calls on all states to act responsibly in cyberspace and to\nrespect the framework of responsible state behaviour.",
      ])
  }

  @Test func oneParagraphPerLine() {
    // Not wrapped: every line that ends a sentence ends its paragraph.
    let text = "サイバー空間は重要である。\n我が国は非難する。\n引き続き対応していく。"
    #expect(paragraphs(text, .ja) == ["サイバー空間は重要である。", "我が国は非難する。", "引き続き対応していく。"])
  }

  @Test func firstLineIndentStartsAParagraph() {
    let text = "　字下げの段落。続き\nの行。\n　次の段落。"
    #expect(paragraphs(text, .ja) == ["字下げの段落。続き\nの行。", "次の段落。"])
  }

  @Test func markerOnlyLineJoinsTheNextLine() {
    #expect(
      paragraphs("1.\nThe first point.\n2.\nThe second.", .en) == [
        "1.\nThe first point.", "2.\nThe second.",
      ])
  }

  @Test func decimalNumberAtALineStartIsNotAMarker() {
    let text =
      "The economy of the region grew by an estimated\n3.5 percent last year, driven by exports."
    #expect(paragraphs(text, .en).count == 1)
  }
}

@Suite struct SegmenterTokenTests {
  @Test func japaneseMorphemes() {
    let found = tokens("外務省は、サイバー攻撃グループ「ST-17」の活動について声明を発表した。", .ja)
    let words = found.map(\.0)
    // ICU 72's dictionary splits サイバー into サイ|バー; katakana runs are joined again.
    #expect(
      words == [
        "外務省", "は", "サイバー", "攻撃", "グループ", "ST", "17", "の", "活動", "について", "声明", "を", "発表", "した",
      ])
    #expect(found.first { $0.0 == "17" }?.1 == .number)
    #expect(found.first { $0.0 == "外務省" }?.1 == .word)
  }

  @Test func katakanaRunsAreOneToken() {
    let words = tokens("ノーランド・マルクとネットワークセキュリティ", .ja).map(\.0)
    #expect(words == ["ノーランド", "マルク", "と", "ネットワークセキュリティ"])
  }

  @Test func numbersAreSingleTokens() {
    let found = tokens("約1,800億円、4,000ドル、3.5倍、５０件。It cost 4,000 dollars, 3.5 percent.", .ja)
    for number in ["1,800", "4,000", "3.5", "５０"] {
      #expect(found.contains { $0.0 == number && $0.1 == .number }, "\(number)")
    }
    #expect(!found.contains { $0.0 == "," || $0.0 == "." || $0.0 == "、" || $0.0 == "。" })
  }

  @Test func englishTokens() {
    let found = tokens("The U.S. paid 4,000 dollars; ＡＰＴ４０ isn't e-mail.", .en)
    #expect(
      found.map(\.0) == ["The", "U.S", "paid", "4,000", "dollars", "ＡＰＴ４０", "isn't", "e", "mail"])
    #expect(found.map(\.1) == [.word, .word, .word, .number, .word, .word, .word, .word, .word])
  }
}

@Suite struct SegmenterOffsetTests {
  @Test func surrogatePairsAndEmojiOffsetsAreScalarOffsets() {
    // 😀 and 𠮷 are one scalar and two UTF-16 units each; 👍🏽 is two scalars, four units.
    let text = "😀 Emoji 👍🏽 first.\n\n𠮷野家の「牛丼」。😀次の文。\n\nLast 𠮷 here."
    let segmentation = Segmenter.segment(text, language: .ja)
    let index = ScalarIndex(text)
    #expect(index.count == text.unicodeScalars.count)
    #expect(
      segmentation.paragraphs.map { String(index.slice($0)) } == [
        "😀 Emoji 👍🏽 first.", "𠮷野家の「牛丼」。😀次の文。", "Last 𠮷 here.",
      ])
    #expect(segmentation.paragraphs == [TextRange(0, 17), TextRange(19, 33), TextRange(35, 47)])
    #expect(sentences(text, .ja) == ["😀 Emoji 👍🏽 first.", "𠮷野家の「牛丼」。", "😀次の文。", "Last 𠮷 here."])
    let words = segmentation.tokens.map { String(index.slice($0.range)) }
    #expect(words.contains("𠮷"))
    #expect(words.contains("野家"))
    #expect(segmentation.tokens.last?.range == TextRange(42, 46))
    // Every range is exact: scalars counted from the start of the text.
    let scalars = Array(text.unicodeScalars)
    for token in segmentation.tokens {
      let expected = String(String.UnicodeScalarView(scalars[token.range.start..<token.range.end]))
      #expect(String(index.slice(token.range)) == expected)
    }
  }
}

@Suite struct ScalarIndexTests {
  @Test func slicesByScalarOffsets() {
    let text = "a😀b𠮷c e\u{301}f ﾃﾞｰﾀ"
    let index = ScalarIndex(text)
    let scalars = Array(text.unicodeScalars)
    #expect(index.count == scalars.count)
    for start in 0...scalars.count {
      for end in start...scalars.count {
        let expected = String(String.UnicodeScalarView(scalars[start..<end]))
        #expect(String(index.slice(TextRange(start, end))) == expected)
      }
    }
    // A range may start on a combining mark.
    #expect(index.slice(TextRange(7, 9)).unicodeScalars.map(\.value) == [0x301, 0x66])
    #expect(index.index(at: scalars.count) == text.endIndex)
    #expect(index.slice(TextRange(-3, 2)) == "a😀")
    #expect(index.slice(TextRange(5, 100)).unicodeScalars.count == scalars.count - 5)
  }

  @Test func checkpointsAcrossALongText() {
    let unit = "ab😀𠮷声明。\n"
    let text = String(repeating: unit, count: 1_000)
    let index = ScalarIndex(text)
    let length = unit.unicodeScalars.count
    #expect(index.count == length * 1_000)
    for copy in stride(from: 0, to: 1_000, by: 37) {
      #expect(index.slice(TextRange(copy * length, (copy + 1) * length)) == unit[...])
      #expect(index.slice(TextRange(copy * length + 2, copy * length + 4)) == "😀𠮷")
    }
  }
}

@Suite struct SegmenterAbbreviationTests {
  @Test func parsesTheLexicon() {
    #expect(Abbreviations.entries["mr."] == .title)
    #expect(Abbreviations.entries["no."] == .number)
    #expect(Abbreviations.entries["jan."] == .month)
    #expect(Abbreviations.entries["e.g."] == .general)
    #expect(Abbreviations.entries["u.s."] == .initialism)
    #expect(Abbreviations.starters.contains("the"))
    #expect(Abbreviations.entries.count > 80)
    #expect(SentenceRules.initialismShape("U.K.") == .initialism)
    #expect(SentenceRules.initialismShape("J.") == .initialism)
    #expect(SentenceRules.initialismShape("II.") == nil)
    #expect(SentenceRules.initialismShape("end.") == nil)
  }
}

/// Runs over the development corpus when it is present (it is not part of the package).
@Suite struct SegmenterCorpusTests {
  static let folder = "/work/shared/corpus/dev"

  @Test(.enabled(if: FileManager.default.fileExists(atPath: folder)))
  func developmentCorpus() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder)
      .filter { $0.hasSuffix(".txt") }.sorted()
    #expect(!names.isEmpty)
    for name in names {
      let raw = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
      let text = Self.strippingFrontMatter(raw)
      let language: Language = name.hasSuffix(".ja.txt") ? .ja : .en
      #expect(LanguageDetector.detect(text) == language, "\(name)")
      let segmentation = Segmenter.segment(text, language: language)
      let index = ScalarIndex(text)
      #expect(!segmentation.paragraphs.isEmpty, "\(name)")
      var previousEnd = 0
      for sentence in segmentation.sentences {
        let paragraph = segmentation.paragraphs[sentence.paragraph]
        #expect(paragraph.contains(sentence.range), "\(name): sentence spans paragraphs")
        #expect(sentence.range.start >= previousEnd, "\(name): sentences overlap")
        previousEnd = sentence.range.end
        let sentenceText = index.slice(sentence.range)
        #expect(sentenceText.contains { $0.isLetter }, "\(name): marker-only sentence")
        #expect(
          sentenceText.first?.isWhitespace == false && sentenceText.last?.isWhitespace == false)
        if language == .ja, let last = sentenceText.last {
          #expect("。」』）".contains(last), "\(name): \(sentenceText)")
        }
      }
      for paragraph in segmentation.paragraphs.indices {
        #expect(segmentation.sentences.contains { $0.paragraph == paragraph }, "\(name)")
      }
      for token in segmentation.tokens {
        #expect(token.range.end <= index.count && !token.range.isEmpty)
      }
      // Every token of the normalised text maps back to original text that normalises to it.
      let normalized = NormalizedText(text)
      #expect(normalized.originalOffset(normalized.scalarCount) == index.count)
      let normalizedIndex = ScalarIndex(normalized.text)
      let normalizedTokens = Segmenter.segment(normalized.text, language: language).tokens
      for token in normalizedTokens {
        let source = index.slice(normalized.originalRange(token.range))
        let expected = normalizedIndex.slice(token.range).unicodeScalars
        #expect(NormalizedText(String(source)).text.unicodeScalars.elementsEqual(expected))
      }
    }
  }

  static func strippingFrontMatter(_ text: String) -> String {
    guard text.hasPrefix("---\n") else { return text }
    let body = text.index(text.startIndex, offsetBy: 4)
    guard let end = text.range(of: "\n---\n", range: body..<text.endIndex) else { return text }
    return String(text[end.upperBound...])
  }
}
