import Foundation
import Testing

@testable import SeimeiKit

/// Actors and specifics (figures, dates, measures) of `compare`: the project's samples, then one
/// small statement per rule and per exclusion, in both languages.
@Suite struct SpecificsTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  func specifics(_ text: String, _ language: Language = .en) -> Specifics {
    let statement = Statement(name: "t", text: text, language: language)
    let found = Specifics.of(statement)
    // Every mention's text is its range of the original text.
    for figure in found.figures { #expect(String(statement.text(of: figure.range)) == figure.text) }
    for date in found.dates { #expect(String(statement.text(of: date.range)) == date.text) }
    for measure in found.measures {
      #expect(String(statement.text(of: measure.range)) == measure.text)
    }
    return found
  }

  func figures(_ text: String, _ language: Language = .en) -> [String] {
    specifics(text, language).figures.map(\.text)
  }

  func dates(_ text: String, _ language: Language = .en) -> [String] {
    specifics(text, language).dates.map { "\($0.text)=\($0.iso ?? "nil")" }
  }

  func measures(_ text: String, _ language: Language = .en) -> [String] {
    specifics(text, language).measures.map { "\($0.kind):\($0.text)" }
  }

  // MARK: Samples

  @Test func theArvennaStatementIsSpecific() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let found = Specifics.of(statement)
    let figures = Dictionary(found.figures.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
    for (text, kind, value) in [
      ("143 intrusions", Specifics.Figure.Kind.count, 143.0), ("48 million crowns", .amount, 48e6),
      ("57 tactics", .count, 57), ("312 indicators", .count, 312),
      ("1,900 appointments", .count, 1900), ("four officers", .count, 4),
      ("eleven hospitals", .count, 11), ("72 hours", .count, 72), ("60 companies", .count, 60),
    ] {
      let figure = try #require(figures[text], "\(text) in \(found.figures.map(\.text))")
      #expect(figure.kind == kind && figure.value == value, "\(figure)")
      // The sentence is the one the figure stands in.
      let sentence = statement.segmentation.sentences[figure.sentence].range
      #expect(sentence.contains(figure.range), "\(figure)")
    }
    // "four officers" is given three times: each mention counts.
    #expect(found.figures.filter { $0.text == "four officers" }.count == 3)
    // Not figures: the unit's number, the group's code, the web address.
    #expect(!found.figures.contains { $0.text.contains("61") || $0.text.contains("22") })
    let dates = found.dates.map { "\($0.text)=\($0.iso ?? "nil")" }
    #expect(dates == ["February 2023=2023-02", "March 2023=2023-03", "January this year=nil"])
    let kinds = Set(found.measures.map(\.kind))
    #expect(
      kinds == [
        "indictment", "arrest-warrant", "sanctions", "asset-freeze", "entry-ban", "advisory",
        "summons", "protest",
      ])
    #expect(found.measures.contains { $0.text == "assets in Arvenna are frozen" })
    #expect(found.measures.contains { $0.text == "called in the Sarkovan Ambassador" })
    let keys = found.actors.map(\.key)
    for name in ["Foreign Information Directorate", "Sarkovan Federation", "KX-22", "TEMP.Vireo"] {
      #expect(keys.contains(name), "\(keys)")
    }
    let group = try #require(found.actors.first { $0.key == "KX-22" })
    #expect(group.sentences.count > 5 && group.sentences == group.sentences.sorted())
    #expect(Set(group.sentences).count == group.sentences.count)
    #expect(found.characters == 6462 && found.language == .en)
    #expect(found.total == found.actors.count + 20 + 3 + found.measures.count)
  }

  @Test func theAkitsuStatementNamesLittle() throws {
    let japanese = Specifics.of(try load("ja/mofa-cyber.txt"))
    // The paragraph numbers 1 to 6 are not figures, and it announces no measure.
    #expect(japanese.figures.isEmpty)
    #expect(japanese.measures.isEmpty)
    #expect(japanese.dates.map(\.text) == ["10月14日", "2023年"])
    #expect(japanese.dates.map(\.iso) == ["--10-14", "2023"])
    #expect(japanese.actors.contains { $0.key == "United Nations" })
    let english = Specifics.of(try load("en/arvenna-pm-cyber.txt"))
    // Far fewer specifics in all: 6 against dozens.
    #expect(japanese.total * 5 < english.total)
    // Per 1,000 of its own characters the two are close (a Japanese character carries about
    // 2.75 English ones); in English characters, less than half as specific.
    #expect(japanese.englishCharacters == 1867)
    #expect(japanese.perThousandEnglishCharacters * 2 < english.perThousandEnglishCharacters)
  }

  @Test func aTranslationHasTheSameSpecifics() throws {
    let japanese = Specifics.of(try load("ja/mofa-cyber.txt"))
    let english = Specifics.of(try load("en/mofa-cyber-en.txt"))
    #expect(english.dates.map(\.iso) == japanese.dates.map(\.iso))
    #expect(english.figures.isEmpty && english.measures.isEmpty)
    #expect(english.actors.count == japanese.actors.count)
    #expect(english.total == japanese.total)
  }

  @Test func theExportControlRelease() throws {
    let found = Specifics.of(try load("ja/meti-export-controls.txt"))
    let figures = found.figures.map { "\($0.text)=\($0.kind.rawValue):\($0.value ?? -1)" }
    for expected in [
      "14団体=count:14.0", "18品目=count:18.0", "2社=count:2.0", "16か国・地域=count:16.0",
      "734団体=count:734.0", "5品目=count:5.0", "4,260億円=amount:426000000000.0",
      "312億円=amount:31200000000.0", "7.3％=percentage:7.3", "42か国=count:42.0",
    ] {
      #expect(figures.contains(expected), "\(expected) in \(figures)")
    }
    // "1．", "（1）" number the points; the URL's digits are not figures.
    #expect(found.figures.allSatisfy { $0.kind != .number }, "\(figures)")
    let dates = found.dates.map { "\($0.text)=\($0.iso ?? "nil")" }
    #expect(
      dates == [
        "11月20日=--11-20", "10月14日=--10-14", "2024年=2024", "2025年12月=2025-12",
        "2026年1月15日=2026-01-15",
      ])
    #expect(found.measures.count >= 4)
    #expect(Set(found.measures.map(\.kind)) == ["export-control"])
    #expect(found.measures.contains { $0.text == "外国ユーザーリスト" })
  }

  // MARK: Figures, English

  @Test func amounts() {
    let found = specifics(
      "They paid $5 million, then €2bn, USD 3.5 billion and US$10m. Losses reached 48 million "
        + "crowns and £300.")
    #expect(
      found.figures.map(\.text) == [
        "$5 million", "€2bn", "USD 3.5 billion", "US$10m", "48 million crowns", "£300",
      ])
    #expect(found.figures.allSatisfy { $0.kind == .amount })
    #expect(found.figures.map(\.value) == [5e6, 2e9, 3.5e9, 1e7, 48e6, 300])
  }

  @Test func percentagesAndCounts() {
    let found = specifics(
      "Exports fell 30% and imports 12 per cent; 7.5 percent of 1,200 firms and 3,400 cyber "
        + "attacks in 72 hours.")
    #expect(
      found.figures.map(\.text) == [
        "30%", "12 per cent", "7.5 percent", "1,200 firms", "3,400 cyber attacks", "72 hours",
      ])
    #expect(
      found.figures.map(\.kind) == [.percentage, .percentage, .percentage, .count, .count, .count])
    #expect(found.figures.map(\.value) == [30, 12, 7.5, 1200, 3400, 72])
  }

  @Test func compoundsAndOpenCounts() {
    #expect(
      figures(
        "A 24-hour hotline, a four-day visit, 2,000+ victims in 30-plus countries; two-way "
          + "talks and a one-day pause.") == [
          "24-hour", "four-day", "2,000+ victims", "30-plus countries",
        ])
    #expect(specifics("A 24-hour hotline.").figures.map(\.kind) == [.count])
  }

  @Test func numberWordsNeedAUnit() {
    #expect(
      figures(
        "Police arrested four officers and twenty-five people over twelve months; "
          + "forty of its analysts helped.") == [
          "four officers", "twenty-five people", "twelve months", "forty of its analysts",
        ])
    #expect(specifics("They hired twenty-five people.").figures.first?.value == 25)
    #expect(specifics("Two million people were affected.").figures.first?.value == 2e6)
    // Pronouns, ordinals, fractions, vague quantities and names are not figures.
    #expect(
      figures(
        "No one came. One of them left. The first attack hit two-thirds of dozens of "
          + "companies and hundreds of firms, and the Group of Seven met.") == [])
    #expect(figures("We have four.") == [])
  }

  @Test func numbersThatAreNotFigures() {
    // Codes, names, references, numbering, phone numbers, times, addresses, ordinals.
    #expect(figures("KX-22, APT40 and COVID-19 hit Technical Service 61 and Unit 4471.") == [])
    #expect(figures("Under Article 5, No. 3 and resolution 2231 apply.") == [])
    #expect(figures("1. Today we act.\n\n(2) Tomorrow too.") == [])
    #expect(figures("Call 03-3580-3311 at 10:30 or 3 p.m. on the 21st.") == [])
    #expect(figures("Report at https://example.org/2025/10/14/x or report.ncdc.example.org.") == [])
    #expect(figures("Report to abuse@cert2.example.org now.") == [])
    // A year-like number is neither a figure nor a date out of a date context.
    let report = specifics("The 2023 report was clear.")
    #expect(report.figures.isEmpty && report.dates.isEmpty)
    // A number alone is a figure of kind number.
    let bare = specifics("The count rose to 143, then fell.")
    #expect(bare.figures.map(\.kind) == [.number])
  }

  // MARK: Figures, Japanese

  @Test func japaneseFigures() {
    let found = specifics(
      "１４団体と十四の組織に対し、500万円、1億2000万円、３割、25％を確認した。3年間で5か国、57の戦術。",
      .ja)
    #expect(
      found.figures.map(\.text) == [
        "１４団体", "500万円", "1億2000万円", "３割", "25％", "3年間", "5か国", "57の戦術",
      ])
    #expect(found.figures.map(\.value) == [14, 5e6, 1.2e8, 30, 25, 3, 5, 57])
    #expect(
      found.figures.map(\.kind) == [
        .count, .amount, .amount, .percentage, .percentage, .count, .count, .count,
      ])
    let kanji = specifics("十四団体と二千五百人、三つの柱。", .ja)
    #expect(kanji.figures.map(\.text) == ["十四団体", "二千五百人", "三つ"])
    #expect(kanji.figures.map(\.value) == [14, 2500, 3])
  }

  @Test func japaneseNumbersThatAreNotFigures() {
    // Words with kanji numerals, ordinals, times, fractions, numbering, codes.
    #expect(figures("一部の国は十分な二国間協議を一層進め、統一した。", .ja) == [])
    #expect(figures("第3条に基づき、午後3時に3分の1を「KX-22」が得た。", .ja) == [])
    #expect(figures("1　本日、発表した。\n\n（2）また、確認した。\n\n3．今後の予定", .ja) == [])
    #expect(figures("①本日、発表した。", .ja) == [])
    #expect(figures("電話：０３－３５８０－３３１１（内線２３４５）", .ja) == [])
    // 個人 is one counter, not 個.
    #expect(figures("５団体・１３８個人", .ja) == ["５団体", "１３８個人"])
  }

  // MARK: Dates

  @Test func englishDates() {
    #expect(
      dates(
        "On 14 October, October 14, 2025, 14 October 2025 and the 14th of October, it met.") == [
          "14 October=--10-14", "October 14, 2025=2025-10-14", "14 October 2025=2025-10-14",
          "14th of October=--10-14",
        ])
    #expect(
      dates("Active since February 2023, in 2023, by mid-2024, and in December.") == [
        "February 2023=2023-02", "2023=2023", "2024=2024", "December=--12",
      ])
    #expect(
      dates("In January this year, and last March, between 2020 and 2023, on 2025-10-14.") == [
        "January this year=nil", "last March=nil", "2020=2020", "2023=2023",
        "2025-10-14=2025-10-14",
      ])
    // A month name alone is not a date; nor is the verb.
    #expect(dates("May we ask? March on. October was cold.") == [])
  }

  @Test func japaneseDates() {
    #expect(
      dates("２０２５年１０月１４日（火）、令和7年10月14日、令和元年、平成31年、2024年度、3月。", .ja) == [
        "２０２５年１０月１４日=2025-10-14", "令和7年10月14日=2025-10-14", "令和元年=2019",
        "平成31年=2019", "2024年度=2024", "3月=--03",
      ])
    #expect(
      dates("同月14日に、2023年3月に、10月14日に。", .ja) == [
        "14日=nil", "2023年3月=2023-03", "10月14日=--10-14",
      ])
    // 3日間 is a count, 3年 a duration: not dates.
    let durations = specifics("3日間と3年を要した。", .ja)
    #expect(durations.dates.isEmpty)
    #expect(durations.figures.map(\.text) == ["3日間", "3年"])
  }

  // MARK: Measures

  @Test func englishMeasures() {
    #expect(
      measures(
        "They were indicted and sanctioned; their assets in Valmar are frozen. We will "
          + "consider sanctions.") == [
          "indictment:indicted", "sanctions:sanctioned", "asset-freeze:assets in Valmar are frozen",
          "sanctions:sanctions",
        ])
    // The longest wins; a blocker hides what it covers; words inside other words do not count.
    #expect(
      measures("The joint advisory went to the advisory board while protesters gathered.")
        == ["advisory:joint advisory"])
    #expect(
      measures("The minister called in the Esterian ambassador and lodged a formal protest.")
        == ["summons:called in the Esterian ambassador", "protest:protest"])
    // Generic words name no measure; Japanese terms are not used for English statements.
    #expect(measures("Further measures will follow. 制裁") == [])
    // A measure inside an actor's name is not one.
    #expect(measures("The Office of Foreign Assets Control acted.") == [])
  }

  @Test func japaneseMeasures() {
    #expect(
      measures("大使を召致し、資産を凍結した。経済制裁措置を講じ、起訴した。", .ja) == [
        "summons:召致", "asset-freeze:資産を凍結", "sanctions:制裁", "indictment:起訴",
      ])
    #expect(measures("抗議活動が続いた。", .ja) == [])
    #expect(measures("強く抗議した。", .ja) == ["protest:抗議"])
  }

  @Test func measuresFileParses() throws {
    let list = MeasureList.standard
    #expect(list.entries.count > 100)
    for kind in [
      "indictment", "arrest-warrant", "sanctions", "asset-freeze", "entry-ban", "advisory",
      "protest", "summons", "expulsion", "export-control", "takedown", "reward",
    ] {
      #expect(list.kinds.contains(kind), "\(kind)")
    }
    #expect(list.entries.contains { $0.term == "advisory board" && $0.kind == nil })
  }

  @Test func invalidMeasureFilesNameTheLine() {
    func error(_ tsv: String) -> MeasureListError? {
      do {
        _ = try MeasureList(tsv: tsv)
        return nil
      } catch {
        return error
      }
    }
    let header = "# comment\nterm\tlang\tkind\tnote\n"
    #expect(error("# only comments\n") == .missingHeader)
    #expect(error("# c\nterm\tkind\n") == .badHeader(line: 2, found: "term\tkind"))
    #expect(error(header + "sanctions\ten\n") == .wrongFieldCount(line: 3, count: 2))
    #expect(error(header + "sanctions\tfr\tsanctions\n") == .badLanguage(line: 3, language: "fr"))
    #expect(error(header + "sanctions\ten\tSanctions\n") == .badKind(line: 3, kind: "Sanctions"))
    #expect(error(header + "\nsanctions||x\ten\tsanctions\n") == .emptyTerm(line: 4))
    #expect(error(header + "assets ...\ten\tasset-freeze\n")?.line == 3)
    #expect(error(header + "sanctions\ten\tsanctions\tnote\nfreeze\t*\t-\n") == nil)
    #expect(MeasureListError.badKind(line: 7, kind: "X").description.contains("line 7"))
  }

  // MARK: Actors and the score

  @Test func actorsMergeAcrossSentencesAndScripts() {
    let found = specifics(
      "China denied it. The PRC and China were named again. Later, 中国 replied.")
    let china = found.actors.filter { $0.key == "China" }
    #expect(china.count == 1)
    #expect(china.first?.name == "China")
    #expect(china.first?.sentences == [0, 1, 2])
  }

  @Test func theScoreIsPerThousandCharacters() {
    let actor = Specifics.NamedActor(name: "Valmar", sentences: [0])
    let date = Specifics.DateMention(
      text: "2023", iso: "2023", sentence: 0, range: TextRange(0, 4))
    var score = Specifics(actors: [actor], dates: [date, date], characters: 1500)
    #expect(score.total == 3)
    #expect(score.perThousandCharacters == 2)
    #expect(score.perThousandEnglishCharacters == 2)
    score.language = .ja
    #expect(score.englishCharacters == 4125)
    #expect(abs(score.perThousandEnglishCharacters - 3000 / 4125) < 1e-12)
    #expect(Specifics(characters: 0).perThousandCharacters == 0)
    #expect(Specifics(actors: [actor], characters: 0).perThousandEnglishCharacters == 0)
    // The specifics of a real statement: a count of what it gives, over its length.
    let found = specifics("On 14 October, Valmar indicted four officers.")
    #expect(found.total == found.actors.count + 1 + 1 + 1)
    #expect(found.perThousandCharacters == Double(found.total) * 1000 / 45)
  }

  /// Scanning is linear: ten times the text takes about ten times as long.
  @Test func largeStatementsStayLinear() {
    let paragraph =
      "Since March 2023 the group has hit 143 hospitals and stolen $5 million; sanctions and "
      + "an advisory followed on 14 October. 2025年10月14日、14団体を掲載し、輸出管理を強化した。\n\n"
    func seconds(_ copies: Int) -> Double {
      let statement = Statement(
        name: "big", text: String(repeating: paragraph, count: copies), language: .en)
      let clock = ContinuousClock()
      let elapsed = clock.measure {
        var scanner = SpecificsScanner(statement)
        scanner.scan()
        _ = MeasureList.standard.matches(
          in: statement, scalars: scanner.scalars, skip: scanner.url)
      }
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    let small = seconds(200) / 200
    let large = seconds(2000) / 2000
    #expect(large < max(small * 4, 0.0005))
  }
}
