import Foundation
import Testing

@testable import SeimeiShell

@Suite struct CommandTests {
  /// Every command's worked examples, as shown by `help COMMAND`, run and compared exactly.
  @Test(arguments: CommandRegistry.standardCommands.map { ExampleCase($0) })
  func examplesRunAsShown(_ command: ExampleCase) {
    for example in command.type.examples {
      let shell = TestShell(files: example.files)
      var output = ""
      for line in example.lines where shell.shell.exitStatus == nil { output += shell.run(line) }
      #expect(output == example.output, "\(command.type.name): \(example.title)")
    }
  }

  struct ExampleCase: CustomTestStringConvertible, Sendable {
    let name: String
    var type: any ShellCommand.Type { CommandRegistry().command(named: name)! }
    init(_ type: any ShellCommand.Type) { name = type.name }
    var testDescription: String { name }
  }

  /// Adding a command is one file in Commands/: every command type declared there is registered.
  @Test func everyCommandFileIsRegistered() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/SeimeiShell/Commands").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".swift") }
    #expect(!files.isEmpty)
    let registered = Set(CommandRegistry.standardCommands.map { String(describing: $0) })
    for file in files {
      let text = try String(
        contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
      let declared = text.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("struct "), line.contains(": ShellCommand") else { return nil }
        return String(line.dropFirst(7).prefix { $0 != ":" })
      }
      #expect(declared.count == 1, "\(file) declares one command")
      for name in declared { #expect(registered.contains(name), "\(name) is not registered") }
    }
  }

  @Test func everyCommandHasHelpAndExamples() {
    let shell = TestShell()
    for type in CommandRegistry.standardCommands {
      #expect(!type.summary.isEmpty)
      let help = shell.run("help \(type.name)")
      #expect(help.contains("USAGE: \(type.name)"), "\(type.name)")
      #expect(shell.run("\(type.name) --help") == help)
      for alias in type.aliases { #expect(shell.run("help \(alias)") == help) }
    }
  }

  @Test func helpListsCommandsByGroup() {
    let text = TestShell().run("help")
    let scripts = text.range(of: "Scripts and sessions")!
    let shellGroup = text.range(of: "\nShell\n")!
    #expect(scripts.lowerBound < shellGroup.lowerBound)
    #expect(text[scripts.upperBound..<shellGroup.lowerBound].contains("  source"))
    #expect(text[shellGroup.upperBound...].contains("  quit, exit"))
  }

  @Test func helpAsJSON() throws {
    let text = TestShell().run("help --json")
    let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let commands = decoded?["commands"] as? [[String: Any]]
    #expect(commands?.count == CommandRegistry.standardCommands.count)
    #expect(
      commands?.contains {
        $0["name"] as? String == "quit" && $0["aliases"] as? [String] == ["exit"]
      } == true)
  }

  @Test func unknownCommandsAndOptionsGetSuggestions() {
    let shell = TestShell()
    #expect(shell.run("sett") == "error: unknown command 'sett'; did you mean 'set'?\n")
    #expect(shell.run("zzzz").hasPrefix("error: unknown command 'zzzz' (type 'help'"))
    let option = shell.run("history --jsno")
    #expect(option.hasPrefix("error: unknown option '--jsno'; did you mean '--json'?\n"))
    #expect(option.contains("usage: history [<count>] [--json] [--format <format>]"))
  }

  @Test func parseErrorsPrintTheUsageAndTheShellGoesOn() {
    let shell = TestShell()
    let missing = shell.run("source")
    #expect(missing.hasPrefix("error: missing expected argument '<file>'"))
    #expect(missing.contains("usage: source <file>"))
    #expect(shell.run("history abc").contains("error: the value 'abc' is invalid for '<count>'"))
    #expect(shell.run("history 0").hasPrefix("error: the count must be a positive number"))
    #expect(shell.run("set format --json --format markdown").contains("contradict"))
    #expect(
      shell.run(#"echo "open"#) == "error: unterminated quote: \" is opened but never closed\n")
    #expect(shell.run("echo still here") == "still here\n")
    #expect(shell.shell.failureCount == 5)
  }

  @Test func settingsChangeOutput() {
    let shell = TestShell()
    #expect(
      shell.run("set format", "set width 50")
        == "setting  value  accepts\n───────  ─────  ─────────────────────\nformat   table  table, json, markdown\n"
    )
    #expect(shell.shell.settings.width == .columns(50))
    #expect(shell.run("set width 19").contains("'19' is not a valid value for width"))
    #expect(
      shell.run("set colour on").hasPrefix(
        "error: the value 'colour' is invalid for '<name>'; did you mean 'color'?\n"))
    #expect(
      shell.run("set zzz on").hasPrefix(
        "error: the value 'zzz' is invalid for '<name>'. Please provide one of 'format', 'color', 'width' or 'max-size'.\n"
      ))
    shell.run("set format json")
    #expect(shell.run("set color").contains(#""name" : "color""#))
    #expect(shell.run("set color --format table").hasPrefix("setting"))
  }

  @Test func quitStopsAndSetsTheStatus() {
    let shell = TestShell()
    shell.run("quit 4")
    #expect(shell.shell.exitStatus == 4)
    let other = TestShell()
    #expect(other.run("exit 300").contains("outside 0–255"))
    #expect(other.shell.exitStatus == nil)
  }

  @Test func historyListsTheNewestEntries() throws {
    let history = History()
    for number in 1...30 { history.add("echo \(number)") }
    let shell = TestShell(history: history)
    let text = shell.run("history 2")
    #expect(text == " #  command\n──  ───────\n29  echo 29\n30  echo 30\n")
    #expect(shell.run("history").split(separator: "\n").count == 22)
    let json = shell.run("history 1 --json")
    #expect(json.contains(#""command" : "echo 30""#) && json.contains(#""number" : 30"#))
  }

  @Test func redirectWritesTheOutputToAFile() {
    let shell = TestShell()
    #expect(shell.run("echo first > out.txt") == "")
    shell.run("echo second >> out.txt")
    #expect(shell.read("out.txt") == "first\nsecond\n")
    // A failing command leaves the file as it was.
    #expect(shell.run("set width 3 > out.txt").contains("error:"))
    #expect(shell.read("out.txt") == "first\nsecond\n")
    #expect(
      shell.run("echo x > missing/folder/out.txt").hasPrefix(
        "error: cannot write missing/folder/out.txt"))
  }

  @Test func recordWritesSuccessfulTopLevelCommands() {
    let shell = TestShell(files: ["inner.seimei": "echo inner\n"])
    shell.run(
      "record rec.seimei", "echo one", "bogus", "history", "source inner.seimei",
      "echo 日本語 > out.txt", "record", "record stop", "echo not recorded")
    #expect(shell.read("rec.seimei") == "echo one\nsource inner.seimei\necho 日本語 > out.txt\n")
    #expect(shell.run("record stop") == "error: not recording\n")
    #expect(shell.run("record .").contains("is a folder"))
    #expect(shell.run("record /nonexistent/dir/x.seimei").hasPrefix("error: cannot record to"))
  }
}
