import Foundation

extension Shell {
  /// Reads and runs lines until `quit` or the end of input. Failures are reported and the
  /// session goes on; typed lines go into the history.
  public func interact(with source: LineSource, prompting: Bool) {
    for entry in history.entries { source.remember(entry) }
    while exitStatus == nil {
      guard let line = readLogicalLine(from: source, prompting: prompting) else { break }
      guard let line else { continue }
      if history.add(line) { source.remember(line) }
      if let problem = history.writeProblem {
        warn(problem)
        history.writeProblem = nil
      }
      execute(line)
    }
  }

  /// One logical line (joining lines that end in `\`); `.some(nil)` when Ctrl-C abandoned it,
  /// nil at the end of input.
  private func readLogicalLine(from source: LineSource, prompting: Bool) -> String?? {
    var text = ""
    var prompt = prompting ? self.prompt : ""
    while true {
      switch source.readLine(prompt: prompt) {
      case .endOfInput:
        return text.isEmpty ? nil : .some(text)
      case .interrupted:
        return .some(nil)
      case .line(let line):
        let (body, continues) = ScriptFile.continuation(line)
        text += body
        if !continues { return .some(text) }
        prompt = prompting ? continuationPrompt : ""
      }
    }
  }

  /// The init file run at interactive start: `$XDG_CONFIG_HOME/seimei/init.seimei`, else
  /// `~/.config/seimei/init.seimei`.
  public static func initFilePath(environment: ShellEnvironment) -> String? {
    if let config = environment.variables["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/seimei/init.seimei"
    }
    guard let home = environment.variables["HOME"], !home.isEmpty else { return nil }
    return home + "/.config/seimei/init.seimei"
  }

  /// Runs the init file if there is one. Returns false when a command in it failed.
  @discardableResult
  public func runInitFile() -> Bool {
    guard let path = Self.initFilePath(environment: environment),
      FileManager.default.fileExists(atPath: path)
    else { return true }
    return runScript(atPath: path)
  }
}
