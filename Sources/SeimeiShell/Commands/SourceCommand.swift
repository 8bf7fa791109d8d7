import ArgumentParser

struct SourceCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "source",
    abstract: "Run the commands in a script file.",
    discussion: """
      A script has one command per line; blank lines and '#' comments are skipped and a line \
      ending in '\\' continues on the next. Relative paths inside the script are resolved \
      against the script's own folder, so a folder of scripts and statements can be moved or \
      handed out whole. Scripts may source other scripts, but not themselves. The first failing \
      command stops the script and is reported as FILE:LINE.
      """)
  static let group = CommandGroup.scripts
  static let examples = [
    CommandExample(
      "Run a set-up script", lines: ["source lesson/setup.seimei"],
      output: "setting up\nnarration from lesson/steps.seimei\n",
      files: [
        "lesson/setup.seimei":
          "# paths are relative to this file\necho setting up\nsource steps.seimei\n",
        "lesson/steps.seimei": "echo narration from \\\n  lesson/steps.seimei\n",
      ]),
    CommandExample(
      "A failing line is reported where it stands", lines: ["source broken.seimei"],
      output: "ok\nbroken.seimei:2: error: unknown command 'ech'; did you mean 'echo'?\n",
      files: ["broken.seimei": "echo ok\nech oops\necho not reached\n"]),
  ]

  @Argument(help: "The script to run.", completion: .file())
  var file: String

  mutating func run(in shell: Shell) throws {
    try shell.source(file)
  }
}
