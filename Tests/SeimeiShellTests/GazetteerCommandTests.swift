import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

/// `gazetteer`: listing and looking up names, adding them for the session, loading a file of
/// them, their effect on claims, and saving them with the workspace. Zelma and Qarth are
/// fictional states made up for these tests.
@Suite struct GazetteerCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  let note = "一連のサイバー攻撃はゼルマによるものと評価している。\n"

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The attribution actors of a statement, from `claims NAME --json`.
  func attributionActors(_ shell: TestShell, _ name: String) throws -> [String] {
    let claims = try #require(
      try json(shell.run("claims \(name) --json"))["claims"] as? [[String: Any]])
    return claims.filter { $0["type"] as? String == "attribution" }
      .flatMap { $0["actors"] as? [String] ?? [] }
  }

  @Test func listsFiltersAndLooksUpInAnyScript() throws {
    let shell = TestShell()
    let all = shell.run("gazetteer")
    #expect(all.hasPrefix("canonical"))
    #expect(all.split(separator: "\n").count == Gazetteer.standard.entries.count + 2)
    let groups = shell.run("gazetteer --kind group")
    #expect(groups.contains("APT28") && !groups.contains("China"))
    for name in ["中華人民共和国", "PRC", "ｐｒｃ", "People's Republic of China"] {
      #expect(shell.run("gazetteer \"\(name)\"").contains("\nChina  "), "\(name)")
    }
    // Unquoted words are one name.
    #expect(shell.run("gazetteer Republic of Korea").contains("South Korea"))
    // No entry of that name: those with a name containing it.
    let korea = shell.run("gazetteer korea")
    #expect(korea.contains("North Korea") && korea.contains("South Korea"))
    #expect(shell.run("gazetteer Zelma") == "no entries match\n")
    #expect(shell.run("gazetteer --added") == "no entries match\n")
    let entries = try #require(
      try json(shell.run("gazetteer 中国 --json"))["entries"] as? [[String: Any]])
    #expect(entries.count == 1)
    #expect(entries[0]["canonical"] as? String == "China")
    #expect(entries[0]["kind"] as? String == "state")
    #expect((entries[0]["aliases"] as? [String])?.contains("中国") == true)
  }

  @Test func addingAStateGivesClaimsItsActor() throws {
    let shell = TestShell(files: ["note.txt": note])
    shell.run("load note.txt")
    #expect(try attributionActors(shell, "note") == [])
    #expect(
      shell.run("gazetteer add Zelma --kind state --alias ゼルマ --alias 'Republic of Zelma'")
        == "added state Zelma (aliases: ゼルマ | Republic of Zelma)\n")
    // At once: the cached claims are found again with the new name.
    #expect(try attributionActors(shell, "note") == ["ゼルマ"])
    #expect(shell.shell.claims.gazetteer.canonical("ゼルマ") == "Zelma")
    #expect(shell.run("gazetteer ゼルマ").contains("\nZelma      state  ゼルマ | Republic of Zelma"))
    #expect(shell.run("gazetteer --added --kind state").contains("Zelma"))
    #expect(shell.run("gazetteer --added --kind group") == "no entries match\n")
    #expect(!shell.run("gazetteer --added").contains("China"))
  }

  @Test func addingNamesToAnExistingEntry() {
    let shell = TestShell()
    #expect(shell.run("gazetteer add China --alias 中共") == "added 1 alias to state China: 中共\n")
    #expect(
      shell.run("gazetteer add china --kind state --alias 中共 --alias PRC")
        == "nothing added: state China has every name given\n")
    #expect(shell.shell.claims.gazetteer.canonical("中共") == "China")
    #expect(shell.shell.claims.gazetteerAdditions.entries.map(\.names) == [["China", "中共"]])
    #expect(shell.run("gazetteer --added").contains("China      state  中共"))
    let result = shell.run("gazetteer add China --alias Zhongguo --json")
    #expect(result.contains(#""action" : "gazetteer add""#))
  }

  @Test func refusedAdditionsSayWhyAndAddNothing() {
    let shell = TestShell()
    #expect(
      shell.run("gazetteer add Cathay --kind state --alias 中国")
        == "error: cannot add Cathay: \"中国\" already names China\n")
    #expect(
      shell.run("gazetteer add PRC --alias X")
        == "error: cannot add PRC: \"PRC\" already names China (to give it more names: "
        + "gazetteer add \"China\" --alias NAME)\n")
    #expect(
      shell.run("gazetteer add Zelma --alias ゼルマ")
        == "error: gazetteer add needs --kind for a new entry (state, territory, agency, office, "
        + "body, alliance, group)\n")
    #expect(
      shell.run("gazetteer add Zelma --kind planet").hasPrefix(
        "error: cannot add Zelma: unknown kind \"planet\""))
    #expect(
      shell.run("gazetteer add China --kind group --alias 中共")
        == "error: cannot add China: China is a state, not a group\n")
    #expect(shell.run("gazetteer add Zelma --kind state --alias 'a|b'").contains("'|' separates"))
    #expect(shell.run("gazetteer add Republic of Zelma --kind state").contains("usage:"))
    #expect(shell.run("gazetteer Zelma --alias ゼルマ").contains("--alias is for"))
    #expect(shell.run("gazetteer load a b").contains("usage: gazetteer load FILE"))
    #expect(shell.shell.claims.gazetteerAdditions.entries.isEmpty)
    #expect(shell.shell.claims.gazetteer.entries == Gazetteer.standard.entries)
  }

  @Test func loadAddsAFileOrNothingWithOneErrorLine() throws {
    let shell = TestShell()
    let header = "# names of a course\ncanonical\tkind\taliases\n"
    TestShell.write(
      header + "Zelma\tstate\tゼルマ\nQarth\tstate\tカース\nChina\tstate\t中共\n",
      to: shell.directory + "/names.tsv")
    #expect(
      shell.run("gazetteer load names.tsv")
        == "added 2 entries and names to 1 existing entry from names.tsv\n")
    #expect(
      shell.run("gazetteer load names.tsv")
        == "nothing added from names.tsv: every name in it is known already\n")
    #expect(shell.shell.claims.gazetteer.canonical("カース") == "Qarth")

    let fresh = TestShell()
    // Line 4 takes a name of China: the file is refused whole.
    TestShell.write(
      header + "Zelma\tstate\tゼルマ\nCathay\tstate\tPRC\n", to: fresh.directory + "/taken.tsv")
    #expect(
      fresh.run("gazetteer load taken.tsv")
        == "error: taken.tsv: line 4: \"PRC\" already names China\n")
    TestShell.write(header + "Zelma\tstate\tゼルマ\n\nQarth\n", to: fresh.directory + "/bad.tsv")
    #expect(
      fresh.run("gazetteer load bad.tsv")
        == "error: bad.tsv: line 5: 1 tab-separated fields; expected canonical, kind and aliases\n")
    TestShell.write("Zelma\tstate\n", to: fresh.directory + "/noheader.tsv")
    #expect(fresh.run("gazetteer load noheader.tsv").hasPrefix("error: noheader.tsv: line 1: "))
    TestShell.write(header, to: fresh.directory + "/empty.tsv")
    #expect(fresh.run("gazetteer load empty.tsv") == "error: empty.tsv: no entries in the file\n")
    TestShell.write(bytes: [0x82, 0xA0, 0xFF], to: fresh.directory + "/sjis.tsv")
    #expect(fresh.run("gazetteer load sjis.tsv") == "error: sjis.tsv: not valid UTF-8 text\n")
    #expect(
      fresh.run("gazetteer load none.tsv") == "error: none.tsv: no such file or cannot read it\n")
    #expect(fresh.shell.claims.gazetteerAdditions.entries.isEmpty)
  }

  @Test func addedNamesAreSavedAndOpenedWithTheWorkspace() throws {
    let shell = TestShell(files: ["note.txt": note])
    shell.run("load note.txt", "save plain.json")
    // No names added: the file has no "gazetteer" (as files saved before it existed).
    #expect(shell.read("plain.json")?.contains(#""gazetteer""#) == false)
    shell.run("gazetteer add Zelma --kind state --alias ゼルマ", "gazetteer add China --alias 中共")
    #expect(shell.run("save work.json") == "saved 1 statement to work.json\n")
    #expect(shell.read("work.json")?.contains(#""gazetteer""#) == true)

    let other = TestShell()
    TestShell.write(try #require(shell.read("work.json")), to: other.directory + "/work.json")
    #expect(other.run("open work.json") == "opened 1 statement from work.json\n")
    #expect(
      other.shell.claims.gazetteerAdditions.entries
        == shell.shell.claims.gazetteerAdditions.entries)
    #expect(other.shell.claims.gazetteer.canonical("中共") == "China")
    #expect(try attributionActors(other, "note") == ["ゼルマ"])
    // Opening a workspace without names drops the session's.
    TestShell.write(try #require(shell.read("plain.json")), to: other.directory + "/plain.json")
    other.run("open plain.json")
    #expect(other.shell.claims.gazetteerAdditions.entries.isEmpty)
    #expect(try attributionActors(other, "note") == [])
    // Damaged names: one error line, nothing changed.
    let damaged = try #require(shell.read("work.json")).replacingOccurrences(
      of: "canonical\\tkind\\taliases", with: "name\\tkind")
    TestShell.write(damaged, to: other.directory + "/damaged.json")
    #expect(
      other.run("open damaged.json").hasPrefix(
        "error: damaged.json: damaged workspace file: added names: gazetteer line 2: "))
    #expect(other.shell.claims.gazetteerAdditions.entries.isEmpty)
  }

  /// The samples' own gazetteer makes the Japanese statement and its English counterpart name
  /// the same actors.
  @Test func theSamplesGazetteerAlignsTheMotivatingPair() throws {
    let shell = Shell(
      environment: ShellEnvironment(currentDirectory: Self.samples), output: BufferSink(),
      errors: BufferSink())
    #expect(shell.execute("load ja/mofa-cyber.txt"))
    #expect(shell.execute("load en/arvenna-pm-cyber.txt"))
    func actors(_ name: String) throws -> Set<String> {
      let statement = try #require(shell.workspace.statement(named: name))
      let gazetteer = shell.claims.gazetteer
      var names = Set(
        shell.claims.claims(of: statement).filter { $0.type == .attribution }
          .flatMap(\.actors).map { gazetteer.canonical($0) ?? $0 })
      for sentence in statement.segmentation.sentences.indices {
        names.formUnion(
          ActorExtractor.actors(in: statement, sentence: sentence, gazetteer: gazetteer).map {
            $0.canonical ?? $0.name
          })
      }
      names.formUnion(
        ActorExtractor.actors(in: statement.metadata.issuer ?? "", gazetteer: gazetteer).map {
          $0.canonical ?? $0.name
        })
      return names
    }
    let before = try actors("mofa-cyber").intersection(try actors("arvenna-pm-cyber"))
    #expect(!before.contains("Sarkova") && !before.contains("Arvenna"))
    #expect(shell.execute("gazetteer load gazetteer.tsv"))
    let after = try actors("mofa-cyber").intersection(try actors("arvenna-pm-cyber"))
    #expect(after.isSuperset(of: ["Sarkova", "Arvenna", "KX-22"]))
  }

  @Test func kindsComplete() {
    let shell = TestShell()
    let candidates = Completer(shell: shell.shell).complete(
      line: "gazetteer add Zelma --kind ", cursor: 27
    ).candidates.map(\.replacement)
    #expect(candidates.sorted() == Gazetteer.kinds.sorted())
    let actions = Completer(shell: shell.shell).complete(line: "gazetteer lo", cursor: 12)
      .candidates.map(\.replacement)
    #expect(actions == ["load"])
  }
}
