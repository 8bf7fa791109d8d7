import ArgumentParser

struct EchoCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "echo",
    abstract: "Print text: narration in scripts and lessons.",
    discussion: """
      Prints its words separated by single spaces. Quote text to keep several spaces or a '#'. \
      Control characters and escape sequences are removed before printing.
      """)
  static let group = CommandGroup.scripts
  static let examples = [
    CommandExample(
      "Narrate a step", lines: ["echo Step 1: load both statements  # comment"],
      output: "Step 1: load both statements\n"),
    CommandExample(
      "Japanese text and quoting", lines: ["echo 「声明」 '  spaced  #kept'"],
      output: "「声明」   spaced  #kept\n"),
  ]

  @Argument(parsing: .captureForPassthrough, help: "The words to print.")
  var words: [String] = []

  mutating func run(in shell: Shell) throws {
    shell.print(words.joined(separator: " "))
  }
}
