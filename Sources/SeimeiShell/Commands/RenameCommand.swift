import ArgumentParser
import SeimeiKit

struct RenameCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename",
    abstract: "Give a statement a new name.")
  static let group = CommandGroup.statements
  static let examples = [
    CommandExample(
      "Rename, then try a name that is taken",
      lines: ["load a.txt", "load b.txt", "rename a 外務省", "rename b 外務省", "list"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        a     en        3          1      1  UTF-8     a.txt
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        b     en        3          1      1  UTF-8     b.txt
        error: a statement named '外務省' is already loaded (use --replace or another name)
        name    lang  issuer  date  chars  sentences
        ──────  ────  ──────  ────  ─────  ─────────
        外務省  en                      3          1
        b       en                      3          1

        """,
      files: ["a.txt": "One\n", "b.txt": "Two\n"])
  ]

  @Argument(help: "The current name.", completion: .statementName)
  var old: String

  @Argument(help: "The new name.")
  var new: String

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !new.isEmpty, !new.contains(where: { $0.isWhitespace }) else {
      throw ValidationError("a name must be one word with no blanks")
    }
  }

  mutating func run(in shell: Shell) throws {
    _ = try shell.statement(named: old)
    do {
      try shell.workspace.rename(old, to: new)
    } catch {
      throw ShellError("\(error)")
    }
    shell.report(
      ActionResult(action: "rename", statements: [old, new], detail: nil, message: ""),
      format: output.requested)
  }
}
