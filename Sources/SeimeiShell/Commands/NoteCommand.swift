import ArgumentParser

struct NoteCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Attach an analyst's note to a statement (shown by info, kept by save).")
  static let group = CommandGroup.statements

  @Argument(help: "The statement.", completion: .statementName)
  var name: String

  @Flag(help: "Print what was noted as one JSON document.")
  var json = false

  @Argument(parsing: .captureForPassthrough, help: "The note's words.")
  var words: [String] = []

  func validate() throws {
    guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("the note is empty")
    }
  }

  mutating func run(in shell: Shell) throws {
    _ = try shell.statement(named: name)
    let note = words.joined(separator: " ")
    try shell.workspace.addNote(note, to: name)
    shell.report(
      ActionResult(action: "note", statements: [name], detail: note, message: ""),
      format: json ? .json : nil)
  }
}
