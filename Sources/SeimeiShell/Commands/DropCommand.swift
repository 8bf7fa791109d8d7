import ArgumentParser

struct DropCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "drop",
    abstract: "Remove statements from the workspace.",
    discussion: """
      Removes each named statement (the files it came from are untouched). If any name is \
      unknown, nothing is removed.
      """)
  static let group = CommandGroup.statements
  static let examples = [
    CommandExample(
      "Drop a statement", lines: ["load a.txt", "drop a", "drop a"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        a     en       13          1      2  UTF-8     a.txt
        dropped a
        error: no statement named 'a': the workspace is empty (use load)

        """,
      files: ["a.txt": "Hello, world.\n"])
  ]

  @Argument(help: "The statements to remove.", completion: .statementName)
  var names: [String] = []

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !names.isEmpty else { throw ValidationError("name the statements to drop") }
  }

  mutating func run(in shell: Shell) throws {
    for name in names { _ = try shell.statement(named: name) }
    var dropped: [String] = []
    for name in names where shell.workspace.statement(named: name) != nil {
      try shell.workspace.remove(named: name)
      dropped.append(name)
    }
    shell.report(
      ActionResult(
        action: "drop", statements: dropped,
        message: dropped.map { "dropped \($0)" }.joined(separator: "\n")),
      format: output.requested)
  }
}
