import Foundation
import Testing

@testable import SeimeiShell

@Suite struct HistoryTests {
  let directory = TestShell.makeDirectory()

  @Test func escapingRoundTrips() {
    for entry in ["echo 😀 声明", "a\\nb", "line\nbreak\r\n", "\\", "trailing\\"] {
      let escaped = HistoryFile.escape(entry)
      #expect(!escaped.contains("\n"))
      #expect(HistoryFile.unescape(Substring(escaped)) == entry)
    }
  }

  @Test func persistsAcrossSessions() throws {
    let path = directory + "/state/seimei/history"
    let first = History(file: HistoryFile(path: path))
    #expect(first.add("echo 一"))
    #expect(!first.add("echo 一"))
    #expect(!first.add("   "))
    first.add("echo two\nlines 🎌")
    first.add("echo 一")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "echo 一\necho two\\nlines 🎌\necho 一\n")
    let second = History(file: HistoryFile(path: path))
    #expect(second.entries == ["echo 一", "echo two\nlines 🎌", "echo 一"])
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test func isBounded() throws {
    let path = directory + "/history"
    let history = History(file: HistoryFile(path: path), limit: 8)
    for number in 1...30 { history.add("echo \(number)") }
    #expect(history.entries == (23...30).map { "echo \($0)" })
    let onDisk = try HistoryFile(path: path).load()
    #expect(onDisk.count <= 10 && onDisk.suffix(8) == history.entries[...])
    #expect(History(file: HistoryFile(path: path), limit: 8).entries == history.entries)
  }

  @Test func concurrentWritersLoseNothing() throws {
    let path = directory + "/shared"
    DispatchQueue.concurrentPerform(iterations: 4) { writer in
      let file = HistoryFile(path: path)
      for number in 0..<50 { try? file.append("writer \(writer) line \(number) 声明", limit: 1000) }
    }
    let entries = try HistoryFile(path: path).load()
    #expect(entries.count == 200)
    #expect(Set(entries).count == 200)
    #expect(entries.allSatisfy { $0.hasPrefix("writer ") && $0.hasSuffix(" 声明") })
  }

  @Test func concurrentTrimmingKeepsTheFileWhole() throws {
    let path = directory + "/trimmed"
    DispatchQueue.concurrentPerform(iterations: 4) { writer in
      let file = HistoryFile(path: path)
      for number in 0..<100 { try? file.append("w\(writer) \(number)", limit: 40) }
    }
    let entries = try HistoryFile(path: path).load()
    #expect(entries.count >= 40 && entries.count <= 50)
    #expect(
      entries.allSatisfy { $0.range(of: #"^w[0-3] \d+$"#, options: .regularExpression) != nil })
  }

  @Test func defaultLocation() {
    #expect(
      HistoryFile.defaultPath(environment: ["SEIMEI_HISTORY": "/a/h", "HOME": "/h"]) == "/a/h")
    #expect(
      HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        == "/s/seimei/history")
    #expect(
      HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/seimei/history")
    #expect(HistoryFile.defaultPath(environment: [:]) == nil)
  }

  @Test func anUnwritableFileIsReportedOnce() {
    let history = History(file: HistoryFile(path: "/proc/version/history"))
    let shell = TestShell(history: history)
    shell.shell.interact(with: ScriptedLines([.line("echo a"), .line("echo b")]), prompting: false)
    let warnings = shell.output.text.components(separatedBy: "warning: history not saved").count - 1
    #expect(warnings == 2)
    #expect(shell.output.text.contains("a\n") && shell.output.text.contains("b\n"))
  }
}
