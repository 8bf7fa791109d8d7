import ArgumentParser
import SeimeiKit

struct OpenCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Replace the workspace with one saved by 'save'.",
    discussion: """
      Reads the whole file and checks it before changing anything: a file that cannot be read \
      or is not a saved workspace is refused with one error line, and the workspace stays as it \
      was. The settings, and the cues and gazetteer names the session had added, are restored \
      with it (replacing those of the current session).
      """)
  static let group = CommandGroup.statements

  @Argument(help: "The saved workspace.", completion: .file())
  var file: String

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    let path = shell.resolve(file)
    let workspace: Workspace
    let settings: Settings
    let additions: Lexicon
    let names: Gazetteer
    do {
      let saved = try WorkspaceFile.read(from: path)
      workspace = try saved.makeWorkspace()
      settings = try Settings(dictionary: saved.settings)
      additions = try saved.lexicon.map { try Lexicon(tsv: $0) } ?? Lexicon.empty
      names = try saved.gazetteer.map { try Gazetteer(tsv: $0) } ?? Gazetteer.empty
    } catch let error as WorkspaceFileError {
      throw ShellError("\(file): \(error.description)")
    } catch let error as GazetteerError {
      throw ShellError("\(file): damaged workspace file: added names: \(error.description)")
    } catch {
      throw ShellError("\(file): damaged workspace file: \(error)")
    }
    shell.workspace = workspace
    shell.settings = settings
    shell.claims.replaceAdditions(with: additions)
    shell.claims.replaceGazetteerAdditions(with: names)
    let count = workspace.count
    shell.report(
      ActionResult(
        action: "open", statements: workspace.names, file: file,
        message: "opened \(count) statement\(count == 1 ? "" : "s") from \(file)"),
      format: output.requested)
  }
}
