import Foundation
import SeimeiKit
import Testing

@Suite struct StatementDocumentTests {
  private func decode(_ json: String) throws(StatementDocumentError) -> [StatementDocument] {
    try StatementDocument.decodeAll(Array(json.utf8))
  }

  @Test func singleObjectWithEveryField() throws {
    let documents = try decode(
      """
      {
        "name": "mofa-ja", "title": "外務報道官談話", "issuer": "外務省",
        "date": "2024-05-01", "language": "ja", "url": "https://www.example.go.jp/1",
        "translation_of": null,
        "metadata": {"category": "談話", "page": 3, "final": true, "note": null},
        "text": "本文。\\n第二段落。\\u5916\\ud83d\\ude00"
      }
      """)
    #expect(
      documents == [
        StatementDocument(
          text: "本文。\n第二段落。外😀", name: "mofa-ja", title: "外務報道官談話", issuer: "外務省",
          date: "2024-05-01", language: "ja", url: "https://www.example.go.jp/1",
          metadata: ["category": "談話", "page": "3", "final": "true"])
      ])
  }

  @Test func arrayOfObjects() throws {
    let documents = try decode(
      #"[{"text": "First."}, {"text": "Second.", "translation_of": "first", "language": "en"}]"#)
    #expect(
      documents == [
        StatementDocument(text: "First."),
        StatementDocument(text: "Second.", language: "en", translationOf: "first"),
      ])
    // A byte order mark is allowed.
    #expect(
      try StatementDocument.decodeAll([0xEF, 0xBB, 0xBF] + Array(#"{"text":"x"}"#.utf8)).count == 1)
  }

  @Test func elementErrorsNameTheElement() {
    let cases: [(String, String)] = [
      (#"[{"text": "a"}, {"text": "b"}, {"title": "c"}]"#, #"element 2: missing "text""#),
      (#"[{"text": "a"}, 3]"#, "element 1: expected an object, not a number"),
      (#"{"text": 5}"#, #""text" must be a string, not a number"#),
      (#"{"text": null}"#, #""text" is null"#),
      (#"{"text": " \n "}"#, #""text" is empty"#),
      (#"{"text": "a", "date": "2024/05/01"}"#, #""date" must be YYYY-MM-DD, not "2024/05/01""#),
      (#"{"text": "a", "date": "2023-02-29"}"#, #""date" must be YYYY-MM-DD, not "2023-02-29""#),
      (
        #"{"text": "a", "language": "fr"}"#,
        #""language" must be ja, en, zh or other, not "fr""#
      ),
      (
        #"{"text": "a", "titel": "x"}"#,
        #"unknown field "titel" (put further fields in "metadata")"#
      ),
      (#"{"text": "a", "text": "b"}"#, #"duplicate field "text""#),
      (#"{"text": "a", "metadata": []}"#, #""metadata" must be an object, not an array"#),
      (#"{"text": "a", "metadata": {"k": {}}}"#, #""metadata.k" must be a string, not an object"#),
      (#"{"text": "a", "title": ["x"]}"#, #""title" must be a string, not an array"#),
    ]
    for (json, message) in cases {
      #expect(throws: StatementDocumentError.self, "\(json)") { try decode(json) }
      do {
        _ = try decode(json)
      } catch {
        #expect(error.description == message, "\(json)")
      }
    }
  }

  @Test func shapeErrors() {
    #expect(throws: StatementDocumentError.wrongShape) { try decode(#""just a string""#) }
    #expect(throws: StatementDocumentError.wrongShape) { try decode("42") }
    #expect(throws: StatementDocumentError.noStatements) { try decode("[]") }
    #expect(
      StatementDocumentError.wrongShape.description == "expected an object or an array of objects")
    #expect(StatementDocumentError.noStatements.description == "no statements: the array is empty")
  }

  @Test func syntaxErrorsSayWhere() {
    let cases: [(String, String)] = [
      ("", "not JSON: no content"),
      ("{\"text\": }", "not JSON: unexpected '}' at line 1, column 10"),
      (
        "[{\"text\": \"a\"},\n {\"text\": \"b\" \"c\"}]",
        #"not JSON: expected "," or "}" in an object, found '"' at line 2, column 15"#
      ),
      ("{\"text\": \"a\"", #"not JSON: expected "," or "}" in an object, found end of input"#),
      ("{\"text\": \"unterminated}", "not JSON: unterminated string at line 1, column 10"),
      ("{\"text\": \"a\"} x", "not JSON: unexpected 'x' after the JSON value at line 1, column 15"),
      ("{text: 1}", "not JSON: expected a field name in quotes, found 't' at line 1, column 2"),
      (
        "{\"t\": 01}", #"not JSON: expected "," or "}" in an object, found '1' at line 1, column 8"#
      ),
      ("{\"t\": \"\\x\"}", #"not JSON: invalid escape "\x" at line 1, column 8"#),
      (
        "{\"t\": \"tab\there\"}",
        "not JSON: control character in a string (escape it) at line 1, column 11"
      ),
      ("[\"声明\", ×]", "not JSON: unexpected '×' at line 1, column 8"),
      ("{\"t\": tru}", "not JSON: unexpected 't' at line 1, column 7"),
      (
        String(repeating: "[", count: 600),
        "not JSON: nested more than 512 deep at line 1, column 513"
      ),
    ]
    for (json, message) in cases {
      do {
        _ = try decode(json)
        Issue.record("no error for \(json)")
      } catch {
        #expect(error.description == message, "\(json)")
      }
    }
    #expect(throws: StatementDocumentError.notJSON("not valid UTF-8")) {
      try StatementDocument.decodeAll([0x7B, 0xFF, 0x7D])
    }
  }

  @Test func encodesWithTheSameFieldNames() throws {
    let document = StatementDocument(text: "T", translationOf: "other")
    let encoded = try JSONEncoder().encode(document)
    #expect(String(decoding: encoded, as: UTF8.self).contains("\"translation_of\":\"other\""))
    #expect(try JSONDecoder().decode(StatementDocument.self, from: encoded) == document)
    #expect(try StatementDocument.decodeAll(Array(encoded)) == [document])
  }

  @Test func schemaDescriptionNamesEveryField() {
    for field in [
      "text", "name", "title", "issuer", "date", "language", "url", "translation_of", "metadata",
    ] {
      #expect(StatementDocument.schemaDescription.contains("\"\(field)\""), "\(field)")
    }
  }
}
