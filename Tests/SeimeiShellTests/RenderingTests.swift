import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

@Suite struct RenderingTests {
  let table = Table(
    columns: [.init("name"), .init("chars", alignment: .right), .init("title")],
    rows: [
      ["mofa-ja", "702", "サイバー攻撃に関する外務報道官談話"],
      ["wh-en", "4,213", "Statement on malicious cyber activity"],
    ])

  func plain(width: Int?) -> Renderer {
    Renderer(format: .table, width: width, style: Style(enabled: false))
  }

  @Test func alignsByDisplayWidth() {
    let text = plain(width: nil).render(.table(table))
    #expect(
      text == """
        name     chars  title
        ───────  ─────  ─────────────────────────────────────
        mofa-ja    702  サイバー攻撃に関する外務報道官談話
        wh-en    4,213  Statement on malicious cyber activity

        """)
  }

  @Test func truncatesToTheWidthWithoutSplittingCharacters() {
    let text = plain(width: 32).render(.table(table))
    let lines = text.split(separator: "\n")
    for line in lines { #expect(DisplayWidth.of(line) <= 32, "\(line)") }
    // 16 columns for the title: a wide character would straddle the edge, so it is left out.
    #expect(lines[2] == "mofa-ja    702  サイバー攻撃に…")
    #expect(lines[3] == "wh-en    4,213  Statement on ma…")
    let odd = plain(width: 33).render(.table(table)).split(separator: "\n")
    #expect(odd[2] == "mofa-ja    702  サイバー攻撃に関…")
  }

  @Test func markdownEscapesPipes() {
    let table = Table(columns: [.init("a"), .init("n", alignment: .right)], rows: [["x|y", "1"]])
    let text = Renderer(format: .markdown, width: 20, style: Style(enabled: false)).render(
      .table(table))
    #expect(text == "| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n")
  }

  @Test func jsonIsStable() {
    struct Value: Presentable {
      var zeta = 1
      var alpha = "声明/1"
      var presentation: Presentation { .text("") }
    }
    let text = Renderer(format: .json, width: nil, style: Style(enabled: false)).render(Value())
    #expect(text == "{\n  \"alpha\" : \"声明/1\",\n  \"zeta\" : 1\n}\n")
  }

  @Test func cellsAreSanitised() {
    let table = Table(columns: [.init("text")], rows: [["bad\u{1B}[2Jline\nbreak\u{07}"]])
    #expect(plain(width: nil).render(.table(table)) == "text\n─────────────\nbadline break\n")
  }

  @Test func colourOnlyWhereItBelongs() {
    let terminal = TestShell(outputIsTerminal: true, terminalWidth: 100)
    #expect(terminal.shell.colorEnabled)
    #expect(terminal.run("set").contains("\u{1B}[1m"))
    #expect(terminal.shell.outputWidth == 100)
    terminal.run("set color off")
    #expect(!terminal.run("set").contains("\u{1B}"))
    let noColor = TestShell(variables: ["NO_COLOR": "1"], outputIsTerminal: true)
    noColor.run("set color on")
    #expect(!noColor.shell.colorEnabled)
    let pipe = TestShell()
    #expect(!pipe.shell.colorEnabled)
    #expect(pipe.shell.outputWidth == nil)
    pipe.run("set color on")
    #expect(pipe.shell.colorEnabled)
    // Output sent to a file never carries escape codes.
    terminal.run("set color on", "set > out.txt")
    #expect(terminal.read("out.txt")?.contains("\u{1B}") == false)
  }

  @Test func echoStripsEscapeSequences() {
    let shell = TestShell()
    #expect(shell.run("echo \"a\u{1B}]0;title\u{07}b\u{1B}[31mc\u{9B}1m\u{202E}d\"") == "abcd\n")
  }
}

@Suite struct TerminalTextTests {
  @Test func removesControlsAndEscapes() {
    #expect(TerminalText.sanitize("plain 日本語\n\ttab") == "plain 日本語\n\ttab")
    #expect(TerminalText.sanitize("a\u{1B}[1;31mred\u{1B}[0m") == "ared")
    #expect(TerminalText.sanitize("x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\y") == "xlinky")
    #expect(TerminalText.sanitize("b\u{08}\u{7F}\r\u{00}c\u{85}") == "bc")
    #expect(TerminalText.sanitize("\u{1B}Pdcs\u{1B}\\ok\u{1B}7") == "ok")
    #expect(TerminalText.sanitize("abc\u{202E}def\u{2066}") == "abcdef")
    #expect(TerminalText.sanitize("trailing\u{1B}") == "trailing")
  }
}

@Suite struct TextWrapperTests {
  @Test func englishBreaksAtSpaces() {
    #expect(
      TextWrapper.wrap("The quick brown fox jumps over the lazy dog.", width: 16)
        == ["The quick brown", "fox jumps over", "the lazy dog."])
    #expect(
      TextWrapper.wrap("unbreakable-very-long-word here", width: 10) == [
        "unbreakabl", "e-very-lon", "g-word", "here",
      ])
    #expect(TextWrapper.wrap("no limit at all", width: nil) == ["no limit at all"])
  }

  @Test func japaneseBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
    // 10 columns: five wide characters; 、 and 。 and 」 stay with the character before them.
    #expect(TextWrapper.wrap("我が国は、強い懸念を表明する。", width: 10) == ["我が国は、", "強い懸念を", "表明する。"])
    #expect(TextWrapper.wrap("「声明」を発表した。", width: 6) == ["「声", "明」を", "発表し", "た。"])
    #expect(TextWrapper.wrap("1\u{3000}本日、声明", width: 20) == ["1\u{3000}本日、声明"])
    for width in 2...12 {
      for line in TextWrapper.wrap("サイバー攻撃グループKX-22による活動、「強い懸念」。", width: width) {
        #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
      }
    }
  }
}
