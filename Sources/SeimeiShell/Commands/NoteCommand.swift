import ArgumentParser

struct NoteCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Attach an analyst's note to a statement (shown by info, kept by save).")
  static let group = CommandGroup.statements

  @Argument(help: "The statement.", completion: .statementName)
  var name: String

  @Argument(parsing: .captureForPassthrough, help: "The note's words.")
  var words: [String] = []

  func validate() throws {
    guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("the note is empty")
    }
  }

  mutating func run(in shell: Shell) throws {
    _ = try shell.statement(named: name)
    try shell.workspace.addNote(words.joined(separator: " "), to: name)
  }
}
