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
