import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

@Suite struct StatementCommandTests {
  let english = """
    ---
    title: Statement on Malicious Cyber Activity
    issuer: Office of the Prime Minister, Kingdom of Exempla
    date: 2025-03-04
    ---

    Today the Kingdom of Exempla, joined by its partners, exposes a campaign of malicious \
    cyber activity. The U.S. and Exempla condemn it in the strongest terms.

    We call on all states to act responsibly.

    """
  let japanese = "本日、エグゼンプラ王国政府は声明を発表した。我が国は強い懸念を表明する。\n\n引き続き関係国と緊密に連携していく。\n"

  func shell() -> TestShell {
    TestShell(files: ["wh.txt": english, "mofa.txt": japanese])
  }

  @Test func loadListInfo() throws {
    let shell = shell()
    shell.run("load wh.txt", "load mofa.txt as 外務省")
    #expect(shell.shell.prompt == "seimei[2]> ")
    let list = shell.run("list")
    #expect(
      list.contains("wh      en    Office of the Prime Minister, Kingdom of Exempla  2025-03-04"))
    #expect(list.contains("外務省  ja"))
    let json = try JSONSerialization.jsonObject(with: Data(shell.run("info 外務省 --json").utf8))
    let info = try #require(json as? [String: Any])
    for key in [
      "name", "language", "encoding", "characters", "sentences", "paragraphs", "sha256", "source",
    ] {
      #expect(info[key] != nil, "info --json has \(key)")
    }
    #expect(info["language"] as? String == "ja")
    #expect(info["sentences"] as? Int == 3)
    #expect(info["paragraphs"] as? Int == 2)
    #expect(info["source"] as? String == "mofa.txt")
    #expect((info["sha256"] as? String)?.count == 64)
    let table = shell.run("info wh")
    #expect(table.contains("issuer      Office of the Prime Minister, Kingdom of Exempla"))
    #expect(table.contains("words "))
    #expect(shell.run("info 外務省").contains("morphemes "))
  }

  @Test func badInputLeavesTheWorkspaceAlone() {
    let shell = shell()
    shell.run("load wh.txt")
    let before = shell.shell.workspace.names
    #expect(
      shell.run("load wh.txt")
        == "error: wh.txt: a statement named 'wh' is already loaded (use --replace or another name)\n"
    )
    #expect(shell.run("load nowhere") == "error: nowhere: no such file or folder\n")
    #expect(
      shell.run("load wh.txt --encoding klingon").hasPrefix("error: unknown encoding 'klingon'"))
    #expect(
      shell.run("load wh.txt --date 03/04/2025").hasPrefix(
        "error: --date '03/04/2025' is not YYYY-MM-DD"))
    #expect(
      shell.run("load wh.txt as").hasPrefix("error: expected PATH|DIR|URL [as NAME], got 2 words"))
    #expect(shell.run("load").hasPrefix("error: what to load is missing"))
    TestShell.write(String(repeating: "声明。", count: 400), to: shell.directory + "/big.txt")
    shell.run("set max-size 1.5KB")
    #expect(
      shell.run("load big.txt")
        == "error: big.txt: 3.6 KB is larger than the 1.5 KB limit (set max-size)\n")
    #expect(shell.shell.workspace.names == before)
    shell.run("set max-size 20MB")
    #expect(shell.run("load wh.txt --replace").contains("wh "))
    #expect(shell.shell.workspace.names == before)
  }

  @Test func showNumbersAndWraps() {
    let shell = shell()
    shell.run("load wh.txt", "load mofa.txt", "set width 40")
    let text = shell.run("show wh")
    for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
    #expect(text.hasPrefix("P1 S1  Today the Kingdom of Exempla,\n"))
    #expect(
      text.contains("\n   S2  The U.S. and Exempla condemn it\n       in the strongest terms.\n"))
    #expect(text.contains("\n\nP2 S3  We call on all states to act\n"))
    let japaneseText = shell.run("show mofa S1-S2")
    for line in japaneseText.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40) }
    // 33 columns for text: 16 wide characters fit; 。 is never carried to a line on its own.
    #expect(japaneseText.hasPrefix("P1 S1  本日、エグゼンプラ王国政府は声明\n       を発表した。\n"))
    #expect(shell.run("show mofa P2") == "P2 S3  引き続き関係国と緊密に連携してい\n       く。\n")
    #expect(shell.run("show mofa S4") == "error: S4: mofa has 3 sentences (S1–S3)\n")
    #expect(shell.run("show mofa X1").hasPrefix("error: 'X1' is not a part"))
    #expect(shell.run("show mofx") == "error: no statement named 'mofx'; did you mean 'mofa'?\n")
    let json = shell.run("show mofa S2 --json")
    #expect(json.contains(#""text" : "我が国は強い懸念を表明する。""#))
    #expect(json.contains(#""number" : 2"#))
  }

  @Test func renameNoteDrop() {
    let shell = shell()
    shell.run("load wh.txt", "note wh checked against the PDF", "rename wh valmar")
    #expect(shell.run("info valmar").contains("note 1      checked against the PDF"))
    #expect(shell.run("rename valmar two words").hasPrefix("error:"))
    #expect(shell.run("drop valmar nothere").hasPrefix("error: no statement named 'nothere'"))
    #expect(shell.shell.workspace.count == 1)
    #expect(shell.run("drop valmar") == "dropped valmar\n")
  }

  @Test func everyWorkspaceCommandAnswersInJSON() throws {
    let shell = shell()
    func json(_ line: String) throws -> [String: Any] {
      let text = shell.run(line)
      return try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
        "\(line): \(text)")
    }
    #expect(try json("load wh.txt --json")["loaded"] != nil)
    #expect(try json("list --json")["statements"] != nil)
    #expect(try json("show wh S1 --json")["sentences"] != nil)
    #expect(try json("info wh --json")["sha256"] != nil)
    #expect(try json("note --json wh checked")["detail"] as? String == "checked")
    #expect(try json("rename wh valmar --json")["statements"] as? [String] == ["wh", "valmar"])
    #expect(try json("save w.json --json")["file"] as? String == "w.json")
    #expect(try json("open w.json --json")["statements"] as? [String] == ["valmar"])
    #expect(try json("drop valmar --json")["statements"] as? [String] == ["valmar"])
    shell.run("set format json")
    #expect(try json("load mofa.txt")["loaded"] != nil)
  }

  @Test func saveAndOpenRoundTrip() throws {
    let shell = shell()
    shell.run(
      "load wh.txt", "load mofa.txt", "note mofa 外務省の談話", "set format markdown", "set width 60")
    #expect(shell.run("save work.json") == "saved 2 statements to work.json\n")
    let saved = try #require(shell.read("work.json"))
    #expect(saved.contains(#""format" : "seimei-workspace""#))
    #expect(
      !FileManager.default.fileExists(atPath: shell.directory + "/.work.json.tmp-\(getpid())"))
    let before = shell.shell.workspace.statements.map { ($0.name, $0.text, $0.segmentation) }

    let other = TestShell()
    TestShell.write(saved, to: other.directory + "/work.json")
    #expect(other.run("open work.json") == "opened 2 statements from work.json\n")
    let after = other.shell.workspace.statements.map { ($0.name, $0.text, $0.segmentation) }
    #expect(after.map(\.0) == before.map(\.0))
    #expect(after.map(\.1) == before.map(\.1))
    #expect(after.map(\.2) == before.map(\.2))
    #expect(other.shell.workspace.statement(named: "mofa")?.notes == ["外務省の談話"])
    #expect(other.shell.settings.format == .markdown)
    #expect(other.shell.settings.width == .columns(60))
  }

  @Test func openRefusesBadFilesAndKeepsTheWorkspace() {
    let shell = shell()
    shell.run("load wh.txt")
    TestShell.write("{not json", to: shell.directory + "/broken.json")
    TestShell.write(#"{"format": "other"}"#, to: shell.directory + "/other.json")
    TestShell.write(
      #"{"format": "seimei-workspace", "version": 99}"#, to: shell.directory + "/new.json")
    TestShell.write(
      #"{"format": "seimei-workspace", "version": 1, "settings": {}, "statements": [{"name": "x"}]}"#,
      to: shell.directory + "/partial.json")
    #expect(
      shell.run("open broken.json")
        == "error: broken.json: not a saved Seimei workspace (not JSON)\n")
    #expect(shell.run("open other.json").contains("not a saved Seimei workspace"))
    #expect(shell.run("open new.json").contains("saved by a newer Seimei"))
    #expect(
      shell.run("open partial.json").hasPrefix(
        "error: partial.json: damaged workspace file: missing"))
    #expect(shell.run("open none.json") == "error: none.json: no such file\n")
    #expect(shell.shell.workspace.names == ["wh"])
  }
}
