import ArgumentParser

struct QuitCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "quit",
    abstract: "Leave the shell (Ctrl-D on an empty line does the same).",
    discussion: """
      In a script, stops the script and every script that sourced it, and ends the process with \
      STATUS (0 unless given). History is already saved line by line.
      """,
    aliases: ["exit"])
  static let group = CommandGroup.shell
  static let isRecorded = false
  static let examples = [
    CommandExample(
      "Stop a script early", lines: ["echo before", "quit", "echo never printed"],
      output: "before\n")
  ]

  @Argument(help: "Exit status for the process (0–255).")
  var status: Int32 = 0

  func validate() throws {
    guard (0...255).contains(status) else {
      throw ValidationError("exit status \(status) is outside 0–255")
    }
  }

  mutating func run(in shell: Shell) throws {
    shell.exitStatus = status
  }
}
