import ArgumentParser
import SeimeiKit

/// `--lang` values.
enum LanguageOption: String, CaseIterable, ExpressibleByArgument {
  case ja, en, zh, other

  var language: Language { Language(rawValue: rawValue) ?? .other }
}

extension Shell {
  /// The named statement, or an error that names it and suggests close names.
  public func statement(named name: String) throws -> Statement {
    if let statement = workspace.statement(named: name) { return statement }
    guard workspace.count > 0 else {
      throw ShellError("no statement named '\(name)': the workspace is empty (use load)")
    }
    let close = Suggestions.closest(to: name, among: workspace.names)
    throw ShellError(
      "no statement named '\(name)'"
        + (Suggestions.phrase(close).nilIfEmpty ?? " (type 'list' to see the names)"))
  }
}

/// One statement in a listing: what `list` and `load` show and `--json` gives.
struct StatementSummary: Encodable {
  var name: String
  var language: String
  var title: String?
  var issuer: String?
  var date: String?
  var characters: Int
  var sentences: Int
  var paragraphs: Int
  var words: Int
  var encoding: String
  var source: String

  init(_ statement: Statement, shell: Shell) {
    name = statement.name
    language = statement.language.rawValue
    title = statement.metadata.title
    issuer = statement.metadata.issuer
    date = statement.metadata.date
    characters = statement.characterCount
    sentences = statement.segmentation.sentences.count
    paragraphs = statement.segmentation.paragraphs.count
    words = statement.tokenCount
    encoding = statement.provenance.encoding
    source = Self.shownSource(statement.provenance.source, shell: shell)
  }

  static func shownSource(_ source: String, shell: Shell) -> String {
    source.hasPrefix("/") ? shell.displayPath(source) : source
  }
}

extension Int {
  /// 4213 → "4,213".
  var grouped: String {
    let digits = String(magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (self < 0 ? "-" : "") + result
  }
}
