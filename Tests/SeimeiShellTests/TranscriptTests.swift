import Foundation
import Testing

@testable import SeimeiShell

/// Transcripts: the format, the diff, replay under fixed conditions, `record --transcript`, and
/// stepping through a script.
@Suite struct TranscriptTests {
  // MARK: - Format

  static let sample = """
    A lesson. Free text before the first command is a header.

    seimei> echo one \\
      two
    one two

    seimei> show x S1
    \\seimei> is not a command here
    \\\\seimei> nor here
    seimei>
    seimei> bogus

    """

  @Test func parsingKeepsHeaderCommandsAndOutput() {
    let transcript = Transcript(parsing: Self.sample)
    #expect(
      transcript.header == ["A lesson. Free text before the first command is a header.", ""])
    #expect(transcript.entries.map(\.command) == ["echo one   two", "show x S1", "", "bogus"])
    #expect(transcript.entries.map(\.line) == [3, 7, 10, 11])
    #expect(transcript.entries[0].source == ["seimei> echo one \\", "  two"])
    #expect(transcript.entries[0].outputLine == 5)
    // Blank lines belong to the output, at the end of a block too.
    #expect(transcript.entries[0].output == ["one two", ""])
    #expect(
      transcript.entries[1].output == ["seimei> is not a command here", "\\seimei> nor here"])
    #expect(transcript.entries[2].output == [])
    #expect(transcript.entries[3].output == [])
  }

  @Test func formattingRoundTrips() {
    let transcript = Transcript(parsing: Self.sample)
    #expect(transcript.text == Self.sample)
    #expect(Transcript(parsing: transcript.text) == transcript)
    // CRLF, a byte-order mark and a missing final line end read the same, and write as LF.
    let crlf = "\u{FEFF}" + Self.sample.dropLast().replacingOccurrences(of: "\n", with: "\r\n")
    #expect(Transcript(parsing: crlf).text == Self.sample)
    // Output that would read as a command is escaped when written, and reads back.
    let tricky = Transcript(entries: [
      .init(command: "echo", output: ["seimei> x", "seimei>", "\\seimei> y", "\\z", ""])
    ])
    #expect(tricky.text == "seimei> echo\n\\seimei> x\n\\seimei>\n\\\\seimei> y\n\\z\n\n")
    #expect(Transcript(parsing: tricky.text).entries[0].output == tricky.entries[0].output)
  }

  @Test func aContinuationAtTheEndIsAProblem() {
    let transcript = Transcript(parsing: "seimei> echo a \\\n")
    #expect(transcript.entries.count == 1)
    #expect(transcript.entries[0].problem == "the last line ends with '\\' but nothing follows")
    #expect(Transcript(parsing: "seimei> echo a \\\\\n").entries[0].problem == nil)
  }

  @Test func printedTextAsLines() {
    #expect(Transcript.lines(of: "") == [])
    #expect(Transcript.lines(of: "a\n") == ["a"])
    #expect(Transcript.lines(of: "a") == ["a"])
    #expect(Transcript.lines(of: "a\n\n") == ["a", ""])
    #expect(Transcript.lines(of: "\n") == [""])
  }

  // MARK: - Diff

  @Test func unifiedDiffLikeDiffU() {
    let old = (1...12).map { "line \($0)" }
    var new = old
    new[1] = "line two"
    new.insert("inserted", at: 11)
    let hunks = UnifiedDiff.hunks(from: old, to: new, oldStart: 10, newStart: 10, section: "cmd")
    #expect(
      hunks == [
        "@@ -10,5 +10,5 @@ cmd", " line 1", "-line 2", "+line two", " line 3", " line 4",
        " line 5", "@@ -18,4 +18,5 @@ cmd", " line 9", " line 10", " line 11", "+inserted",
        " line 12",
      ])
    // Changes close together share a hunk; an empty side is "line before, 0".
    #expect(
      UnifiedDiff.hunks(from: [], to: ["a"], oldStart: 5, newStart: 5) == ["@@ -4,0 +5 @@", "+a"])
    #expect(
      UnifiedDiff.hunks(from: ["a", "b"], to: [], oldStart: 1) == ["@@ -1,2 +0,0 @@", "-a", "-b"])
    #expect(UnifiedDiff.hunks(from: ["a"], to: ["a"]) == [])
  }

  // MARK: - Replay

  @Test func replayRunsUnderFixedConditions() throws {
    let shell = TestShell(files: [
      "lessons/one.transcript": """
      seimei> load ../texts/a.txt
      seimei> info a
      seimei> set width
      seimei> bogus
      seimei> history 2
      seimei> quit
      seimei> echo never

      """,
      "texts/a.txt": "---\ntitle: \(String(repeating: "A long title. ", count: 8))\n---\n\n"
        + "The ministry condemns the attack.\n",
    ])
    let result = try TranscriptChecker.check(
      "lessons/one.transcript", currentDirectory: shell.directory)
    let outputs = result.replays.map(\.output)
    // Paths outside the transcript's folder are shown relative to it, never absolute.
    #expect(outputs[0].last?.hasSuffix("UTF-8     ../texts/a.txt") == true)
    #expect(outputs[1].contains("source      ../texts/a.txt"))
    #expect(outputs[1].contains("loaded      2026-01-01T00:00:00Z"))
    // Settings at their defaults; tables at 80 columns.
    #expect(
      outputs[2] == [
        "setting  value  accepts", "───────  ─────  ─────────────", "width    auto   auto, 20–1000",
      ])
    #expect(outputs[1][1].count == 80)
    #expect(outputs[1].contains { $0.hasPrefix("title ") && $0.hasSuffix("…") })
    // Errors as the interactive shell prints them; the commands go into the history.
    #expect(
      outputs[3] == ["error: unknown command 'bogus' (type 'help' for the list of commands)"])
    #expect(outputs[4] == ["#  command", "─  ─────────", "4  bogus", "5  history 2"])
    #expect(result.replays[6] == Transcript.Replay(output: [], notRunAfterQuitAt: 6))
    #expect(result.differing == [0, 1, 2, 3, 4])
  }

  @Test func theDiffNamesTheFileAndLine() throws {
    let shell = TestShell(files: [
      "t.transcript": """
      Header.
      seimei> echo a
      a
      seimei> echo b c d
      b
      c
      seimei> echo e
      e
      seimei> quit
      seimei> echo f
      f

      """
    ])
    let result = try TranscriptChecker.check("t.transcript", currentDirectory: shell.directory)
    #expect(
      result.diff == """
        --- expected t.transcript:4
        +++ actual t.transcript:4
        @@ -5,2 +5 @@ echo b c d
        -b
        -c
        +b c d
        --- expected t.transcript:10
        +++ actual t.transcript:10
        @@ -11 +10,0 @@ echo f
        -f
        \\ not run: 'quit' at line 9 ended the replay

        """)
    #expect(result.summary() == "t.transcript: 5 commands, 2 differ")
    #expect(result.summary(updated: true) == "t.transcript: 5 commands, 2 differ; updated")
    // Updated, it matches, and the header and the commands are kept.
    #expect(
      result.updated.text
        == "Header.\nseimei> echo a\na\nseimei> echo b c d\nb c d\nseimei> echo e\ne\n"
        + "seimei> quit\nseimei> echo f\n")
  }

  @Test func aMissingBlankLineAtTheEndIsExplained() throws {
    let shell = TestShell(files: ["t.transcript": "seimei> echo a\na\nseimei> echo\n"])
    let result = try TranscriptChecker.check("t.transcript", currentDirectory: shell.directory)
    #expect(
      result.diff == """
        --- expected t.transcript:3
        +++ actual t.transcript:3
        @@ -3,0 +4 @@ echo
        +
        \\ only blank lines at the end differ: expected 0 blank lines, printed 1 blank line

        """)
    #expect(result.summary() == "t.transcript: 2 commands, 1 differs")
  }

  @Test func runChecksEveryFileAndSetsTheStatus() {
    let shell = TestShell(files: [
      "good.transcript": "seimei> echo ok\nok\n",
      "bad.transcript": "seimei> echo ok\nnot ok\n",
      "empty.transcript": "no commands here\n",
    ])
    let output = BufferSink()
    let errors = BufferSink()
    func run(_ paths: [String], update: Bool = false) -> Int32 {
      output.clear()
      errors.clear()
      return TranscriptChecker.run(
        paths, update: update, currentDirectory: shell.directory, output: output, errors: errors)
    }
    #expect(run(["good.transcript"]) == 0)
    #expect(output.text == "good.transcript: 1 command, matches\n")
    #expect(run(["good.transcript", "bad.transcript"]) == 1)
    #expect(output.text.contains("-not ok\n+ok\n"))
    #expect(output.text.hasSuffix("bad.transcript: 1 command, differs\n"))
    #expect(run(["none.transcript", "empty.transcript", "good.transcript"]) == 2)
    #expect(
      errors.text == "seimei: error: none.transcript: no such file\n"
        + "seimei: error: empty.transcript: no commands (a transcript's commands start with "
        + "'seimei> ')\n")
    #expect(output.text == "good.transcript: 1 command, matches\n")
    #expect(run(["bad.transcript"], update: true) == 0)
    #expect(shell.read("bad.transcript") == "seimei> echo ok\nok\n")
    #expect(run(["bad.transcript"]) == 0)
  }

  // MARK: - Conditions

  @Test func displayPathsUnderTranscriptConditions() {
    #expect(Shell.relativePath("/a/b/c.txt", from: "/a/b") == "c.txt")
    #expect(Shell.relativePath("/a/x/c.txt", from: "/a/b/d") == "../../x/c.txt")
    #expect(Shell.relativePath("/a/b", from: "/a/b") == ".")
    #expect(Shell.relativePath("/z", from: "/") == "z")
    let shell = TestShell()
    let outside = (shell.directory as NSString).deletingLastPathComponent + "/elsewhere/a.txt"
    #expect(shell.shell.displayPath(outside) == outside)
    #expect(shell.shell.outputWidth == nil)
    let replaying = Shell(
      environment: .transcript(directory: shell.directory), output: BufferSink())
    #expect(replaying.displayPath(outside) == "../elsewhere/a.txt")
    #expect(replaying.displayPath(shell.directory + "/in/b.txt") == "in/b.txt")
    #expect(replaying.outputWidth == 80)
    #expect(replaying.clock() == Transcript.date)
    replaying.settings.width = .columns(100)
    #expect(replaying.outputWidth == 100)
  }

  // MARK: - Recording

  @Test func recordTranscriptWritesCommandsWithTheirOutput() throws {
    let shell = TestShell(files: [
      "texts/a.txt": "The ministry condemns the attack. It will respond.\n",
      "part.seimei": "echo from part\nlist\n",
      "work/.keep": "",
    ])
    shell.run("record work/t.transcript --transcript")
    shell.run(
      "load texts/a.txt", "info a", "bogus", "source part.seimei", "history", "# a comment", "",
      "echo \"unterminated", "record", "record stop", "echo after")
    let recorded = try #require(shell.read("work/t.transcript"))
    let transcript = Transcript(parsing: recorded)
    #expect(
      transcript.entries.map(\.command) == [
        "load texts/a.txt", "info a", "bogus", "source part.seimei", "echo \"unterminated",
      ])
    #expect(transcript.entries[1].output.contains("loaded      2026-01-01T00:00:00Z"))
    #expect(transcript.entries[1].output.contains("source      texts/a.txt"))
    #expect(
      transcript.entries[2].output == [
        "error: unknown command 'bogus' (type 'help' for the list of commands)"
      ])
    // A sourced script's commands are not recorded, but their output is, under 'source'.
    #expect(transcript.entries[3].output.first == "from part")
    #expect(transcript.entries[4].output.first?.hasPrefix("error: unterminated quote") == true)
    // The recording is in another folder, so the replay cannot find texts/a.txt from there:
    // a transcript lives where its session worked.
    let result = try TranscriptChecker.check(
      "work/t.transcript", currentDirectory: shell.directory)
    #expect(result.replays[0].output == ["error: texts/a.txt: no such file or folder"])
  }

  @Test func aRecordedTranscriptReplays() throws {
    let shell = TestShell(files: ["a.txt": "The ministry condemns the attack. It will respond.\n"])
    shell.run("set width 100", "record t.transcript --transcript")
    #expect(shell.output.text.contains("without this session's 'set width 100'"))
    shell.run(
      "set width auto", "load a.txt", "list", "info a", "show a", "claims a", "cite a S1",
      "cite a \"condemns an attack\"", "set", "record stop")
    let result = try TranscriptChecker.check("t.transcript", currentDirectory: shell.directory)
    #expect(result.transcript.entries.count == 9)
    #expect(result.differing == [])
    #expect(result.transcript.entries[7].output.contains { $0.contains("misquote") })
  }

  @Test func echoedCommandsAreNotOutput() {
    let shell = TestShell(files: [
      "s.seimei": "record t.transcript --transcript\necho hi\nsource part.seimei\nset color on\n"
        + "bogus\n",
      "part.seimei": "nosuch\n",
    ])
    shell.shell.echoCommands = true
    shell.shell.keepGoing = true
    #expect(!shell.shell.runScript(atPath: "s.seimei"))
    #expect(shell.output.text.contains("recording a transcript to t.transcript\nhi\n"))
    // The script's own errors carry its line on the screen, not in the transcript (a replay
    // has no script line); errors inside a sourced script keep theirs. With colour on, the
    // replay prints the escape codes too, so the transcript keeps them.
    #expect(shell.output.text.contains("s.seimei:5: \u{1B}[1;31merror:\u{1B}[0m unknown command"))
    #expect(
      shell.read("t.transcript")
        == "seimei> echo hi\nhi\nseimei> source part.seimei\n"
        + "part.seimei:1: error: unknown command 'nosuch' (type 'help' for the list of commands)\n"
        + "seimei> set color on\nseimei> bogus\n\u{1B}[1;31merror:\u{1B}[0m unknown command "
        + "'bogus' (type 'help' for the list of commands)\n")
  }

  @Test func recordHelpDocumentsTranscripts() {
    let shell = TestShell()
    let help = shell.run("help record")
    #expect(help.contains("--transcript"))
    #expect(help.contains("seimei --check"))
    #expect(shell.run("record --transcript").hasPrefix("error: --transcript needs the file"))
  }

  // MARK: - Stepping

  @Test func stepRunsSkipsAndQuits() {
    let shell = TestShell(files: [
      "lesson/step.seimei": """
      # narration
      echo "first, load"
      echo loaded > out.txt
      echo "now skip one"
      echo skipped > skipped.txt
      bogus
      echo "the end"
      echo not reached > reached.txt

      """
    ])
    let answers = ScriptedLines([.line(""), .line("what"), .line("s"), .line(""), .line("q")])
    var interactiveCalls = 0
    let ok = shell.shell.step(
      throughScript: "lesson/step.seimei", answers: answers, hint: false
    ) { _ in interactiveCalls += 1 }
    #expect(ok)
    #expect(interactiveCalls == 0)
    #expect(
      shell.output.text == """
        first, load
        seimei[0]> echo loaded > out.txt
        now skip one
        seimei[0]> echo skipped > skipped.txt
        answer with Enter to run the command, s to skip it, q to quit or i for the \
        interactive shell
        seimei[0]> bogus
        error: unknown command 'bogus' (type 'help' for the list of commands)
        the end
        seimei[0]> echo not reached > reached.txt

        """)
    // Paths are relative to the script's folder.
    #expect(shell.read("lesson/out.txt") == "loaded\n")
    #expect(shell.read("lesson/skipped.txt") == nil)
    #expect(shell.read("lesson/reached.txt") == nil)
  }

  @Test func stepGoesInteractiveAndComesBack() {
    let shell = TestShell(files: ["s.seimei": "echo one\nset width 90\nset width\n"])
    let answers = ScriptedLines([.line("i"), .line(""), .line("")])
    let ok = shell.shell.step(throughScript: "s.seimei", answers: answers, hint: true) { shell in
      // Relative paths resolve against the current folder here, as with -i.
      #expect(shell.baseDirectory == shell.environment.currentDirectory)
      shell.interact(with: ScriptedLines([.line("echo typed")]), prompting: false)
    }
    #expect(ok)
    let hint = Shell.stepHint
    #expect(
      shell.output.text
        == "one\nseimei[0]> set width 90\n\(hint)"
        + "the interactive shell; Ctrl-D goes back to s.seimei\ntyped\n"
        + "seimei[0]> set width 90\n\(hint)seimei[0]> set width\n\(hint)"
        + "setting  value  accepts\n───────  ─────  ─────────────\nwidth    90     auto, 20–1000\n")
  }

  @Test func quitInTheInteractiveShellEndsTheSteps() {
    let shell = TestShell(files: ["s.seimei": "echo a\necho b > b.txt\n"])
    let ok = shell.shell.step(
      throughScript: "s.seimei", answers: ScriptedLines([.line("i")]), hint: false
    ) { shell in
      shell.interact(with: ScriptedLines([.line("quit 4")]), prompting: false)
    }
    #expect(ok && shell.shell.exitStatus == 4)
    #expect(shell.read("b.txt") == nil)
    let missing = shell.shell.step(
      throughScript: "none.seimei", answers: ScriptedLines([]), hint: false, interactive: { _ in })
    #expect(!missing)
    #expect(shell.output.text.hasSuffix("error: none.seimei: no such file\n"))
  }
}
