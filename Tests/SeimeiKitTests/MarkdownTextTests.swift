import SeimeiKit
import Testing

@Suite struct MarkdownTextTests {
  @Test func aStatementInMarkdown() {
    let markdown = """
      # 外務報道官談話

      ## 北朝鮮による弾道ミサイルの発射について ##

      1. 本日、北朝鮮は**弾道ミサイル**を発射しました。
      2. 我が国は、*厳重に*抗議しました。

      > 国連安保理決議に
      > 違反するものです。

      詳細は[外務省のページ](https://www.mofa.go.jp/ "title")を参照。![地図](map.png)
      <!-- 内部メモ: 公開前に確認 -->
      以上。
      """
    #expect(
      MarkdownText.plainText(markdown) == """
        外務報道官談話

        北朝鮮による弾道ミサイルの発射について

        1. 本日、北朝鮮は弾道ミサイルを発射しました。
        2. 我が国は、厳重に抗議しました。

        国連安保理決議に
        違反するものです。

        詳細は外務省のページを参照。
        以上。
        """)
  }

  @Test func emphasisAndCode() {
    let cases: [(String, String)] = [
      ("**bold** and __strong__ and *em* and _em_", "bold and strong and em and em"),
      ("***both*** and **nested *inner* text**", "both and nested inner text"),
      ("Use `snake_case_name` and `a*b`", "Use snake_case_name and a*b"),
      ("``code with ` inside``", "code with ` inside"),
      ("unclosed `tick", "unclosed `tick"),
      ("snake_case_name stays", "snake_case_name stays"),
      ("5 * 3 = 15 and 2*3*4", "5 * 3 = 15 and 2*3*4"),
      ("a_b_ and _c_d", "a_b_ and _c_d"),
      ("これは**重要**です。_強調_も。", "これは重要です。強調も。"),
      ("\\*not emphasis\\* and \\_this\\_", "*not emphasis* and _this_"),
      ("**unclosed bold", "**unclosed bold"),
      ("* not a list but ** stray", "* not a list but ** stray"),
    ]
    for (markdown, plain) in cases {
      #expect(MarkdownText.plainText(markdown) == plain, "\(markdown)")
    }
  }

  @Test func linksAndImages() {
    let cases: [(String, String)] = [
      ("[text](https://example.org/a_(b))", "text"),
      ("[**bold link**](u) after", "bold link after"),
      ("[ref link][ref] and [collapsed][]", "ref link and collapsed"),
      ("![alt](img.png)Caption", "Caption"),
      ("[![badge](b.svg)](link)", ""),
      ("see <https://example.org/x_y> now", "see https://example.org/x_y now"),
      ("footnote[^1] and [bracketed] text", "footnote[^1] and [bracketed] text"),
      ("a <b>tag</b> stays", "a <b>tag</b> stays"),
    ]
    for (markdown, plain) in cases {
      #expect(MarkdownText.plainText(markdown) == plain, "\(markdown)")
    }
  }

  @Test func listMarkersAreKept() {
    let markdown = "- one *x*\n* two\n+ three\n10) ten\n  - nested **b**"
    #expect(MarkdownText.plainText(markdown) == "- one x\n* two\n+ three\n10) ten\n  - nested b")
  }

  @Test func fencedCodeKeepsItsLines() {
    let markdown = """
      Before

      ```swift
      let x = a * b  // **not bold**
      # not a heading

      ```
      ~~~~
      > kept
      ~~~~
      After
      """
    #expect(
      MarkdownText.plainText(markdown)
        == "Before\n\nlet x = a * b  // **not bold**\n# not a heading\n\n> kept\nAfter")
  }

  @Test func quotedFence() {
    #expect(MarkdownText.plainText("> ```\n> *code*\n> ```\n> after") == "*code*\nafter")
  }

  @Test func headingsRulesAndDefinitions() {
    let markdown = """
      Title
      =====
      Sub *title*
      ---
      #hashtag is text
      ### C# ###
      ####### seven is text

      ***
      [ref]: https://example.org "Title"
      Text
      """
    #expect(
      MarkdownText.plainText(markdown)
        == "Title\n\nSub title\n\n#hashtag is text\nC#\n####### seven is text\n\nText")
  }

  @Test func commentsAndBlankLines() {
    let markdown = "\n\nOne <!-- inline --> two\n<!--\nmulti\nline\n-->\n\n\n\nThree  \n\n"
    #expect(MarkdownText.plainText(markdown) == "One  two\n\nThree")
  }

  @Test func japaneseIsUntouched() {
    let text = "外務省は、１２日（金）、「声明」を発表した。　全角スペース＊記号＿も。"
    #expect(MarkdownText.plainText(text) == text)
  }
}
