import ArgumentParser
import Testing

@testable import SeimeiShell

@Suite struct CompletionTests {
  func complete(_ shell: TestShell, _ line: String) -> [String] {
    Completer(shell: shell.shell).complete(line: line, cursor: line.utf8.count).candidates.map(
      \.replacement)
  }

  @Test func commandNames() {
    let shell = TestShell()
    #expect(complete(shell, "rec") == ["record"])
    #expect(complete(shell, "re") == ["record", "rename"])
    #expect(complete(shell, "e") == ["echo", "exit"])
    #expect(complete(shell, "").count == CommandRegistry().allNames.count)
    #expect(complete(shell, "zz") == [])
  }

  @Test func optionsOfTheCommandBeingTyped() {
    let shell = TestShell()
    #expect(complete(shell, "history --") == ["--format", "--help", "--json"])
    #expect(complete(shell, "history --json --") == ["--format", "--help"])
    #expect(complete(shell, "history -h --") == ["--format", "--json"])
    #expect(complete(shell, "set --f") == ["--format"])
  }

  @Test func fixedValueSets() {
    let shell = TestShell()
    #expect(complete(shell, "history --format ") == ["json", "markdown", "table"])
    #expect(complete(shell, "history --format m") == ["markdown"])
    #expect(complete(shell, "set ") == ["color", "format", "max-size", "width"])
    #expect(complete(shell, "set fo") == ["format"])
    #expect(complete(shell, "set color ") == ["auto", "off", "on"])
    #expect(complete(shell, "set format j") == ["json"])
    #expect(complete(shell, "set format json ") == [])
    #expect(complete(shell, "help so") == ["source"])
  }

  /// A command declared in a test, as a later issue's command would be: its statement-name
  /// argument completes from the workspace with no completion code of its own.
  struct PeekCommand: ShellCommand {
    static let configuration = CommandConfiguration(
      commandName: "peek", abstract: "Peek at a statement.")
    static let group = CommandGroup.statements

    @Argument(completion: .statementName) var names: [String] = []
    @Option(completion: .statementName) var against: String?

    mutating func run(in shell: Shell) throws {
      for name in names { shell.print(shell.workspace.statement(named: name)?.text ?? "?") }
    }
  }

  @Test func statementNames() throws {
    let registry = CommandRegistry(commands: CommandRegistry.standardCommands + [PeekCommand.self])
    let output = BufferSink()
    let shell = Shell(registry: registry, output: output)
    try shell.workspace.add(.init(name: "外務省-2021", text: "声明"))
    try shell.workspace.add(.init(name: "whitehouse", text: "statement"))
    let completer = Completer(shell: shell)
    func complete(_ line: String) -> [String] {
      completer.complete(line: line, cursor: line.utf8.count).candidates.map(\.replacement)
    }
    #expect(complete("peek ") == ["whitehouse", "外務省-2021"])
    #expect(complete("peek 外") == ["外務省-2021"])
    #expect(complete("peek whitehouse 外") == ["外務省-2021"])
    #expect(complete("peek --against w") == ["whitehouse"])
    #expect(complete("pe") == ["peek"])
    shell.execute("peek 外務省-2021")
    #expect(output.text == "声明\n")
  }

  @Test func filePaths() {
    let shell = TestShell(files: [
      "lessons/one.seimei": "", "lessons/two.seimei": "", "my file.seimei": "", ".hidden": "",
      "声明/外務省.txt": "",
    ])
    #expect(complete(shell, "source ") == ["lessons/", "my\\ file.seimei", "声明/"])
    #expect(complete(shell, "source les") == ["lessons/"])
    #expect(complete(shell, "source lessons/t") == ["lessons/two.seimei"])
    #expect(complete(shell, "source my") == ["my\\ file.seimei"])
    #expect(complete(shell, "source \"my") == ["\"my file.seimei\""])
    #expect(complete(shell, "source 声明/") == ["声明/外務省.txt"])
    #expect(complete(shell, "source .h") == [".hidden"])
    #expect(complete(shell, "echo hi > le") == ["lessons/"])
    let result = Completer(shell: shell.shell).complete(line: "source lessons/", cursor: 15)
    #expect(result.commonPrefix == "lessons/")
    #expect(result.candidates.map(\.isComplete) == [true, true])
    #expect(result.wordStart == 7 && result.typed == "lessons/")
  }

  @Test func cursorInTheMiddleOfTheLine() {
    let shell = TestShell()
    let line = "sou lessons/x"
    let result = Completer(shell: shell.shell).complete(line: line, cursor: 3)
    #expect(result.candidates.map(\.replacement) == ["source"])
    #expect(result.wordStart == 0)
  }
}
