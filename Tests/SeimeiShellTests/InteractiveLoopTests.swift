import Testing

@testable import SeimeiShell

@Suite struct InteractiveLoopTests {
  @Test func runsLinesReportsErrorsAndGoesOn() {
    let shell = TestShell()
    let lines = ScriptedLines([
      .line("echo 一"), .line("bogus"), .interrupted, .line("echo 二 \\"), .line("三"),
      .line("echo 二 三"), .line("  "), .line("quit"), .line("echo never"),
    ])
    shell.shell.interact(with: lines, prompting: true)
    #expect(shell.output.text.hasPrefix("一\nerror: unknown command 'bogus'"))
    #expect(shell.output.text.hasSuffix("二 三\n二 三\n"))
    #expect(
      lines.prompts == [
        "seimei[0]> ", "seimei[0]> ", "seimei[0]> ", "seimei[0]> ", "       ..> ", "seimei[0]> ",
        "seimei[0]> ", "seimei[0]> ",
      ])
    // Typed lines go into the history; a repeat of the previous entry does not.
    #expect(shell.shell.history.entries == ["echo 一", "bogus", "echo 二 三", "quit"])
    #expect(lines.remembered == shell.shell.history.entries)
    #expect(shell.shell.exitStatus == 0)
  }

  @Test func withoutPromptsWhenNotATerminal() {
    let shell = TestShell()
    let lines = ScriptedLines([.line("echo x")])
    shell.shell.interact(with: lines, prompting: false)
    #expect(lines.prompts == ["", ""])
  }

  @Test func promptCountsStatements() throws {
    let shell = TestShell()
    try shell.shell.workspace.add(.init(name: "mofa", text: "声明"))
    try shell.shell.workspace.add(.init(name: "wh", text: "Statement"))
    #expect(shell.shell.prompt == "seimei[2]> ")
  }

  @Test func initFileLocation() {
    #expect(
      Shell.initFilePath(environment: .init(variables: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]))
        == "/x/seimei/init.seimei")
    #expect(
      Shell.initFilePath(environment: .init(variables: ["HOME": "/h"]))
        == "/h/.config/seimei/init.seimei")
  }
}
