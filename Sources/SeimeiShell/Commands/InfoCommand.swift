import ArgumentParser
import Foundation
import SeimeiKit

struct InfoCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show a statement's provenance, metadata, counts and notes.",
    discussion: """
      Where the text came from (source, format, encoding, SHA-256 of the source bytes, size, \
      when it was loaded), its metadata (title, issuer, date, url, translation_of and any other \
      front-matter keys), its counts (characters without line breaks; words in English, ICU \
      dictionary words (morphemes) in Japanese; sentences; paragraphs) and the analyst's notes.
      """)
  static let group = CommandGroup.statements

  @Argument(help: "The statement.", completion: .statementName)
  var name: String

  @OptionGroup var output: OutputOptions

  mutating func run(in shell: Shell) throws {
    let statement = try shell.statement(named: name)
    shell.emit(StatementInfo(statement, shell: shell), format: output.requested)
  }
}

/// Everything `info` tells about a statement.
struct StatementInfo: Presentable {
  var name: String
  var title: String?
  var issuer: String?
  var date: String?
  var url: String?
  var translationOf: String?
  var language: String
  var source: String
  var format: String
  var encoding: String
  var sha256: String
  var bytes: Int
  var loadedAt: String
  var replacements: Int
  var characters: Int
  var words: Int
  var wordUnit: String
  var sentences: Int
  var paragraphs: Int
  var metadata: [String: String]
  var notes: [String]

  enum CodingKeys: String, CodingKey {
    case name, title, issuer, date, url
    case translationOf = "translation_of"
    case language, source, format, encoding, sha256, bytes
    case loadedAt = "loaded_at"
    case replacements, characters, words
    case wordUnit = "word_unit"
    case sentences, paragraphs, metadata, notes
  }

  init(_ statement: Statement, shell: Shell) {
    name = statement.name
    title = statement.metadata.title
    issuer = statement.metadata.issuer
    date = statement.metadata.date
    url = statement.metadata.url
    translationOf = statement.metadata.translationOf
    language = statement.language.rawValue
    source = StatementSummary.shownSource(statement.provenance.source, shell: shell)
    format = statement.provenance.format
    encoding = statement.provenance.encoding
    sha256 = statement.provenance.sha256
    bytes = statement.provenance.byteCount
    loadedAt = ISO8601DateFormatter().string(from: statement.provenance.loadedAt)
    replacements = statement.provenance.replacements
    characters = statement.characterCount
    words = statement.tokenCount
    wordUnit = statement.tokenUnit
    sentences = statement.segmentation.sentences.count
    paragraphs = statement.segmentation.paragraphs.count
    metadata = statement.metadata.extra
    notes = statement.notes
  }

  var presentation: Presentation {
    var rows: [[String]] = [["name", name]]
    if let title { rows.append(["title", title]) }
    if let issuer { rows.append(["issuer", issuer]) }
    if let date { rows.append(["date", date]) }
    if let url { rows.append(["url", url]) }
    if let translationOf { rows.append(["translation of", translationOf]) }
    rows += [
      ["language", language], ["source", source], ["format", format],
      ["encoding", encoding + (replacements > 0 ? " (\(replacements) bytes replaced)" : "")],
      ["sha256", sha256], ["bytes", bytes.grouped], ["loaded", loadedAt],
      ["characters", characters.grouped], [wordUnit, words.grouped],
      ["sentences", sentences.grouped], ["paragraphs", paragraphs.grouped],
    ]
    for key in metadata.keys.sorted() { rows.append([key, metadata[key] ?? ""]) }
    for (index, note) in notes.enumerated() { rows.append(["note \(index + 1)", note]) }
    return .table(Table(columns: [.init("field"), .init("value")], rows: rows))
  }
}
