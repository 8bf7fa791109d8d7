import Testing

@testable import SeimeiShell

@Suite struct ScriptRunnerTests {
  @Test func logicalLinesKeepTheirFirstLineNumber() {
    let lines = ScriptFile.split("# comment \\\necho a \\\n  b\n\necho c\\\\\necho d \\")
    #expect(lines.map(\.number) == [1, 2, 4, 5, 6])
    #expect(lines.map(\.text) == ["# comment \\", "echo a   b", "", "echo c\\\\", "echo d "])
    #expect(lines.last?.problem != nil)
  }

  @Test func stopsAtTheFirstFailureWithFileAndLine() {
    let shell = TestShell(files: [
      "run.seimei":
        "echo one\r\n\r\n# a comment\r\necho two \\\r\n  three\r\nsett x\r\necho never\r\n"
    ])
    let ok = shell.shell.runScript(atPath: "run.seimei")
    #expect(!ok)
    #expect(
      shell.output.text
        == "one\ntwo three\nrun.seimei:6: error: unknown command 'sett'; did you mean 'set'?\n")
  }

  @Test func keepGoingRunsOnAndCounts() {
    let shell = TestShell(files: ["run.seimei": "bogus\necho after\nset width 1\necho end\n"])
    shell.shell.keepGoing = true
    #expect(!shell.shell.runScript(atPath: "run.seimei"))
    #expect(shell.shell.failureCount == 2)
    #expect(shell.output.text.contains("after\n") && shell.output.text.hasSuffix("end\n"))
    #expect(shell.output.text.contains("run.seimei:3: error:"))
  }

  @Test func pathsResolveAgainstTheScriptFolderAndSourceNests() {
    let shell = TestShell(files: [
      "lessons/one.seimei": "source parts/two.seimei\necho back in one > out.txt\n",
      "lessons/parts/two.seimei": "echo in two\nsource ../three.seimei\n",
      "lessons/three.seimei": "echo in three\n",
    ])
    #expect(shell.shell.runScript(atPath: "lessons/one.seimei"))
    #expect(shell.output.text == "in two\nin three\n")
    #expect(shell.read("lessons/out.txt") == "back in one\n")
    #expect(shell.shell.baseDirectory == shell.directory)
  }

  @Test func errorsInNestedScriptsNameTheInnerFile() {
    let shell = TestShell(files: [
      "a.seimei": "echo a\nsource sub/b.seimei\necho not reached\n",
      "sub/b.seimei": "echo b\n\nhelp nosuch\n",
    ])
    #expect(!shell.shell.runScript(atPath: "a.seimei"))
    #expect(shell.output.text == "a\nb\nsub/b.seimei:3: error: unknown command 'nosuch'\n")
    #expect(shell.shell.failureCount == 1)
  }

  @Test func aScriptThatSourcesItselfIsAnError() {
    let shell = TestShell(files: [
      "self.seimei": "echo once\nsource self.seimei\n",
      "ping.seimei": "source pong.seimei\n",
      "pong.seimei": "source ping.seimei\n",
    ])
    #expect(!shell.shell.runScript(atPath: "self.seimei"))
    #expect(
      shell.output.text
        == "once\nself.seimei:2: error: self.seimei: a script cannot source itself (self.seimei → self.seimei)\n"
    )
    shell.output.clear()
    #expect(!shell.shell.runScript(atPath: "ping.seimei"))
    #expect(shell.output.text.contains("(ping.seimei → pong.seimei → ping.seimei)"))
    #expect(shell.run("echo the shell goes on") == "the shell goes on\n")
  }

  @Test func unreadableScripts() {
    let shell = TestShell(files: ["bad.seimei": "", "dir/x": ""])
    TestShell.write(bytes: [0x65, 0x63, 0xFF, 0x0A], to: shell.directory + "/bad.seimei")
    #expect(shell.run("source bad.seimei") == "error: bad.seimei: not valid UTF-8 text\n")
    #expect(shell.run("source none.seimei") == "error: none.seimei: no such file\n")
    #expect(shell.run("source dir") == "error: dir: is a folder, not a script\n")
  }

  @Test func echoPrintsCommandsAfterThePromptAndNarrationOnce() {
    let shell = TestShell(files: [
      "s.seimei": "# narration\necho hello\nset width 80\necho saved > out.txt\n"
    ])
    shell.shell.echoCommands = true
    shell.shell.runScript(atPath: "s.seimei")
    // An echo is narration: its text alone. Redirected, it is a command like any other.
    #expect(
      shell.output.text
        == "hello\nseimei[0]> set width 80\nseimei[0]> echo saved > out.txt\n")
  }

  @Test func quitInAScriptStopsEverything() {
    let shell = TestShell(files: [
      "outer.seimei": "source inner.seimei\necho not reached\n",
      "inner.seimei": "quit 5\necho not reached either\n",
    ])
    #expect(shell.shell.runScript(atPath: "outer.seimei"))
    #expect(shell.shell.exitStatus == 5)
    #expect(shell.output.text == "")
  }

  @Test func streamInputRunsLikeAScript() {
    let shell = TestShell()
    let lines = ScriptedLines([.line("echo a \\"), .line("b"), .line("bogus"), .line("echo c")])
    #expect(!shell.shell.runStream(lines, label: "<stdin>"))
    #expect(shell.output.text.hasPrefix("a b\n<stdin>:3: error: unknown command 'bogus'"))
    #expect(!shell.output.text.contains("\nc\n"))
  }
}
