import ArgumentParser
import Foundation
import SeimeiKit

struct LoadCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Load statements from a file, a folder or a URL.",
    discussion: """
      Formats, by file extension: plain text (.txt) and Markdown (.md), each with an optional \
      front-matter block between '---' lines (title, issuer, date, language, url, \
      translation_of; other keys are kept as metadata); HTML (.html, .htm), whose <main> or \
      <article> text is taken without navigation, scripts, headers and footers, and whose \
      <title> and meta date, author and description become metadata; and JSON (.json), one \
      statement object or an array of them:
        \(StatementDocument.schemaDescription)

      A folder loads every such file in it (not in subfolders), reporting each file that fails \
      without stopping the rest. A URL (http or https) is fetched with a 20-second timeout.

      Encodings are detected: UTF-8 (with or without BOM), UTF-16 with BOM, Shift_JIS (CP932), \
      EUC-JP and ISO-2022-JP, from the BOM, an HTML meta charset, or by trying each; \
      --encoding overrides. The language (ja, en, zh, other) is detected from the script used \
      unless --lang or the front matter says. A statement is named after its file unless \
      'as NAME' is given. Sources larger than the max-size setting (20MB) are refused.
      """)
  static let group = CommandGroup.statements
  static let examples = [
    CommandExample(
      "Load a statement with front matter, under a name of your choice",
      lines: ["load statement.txt as mofa", "list"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ─────────────
        mofa  en       93          2     15  UTF-8     statement.txt
        name  lang  issuer                                           date        chars  sentences
        ────  ────  ───────────────────────────────────────────────  ──────────  ─────  ─────────
        mofa  en    Ministry of Sample Affairs, Republic of Exempla  2025-01-15     93          2

        """,
      files: [
        "statement.txt": """
        ---
        title: Sample statement
        issuer: Ministry of Sample Affairs, Republic of Exempla
        date: 2025-01-15
        ---

        The Government of Exempla condemns the attack. It calls on all parties to exercise restraint.

        """
      ]),
    CommandExample(
      "A file that is not there", lines: ["load missing.txt"],
      output: "error: missing.txt: no such file or folder\n"),
  ]

  @Argument(
    help: ArgumentHelp(
      "A file, a folder or an http(s) URL, optionally followed by 'as NAME'.",
      valueName: "source"),
    completion: .file())
  var words: [String] = []

  @Option(name: .customLong("lang"), help: "The language, instead of detecting it.")
  var language: LanguageOption?

  @Option(
    help: "The encoding of the source, instead of detecting it.",
    completion: .list(["UTF-8", "UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-JP", "ISO-2022-JP"]))
  var encoding: String?

  @Option(help: "The title.") var title: String?
  @Option(help: "Who issued the statement.") var issuer: String?
  @Option(help: "The date it was issued (YYYY-MM-DD).") var date: String?
  @Option(help: "The address it was published at.") var url: String?

  @Flag(help: "Replace a loaded statement of the same name.")
  var replace = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard words.count == 1 || (words.count == 3 && words[1] == "as") else {
      throw ValidationError(
        words.isEmpty
          ? "what to load is missing: load PATH|DIR|URL [as NAME]"
          : "expected PATH|DIR|URL [as NAME], got \(words.count) words")
    }
    if words.count == 3 && words[2].isEmpty {
      throw ValidationError("the name after 'as' is empty")
    }
    if let encoding, TextDecoder.canonicalName(encoding) == nil {
      throw ValidationError(
        "unknown encoding '\(encoding)' (expected UTF-8, UTF-16LE, UTF-16BE, Shift_JIS, EUC-JP or ISO-2022-JP)"
      )
    }
    if let date, (try? StatementLoader.checkedDateForValidation(date)) == nil {
      throw ValidationError("--date '\(date)' is not YYYY-MM-DD")
    }
  }

  mutating func run(in shell: Shell) throws {
    let source = words[0]
    let request = LoadRequest(
      source: source, name: words.count == 3 ? words[2] : nil, language: language?.language,
      encoding: encoding,
      metadata: Statement.Metadata(title: title, issuer: issuer, date: date, url: url))
    let loader = StatementLoader(
      maximumBytes: shell.settings.maxSize.bytes, baseDirectory: shell.baseDirectory,
      clock: shell.clock)
    let outcome = loader.load(request)
    var failures = outcome.failures
    var loaded: [Statement] = []
    for statement in outcome.statements {
      do {
        try shell.workspace.add(statement, replacing: replace)
        loaded.append(statement)
      } catch {
        let shown = StatementSummary.shownSource(statement.provenance.source, shell: shell)
        failures.append(.init(input: shown, reason: "\(error)"))
      }
    }
    for warning in outcome.warnings { shell.warn(warning.description) }
    let report = LoadReport(
      loaded: loaded.map { StatementSummary($0, shell: shell) },
      failed: failures.map { .init(input: $0.input, reason: $0.reason) },
      folder: outcome.filesInFolder.map { _ in source }, files: outcome.filesInFolder)
    if !loaded.isEmpty || output.requested ?? shell.settings.format == .json {
      shell.emit(report, format: output.requested)
    }
    for failure in failures { shell.reportProblem(failure.description) }
    if !failures.isEmpty { throw ReportedFailure() }
  }
}

/// What `load` did.
struct LoadReport: Presentable {
  struct Failure: Encodable {
    var input: String
    var reason: String
  }

  var loaded: [StatementSummary]
  var failed: [Failure]
  /// The folder loaded, if a folder was.
  var folder: String?
  var files: Int?

  var presentation: Presentation {
    var parts: [Presentation] = []
    if let folder, let files {
      let filesLoaded = Set(loaded.map(\.source)).count
      let statements =
        loaded.count == filesLoaded
        ? "" : "\(loaded.count) statement\(loaded.count == 1 ? "" : "s") from "
      parts.append(
        .text(
          "loaded \(statements)\(filesLoaded) of \(files) file\(files == 1 ? "" : "s") in \(folder)"
        ))
    }
    parts.append(
      .table(
        Table(
          columns: [
            .init("name"), .init("lang"), .init("chars", alignment: .right),
            .init("sentences", alignment: .right), .init("words", alignment: .right),
            .init("encoding"), .init("source"),
          ],
          rows: loaded.map {
            [
              $0.name, $0.language, $0.characters.grouped, String($0.sentences),
              $0.words.grouped, $0.encoding, $0.source,
            ]
          })))
    return .sequence(parts)
  }
}
