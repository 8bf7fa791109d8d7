import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

/// `compare` on the project's samples: the motivating case, a translation, a denial, three
/// statements, the JSON shape and the width of the table view.
@Suite struct CompareCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  /// A shell with the motivating pair, the translation and the denial loaded, and the samples'
  /// gazetteer of fictional states.
  func shell(terminalWidth: Int? = nil) -> TestShell {
    let shell = TestShell(
      outputIsTerminal: terminalWidth != nil, terminalWidth: terminalWidth)
    let base = Self.samples
    shell.run(
      "gazetteer load \(base)/gazetteer.tsv", "load \(base)/ja/mofa-cyber.txt as akitsu",
      "load \(base)/en/arvenna-pm-cyber.txt as arvenna",
      "load \(base)/en/mofa-cyber-en.txt as akitsu-en",
      "load \(base)/en/sarkova-spokesperson.txt as sarkova",
      "load \(base)/versions/meridian-council-draft.txt as draft",
      "load \(base)/versions/meridian-council-final.txt as final")
    return shell
  }

  func json(_ shell: TestShell, _ line: String) throws -> [String: Any] {
    let text = shell.run(line)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
  }

  func statements(_ object: [String: Any]) throws -> [[String: Any]] {
    try #require(object["statements"] as? [[String: Any]])
  }

  @Test func theMotivatingCase() throws {
    let object = try json(shell(), "compare akitsu arvenna --json")
    let (akitsu, arvenna) = try (statements(object)[0], statements(object)[1])
    #expect(akitsu["characters"] as? Int == 679)
    #expect(arvenna["characters"] as? Int == 6462)
    let ratios = try #require(object["ratios"] as? [String: Any])
    #expect(try #require(ratios["characters"] as? Double) > 9)
    #expect(ratios["longest"] as? String == "arvenna")
    // Advice and condemnation only in the English statement; measures named only there.
    let only = try #require(object["only"] as? [String: [String]])
    #expect(only["arvenna"]?.contains("advice") == true)
    #expect(only["arvenna"]?.contains("condemnation") == true)
    #expect(only["akitsu"]?.contains("advice") == false)
    let measures = try #require(arvenna["measures"] as? [[String: Any]])
    let kinds = Set(measures.compactMap { $0["kind"] as? String })
    #expect(kinds.isSuperset(of: ["indictment", "sanctions", "advisory", "protest"]))
    #expect((akitsu["measures"] as? [Any])?.isEmpty == true)
    // The strongest wording of each.
    #expect((akitsu["strongest"] as? [String: Any])?["level"] as? Int == 3)
    #expect((akitsu["strongest"] as? [String: Any])?["cue"] as? String == "強い懸念")
    #expect((arvenna["strongest"] as? [String: Any])?["level"] as? Int == 7)
    // The actors each names, aligned through the gazetteer across the two languages.
    func keys(_ entry: [String: Any]) -> Set<String> {
      Set(
        (entry["actors"] as? [[String: Any]] ?? []).map {
          ($0["canonical"] as? String) ?? ($0["name"] as? String) ?? ""
        })
    }
    let shared = keys(akitsu).intersection(keys(arvenna))
    #expect(shared.isSuperset(of: ["Sarkova", "KX-22"]), "\(shared)")
    #expect(keys(arvenna).contains("Foreign Information Directorate"))
    // The English one is more specific, per character and allowing for the language.
    let specificity = try [akitsu, arvenna].map { try #require($0["specificity"] as? Double) }
    #expect(specificity[1] > 0)
    let figures = try #require(arvenna["figures"] as? [[String: Any]])
    #expect(figures.contains { ($0["text"] as? String)?.hasPrefix("57") == true })
    #expect((akitsu["figures"] as? [Any])?.isEmpty == true)
  }

  @Test func theMotivatingCaseInTheTableView() {
    let text = shell().run("compare akitsu arvenna")
    for expected in [
      "arvenna is 9.5× as long as akitsu in characters",
      "akitsu in English would run to about 1,867 characters.",
      "Only in arvenna: condemnation", "level 3, strong concern: «強い懸念»",
      "level 7, strongest terms: «condemns in the strongest terms»",
      "Named measures only in arvenna (not in akitsu): indictment",
      "names: Arvenna, KX-22, Sarkova",
    ] {
      #expect(text.contains(expected), "\(expected)")
    }
    // Unicode bars, longer for the longer statement.
    let bars = text.split(separator: "\n").filter { $0.contains("█") }
    #expect(bars.count >= 6)
  }

  @Test func aStatementAgainstItsTranslation() throws {
    let shell = shell()
    // translation_of switches the alignment on without asking.
    let object = try json(shell, "compare akitsu akitsu-en --json")
    #expect((object["sections"] as? [String])?.contains("align") == true)
    let alignment = try #require((object["alignment"] as? [[String: Any]])?.first)
    #expect(alignment["translation"] as? Bool == true)
    let pairs = try #require(alignment["pairs"] as? [[String: Any]])
    #expect(pairs.count == 9)
    for (index, pair) in pairs.enumerated() {
      #expect(pair["left"] as? [Int] == [index + 1])
      #expect(pair["right"] as? [Int] == [index + 1])
    }
    #expect((alignment["unmatched_left"] as? [Int])?.isEmpty == true)
    #expect((alignment["unmatched_right"] as? [Int])?.isEmpty == true)
    // The same claims on both sides: the same types and the same strongest level.
    let entries = try statements(object)
    let types = entries.map { Set(($0["claims"] as? [String: Int] ?? [:]).keys) }
    #expect(types[0] == types[1])
    #expect(object["only"] as? [String: [String]] == ["akitsu": [], "akitsu-en": []])
    let levels = entries.map { ($0["strongest"] as? [String: Any])?["level"] as? Int }
    #expect(levels == [3, 3])
    // The translation names the same actors.
    #expect(
      shell.run("compare akitsu akitsu-en --section lengths").contains(
        "Allowing for the language, the two are about as long as each other."))
    let text = shell.run("compare akitsu akitsu-en --section align")
    #expect(text.contains("akitsu ↔ akitsu-en (translation): 9 pairs"))
  }

  @Test func twoVersionsShowTheirWordDifferences() {
    let text = shell().run("compare draft final --section align")
    #expect(text.contains("identical"))
    #expect(text.contains("{+in the strongest terms+}"))
    #expect(text.contains("no counterpart"))
    #expect(!shell().run("compare draft final").contains("Alignment"))
  }

  @Test func aDenialInAThreeWayComparison() throws {
    let shell = shell()
    let text = shell.run("compare akitsu arvenna sarkova --section claims --no-chart")
    let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("type") })
    #expect(header.contains("akitsu") && header.contains("arvenna") && header.contains("sarkova"))
    #expect(text.contains("In these, not in those:"))
    let denial = try #require(
      text.split(separator: "\n").first { $0.contains("denial ") && $0.contains("—") })
    #expect(denial.contains("sarkova — not in akitsu, arvenna"), "\(denial)")
    let object = try json(shell, "compare akitsu arvenna sarkova --json")
    #expect(try statements(object).count == 3)
    let split = try #require(object["split"] as? [[String: Any]])
    let row = try #require(split.first { $0["type"] as? String == "denial" })
    #expect(row["in"] as? [String] == ["sarkova"])
    #expect(row["not_in"] as? [String] == ["akitsu", "arvenna"])
    #expect((object["shared"] as? [String])?.contains("denial") == false)
  }

  @Test func jsonShape() throws {
    let object = try json(shell(), "compare akitsu arvenna sarkova --json")
    for key in ["statements", "only", "shared", "ratios", "alignment", "terms", "sections"] {
      #expect(object[key] != nil, "\(key)")
    }
    for entry in try statements(object) {
      for key in [
        "name", "language", "characters", "sentences", "words", "claims", "strongest", "actors",
        "figures", "dates", "measures", "specificity",
      ] {
        #expect(entry.keys.contains(key), "\(key)")
      }
    }
    let terms = try #require(object["terms"] as? [String: Any])
    // Two English statements: each has distinctive terms against the other.
    let distinctive = try #require(terms["distinctive"] as? [[String: Any]])
    #expect(Set(distinctive.compactMap { $0["statement"] as? String }) == ["arvenna", "sarkova"])
    let across = try #require(terms["cross_language"] as? [[String: Any]])
    #expect(across.count == 2)
  }

  @Test func theTableViewFitsEightyColumnsAndUsesWiderOnes() {
    for width in [nil, 80] as [Int?] {
      let text = shell(terminalWidth: width).run("compare akitsu arvenna sarkova")
      let widest = text.split(separator: "\n").map { DisplayWidth.of(plain($0)) }.max() ?? 0
      #expect(widest <= 80, "width \(String(describing: width)): \(widest)")
    }
    let wide = shell(terminalWidth: 140).run("compare akitsu arvenna sarkova")
    let widest = wide.split(separator: "\n").map { DisplayWidth.of(plain($0)) }.max() ?? 0
    #expect(widest > 80 && widest <= 140)
  }

  /// A line without the escape sequences of bold and colour.
  func plain(_ line: Substring) -> String {
    String(line.replacing(/\u{1B}\[[0-9;]*m/, with: ""))
  }

  @Test func mistakesGetOneLine() {
    let shell = shell()
    #expect(shell.run("compare akitsu").contains("compare needs two or more statements"))
    #expect(shell.run("compare akitsu akitsu").contains("'akitsu' is named twice"))
    #expect(shell.run("compare akitsu arvena").contains("no statement named 'arvena'"))
    #expect(shell.run("compare akitsu arvenna --section tone").contains("tone"))
    #expect(shell.shell.workspace.count == 6)
  }

  @Test func sectionsCanBeChosen() {
    let text = shell().run("compare akitsu arvenna --section wording")
    #expect(text.hasPrefix("Wording"))
    #expect(!text.contains("Length") && !text.contains("Claims"))
  }
}

@Suite struct BarChartTests {
  @Test func barsUseEighthBlocksOnOneScalePerGroup() {
    #expect(BarChart.bar(10, of: 10, width: 4) == "████")
    #expect(BarChart.bar(5, of: 10, width: 4) == "██")
    #expect(BarChart.bar(1, of: 16, width: 4) == "▎")
    // A non-zero value is never drawn as nothing.
    #expect(BarChart.bar(1, of: 10_000, width: 4) == "▏")
    #expect(BarChart.bar(0, of: 10, width: 4) == "")
  }

  @Test func namesAlignByDisplayWidth() {
    let chart = BarChart(groups: [
      .init(
        title: "characters",
        bars: [
          .init(series: "外務省", value: 679, label: "679"),
          .init(series: "arvenna", value: 6462, label: "6,462"),
        ])
    ])
    let lines = chart.lines(width: 60)
    #expect(lines.count == 2)
    let starts = lines.map { line in
      DisplayWidth.of(line.prefix { $0 != "█" && $0 != "▏" && !"▎▍▌▋▊▉".contains($0) })
    }
    #expect(starts[0] == starts[1])
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
    #expect(lines[1].hasSuffix("6,462"))
  }
}
