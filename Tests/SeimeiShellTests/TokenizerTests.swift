import Testing

@testable import SeimeiShell

@Suite struct TokenizerTests {
  func words(_ line: String) throws -> [String] {
    try Tokenizer.tokenize(line).map(\.text)
  }

  @Test func splitsOnBlanks() throws {
    #expect(try words("  compare   a\tb  ") == ["compare", "a", "b"])
    #expect(try words("") == [])
  }

  @Test func quotes() throws {
    #expect(try words(#"echo 'a  b' "c d" e'f'g"#) == ["echo", "a  b", "c d", "efg"])
  }

  @Test func doubleQuoteEscapes() throws {
    #expect(try words(#"echo "say \"hi\" \\ \n""#) == ["echo", #"say "hi" \ \n"#])
    #expect(try words(#"echo 'no \"escapes\" here'"#) == ["echo", #"no \"escapes\" here"#])
  }

  @Test func backslashOutsideQuotes() throws {
    #expect(try words(##"load my\ file.txt \#tag \'"##) == ["load", "my file.txt", "#tag", "'"])
  }

  @Test func comments() throws {
    #expect(try words("echo a # the rest") == ["echo", "a"])
    #expect(try words("# only a comment") == [])
    #expect(try words("echo issue#3 '#kept'") == ["echo", "issue#3", "#kept"])
  }

  @Test func japanese() throws {
    #expect(try words("echo 日本語の声明　「非難する」") == ["echo", "日本語の声明", "「非難する」"])
    #expect(try words("cite 声明 \"強く 非難\"") == ["cite", "声明", "強く 非難"])
    let tokens = try Tokenizer.tokenize("echo 声明")
    #expect(String("echo 声明"[tokens[1].range]) == "声明")
  }

  @Test func unterminatedQuoteIsAnError() {
    #expect(throws: TokenizeError.unterminatedQuote("\"")) { try Tokenizer.tokenize(#"echo "abc"#) }
    #expect(throws: TokenizeError.unterminatedQuote("'")) { try Tokenizer.tokenize("echo 'abc") }
    #expect(throws: TokenizeError.danglingEscape) { try Tokenizer.tokenize(#"echo abc\"#) }
  }

  @Test func lenientScanForCompletion() {
    let scan = Tokenizer.scan(#"load "my fi"#)
    #expect(scan.problem == .unterminatedQuote("\""))
    #expect(scan.lastTokenIsOpen)
    #expect(scan.tokens.map(\.text) == ["load", "my fi"])
    #expect(!Tokenizer.scan("load ").lastTokenIsOpen)
  }

  @Test func redirection() throws {
    #expect(
      try ParsedLine.parse("set > out.txt")
        == ParsedLine(
          command: "set", arguments: [], redirect: .init(path: "out.txt", append: false)))
    #expect(
      try ParsedLine.parse("echo a b>>'log file.txt'")
        == ParsedLine(
          command: "echo", arguments: ["a", "b"],
          redirect: .init(path: "log file.txt", append: true)))
    #expect(try ParsedLine.parse("echo '>' \\> \">>\"")?.arguments == [">", ">", ">>"])
    #expect(try ParsedLine.parse("   # nothing") == nil)
  }

  @Test func redirectionErrors() {
    #expect(throws: LineError.missingRedirectTarget(">")) { try ParsedLine.parse("echo a >") }
    #expect(throws: LineError.redirectNotLast(">")) { try ParsedLine.parse("echo > a b") }
    #expect(throws: LineError.missingCommand) { try ParsedLine.parse("> a") }
  }
}
