/// The commands a shell knows, looked up by name or alias.
public final class CommandRegistry {
  public let commands: [any ShellCommand.Type]
  private var byName: [String: any ShellCommand.Type] = [:]
  private var infoCache: [String: CommandInfo] = [:]

  /// Every command Seimei ships. A new command is a new file in `Commands/` plus its line here;
  /// a test checks that no file in `Commands/` is left out.
  public static let standardCommands: [any ShellCommand.Type] = [
    LoadCommand.self,
    ListCommand.self,
    ShowCommand.self,
    InfoCommand.self,
    NoteCommand.self,
    RenameCommand.self,
    DropCommand.self,
    SaveCommand.self,
    OpenCommand.self,
    ClaimsCommand.self,
    CompareCommand.self,
    CiteCommand.self,
    VerifyCommand.self,
    FindCommand.self,
    KwicCommand.self,
    TermsCommand.self,
    KeynessCommand.self,
    LexiconCommand.self,
    GazetteerCommand.self,
    HelpCommand.self,
    LessonsCommand.self,
    QuitCommand.self,
    HistoryCommand.self,
    SourceCommand.self,
    RecordCommand.self,
    SetCommand.self,
    EchoCommand.self,
  ]

  public init(commands: [any ShellCommand.Type] = CommandRegistry.standardCommands) {
    self.commands = commands
    for command in commands {
      for name in [command.name] + command.aliases {
        precondition(byName[name] == nil, "two commands are named '\(name)'")
        byName[name] = command
      }
    }
  }

  /// The command with this name or alias.
  public func command(named name: String) -> (any ShellCommand.Type)? { byName[name] }

  /// Every name and alias, sorted.
  public var allNames: [String] { byName.keys.sorted() }

  /// What the declarations of a command say about its arguments.
  public func info(for command: any ShellCommand.Type) -> CommandInfo {
    if let cached = infoCache[command.name] { return cached }
    let info = CommandInfo(dump: command._dumpHelp())
    infoCache[command.name] = info
    return info
  }

  /// Names close to a mistyped one, best first.
  public func suggestions(for name: String) -> [String] {
    Suggestions.closest(to: name, among: allNames)
  }
}
