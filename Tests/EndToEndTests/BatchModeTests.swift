import Foundation
import Testing

/// The real `seimei` binary run without a terminal: scripts, `-c`, pipes, exit statuses.
@Suite struct BatchModeTests {
  let folder = BatchFolder()

  @Test func scriptsAndCommandsRunInOrder() throws {
    folder.write("a.seimei", "echo a\n")
    folder.write("sub/b.seimei", "source ../c.seimei\n")
    folder.write("c.seimei", "echo c\n")
    let run = try folder.run(["-c", "echo one", "a.seimei", "-c", "echo two", "sub/b.seimei"])
    #expect(run.status == 0)
    #expect(run.output == "one\na\ntwo\nc\n")
    #expect(run.errors == "")
  }

  @Test func theFirstFailureStopsWithFileLineAndStatus3() throws {
    folder.write("run.seimei", "echo before\n\nset width 5\necho after\n")
    let run = try folder.run(["run.seimei", "-c", "echo not reached"])
    #expect(run.status == 3)
    #expect(run.output == "before\n")
    #expect(
      run.errors
        == "run.seimei:3: error: '5' is not a valid value for width (expected auto, 20–1000)\n"
    )
  }

  @Test func keepGoingRunsEverythingAndStillFails() throws {
    folder.write("run.seimei", "bogus\necho after\n")
    let run = try folder.run(["--keep-going", "run.seimei", "-c", "echo last"])
    #expect(run.status == 3)
    #expect(run.output == "after\nlast\n")
    #expect(run.errors.hasPrefix("run.seimei:1: error: unknown command 'bogus'"))
  }

  @Test func verifyFailsTheRunWhenAQuotationIsWrong() throws {
    folder.write("s.txt", "The ministry condemns the attack. It will respond appropriately.\n")
    folder.write("good.md", "It said it \"will respond appropriately\".\n")
    folder.write("bad.md", "It said it \"will respond forcefully\".\n")
    let good = try folder.run(["-c", "load s.txt", "-c", "verify good.md"])
    #expect(good.status == 0)
    #expect(good.output.contains("1 quotation in good.md: 1 exact"))
    let bad = try folder.run(["-c", "load s.txt", "-c", "verify bad.md", "-c", "echo not reached"])
    #expect(bad.status == 3)
    #expect(bad.output.contains("misquote") && !bad.output.contains("not reached"))
    #expect(bad.errors == "-c:2: error: bad.md: 1 of 1 quotation misquoted or not found\n")
  }

  @Test func usageErrorsExit2() throws {
    let run = try folder.run(["--no-such-flag"])
    #expect(run.status == 2)
    #expect(run.errors.hasPrefix("seimei: error: unknown option '--no-such-flag'\n"))
    #expect(run.errors.contains("usage: seimei"))
    let help = try folder.run(["--help"])
    #expect(help.status == 0 && help.output.contains("USAGE: seimei"))
  }

  @Test func linesFromAPipe() throws {
    let run = try folder.run([], input: "echo 声明 \\\n  文\nset width 3\necho never\n")
    #expect(run.status == 3)
    #expect(run.output == "声明 文\n")
    #expect(run.errors.hasPrefix("<stdin>:3: error:"))
  }

  @Test func echoReadsLikeASession() throws {
    folder.write("lesson.seimei", "# narration\necho hello\nsource part.seimei\n")
    folder.write("part.seimei", "echo from part\n")
    let run = try folder.run(["--echo", "lesson.seimei"])
    // Narration (echo) shows once, without its command.
    #expect(run.output == "hello\nseimei[0]> source part.seimei\nfrom part\n")
  }

  @Test func quitSetsTheExitStatus() throws {
    let run = try folder.run(["-c", "echo a", "-c", "quit 7", "-c", "echo b"])
    #expect(run.status == 7)
    #expect(run.output == "a\n")
  }

  @Test func theInitFileRunsOnlyForInteractiveSessions() throws {
    folder.write("config/seimei/init.seimei", "echo init ran\n")
    let batch = try folder.run(["-c", "echo batch"])
    #expect(batch.output == "batch\n")
    // -i runs the init file, then the script, then reads commands (here from a pipe).
    folder.write("setup.seimei", "echo setup ran\n")
    let interactive = try folder.run(
      ["-i", "setup.seimei"], input: "echo typed\nbogus\necho still here\n")
    #expect(interactive.output == "init ran\nsetup ran\ntyped\nstill here\n")
    #expect(interactive.status == 0)
    #expect(interactive.errors.hasPrefix("error: unknown command 'bogus'"))
    let skipped = try folder.run(["--no-init", "-i", "setup.seimei"], input: "")
    #expect(skipped.output == "setup ran\n")
  }

  @Test func recordedSessionsReplay() throws {
    let run = try folder.run(
      ["-i", "/dev/null", "--no-init"],
      input: "record session.seimei\necho 一\nset format json\nhistory 1\nrecord stop\n")
    #expect(run.status == 0)
    #expect(folder.read("session.seimei") == "echo 一\nset format json\n")
    let replay = try folder.run(["session.seimei", "-c", "set format"])
    #expect(replay.output.hasPrefix("一\n{"))
    #expect(replay.output.contains(#""value" : "json""#))
  }
}
