import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

/// The lessons in Scripts/lessons run to the end, start with the header `lessons` reads, say
/// what their output shows, and are listed by `lessons` and `help lessons`; the folder is
/// found from the environment, the working folder or the executable.
@Suite struct LessonsTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/lessons").standardized.path

  /// The lesson scripts, by file name.
  static let files: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".seimei") }.sorted()

  static func text(_ file: String) throws -> String {
    try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
  }

  /// The commands of a script, parsed as the shell parses them, with their line numbers.
  static func commands(_ file: String) throws -> [(line: Int, parsed: ParsedLine)] {
    try ScriptFile.split(text(file)).compactMap { line in
      guard let parsed = try ParsedLine.parse(line.text) else { return nil }
      return (line.number, parsed)
    }
  }

  /// What the `echo` lines of a script print, in order.
  static func narration(_ file: String) throws -> [String] {
    try commands(file).filter { $0.parsed.command == "echo" }.map {
      $0.parsed.arguments.joined(separator: " ")
    }
  }

  /// A shell that has run a lesson from a working folder of its own, with commands echoed.
  static func shellAfter(_ file: String) -> (TestShell, Bool) {
    let shell = TestShell()
    shell.shell.echoCommands = true
    let ok = shell.shell.runScript(atPath: folder + "/" + file)
    return (shell, ok)
  }

  @Test func thereAreAtLeastThreeLessonsNumberedInOrder() throws {
    #expect(Self.files.count >= 3)
    let lessons = try LessonCatalog.lessons(in: Self.folder)
    #expect(lessons.map(\.number) == Array(1...Self.files.count))
    #expect(lessons.map { ($0.path as NSString).lastPathComponent } == Self.files)
  }

  @Test(arguments: files) func startsWithItsHeader(_ file: String) throws {
    let lines = try Self.text(file).split(separator: "\n", omittingEmptySubsequences: false)
    let number = try #require(Int(file.prefix { $0.isNumber }))
    #expect(lines[0].hasPrefix("# Lesson \(number): "))
    #expect(lines[0].count > "# Lesson \(number): ".count + 3)
    #expect(lines[1].hasPrefix("# summary: "))
    #expect((30...200).contains(lines[1].count))
    // A paragraph for the teacher follows, still in comments.
    let teacher = lines.dropFirst(2).prefix { $0.hasPrefix("#") }
    #expect(teacher.filter { $0.count > 40 }.count >= 3, "\(file): a note for the teacher")
    let lesson = try #require(Lesson(script: try Self.text(file), path: file))
    #expect(lesson.number == number)
    #expect(!lesson.summary.isEmpty && !lesson.summary.hasPrefix("summary"))
  }

  @Test(arguments: files) func isNarratedAndModerate(_ file: String) throws {
    let commands = try Self.commands(file)
    let work = commands.filter { $0.parsed.command != "echo" }
    #expect((10...20).contains(work.count), "\(file): \(work.count) commands")
    // The width is fixed before anything prints, so the output is the same everywhere.
    #expect(work.first?.parsed.command == "set")
    #expect(work.first?.parsed.arguments == ["width", "80"])
    // Narration comes before every few commands: runs of commands with no 'echo' between
    // them are short, and the first is the width alone.
    var runs: [[String]] = [[]]
    for command in commands {
      if command.parsed.command == "echo" {
        if !(runs.last ?? []).isEmpty { runs.append([]) }
      } else {
        runs[runs.count - 1].append(command.parsed.command)
      }
    }
    #expect(runs.first == ["set"], "\(file): \(runs)")
    for run in runs.dropFirst() { #expect(run.count <= 3, "\(file): \(run)") }
    // Narration fits the 80 columns the lesson sets.
    for line in try Self.narration(file) {
      #expect(DisplayWidth.of(line) <= 80, "\(file): \(line)")
    }
  }

  /// Each lesson's transcript replays as recorded (CI's check that the lessons still teach
  /// what they say), and holds exactly the lesson's commands, so the two cannot drift apart.
  @Test(arguments: files) func theTranscriptMatchesTheLesson(_ file: String) throws {
    let transcript = file.replacingOccurrences(of: ".seimei", with: ".transcript")
    let result = try TranscriptChecker.check(transcript, currentDirectory: Self.folder)
    #expect(result.differing.isEmpty, "\(result.diff)")
    let lesson = try Self.commands(file).map(\.parsed)
    let recorded = try result.transcript.entries.compactMap { try ParsedLine.parse($0.command) }
    #expect(recorded == lesson)
  }

  @Test(arguments: files) func runsToTheEndFromAnyFolder(_ file: String) throws {
    let (shell, ok) = Self.shellAfter(file)
    #expect(ok, "\(file): \(shell.output.text.suffix(400))")
    #expect(shell.shell.failureCount == 0)
    #expect(!shell.output.text.contains("error:"))
    #expect(!shell.output.text.contains("warning:"))
    // Every command but the narration (echo, shown once as text) was echoed after the prompt.
    let echoed = shell.output.text.split(separator: "\n").filter { $0.hasPrefix("seimei[") }
    let commands = try Self.commands(file).filter {
      $0.parsed.command != "echo" || $0.parsed.redirect != nil
    }
    #expect(echoed.count == commands.count)
  }

  /// Lesson 3 narrates the misquote that would stop it; what it says must be what `cite` does.
  @Test func theNarratedMisquoteIsWhatCiteReports() throws {
    let file = try #require(Self.files.first { $0.hasPrefix("03") })
    let indented = try Self.narration(file).filter { $0.hasPrefix("  ") }
    let command = try #require(indented.first { $0.hasPrefix("  cite ") })
    let differences = indented.filter { $0.contains("[-") && $0.contains("{+") }
    #expect(!differences.isEmpty)
    let (shell, ok) = Self.shellAfter(file)
    #expect(ok)
    shell.shell.echoCommands = false
    let output = shell.run(String(command.dropFirst(2)))
    #expect(output.hasPrefix("misquote: the nearest passage is arvenna S20"))
    for line in differences { #expect(output.contains(line + "\n"), "\(line)") }
    #expect(output.contains("error: misquote"))
  }

  /// Lesson 3's draft checks out as narrated, and the exercise has the two wrong quotations
  /// its title promises.
  @Test func theDraftPassesAndTheExerciseDoesNot() throws {
    let file = try #require(Self.files.first { $0.hasPrefix("03") })
    let (shell, _) = Self.shellAfter(file)
    #expect(shell.output.text.contains("6 quotations in draft.md: 5 exact, 1 normalized\n"))
    #expect(try Self.narration(file).contains { $0.contains("The one on line 7 is normalized") })
    let row = shell.output.text.split(separator: "\n").first { $0.hasPrefix("   7  ") }
    #expect(row?.contains("normalized  arvenna S25") == true)
    let exercise = try String(contentsOfFile: Self.folder + "/exercise.md", encoding: .utf8)
    #expect(exercise.contains("three quotations, and two of them are wrong"))
    shell.shell.echoCommands = false
    let output = shell.run("verify \(Self.folder)/exercise.md")
    #expect(output.contains(": 1 exact, 2 misquote\n"))
    #expect(output.contains("2 of 3 quotations misquoted or not found"))
  }

  /// Lesson 2 says the translation scores like the original: the claim counts agree.
  @Test func theTranslationHasTheOriginalsClaims() throws {
    let file = try #require(Self.files.first { $0.hasPrefix("02") })
    let (shell, ok) = Self.shellAfter(file)
    #expect(ok)
    shell.shell.echoCommands = false
    let text = shell.run("claims --json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let rows = try #require(object["statements"] as? [[String: Any]])
    func counts(_ name: String) -> [String: Int]? {
      rows.first { $0["name"] as? String == name }?["claims"] as? [String: Int]
    }
    #expect(counts("akitsu") != nil)
    #expect(counts("akitsu") == counts("akitsu-en"))
    #expect(counts("akitsu") != counts("arvenna"))
  }

  @Test func lessonsListsThemWithHowToRunThem() throws {
    let shell = TestShell(variables: ["SEIMEI_LESSONS": Self.folder])
    let text = shell.run("lessons")
    #expect(text.hasPrefix("Lessons in \(Self.folder):\n"))
    for file in Self.files {
      let lesson = try #require(Lesson(script: try Self.text(file), path: file))
      #expect(text.contains("\n \(lesson.number)  \(lesson.title)\n"))
      #expect(text.contains("    \(lesson.summary)\n"))
      #expect(text.contains("    \(Self.folder)/\(file)\n"))
    }
    #expect(text.contains("'seimei --echo PATH'") && text.contains("'seimei --step PATH'"))
    // Wrapped to the width, summaries and all.
    shell.run("set width 60")
    for line in shell.run("lessons").split(separator: "\n") where !line.contains("/") {
      #expect(DisplayWidth.of(String(line)) <= 60, "\(line)")
    }
  }

  @Test func lessonsAsJSON() throws {
    let shell = TestShell(variables: ["SEIMEI_LESSONS": Self.folder])
    let text = shell.run("lessons --json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["folder"] as? String == Self.folder)
    let lessons = try #require(object["lessons"] as? [[String: Any]])
    #expect(lessons.map { $0["number"] as? Int } == Array(1...Self.files.count))
    let first = try #require(lessons.first)
    let path = Self.folder + "/" + Self.files[0]
    #expect(first["path"] as? String == path)
    #expect(first["echo"] as? String == "seimei --echo \(path)")
    #expect(first["step"] as? String == "seimei --step \(path)")
    #expect(Set(first.keys) == ["number", "title", "summary", "path", "echo", "step"])
  }

  @Test func lessonsAsMarkdown() {
    let shell = TestShell(variables: ["SEIMEI_LESSONS": Self.folder])
    let text = shell.run("lessons --format markdown")
    #expect(text.hasPrefix("## Lessons in \(Self.folder)\n| lesson | title | summary | path |\n"))
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == Self.files.count + 2)
  }

  /// `help lessons` is the command's help, which lists the lessons this process finds: the
  /// tests run inside the checkout, whose Scripts/lessons is found from the working folder or
  /// the test binary.
  @Test func helpLessonsListsThem() throws {
    let shell = TestShell()
    let help = shell.run("help lessons")
    #expect(help.contains("USAGE: lessons"))
    #expect(help.contains("The lessons in "))
    for file in Self.files {
      let lesson = try #require(Lesson(script: try Self.text(file), path: file))
      #expect(help.contains("\(lesson.number). \(lesson.title)"), "\(lesson.title)")
    }
    #expect(shell.run("lessons --help") == help)
  }

  @Test func aClearMessageWhenThereAreNone() throws {
    #expect(
      TestShell(variables: ["SEIMEI_LESSONS": "missing"]).run("lessons")
        == "error: SEIMEI_LESSONS is set to missing, which is not a folder\n")
    let empty = TestShell(
      files: ["empty/notes.txt": "not a lesson\n", "empty/setup.seimei": "# set-up\nlist\n"],
      variables: ["SEIMEI_LESSONS": "empty"])
    #expect(
      empty.run("lessons")
        == "error: no lessons in empty (a lesson is a .seimei script that starts with the "
        + "comment '# Lesson N: Title')\n")
    // Nowhere to look: no variable, and neither the working folder nor the executable's has
    // Scripts/lessons above it.
    let nowhere = TestShell(files: ["bin/seimei": "", "work/a/b/x.txt": ""])
    #expect(throws: ShellError.self) {
      try LessonCatalog.locate(
        variables: [:], currentDirectory: nowhere.directory + "/work/a/b",
        executable: nowhere.directory + "/bin/seimei")
    }
    do {
      _ = try LessonCatalog.locate(
        variables: [:], currentDirectory: nowhere.directory + "/work", executable: nil)
      Issue.record("found lessons where there are none")
    } catch let error as ShellError {
      #expect(error.message.hasPrefix("no lessons found: set SEIMEI_LESSONS to their folder"))
    }
  }

  @Test func foundFromTheVariableTheWorkingFolderOrTheExecutable() throws {
    let tree = TestShell(files: [
      "checkout/Scripts/lessons/01-a.seimei": "# Lesson 1: A\n# summary: First.\necho a\n",
      "checkout/.build/x86_64/release/seimei": "",
      "checkout/Sources/deep/file.txt": "",
      "other/Scripts/lessons/01-b.seimei": "# Lesson 1: B\n# summary: Other.\necho b\n",
      "elsewhere/file.txt": "",
    ])
    let root = tree.directory
    let lessons = root + "/checkout/Scripts/lessons"
    // The working folder or any of its parents.
    #expect(
      try LessonCatalog.locate(
        variables: [:], currentDirectory: root + "/checkout/Sources/deep", executable: nil)
        == lessons)
    // The executable's folder or any of its parents, when the working folder has none.
    #expect(
      try LessonCatalog.locate(
        variables: [:], currentDirectory: root + "/elsewhere",
        executable: root + "/checkout/.build/x86_64/release/seimei") == lessons)
    // The variable first, relative to the working folder.
    #expect(
      try LessonCatalog.locate(
        variables: ["SEIMEI_LESSONS": "../other/Scripts/lessons"],
        currentDirectory: root + "/checkout", executable: nil)
        == root + "/other/Scripts/lessons")
    // A bare name is looked up on PATH, through a symbolic link to the build.
    try FileManager.default.createDirectory(
      atPath: root + "/bin", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: root + "/bin/seimei",
      withDestinationPath: root + "/checkout/.build/x86_64/release/seimei")
    chmod(root + "/checkout/.build/x86_64/release/seimei", 0o755)
    #expect(
      LessonCatalog.executablePath(
        "seimei", variables: ["PATH": "/nonexistent:" + root + "/bin"],
        currentDirectory: root + "/elsewhere")
        == root + "/checkout/.build/x86_64/release/seimei")
    #expect(
      LessonCatalog.executablePath(
        "../bin/seimei", variables: [:], currentDirectory: root + "/elsewhere")
        == root + "/checkout/.build/x86_64/release/seimei")
    #expect(
      LessonCatalog.executablePath(
        "seimei", variables: ["PATH": "/nonexistent"],
        currentDirectory: root) == nil)
    // Through the shell: the working folder's lessons.
    let shell = TestShell(files: [
      "Scripts/lessons/02-b.seimei": "# Lesson 2: Second\n# summary: Two.\necho b\n",
      "Scripts/lessons/01-a.seimei": "#Lesson 1:  First \n#  Summary: One. \necho a\n",
      "Scripts/lessons/shared.seimei": "echo no header\n",
      "Scripts/lessons/late.seimei": "echo a\n# Lesson 9: Too late\n",
    ])
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(shell.run("lessons --json").utf8))
        as? [String: Any])
    let entries = try #require(listed["lessons"] as? [[String: Any]])
    #expect(entries.map { $0["title"] as? String } == ["First", "Second"])
    #expect(entries.map { $0["summary"] as? String } == ["One.", "Two."])
    #expect(listed["folder"] as? String == "Scripts/lessons")
  }

  @Test func pathsThatNeedQuotingAreQuoted() {
    #expect(
      LessonListing.Entry.quoted("Scripts/lessons/01-a.seimei") == "Scripts/lessons/01-a.seimei")
    #expect(LessonListing.Entry.quoted("My Lessons/01.seimei") == "'My Lessons/01.seimei'")
    #expect(LessonListing.Entry.quoted("it's/01.seimei") == "'it'\\''s/01.seimei'")
  }
}
