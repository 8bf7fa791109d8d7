import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

/// The project's own sample statements (Scripts/samples) load as the tour and lessons need.
@Suite struct SamplesTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func shell() -> Shell {
    let environment = ShellEnvironment(currentDirectory: Self.samples)
    return Shell(environment: environment, output: BufferSink(), errors: BufferSink())
  }

  @Test func everyFolderLoadsWithTheRightLanguages() throws {
    let shell = shell()
    for folder in ["ja", "en", "encodings", "web", "formats"] {
      #expect(shell.execute("load \(folder)"), "\(folder)")
    }
    let languages = Dictionary(
      uniqueKeysWithValues: shell.workspace.statements.map { ($0.name, $0.language) })
    #expect(languages["mofa-cyber"] == .ja)
    #expect(languages["arvenna-pm-cyber"] == .en)
    #expect(languages["mofa-cyber-page.sjis"] == .ja)
    #expect(languages["akitsu-csa-advisory"] == .ja)
    #expect(shell.workspace.count == 17)
  }

  @Test func everyEncodingGivesTheSameText() throws {
    let shell = shell()
    #expect(shell.execute("load ja/mofa-cyber.txt"))
    #expect(shell.execute("load encodings"))
    let reference = try #require(shell.workspace.statement(named: "mofa-cyber"))
    let expected = [
      "utf8bom": "UTF-8", "utf16le": "UTF-16LE", "utf16be": "UTF-16BE", "sjis": "Shift_JIS",
      "eucjp": "EUC-JP", "iso2022jp": "ISO-2022-JP",
    ]
    for (suffix, encoding) in expected {
      let statement = try #require(shell.workspace.statement(named: "mofa-cyber.\(suffix)"))
      #expect(statement.provenance.encoding == encoding, "\(suffix)")
      #expect(
        Array(statement.text.unicodeScalars) == Array(reference.text.unicodeScalars), "\(suffix)")
      #expect(statement.metadata.title == reference.metadata.title)
      #expect(statement.segmentation == reference.segmentation)
    }
  }

  @Test func theMotivatingCaseIsShortAgainstLong() throws {
    let shell = shell()
    #expect(shell.execute("load ja/mofa-cyber.txt"))
    #expect(shell.execute("load en/arvenna-pm-cyber.txt"))
    let japanese = try #require(shell.workspace.statement(named: "mofa-cyber"))
    let english = try #require(shell.workspace.statement(named: "arvenna-pm-cyber"))
    #expect((600...800).contains(japanese.characterCount))
    #expect(english.characterCount > 4000)
    #expect(japanese.metadata.date == english.metadata.date)
  }

  @Test func theSavedWebPageLosesItsNoise() throws {
    let shell = shell()
    #expect(shell.execute("load web/arvenna-pm-cyber-page.html as page"))
    #expect(shell.execute("load en/arvenna-pm-cyber.txt as text"))
    let page = try #require(shell.workspace.statement(named: "page"))
    for noise in ["cookie", "Cookie", "Skip to", "function(", "©", "Related"] {
      #expect(!page.text.contains(noise), "\(noise)")
    }
    #expect(page.metadata.date == "2025-10-14")
    // The page's sentences are the statement's sentences.
    let text = try #require(shell.workspace.statement(named: "text"))
    #expect(page.segmentation.sentences.count == text.segmentation.sentences.count)
  }

  @Test func badSamplesFailOneLineEach() {
    let errors = BufferSink()
    let shell = Shell(
      environment: ShellEnvironment(currentDirectory: Self.samples), output: BufferSink(),
      errors: errors)
    #expect(!shell.execute("load bad"))
    #expect(
      errors.text.split(separator: "\n").sorted() == [
        "error: bad/binary.txt: not text: contains NUL bytes",
        "error: bad/empty.txt: empty file",
        "error: bad/not-json.json: not JSON: expected a field name in quotes, found 't' at line 6, column 5",
        "error: bad/nothing.html: no text found in the page",
        "warning: bad/broken-utf8.txt: 20 invalid UTF-8 byte sequences were replaced with U+FFFD",
      ])
    #expect(shell.workspace.names == ["broken-utf8"])
  }
}
