import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

/// `terms` and `keyness` in English and Japanese, with counts checked by hand.
@Suite struct TermsAndKeynessCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  let english = [
    "a.txt": "The ministry condemns the attack on the hospital. The attack disrupted the "
      + "hospital for days. Hospitals must patch their systems.\n",
    "b.txt": "The ministry notes the report. The ministry will study the report with partners.\n",
  ]

  func json(_ shell: TestShell, _ line: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(shell.run(line).utf8)) as? [String: Any])
  }

  @Test func termsInEnglish() throws {
    let shell = TestShell(files: english)
    shell.run("load a.txt")
    let object = try json(shell, "terms a --json")
    // "The ministry condemns the attack on the hospital. The attack disrupted the hospital for
    // days. Hospitals must patch their systems." less the stop words the, on, for, must, their:
    // ministry condemns attack hospital attack disrupted hospital days Hospitals patch systems.
    #expect(object["total"] as? Int == 11)
    #expect(object["distinct"] as? Int == 9)
    let terms = try #require(object["terms"] as? [[String: Any]])
    #expect(terms.prefix(2).map { $0["term"] as? String } == ["attack", "hospital"])
    #expect(terms[0]["count"] as? Int == 2)
    #expect(terms[0]["per_1000"] as? Double == 181.8)  // 2 / 11 × 1,000
    #expect(shell.run("terms a --top 1").contains("1  attack"))
    #expect(shell.run("terms a --top 0").contains("--top must be at least 1"))
  }

  @Test func termsInJapanese() throws {
    let shell = TestShell()
    shell.run("load \(Self.samples)/ja/mofa-cyber.txt as akitsu")
    let object = try json(shell, "terms akitsu --json")
    let terms = try #require(object["terms"] as? [[String: Any]])
    let words = terms.compactMap { $0["term"] as? String }
    #expect(words.first == "サイバー")
    #expect(words.contains("攻撃"))
    // Particles and auxiliaries are not content words.
    for particle in ["は", "が", "を", "の", "に", "て", "する", "いる"] {
      #expect(!words.contains(particle), "\(particle)")
    }
    #expect(shell.run("terms akitsu").hasPrefix("akitsu: "))
    #expect(shell.run("terms akitsu").contains("content morphemes"))
  }

  @Test func keynessCountsCheckedByHand() throws {
    let shell = TestShell(files: english)
    shell.run("load a.txt", "load b.txt")
    let object = try json(shell, "keyness b a --json")
    #expect(object["total"] as? Int == 7)  // ministry notes report ministry study report partners
    #expect(object["reference_total"] as? Int == 11)
    let terms = try #require(object["terms"] as? [[String: Any]])
    let report = try #require(terms.first)
    #expect(report["term"] as? String == "report")
    #expect(report["count"] as? Int == 2)
    #expect(report["reference_count"] as? Int == 0)
    // By hand: E1 = 7 × 2 / 18 = 0.7778; G² = 2 × 2 × ln(2 / 0.7778) = 3.778.
    #expect(report["g2"] as? Double == 3.78)
    // ministry: 2 of 7 against 1 of 11. E1 = 7 × 3 / 18 = 1.1667, E2 = 11 × 3 / 18 = 1.8333;
    // G² = 2 × (2 ln(2 / 1.1667) + 1 ln(1 / 1.8333)) = 2 × (1.0780 − 0.6061) = 0.9437.
    let ministry = try #require(terms.first { $0["term"] as? String == "ministry" })
    #expect(ministry["g2"] as? Double == 0.94)
    // Nothing reaches p < 0.05 in texts this short.
    #expect(shell.run("keyness b a --significant").contains("no term is used more"))
  }

  @Test func keynessAgainstTheRestInJapanese() throws {
    let shell = TestShell()
    shell.run("load \(Self.samples)/ja/", "load \(Self.samples)/en/arvenna-pm-cyber.txt as en")
    let object = try json(shell, "keyness meti-export-controls --rest --json")
    // The rest is the other Japanese statement only.
    #expect(object["reference"] as? [String] == ["mofa-cyber"])
    let terms = try #require(object["terms"] as? [[String: Any]])
    let words = terms.compactMap { $0["term"] as? String }
    #expect(words.contains("輸出"))
    #expect(!words.contains("サイバー"))
    let table = shell.run("keyness meti-export-controls --rest")
    #expect(table.contains("*"))
  }

  @Test func keynessMistakes() {
    let shell = TestShell(files: english)
    shell.run("load a.txt")
    #expect(shell.run("keyness a").contains("needs a statement to compare with, or --rest"))
    #expect(shell.run("keyness a a").contains("compare a with another statement"))
    #expect(shell.run("keyness a --rest").contains("a: no other statement in en"))
    #expect(shell.run("keyness a b --rest").contains("not both"))
    #expect(shell.run("keyness a nobody").contains("no statement named 'nobody'"))
  }
}

/// `find` and `kwic` in English and Japanese: folding, phrases, regexes, widths, JSON.
@Suite struct FindAndKwicCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func shell(terminalWidth: Int? = nil) -> TestShell {
    let shell = TestShell(
      outputIsTerminal: terminalWidth != nil, terminalWidth: terminalWidth)
    shell.run(
      "load \(Self.samples)/ja/mofa-cyber.txt as akitsu",
      "load \(Self.samples)/en/arvenna-pm-cyber.txt as arvenna",
      "load \(Self.samples)/en/mofa-cyber-en.txt as akitsu-en")
    return shell
  }

  func json(_ shell: TestShell, _ line: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(shell.run(line).utf8)) as? [String: Any])
  }

  @Test func findFoldsWidthAndCaseAndReportsSentences() throws {
    let shell = shell()
    let object = try json(shell, "find ｋｘ－２２ --json")
    let matches = try #require(object["matches"] as? [[String: Any]])
    #expect(object["count"] as? Int == matches.count)
    #expect(
      Set(matches.compactMap { $0["statement"] as? String }) == ["akitsu", "arvenna", "akitsu-en"])
    for match in matches {
      #expect(match["match"] as? String == "KX-22")
      let text = try #require(match["text"] as? String)
      #expect(text.contains("KX-22"))
    }
    let akitsu = try #require(matches.first { $0["statement"] as? String == "akitsu" })
    #expect(akitsu["sentence"] as? Int == 2)
    #expect(akitsu["paragraph"] as? Int == 2)
    let text = shell.run("find KX-22 in akitsu")
    #expect(text.hasPrefix("akitsu S2: 2　我が国としても"))
    #expect(text.hasSuffix("1 match in 1 sentence of 1 statement\n"))
  }

  @Test func phrasesWholeWordsWildcardsAndJapaneseSubstrings() throws {
    let shell = shell()
    // A phrase; whole words only; the rest of a word with *.
    #expect(shell.run("find 'condemns in the strongest terms'").contains("arvenna S20:"))
    let whole = try json(shell, "find attack in arvenna --json")
    let wild = try json(shell, "find 'attack*' in arvenna --json")
    #expect(try #require(whole["count"] as? Int) < #require(wild["count"] as? Int))
    let words = try #require(wild["matches"] as? [[String: Any]]).compactMap {
      $0["match"] as? String
    }
    #expect(Set(words) == ["attack", "attacks"])
    // Any part of a Japanese text.
    let japanese = try json(shell, "find 懸念 in akitsu --json")
    #expect(japanese["count"] as? Int == 1)
    #expect(shell.run("find 意思疎通").contains("akitsu S7:"))
  }

  @Test func regexesAndTheirErrors() throws {
    let shell = shell()
    let object = try json(shell, "find '[0-9]+ (tactics|indicators)' --regex --json")
    let matches = try #require(object["matches"] as? [[String: Any]]).compactMap {
      $0["match"] as? String
    }
    #expect(matches == ["57 tactics", "312 indicators"])
    let bad = shell.run("find '(unclosed' --regex")
    #expect(bad.hasPrefix("error: bad regular expression '(unclosed'"))
    #expect(bad.split(separator: "\n").count == 1)
    #expect(shell.run("find 'no such thing here'") == "no matches for “no such thing here”\n")
    #expect(shell.run("find KX-22 in nobody").contains("no statement named 'nobody'"))
    #expect(shell.run("find two words").contains("quote a phrase"))
    #expect(TestShell().run("find x").contains("no statements loaded"))
  }

  @Test func kwicCentresTheTermByDisplayWidth() throws {
    let shell = shell()
    let text = shell.run("kwic 攻撃 --width 14")
    let lines = text.split(separator: "\n").dropLast()
    #expect(!lines.isEmpty)
    // Every line: label, a context of exactly 14 columns, the term in the same column.
    let columns = lines.map { line -> Int in
      let prefix = line[..<line.range(of: "攻撃")!.lowerBound]
      return DisplayWidth.of(prefix)
    }
    #expect(Set(columns).count == 1, "\(lines)")
    for line in lines {
      let right = line[line.range(of: "攻撃")!.upperBound...]
      #expect(DisplayWidth.of(right) <= 15)
      // Never half a character: every scalar is whole (the strings are valid and no
      // replacement character appears).
      #expect(!line.contains("\u{FFFD}"))
    }
    #expect(text.hasSuffix("occurrences\n"))
  }

  @Test func kwicSortsAndGivesJSON() throws {
    let shell = shell()
    let object = try json(shell, "kwic 'attack*' in arvenna akitsu-en --sort right --json")
    let lines = try #require(object["lines"] as? [[String: Any]])
    #expect(object["count"] as? Int == lines.count)
    for line in lines {
      for key in ["statement", "sentence", "start", "end", "left", "match", "right"] {
        #expect(line.keys.contains(key), "\(key)")
      }
    }
    let rights = lines.compactMap { ($0["right"] as? String)?.lowercased() }
    let firstWords = rights.map { String($0.drop { !$0.isLetter }.prefix { $0.isLetter }) }
    #expect(firstWords == firstWords.sorted(), "\(firstWords)")
    // By name (the default): statements in the order named, then by place.
    let byName = try #require(
      try json(shell, "kwic 'attack*' in arvenna akitsu-en --json")["lines"] as? [[String: Any]])
    let names = byName.compactMap { $0["statement"] as? String }
    #expect(names == names.sorted { $0 == "arvenna" && $1 != "arvenna" })
    #expect(shell.run("kwic x --width 2").contains("--width must be from 4 to 200"))
  }

  @Test func kwicFitsTheTerminal() {
    let shell = shell(terminalWidth: 80)
    let text = shell.run("kwic KX-22")
    let widths = text.split(separator: "\n").map {
      DisplayWidth.of(String($0.replacing(/\u{1B}\[[0-9;]*m/, with: "")))
    }
    #expect(widths.allSatisfy { $0 <= 80 }, "\(widths)")
  }
}
