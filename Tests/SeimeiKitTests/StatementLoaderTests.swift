import Foundation
import Testing

@testable import SeimeiKit

/// A temporary folder of statement files.
final class Fixtures {
  let path: String

  init(_ files: [String: [UInt8]] = [:]) {
    let base = NSTemporaryDirectory() + "seimei-load-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = (base as NSString).resolvingSymlinksInPath
    for (name, bytes) in files { write(name, bytes) }
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func write(_ name: String, _ bytes: [UInt8]) {
    let full = path + "/" + name
    try? FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
  }

  func write(_ name: String, _ text: String) { write(name, Array(text.utf8)) }

  var loader: StatementLoader {
    StatementLoader(
      maximumBytes: 20_000_000, fetcher: Fetcher(timeout: 2), baseDirectory: path,
      clock: { Date(timeIntervalSince1970: 1_700_000_000) })
  }
}

@Suite struct StatementLoaderTests {
  let japanese = """
    ---
    title: サイバー攻撃に関する外務報道官談話
    issuer: エグゼンプラ共和国外務省
    date: 2025-03-04
    url: https://example.jp/press/0304.html
    note: sample
    ---

    1　本日、同盟国政府は声明を発表した。我が国は強い懸念を表明する。

    2　引き続き関係国と緊密に連携していく。

    """

  @Test func plainTextWithFrontMatter() throws {
    let files = Fixtures()
    files.write("mofa.txt", japanese)
    let outcome = files.loader.load(LoadRequest(source: "mofa.txt"))
    #expect(outcome.failures.isEmpty)
    let statement = try #require(outcome.statements.first)
    #expect(statement.name == "mofa")
    #expect(statement.language == .ja)
    #expect(statement.metadata.title == "サイバー攻撃に関する外務報道官談話")
    #expect(statement.metadata.issuer == "エグゼンプラ共和国外務省")
    #expect(statement.metadata.date == "2025-03-04")
    #expect(statement.metadata.url == "https://example.jp/press/0304.html")
    #expect(statement.metadata.extra == ["note": "sample"])
    #expect(statement.text.hasPrefix("1　本日、"))
    #expect(statement.text.hasSuffix("連携していく。"))
    #expect(statement.segmentation.paragraphs.count == 2)
    #expect(statement.segmentation.sentences.count == 3)
    #expect(statement.provenance.source == files.path + "/mofa.txt")
    #expect(statement.provenance.sha256 == SHA256.hex(Array(japanese.utf8)))
    #expect(statement.provenance.byteCount == japanese.utf8.count)
    #expect(statement.provenance.encoding == "UTF-8")
  }

  @Test func commandLineOverridesTheSource() throws {
    let files = Fixtures()
    files.write("mofa.txt", japanese)
    let request = LoadRequest(
      source: "mofa.txt", name: "外務省", language: .zh,
      metadata: .init(title: "Override", date: "2025-03-05"))
    let statement = try #require(files.loader.load(request).statements.first)
    #expect(statement.name == "外務省")
    #expect(statement.language == .zh)
    #expect(statement.metadata.title == "Override")
    #expect(statement.metadata.issuer == "エグゼンプラ共和国外務省")
    #expect(statement.metadata.date == "2025-03-05")
  }

  @Test func legacyEncodingsAreDetected() throws {
    let files = Fixtures()
    let body = "外務報道官談話\n\n我が国は強い懸念を表明する。"
    files.write("sjis.txt", [UInt8](body.data(using: .shiftJIS)!))
    files.write("jis.txt", [UInt8](body.data(using: .iso2022JP)!))
    files.write("utf16.txt", [0xFF, 0xFE] + [UInt8](body.data(using: .utf16LittleEndian)!))
    let outcome = files.loader.load(LoadRequest(source: "."))
    #expect(outcome.failures.isEmpty)
    #expect(outcome.statements.count == 3)
    for statement in outcome.statements {
      #expect(statement.text == body, "\(statement.name)")
      #expect(statement.language == .ja)
    }
    #expect(outcome.statements.map(\.provenance.encoding).contains("ISO-2022-JP"))
  }

  @Test func markdownHTMLAndJSON() throws {
    let files = Fixtures()
    files.write(
      "a.md",
      "---\ntitle: Markdown\n---\n# Heading\n\nThe **Government** condemns [the attack](https://x).\n"
    )
    files.write(
      "b.html",
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page title</title>
      <meta name="author" content="Office of Samples"><meta name="date" content="2025-04-01">
      </head><body><nav>Home | News</nav><main><h1>Statement</h1><p>We condemn it.</p></main>
      <footer>Copyright</footer><script>var x = 1;</script></body></html>
      """)
    files.write(
      "c.json",
      #"[{"name": "first", "text": "One statement.", "language": "en", "date": "2025-01-02"}, {"text": "二つ目の声明。", "issuer": "省"}]"#
    )
    let outcome = files.loader.load(LoadRequest(source: files.path))
    #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    #expect(outcome.statements.map(\.name) == ["a", "b", "first", "c-2"])
    let markdown = outcome.statements[0]
    #expect(markdown.text == "Heading\n\nThe Government condemns the attack.")
    #expect(markdown.metadata.title == "Markdown")
    #expect(markdown.provenance.format == "markdown")
    let page = outcome.statements[1]
    #expect(page.text == "Statement\n\nWe condemn it.")
    #expect(page.metadata.title == "Page title")
    #expect(page.metadata.issuer == "Office of Samples")
    #expect(page.metadata.date == "2025-04-01")
    #expect(page.language == .en)
    #expect(outcome.statements[2].metadata.date == "2025-01-02")
    #expect(outcome.statements[3].metadata.issuer == "省")
    #expect(outcome.statements[3].language == .ja)
    #expect(outcome.filesInFolder == 3)
  }

  @Test func aFolderReportsEachFailureAndLoadsTheRest() {
    let files = Fixtures()
    files.write("good.txt", "A good statement.")
    files.write("empty.txt", [])
    files.write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0, 1])
    files.write("nothing.html", "<html><body><nav>menu</nav><script>x()</script></body></html>")
    files.write("ignored.pdf", "not a statement format")
    files.write("sub/inner.txt", "Not loaded: folders are not recursive.")
    let outcome = files.loader.load(LoadRequest(source: "./"))
    #expect(outcome.statements.map(\.name) == ["good"])
    #expect(outcome.filesInFolder == 4)
    #expect(outcome.failures.map(\.input) == ["./binary.txt", "./empty.txt", "./nothing.html"])
    #expect(outcome.failures[1].reason == "empty file")
  }

  @Test func badInputsNameTheInputAndTheReason() {
    let files = Fixtures()
    files.write("empty-folder/.hidden", "x")
    files.write("big.txt", String(repeating: "a", count: 3000))
    var loader = files.loader
    func reason(_ source: String, _ loader: StatementLoader? = nil) -> String? {
      (loader ?? files.loader).load(LoadRequest(source: source)).failures.first?.description
    }
    #expect(reason("missing.txt") == "missing.txt: no such file or folder")
    #expect(
      reason("empty-folder")
        == "empty-folder: no statement files (.txt .md .html .htm .json) in the folder")
    loader.maximumBytes = 2000
    #expect(
      reason("big.txt", loader) == "big.txt: 3 KB is larger than the 2 KB limit (set max-size)")
    files.write("bad-date.txt", "---\ndate: 4 March 2025\n---\nText.")
    #expect(reason("bad-date.txt") == "bad-date.txt: date '4 March 2025' is not YYYY-MM-DD")
    files.write("bad.json", "{\"title\": \"no text\"}")
    #expect(reason("bad.json")?.hasPrefix("bad.json: ") == true)
    files.write("two.json", #"[{"text": "a"}, {"text": "b"}]"#)
    #expect(
      files.loader.load(LoadRequest(source: "two.json", name: "x")).failures.first?.reason
        == "'as NAME' names one statement; the file holds 2")
    #expect(
      files.loader.load(LoadRequest(source: ".", name: "x")).failures.first?.reason.hasPrefix(
        "'as NAME' names one statement") == true)
    #expect(reason("/proc/self/mem")?.hasPrefix("/proc/self/mem: cannot read: ") == true)
  }

  @Test func invalidUTF8ThatClaimsUTF8LoadsWithAWarning() throws {
    let files = Fixtures()
    files.write(
      "broken.txt", [0xEF, 0xBB, 0xBF] + Array("Valid start ".utf8) + [0xFF, 0xFE, 0x41])
    let outcome = files.loader.load(LoadRequest(source: "broken.txt"))
    let statement = try #require(outcome.statements.first)
    #expect(statement.text.contains("\u{FFFD}"))
    #expect(statement.provenance.replacements == 2)
    #expect(
      outcome.warnings.map(\.description) == [
        "broken.txt: 2 invalid UTF-8 byte sequences were replaced with U+FFFD"
      ])
  }

  @Test func urlsAreFetchedWithTheirCharset() throws {
    let page =
      "<html><head><title>東京</title></head><body><main><p>日本語のページです。</p></main></body></html>"
    let server = try LocalHTTPServer(routes: [
      "/press/statement.html": .init(
        headers: ["Content-Type": "text/html; charset=Shift_JIS"],
        body: [UInt8](page.data(using: .shiftJIS)!)),
      "/plain": .init(headers: ["Content-Type": "text/plain"], body: Array("Plain text.".utf8)),
      "/missing": .init(status: 404, body: Array("no".utf8)),
      "/slow": .init(body: Array("late".utf8), delay: 4),
      "/huge": .init(
        headers: ["Content-Type": "text/plain"], body: [UInt8](repeating: 0x61, count: 5000)),
    ])
    defer { server.stop() }
    let files = Fixtures()
    let outcome = files.loader.load(LoadRequest(source: server.url("/press/statement.html")))
    let statement = try #require(outcome.statements.first, "\(outcome.failures)")
    #expect(statement.name == "statement")
    #expect(statement.text == "日本語のページです。")
    #expect(statement.metadata.title == "東京")
    #expect(statement.metadata.url == server.url("/press/statement.html"))
    #expect(statement.provenance.source == server.url("/press/statement.html"))
    #expect(statement.provenance.format == "html")
    let plain = try #require(
      files.loader.load(LoadRequest(source: server.url("/plain"))).statements.first)
    #expect(plain.text == "Plain text.")
    #expect(plain.name == "plain")

    func reason(_ path: String, loader: StatementLoader? = nil) -> String? {
      (loader ?? files.loader).load(LoadRequest(source: server.url(path))).failures.first?.reason
    }
    #expect(reason("/missing") == "the server answered HTTP 404 not found")
    #expect(reason("/slow") == "no answer within 2 s (timed out)")
    var small = files.loader
    small.maximumBytes = 1000
    #expect(reason("/huge", loader: small) == "larger than the 1 KB limit (set max-size)")
    server.stop()
    #expect(
      files.loader.load(LoadRequest(source: "http://127.0.0.1:9/x")).failures.first?.reason
        == "connection refused")
  }

  @Test func nameCleaning() {
    #expect(StatementLoader.cleanName("my statement 2025") == "my-statement-2025")
    #expect(StatementLoader.stem("mofa.sjis.txt") == "mofa.sjis")
    #expect(StatementLoader.language(fromTag: "ja-JP") == .ja)
    #expect(StatementLoader.language(fromTag: "fr") == nil)
  }
}
