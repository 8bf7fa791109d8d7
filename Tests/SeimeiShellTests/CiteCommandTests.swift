import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

/// `cite` and `verify` on the project's samples: each status in both languages, the styles,
/// several occurrences, JSON shapes, and a draft with good and bad quotations.
@Suite struct CiteCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func shell(files: [String: String] = [:]) -> TestShell {
    let shell = TestShell(files: files)
    shell.run(
      "load \(Self.samples)/ja/mofa-cyber.txt as akitsu",
      "load \(Self.samples)/en/arvenna-pm-cyber.txt as arvenna")
    return shell
  }

  /// The JSON a command prints (its error line, if it failed, left out).
  func json(_ shell: TestShell, _ line: String) throws -> [String: Any] {
    try #require(try parsed(shell, line) as? [String: Any])
  }

  func parsed(_ shell: TestShell, _ line: String) throws -> Any {
    let text = shell.run(line).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("error:") }.joined(separator: "\n")
    return try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  /// The first 12 hex digits of a sample file's SHA-256.
  func hash(_ path: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.samples + "/" + path))
    return String(SHA256.hex([UInt8](data)).prefix(12))
  }

  @Test func theFourStatusesInBothLanguages() throws {
    let shell = shell()
    let cases: [(String, String, String)] = [
      ("akitsu", "強い懸念を有している", "exact"),
      ("akitsu", "「ＫＸ－２２」と呼ばれる サイバー攻撃グループ", "normalized"),
      ("akitsu", "こうした活動に深い懸念を有している", "misquote"),
      ("akitsu", "外交関係を断絶する", "not-found"),
      ("arvenna", "KX-22 is still active", "exact"),
      ("arvenna", "kx-22 is  still\nactive", "normalized"),
      ("arvenna", "condemns in strong terms this reckless and cynical conduct", "misquote"),
      ("arvenna", "we will bomb their servers tomorrow", "not-found"),
    ]
    for (name, quote, expected) in cases {
      let object = try json(shell, "cite \(name) '\(quote)' --json")
      #expect(object["match"] as? String == expected, "\(quote)")
      for key in [
        "statement", "match", "start", "end", "sentence", "paragraph", "source_text", "quote",
        "differences", "occurrences", "citation",
      ] {
        #expect(object.keys.contains(key), "\(key) for \(quote)")
      }
      #expect(object["quote"] as? String == quote)
      if expected == "not-found" {
        #expect(object["source_text"] is NSNull)
        #expect(object["citation"] is NSNull)
      } else {
        // The source text is the statement's own, at the offsets given.
        let statement = try #require(shell.shell.workspace.statement(named: name))
        let start = try #require(object["start"] as? Int)
        let end = try #require(object["end"] as? Int)
        #expect(
          object["source_text"] as? String == String(statement.text(of: TextRange(start, end))))
      }
      if expected == "misquote" {
        #expect((object["differences"] as? [String])?.isEmpty == false)
      }
    }
    // The misquote's differences name the words changed.
    let misquote = try json(
      shell, "cite arvenna 'condemns in strong terms this reckless and cynical conduct' --json")
    #expect(misquote["differences"] as? [String] == ["-the strongest", "+strong"])
    #expect(misquote["sentence"] as? Int == 20)
    let japanese = try json(shell, "cite akitsu 'こうした活動に深い懸念を有している' --json")
    #expect(japanese["differences"] as? [String] == ["-強い", "+深い"])
  }

  @Test func misquotesAndMissingQuotationsFailTheCommand() {
    let shell = shell()
    #expect(shell.shell.execute("cite arvenna 'KX-22 is still active'"))
    let before = shell.shell.failureCount
    let text = shell.run(
      "cite arvenna 'condemns in strong terms this reckless and cynical conduct'")
    #expect(text.contains("misquote: the nearest passage is arvenna S20 (P7)"))
    #expect(text.contains("condemns in [-the strongest-]{+strong+} terms"))
    #expect(text.contains("error: misquote: the quotation differs from arvenna's text"))
    let missing = shell.run("cite arvenna 'we will bomb their servers tomorrow'")
    #expect(missing == "error: not found in arvenna: “we will bomb their servers tomorrow”\n")
    #expect(shell.shell.failureCount == before + 2)
  }

  @Test func partsAndQuotationsAcrossSentences() throws {
    let shell = shell()
    let part = try json(shell, "cite akitsu S7-S8 --json")
    #expect(part["match"] as? String == "exact")
    let source = try #require(part["source_text"] as? String)
    #expect(source.hasPrefix("5　我が国は") && source.hasSuffix("適切に対応していく。"))
    let paragraph = try json(shell, "cite arvenna P3 --json")
    #expect(paragraph["paragraph"] as? Int == 3)
    #expect((paragraph["source_text"] as? String)?.hasPrefix("KX-22 presents itself") == true)
    // A quotation that runs over a sentence boundary.
    let across = try json(
      shell, "cite arvenna 'It is not. Its operators work regular office hours' --json")
    #expect(across["match"] as? String == "exact")
    #expect(across["sentence"] as? Int == 8)
    #expect((across["sentences"] as? [Int])?.count == 2)
    #expect(shell.run("cite arvenna S99").contains("arvenna has 46 sentences"))
    #expect(shell.run("cite arvenna ' '").contains("not an empty one"))
  }

  @Test func severalOccurrencesAndSelectors() throws {
    let shell = shell()
    let first = try json(shell, "cite arvenna 'the group' --json")
    let occurrences = try #require(first["occurrences"] as? [[String: Any]])
    #expect(occurrences.count > 2)
    #expect(first["start"] as? Int == occurrences[0]["start"] as? Int)
    // The text right before the second occurrence picks it.
    let statement = try #require(shell.shell.workspace.statement(named: "arvenna"))
    let second = try #require(occurrences[1]["start"] as? Int)
    let before = String(statement.text(of: TextRange(second - 24, second)))
    let picked = try json(shell, "cite arvenna 'the group' --prefix '\(before)' --json")
    #expect(picked["start"] as? Int == second)
    let text = shell.run("cite arvenna 'the group'")
    #expect(text.contains("\(occurrences.count) occurrences") && text.contains("--prefix"))
  }

  @Test func everyStyleCarriesTheReferenceAndTheHash() throws {
    let shell = shell()
    let hashes = [
      "akitsu": try hash("ja/mofa-cyber.txt"), "arvenna": try hash("en/arvenna-pm-cyber.txt"),
    ]
    for style in CitationStyle.allCases {
      for (name, quote) in [("akitsu", "強い懸念"), ("arvenna", "KX-22 is still active")] {
        let text = shell.run("cite \(name) '\(quote)' --style \(style.rawValue)")
        let hash = try #require(hashes[name])
        #expect(text.contains(hash), "\(style) \(name)")
        #expect(text.contains(name == "akitsu" ? "S5" : "S36"), "\(style) \(name)")
      }
    }
    // The Japanese title stays in Japanese.
    #expect(shell.run("cite akitsu S5 --style apa").contains("「KX-22」と呼ばれるサイバー攻撃グループ"))
    #expect(shell.run("cite arvenna S36 --style bibtex").contains("author = {{Office of the Prime"))
    let fragment = shell.run("cite arvenna 'KX-22 is still active' --style fragment")
    #expect(fragment.contains("#:~:text=KX%2D22%20is%20still%20active"))
  }

  @Test func aFragmentNeedsAURL() {
    let shell = TestShell(files: ["plain.txt": "The ministry condemns the attack.\n"])
    shell.run("load plain.txt")
    let text = shell.run("cite plain S1 --style fragment")
    #expect(text.hasPrefix("error: plain:"))
    #expect(text.split(separator: "\n").count == 1)
  }

  @Test func verifyADraft() throws {
    let draft = """
      # Two governments, one campaign

      Akitsu said the group is "highly likely to be supported by a state body of the Sarkovan \
      Federation" and has 「強い懸念」 about it; in Japanese, 「サルコヴァ連邦の国家機関の支援を受けている\
      可能性が高い」.

      Arvenna "condemns in strong terms this reckless and cynical conduct" and says "KX-22 is \
      still active". It also claimed the group had "stolen nuclear secrets from three continents".
      """
    let shell = shell(files: ["draft.md": draft])
    shell.run("load \(Self.samples)/en/mofa-cyber-en.txt as akitsu-en")
    let text = shell.run("verify draft.md")
    #expect(text.contains("6 quotations in draft.md: 4 exact, 1 misquote, 1 not-found"))
    #expect(text.contains("error: draft.md: 2 of 6 quotations misquoted or not found"))
    #expect(text.contains("[-the strongest-] {+strong+}"))
    let list = try #require(try parsed(shell, "verify draft.md --json") as? [[String: Any]])
    #expect(
      list.map { $0["match"] as? String } == [
        "exact", "exact", "exact", "misquote", "exact", "not-found",
      ])
    #expect(
      list.map { $0["statement"] as? String } == [
        "akitsu-en", "akitsu", "akitsu", "arvenna", "arvenna", nil,
      ])
    #expect(list.map { $0["line"] as? Int } == [3, 3, 3, 5, 5, 5])
    // Only the statements named.
    let against = try #require(
      try parsed(shell, "verify draft.md against akitsu --json") as? [[String: Any]])
    #expect(against.filter { $0["match"] as? String == "exact" }.count == 2)
  }

  @Test func verifyMistakes() {
    let shell = shell(files: ["empty.md": "No quotations here.\n"])
    #expect(shell.run("verify missing.md").hasPrefix("error: missing.md: cannot read the file"))
    #expect(shell.run("verify empty.md") == "empty.md: no quotations found\n")
    #expect(shell.run("verify empty.md against").contains("usage: verify FILE [against NAME…]"))
    #expect(shell.run("verify empty.md against nobody").contains("no statement named 'nobody'"))
    let bare = TestShell(files: ["d.md": "\"two words\"\n"])
    #expect(bare.run("verify d.md").contains("no statements loaded"))
  }
}
