import ArgumentParser
import Foundation

struct LessonsCommand: ShellCommand {
  // The discussion lists the lessons found for this process, so that `help lessons` (which
  // must print exactly what `lessons --help` prints) lists them as `lessons` does. It is
  // worked out once, the first time the command's configuration is read: a few `stat` calls
  // and three small files.
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "List the lessons: narrated scripts that teach the analysis on the samples.",
    discussion: LessonCatalog.helpDiscussion())
  static let group = CommandGroup.scripts
  static let examples = [
    CommandExample(
      "List the lessons of the folder Scripts/lessons", lines: ["lessons"],
      output: """
        Lessons in Scripts/lessons:

         1  Loading
            Load two statements and list them.
            Scripts/lessons/01-loading.seimei

         2  Quoting
            Check the quotations of a draft.
            Scripts/lessons/02-quoting.seimei

        Run one with 'seimei --echo PATH' (all of it, as a session reads) or 'seimei --step PATH' \
        (Enter before each command).

        """,
      files: LessonsCommand.exampleLessons),
    CommandExample(
      "The same as JSON", lines: ["lessons --json"],
      output: """
        {
          "folder" : "Scripts/lessons",
          "lessons" : [
            {
              "echo" : "seimei --echo Scripts/lessons/01-loading.seimei",
              "number" : 1,
              "path" : "Scripts/lessons/01-loading.seimei",
              "step" : "seimei --step Scripts/lessons/01-loading.seimei",
              "summary" : "Load two statements and list them.",
              "title" : "Loading"
            },
            {
              "echo" : "seimei --echo Scripts/lessons/02-quoting.seimei",
              "number" : 2,
              "path" : "Scripts/lessons/02-quoting.seimei",
              "step" : "seimei --step Scripts/lessons/02-quoting.seimei",
              "summary" : "Check the quotations of a draft.",
              "title" : "Quoting"
            }
          ]
        }

        """,
      files: LessonsCommand.exampleLessons),
  ]

  /// Two lessons and a script they share, which has no lesson header and is not listed.
  static let exampleLessons = [
    "Scripts/lessons/02-quoting.seimei":
      "# Lesson 2: Quoting\n# summary: Check the quotations of a draft.\nsource setup.seimei\n",
    "Scripts/lessons/01-loading.seimei":
      "# Lesson 1: Loading\n# summary: Load two statements and list them.\nlist\n",
    "Scripts/lessons/setup.seimei": "# Loads the statements the lessons share.\nlist\n",
  ]

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    let environment = shell.environment
    let executable = LessonCatalog.executablePath(
      CommandLine.arguments.first ?? "", variables: environment.variables,
      currentDirectory: environment.currentDirectory)
    let folder = try LessonCatalog.locate(
      variables: environment.variables, currentDirectory: environment.currentDirectory,
      executable: executable, expandingTilde: environment.expandingTilde)
    let lessons = try LessonCatalog.lessons(in: folder)
    guard !lessons.isEmpty else {
      throw ShellError(
        "no lessons in \(shell.displayPath(folder)) (a lesson is a .seimei script that starts "
          + "with the comment '# Lesson N: Title')")
    }
    let format = output.requested ?? shell.settings.format
    shell.emit(
      LessonListing(
        folder: shell.displayPath(folder),
        lessons: lessons.map { LessonListing.Entry($0, path: shell.displayPath($0.path)) },
        width: shell.outputWidth, markdown: format == .markdown),
      format: output.requested)
  }
}

/// A lesson: a narrated script whose leading comments give its number, title and summary.
struct Lesson: Equatable, Sendable {
  var number: Int
  var title: String
  var summary: String
  /// The absolute path of the script.
  var path: String

  /// Reads the header from the comment lines a script starts with:
  /// `# Lesson N: Title` and `# summary: one line`. Nil when there is no `# Lesson` line:
  /// a script that lessons share (a set-up script) sits in the same folder without one.
  init?(script text: String, path: String) {
    var number: Int?
    var title = ""
    var summary = ""
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
      if line.hasSuffix("\r") { line.removeLast() }
      if line.isEmpty { continue }
      guard line.hasPrefix("#") else { break }
      let comment = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
      if number == nil, let header = Self.header(comment) {
        (number, title) = header
      } else if summary.isEmpty, comment.lowercased().hasPrefix("summary:") {
        summary = comment.dropFirst("summary:".count).trimmingCharacters(in: .whitespaces)
      }
    }
    guard let number else { return nil }
    self.number = number
    self.title = title
    self.summary = summary
    self.path = path
  }

  /// `Lesson 3: Quoting` as (3, "Quoting").
  private static func header(_ comment: String) -> (Int, String)? {
    let words = comment.split(separator: " ", maxSplits: 2)
    guard words.count == 3 || words.count == 2, words[0].lowercased() == "lesson",
      words[1].hasSuffix(":"), let number = Int(words[1].dropLast())
    else { return nil }
    return (number, words.count == 3 ? words[2].trimmingCharacters(in: .whitespaces) : "")
  }
}

/// Where the lessons are, and what they are.
enum LessonCatalog {
  /// The folder of lessons: `$SEIMEI_LESSONS` when set; else `Scripts/lessons` in the working
  /// folder or the nearest of its parents that has one, so any folder of a checkout finds the
  /// checkout's lessons; else `Scripts/lessons` beside the executable or in one of its parents
  /// (`.build/release/seimei` finds the lessons of the checkout it was built in).
  static func locate(
    variables: [String: String], currentDirectory: String, executable: String?,
    expandingTilde: (String) -> String = { $0 }
  ) throws -> String {
    if let configured = variables["SEIMEI_LESSONS"], !configured.isEmpty {
      let expanded = expandingTilde(configured)
      let path =
        expanded.hasPrefix("/")
        ? expanded : (currentDirectory as NSString).appendingPathComponent(expanded)
      let standardized = (path as NSString).standardizingPath
      guard isDirectory(standardized) else {
        throw ShellError("SEIMEI_LESSONS is set to \(configured), which is not a folder")
      }
      return standardized
    }
    var starts = [currentDirectory]
    if let executable { starts.append((executable as NSString).deletingLastPathComponent) }
    for start in starts {
      for folder in ancestors(of: start) {
        let candidate = (folder as NSString).appendingPathComponent("Scripts/lessons")
        if isDirectory(candidate) { return candidate }
      }
    }
    throw ShellError(
      "no lessons found: set SEIMEI_LESSONS to their folder, or run seimei in a copy of its "
        + "repository (they are in Scripts/lessons)")
  }

  /// The lessons in a folder, by number (then file name): every `.seimei` file in it with a
  /// `# Lesson N: Title` line. Unreadable files are left out, as any script without a header.
  static func lessons(in folder: String) throws -> [Lesson] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw ShellError("\(folder): cannot read the folder: \(Shell.describe(error))")
    }
    return names.filter { $0.hasSuffix(".seimei") }.sorted().compactMap { name -> Lesson? in
      let path = (folder as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8)
      else { return nil }
      return Lesson(script: text, path: path)
    }.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
  }

  /// The executable's real path from `argv[0]`: made absolute against the working folder
  /// when it names a path, looked up on `$PATH` when it is a bare name (as the shell that
  /// started it did), with symbolic links resolved, so a link to `.build/release/seimei` on
  /// the `PATH` leads back to the checkout.
  static func executablePath(
    _ argument: String, variables: [String: String], currentDirectory: String
  ) -> String? {
    guard !argument.isEmpty else { return nil }
    var path: String
    if argument.contains("/") {
      path =
        argument.hasPrefix("/")
        ? argument : (currentDirectory as NSString).appendingPathComponent(argument)
    } else {
      let folders = (variables["PATH"] ?? "").split(separator: ":").map(String.init)
      guard
        let found = folders.map({ ($0 as NSString).appendingPathComponent(argument) })
          .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
      else { return nil }
      path = found
    }
    return (path as NSString).resolvingSymlinksInPath
  }

  /// The folder and each of its parents, up to `/`.
  static func ancestors(of folder: String) -> [String] {
    var result: [String] = []
    var current = (folder as NSString).standardizingPath
    while true {
      result.append(current)
      let parent = (current as NSString).deletingLastPathComponent
      if parent == current || parent.isEmpty { break }
      current = parent
    }
    return result
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The help of `lessons`: what a lesson is, where they are looked for, and the lessons this
  /// process finds, so that `help lessons` lists them too.
  static func helpDiscussion() -> String {
    var text = """
      A lesson is a script narrated with 'echo' lines that teaches the analysis on the \
      project's sample statements; it starts with the comment lines '# Lesson N: Title' and \
      '# summary: one line'. 'lessons' lists them with number, title and summary. Run one with \
      'seimei --echo PATH' (all of it, printed as a session reads) or 'seimei --step PATH' \
      (Enter before each command). The folder is $SEIMEI_LESSONS when set, else \
      Scripts/lessons in the working folder or one of its parents, else Scripts/lessons beside \
      the seimei executable or in one of its parents.
      """
    let process = ProcessInfo.processInfo
    let directory = FileManager.default.currentDirectoryPath
    let executable = executablePath(
      CommandLine.arguments.first ?? "", variables: process.environment,
      currentDirectory: directory)
    let home = process.environment["HOME"] ?? ""
    guard
      let folder = try? locate(
        variables: process.environment, currentDirectory: directory, executable: executable,
        expandingTilde: { path in
          guard path == "~" || path.hasPrefix("~/"), !home.isEmpty else { return path }
          return home + path.dropFirst()
        }),
      let lessons = try? lessons(in: folder), !lessons.isEmpty
    else { return text + "\n\nNo lessons were found." }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    let shown = folder.hasPrefix(base) ? String(folder.dropFirst(base.count)) : folder
    // One paragraph each: the help is wrapped by swift-argument-parser, which does not keep
    // an indent on the lines it wraps.
    text += "\n\nThe lessons in \(shown):"
    for lesson in lessons {
      text += "\n\n\(lesson.number). \(lesson.title)"
      if !lesson.summary.isEmpty { text += ". \(lesson.summary)" }
    }
    return text
  }
}

/// The lessons as `lessons` lists them: number, title, summary, and how to run each.
struct LessonListing: Presentable {
  var folder: String
  var lessons: [Entry]
  /// Columns to wrap summaries to (nil: no limit); not part of the JSON.
  var width: Int?
  /// Markdown gets a table instead of the wrapped list; not part of the JSON.
  var markdown: Bool

  enum CodingKeys: String, CodingKey {
    case folder, lessons
  }

  struct Entry: Encodable {
    var number: Int
    var title: String
    var summary: String
    var path: String
    /// The command that replays the whole lesson.
    var echo: String
    /// The command that steps through it.
    var step: String

    init(_ lesson: Lesson, path: String) {
      number = lesson.number
      title = lesson.title
      summary = lesson.summary
      self.path = path
      echo = "seimei --echo " + Self.quoted(path)
      step = "seimei --step " + Self.quoted(path)
    }

    /// A path as a POSIX shell reads it: quoted when it has anything but plain characters.
    static func quoted(_ path: String) -> String {
      let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,:@%")
      if !path.isEmpty && path.allSatisfy(plain.contains) { return path }
      return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
  }

  static let howToRun =
    "Run one with 'seimei --echo PATH' (all of it, as a session reads) or "
    + "'seimei --step PATH' (Enter before each command)."

  var presentation: Presentation {
    if markdown {
      return .sequence([
        .heading("Lessons in \(folder)"),
        .table(
          Table(
            columns: [
              .init("lesson", alignment: .right), .init("title"), .init("summary"),
              .init("path"),
            ],
            rows: lessons.map { [String($0.number), $0.title, $0.summary, $0.path] })),
        .text(""), .text(Self.howToRun),
      ])
    }
    let numberWidth = lessons.map { String($0.number).count }.max() ?? 1
    let indent = String(repeating: " ", count: numberWidth + 3)
    var lines = ["Lessons in \(folder):"]
    for lesson in lessons {
      let number = String(lesson.number)
      lines.append("")
      lines.append(
        String(repeating: " ", count: numberWidth + 1 - number.count) + number + "  "
          + lesson.title)
      let summaryWidth = width.map { max(20, $0 - indent.count) }
      if !lesson.summary.isEmpty {
        lines += TextWrapper.wrap(lesson.summary, width: summaryWidth).map { indent + $0 }
      }
      lines.append(indent + lesson.path)
    }
    lines.append("")
    lines += TextWrapper.wrap(Self.howToRun, width: width)
    return .text(lines.joined(separator: "\n"))
  }
}
