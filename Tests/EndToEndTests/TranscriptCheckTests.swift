import Foundation
import Testing

/// The real `seimei` binary checking, updating and recording transcripts, and stepping through
/// a script with answers from a pipe.
@Suite struct TranscriptCheckTests {
  let folder = BatchFolder()

  static let statement = """
    ---
    title: Statement on the attack
    issuer: Ministry of Sample Affairs
    date: 2025-10-14
    url: https://example.org/mosa/attack
    ---

    The ministry condemns the attack in the strongest terms. It will respond appropriately.

    """

  @Test func checkReportsEachDifferenceAsAUnifiedDiff() throws {
    folder.write(
      "t.transcript",
      "A header.\n\nseimei> echo one\none\nseimei> echo two\nthree\nseimei> bogus\n"
        + "error: unknown command 'bogus' (type 'help' for the list of commands)\n")
    let failing = try folder.run(["--check", "t.transcript"])
    #expect(failing.status == 1)
    #expect(
      failing.output == """
        --- expected t.transcript:5
        +++ actual t.transcript:5
        @@ -6 +6 @@ echo two
        -three
        +two
        t.transcript: 3 commands, 1 differs

        """)
    #expect(failing.errors == "")
    folder.write("ok.transcript", "seimei> echo one\none\nseimei> echo\n\n")
    let passing = try folder.run(["--check", "ok.transcript"])
    #expect(passing.status == 0)
    #expect(passing.output == "ok.transcript: 2 commands, all match\n")
  }

  @Test func updateRewritesTheOutputAndKeepsTheRest() throws {
    let header = "# Lesson 0\nFree text, kept as it is.\n"
    folder.write(
      "lesson.transcript",
      header + "seimei> echo a \\\n   b\nstale\nseimei> set   width\nseimei> echo c\nc\n")
    let update = try folder.run(["--check", "--update", "lesson.transcript"])
    #expect(update.status == 0)
    #expect(update.output.hasSuffix("lesson.transcript: 3 commands, 2 differ; updated\n"))
    #expect(
      folder.read("lesson.transcript")
        == header + "seimei> echo a \\\n   b\na b\nseimei> set   width\n"
        + "setting  value  accepts\n───────  ─────  ─────────────\nwidth    auto   auto, 20–1000\n"
        + "seimei> echo c\nc\n")
    let check = try folder.run(["--check", "lesson.transcript"])
    #expect(check.status == 0)
    #expect(check.output == "lesson.transcript: 3 commands, all match\n")
  }

  @Test func troubleIsStatus2AndTheOtherFilesAreStillChecked() throws {
    folder.write("ok.transcript", "seimei> echo ok\nok\n")
    folder.write("script.seimei", "echo not a transcript\n")
    let run = try folder.run(["--check", "missing.transcript", "script.seimei", "ok.transcript"])
    #expect(run.status == 2)
    #expect(
      run.errors
        == "seimei: error: missing.transcript: no such file\n"
        + "seimei: error: script.seimei: no commands (a transcript's commands start with "
        + "'seimei> ')\n")
    #expect(run.output == "ok.transcript: 1 command, matches\n")
  }

  @Test func aRecordedTranscriptPassesTheCheck() throws {
    folder.write("texts/a.txt", Self.statement)
    let session = try folder.run(
      ["--no-init", "-i", "/dev/null"],
      input: "record session.transcript --transcript\nload texts/a.txt\ninfo a\nlist\n"
        + "claims a\ncite a \"condemns the attack in strong terms\"\ncite a S2 --style apa\n"
        + "record stop\necho not recorded\n")
    #expect(session.status == 0)
    #expect(session.output.contains("loaded      2026-01-01T00:00:00Z"))
    let recorded = try #require(folder.read("session.transcript"))
    #expect(recorded.hasPrefix("seimei> load texts/a.txt\n"))
    #expect(recorded.contains("error: misquote"))
    #expect(!recorded.contains("not recorded") && !recorded.contains(folder.path))
    let check = try folder.run(["--check", "session.transcript"])
    #expect(check.output == "session.transcript: 6 commands, all match\n")
    #expect(check.status == 0)
  }

  @Test func transcriptsHoldOnAnotherMachine() throws {
    let sample = try String(
      contentsOfFile: BatchFolder.repository + "/Scripts/samples/ja/mofa-cyber.txt", encoding: .utf8
    )
    folder.write("samples/ja.txt", sample)
    folder.write("samples/en.txt", Self.statement)
    folder.write(
      "lessons/one.transcript",
      "seimei> load ../samples/ja.txt as akitsu\nseimei> load ../samples/en.txt as en\n"
        + "seimei> info akitsu\nseimei> list\nseimei> show akitsu S1-S2\n"
        + "seimei> cite en S1 --style mla\nseimei> compare akitsu en --section lengths\n")
    let made = try folder.run(["--check", "--update", "lessons/one.transcript"])
    #expect(made.status == 0)
    let text = try #require(folder.read("lessons/one.transcript"))
    #expect(text.contains("source      ../samples/ja.txt"))
    #expect(text.contains("loaded      2026-01-01T00:00:00Z"))
    #expect(text.contains("Accessed 1 Jan. 2026"))
    #expect(!text.contains(folder.path))
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.hasPrefix("Ministry") })
    // The same files in another place, checked from yet another folder, with a wide terminal
    // and NO_COLOR in the environment: the same output.
    let elsewhere = BatchFolder()
    for name in ["samples/ja.txt", "samples/en.txt", "lessons/one.transcript"] {
      elsewhere.write(name, try #require(folder.read(name)))
    }
    let check = try elsewhere.run(
      ["--check", elsewhere.path + "/lessons/one.transcript"], in: "/",
      environment: ["COLUMNS": "200", "NO_COLOR": "1"])
    #expect(check.output == elsewhere.path + "/lessons/one.transcript: 7 commands, all match\n")
    #expect(check.status == 0)
    let fromLessons = try elsewhere.run(["--check", "one.transcript"], in: "lessons")
    #expect(fromLessons.status == 0)
  }

  @Test func stepRunsSkipsAndQuitsOnAnswersFromAPipe() throws {
    folder.write(
      "lesson/step.seimei",
      "# Narrated\necho \"Load a statement:\"\nload ../texts/a.txt as a\nlist\n"
        + "echo \"Skip this one:\"\ninfo a\nshow a\necho never\n")
    folder.write("texts/a.txt", Self.statement)
    let run = try folder.run(["--step", "lesson/step.seimei"], input: "\n\ns\nq\n")
    #expect(run.status == 0)
    #expect(
      run.output == """
        Load a statement:
        seimei[0]> load ../texts/a.txt as a
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ───────────
        a     en       87          2     13  UTF-8     texts/a.txt
        seimei[1]> list
        name  lang  issuer                      date        chars  sentences
        ────  ────  ──────────────────────────  ──────────  ─────  ─────────
        a     en    Ministry of Sample Affairs  2025-10-14     87          2
        Skip this one:
        seimei[1]> info a
        seimei[1]> show a

        """)
    #expect(run.errors == "")
  }

  @Test func stepDropsIntoTheInteractiveShellAndComesBack() throws {
    folder.write("s.seimei", "echo one\nset width 90\necho two\n")
    let run = try folder.run(
      ["--step", "s.seimei"], input: "i\necho typed\nset width 70\nbogus\n")
    #expect(
      run.output
        == "one\nseimei[0]> set width 90\ntyped\nseimei[0]> set width 90\n")
    #expect(run.errors == "error: unknown command 'bogus' (type 'help' for the list of commands)\n")
    #expect(run.status == 0)
    let quit = try folder.run(["--step", "s.seimei"], input: "i\nquit 5\n")
    #expect(quit.status == 5)
    let missing = try folder.run(["--step", "none.seimei"])
    #expect(missing.status == 3)
    #expect(missing.errors == "error: none.seimei: no such file\n")
  }

  @Test func usageErrorsAndHelp() throws {
    let cases: [([String], String)] = [
      (["--update", "a.transcript"], "--update goes with --check"),
      (["--check"], "--check needs one or more transcripts"),
      (["--check", "a", "-c", "echo"], "--check replays transcripts by themselves, without -c"),
      (["--step", "a.seimei", "b.seimei"], "--step runs one script by itself"),
      (["--step", "a.seimei", "--echo"], "without --echo"),
    ]
    for (arguments, message) in cases {
      let run = try folder.run(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.errors.hasPrefix("seimei: error: ") && run.errors.contains(message))
    }
    let help = try folder.run(["--help"])
    for flag in ["--check", "--update", "--step <script>"] {
      #expect(help.output.contains(flag), "\(flag)")
    }
  }
}
