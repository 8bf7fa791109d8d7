import Testing

@testable import SeimeiKit

@Suite struct GazetteerTests {
  let standard = Gazetteer.standard

  @Test func theEmbeddedGazetteerParses() {
    #expect((100...200).contains(standard.entries.count))
    let kinds: Set<String> = [
      "state", "territory", "agency", "office", "body", "alliance", "group",
    ]
    for entry in standard.entries {
      #expect(kinds.contains(entry.kind), "\(entry.canonical): \(entry.kind)")
      // Every name leads back to its own entry: no alias is shadowed by another entry's.
      for name in entry.names {
        #expect(standard.entry(for: name) == entry, "\(name)")
      }
    }
  }

  @Test func aliasesAreEquivalentAcrossScriptsAndWidths() {
    for name in ["China", "中国", "中華人民共和国", "PRC", "People's Republic of China", "ＰＲＣ"] {
      #expect(standard.canonical(name) == "China", "\(name)")
    }
    #expect(standard.canonical("People\u{2019}s Republic of China") == "China")
    for name in [
      "米国", "アメリカ", "アメリカ合衆国", "United States", "the United States", "U.S.", "US", "USA",
    ] {
      #expect(standard.canonical(name) == "United States", "\(name)")
    }
    #expect(standard.canonical("u.s") == "United States")
    #expect(standard.canonical("日本") == standard.canonical("Japan"))
    #expect(standard.canonical("イギリス") == "United Kingdom")
    #expect(standard.canonical("UK") == "United Kingdom")
    #expect(standard.canonical("ロシア連邦") == "Russia")
    #expect(standard.canonical("DPRK") == "North Korea")
    #expect(standard.canonical("大韓民国") == "South Korea")
    #expect(standard.canonical("欧州連合") == "European Union")
    #expect(standard.canonical("北大西洋条約機構") == "NATO")
    #expect(standard.canonical("主要7か国") == "G7")
    #expect(standard.canonical("国連") == "United Nations")
    #expect(standard.canonical("ロシア連邦軍参謀本部情報総局") == "GRU")
    #expect(standard.canonical("国家安全部") == "MSS")
    #expect(standard.canonical("朝鮮人民軍偵察総局") == "RGB")
    #expect(standard.canonical("内閣サイバーセキュリティセンター") == "NISC")
    #expect(standard.canonical("fancy bear") == "APT28")
    #expect(standard.canonical("Cozy Bear") == "APT29")
    #expect(standard.canonical("ラザルス") == "Lazarus Group")
    #expect(standard.canonical("ＡＰＴ４０") == "APT40")
    #expect(standard.entry(for: "外務省")?.canonical == "Ministry of Foreign Affairs")
    #expect(standard.entry(for: "Foreign Ministry")?.kind == "office")
    #expect(standard.entry(for: "Esteria") == nil)
    #expect(standard.canonical("") == nil)
  }

  @Test func matchesFindLongestWholeNames() {
    let text = "apt28 (fancy bear) and the republic of korea, not prussia or usb."
    let found = standard.matches(in: text).map(\.entry.canonical)
    #expect(found == ["APT28", "APT28", "South Korea"])
    // Ranges are scalar offsets into the given text.
    let japanese = "北朝鮮の偵察総局とプロシア"
    let matches = standard.matches(in: japanese)
    #expect(matches.map(\.range) == [0..<3, 4..<8])
    #expect(matches.map(\.entry.canonical) == ["North Korea", "RGB"])
  }

  @Test func shortCapitalAliasesNeedCapitals() {
    #expect(standard.matches(in: "they told us").isEmpty)
    #expect(
      standard.matches(in: "they told US officials").map(\.entry.canonical) == ["United States"])
    // In normalised (lowercased) text only the longer names are found.
    #expect(standard.matches(in: "the us and nato").map(\.entry.canonical) == ["NATO"])
  }

  @Test func parsesCommentsBlankLinesAndOptionalAliases() throws {
    let tsv = """
      # A comment.

      canonical\tkind\taliases
      Norvania\tstate\tノルヴァニア | Republic of Norvania\r
      # Another comment.
      Marble Kitten\tgroup
      """
    let gazetteer = try Gazetteer(tsv: tsv)
    #expect(gazetteer.entries.count == 2)
    #expect(gazetteer.entries[0].aliases == ["ノルヴァニア", "Republic of Norvania"])
    #expect(gazetteer.entries[1].aliases == [])
    #expect(gazetteer.canonical("the republic of norvania") == "Norvania")
    #expect(gazetteer.canonical("MARBLE KITTEN") == "Marble Kitten")
  }

  @Test func errorsNameTheLine() {
    let header = "canonical\tkind\taliases\n"
    #expect(throws: GazetteerError.missingHeader) { try Gazetteer(tsv: "# only a comment\n") }
    #expect(throws: GazetteerError.badHeader(line: 2, found: "name\tkind")) {
      try Gazetteer(tsv: "# comment\nname\tkind\n")
    }
    #expect(throws: GazetteerError.wrongFieldCount(line: 3, count: 1)) {
      try Gazetteer(tsv: header + "A\tstate\tB\nOnly one field\n")
    }
    #expect(throws: GazetteerError.wrongFieldCount(line: 2, count: 4)) {
      try Gazetteer(tsv: header + "A\tstate\tB\textra\n")
    }
    #expect(throws: GazetteerError.emptyName(line: 2)) {
      try Gazetteer(tsv: header + "\tstate\tB\n")
    }
    #expect(throws: GazetteerError.emptyName(line: 2)) {
      try Gazetteer(tsv: header + "A\tstate\tB || C\n")
    }
    #expect(throws: GazetteerError.badKind(line: 2, kind: "State")) {
      try Gazetteer(tsv: header + "A\tState\tB\n")
    }
    let duplicate = header + "Norvania\tstate\tNV\n\n# comment\nNovaland\tstate\tＮＶ\n"
    #expect(throws: GazetteerError.duplicateName(line: 5, name: "ＮＶ", firstLine: 2)) {
      try Gazetteer(tsv: duplicate)
    }
    let error = GazetteerError.duplicateName(line: 5, name: "NV", firstLine: 2)
    #expect(error.line == 5)
    #expect(error.description.contains("line 5") && error.description.contains("line 2"))
    // The same name twice in one entry is not a conflict.
    #expect((try? Gazetteer(tsv: header + "United States\tstate\tUS | us\n")) != nil)
  }

  @Test func settingEntriesRebuildsTheIndex() {
    var gazetteer = Gazetteer(entries: [.init(canonical: "Norvania", kind: "state")])
    #expect(gazetteer.canonical("norvania") == "Norvania")
    gazetteer.entries.append(.init(canonical: "Castella", kind: "state", aliases: ["カステラ"]))
    #expect(gazetteer.canonical("カステラ") == "Castella")
    #expect(gazetteer.matches(in: "castella and norvania").count == 2)
  }
}
