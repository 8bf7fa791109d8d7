import ArgumentParser
import SeimeiKit

struct SaveCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "save",
    abstract: "Save the workspace (statements, notes, settings, added cues and names) to a file.",
    discussion: """
      Writes versioned JSON that 'open' reads back: each statement's exact text, metadata, \
      provenance and notes, the settings, the cues added with 'lexicon add' or 'lexicon \
      load', and the names added with 'gazetteer add' or 'gazetteer load'. The file is \
      written to a temporary file and then renamed over the old one, so a crash never leaves \
      half a file.
      """)
  static let group = CommandGroup.statements
  static let examples = [
    CommandExample(
      "Save, start afresh, and open again",
      lines: [
        "load a.txt", "note a checked against the printed copy", "save work.seimei.json",
        "drop a", "open work.seimei.json", "list",
      ],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        a     en       13          1      2  UTF-8     a.txt
        saved 1 statement to work.seimei.json
        dropped a
        opened 1 statement from work.seimei.json
        name  lang  issuer  date  chars  sentences
        ────  ────  ──────  ────  ─────  ─────────
        a     en                     13          1

        """,
      files: ["a.txt": "Hello, world.\n"])
  ]

  @Argument(help: "The file to write.", completion: .file())
  var file: String

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    let path = shell.resolve(file)
    let additions = shell.claims.additions
    let names = shell.claims.gazetteerAdditions
    let saved = WorkspaceFile(
      workspace: shell.workspace, settings: shell.settings.dictionary,
      lexicon: additions.cues.isEmpty ? nil : additions.tsv(),
      gazetteer: names.entries.isEmpty ? nil : names.tsv())
    do {
      try saved.write(to: path)
    } catch {
      throw ShellError(error.description)
    }
    let count = shell.workspace.count
    shell.report(
      ActionResult(
        action: "save", statements: shell.workspace.names, file: file,
        message: "saved \(count) statement\(count == 1 ? "" : "s") to \(file)"),
      format: output.requested)
  }
}
