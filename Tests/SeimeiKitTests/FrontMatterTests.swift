import SeimeiKit
import Testing

@Suite struct FrontMatterTests {
  @Test func fieldsAndBody() {
    let text = """
      ---
      Title: "外務報道官談話"
      date: 2024-05-01
      # a comment

      url: https://www.example.go.jp/press/1.html
      issuer: '外務省'
      tags:
        - missile
      ---


      本文です。
      second line
      """
    let split = FrontMatter.split(text)
    #expect(
      split.frontMatter?.fields == [
        .init(key: "title", value: "外務報道官談話"), .init(key: "date", value: "2024-05-01"),
        .init(key: "url", value: "https://www.example.go.jp/press/1.html"),
        .init(key: "issuer", value: "外務省"), .init(key: "tags", value: ""),
      ])
    #expect(split.frontMatter?["title"] == "外務報道官談話")
    #expect(split.frontMatter?["missing"] == nil)
    #expect(split.body == "本文です。\nsecond line")
    // The offset counts Unicode scalars of the text before the body.
    let scalars = Array(text.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[split.bodyOffset...])) == split.body)
  }

  @Test func dotsCloseTheBlockAndQuotesMustPair() {
    let split = FrontMatter.split("---\nkey: \"unbalanced'\n  name :  spaced  \n...\nBody")
    #expect(split.frontMatter?.fields == [.init(key: "key", value: "\"unbalanced'")])
    #expect(split.body == "Body")
    #expect(split.bodyOffset == 45)
  }

  @Test func withoutFrontMatterTheTextIsUnchanged() {
    for text in [
      "Plain text\n---\nkey: value\n---\n", "\n---\nkey: value\n---\n", " ---\nkey: v\n---\n",
      "----\nkey: v\n----\n", "", "---",
    ] {
      let split = FrontMatter.split(text)
      #expect(split.frontMatter == nil, "\(text)")
      #expect(split.body == text)
      #expect(split.bodyOffset == 0)
    }
  }

  @Test func anUnclosedBlockIsNotFrontMatter() {
    let text = "---\ntitle: x\n\nBody without a closing line"
    let split = FrontMatter.split(text)
    #expect(split.frontMatter == nil)
    #expect(split.body == text)
  }

  @Test func aLeadingRuleInMarkdownIsNotFrontMatter() {
    let text = "---\nA paragraph between two rules.\n---\nMore text"
    #expect(FrontMatter.split(text).frontMatter == nil)
  }

  @Test func emptyBlockAndEmptyBody() {
    let empty = FrontMatter.split("---\n---\nBody")
    #expect(empty.frontMatter == FrontMatter(fields: []))
    #expect(empty.body == "Body")
    #expect(empty.bodyOffset == 8)

    let noBody = FrontMatter.split("---\ntitle: T\n---\n\n  \n")
    #expect(noBody.frontMatter?["title"] == "T")
    #expect(noBody.body == "")
    #expect(noBody.bodyOffset == 21)
  }

  @Test func crlfAndTrailingBlanksOnMarkers() {
    let split = FrontMatter.split("--- \r\ntitle: T\r\n---\t\r\n\r\nBody\r\n")
    #expect(split.frontMatter?["title"] == "T")
    #expect(split.body == "Body\r\n")
  }

  @Test func duplicateKeysKeepTheirOrderAndTheFirstWins() {
    let matter = FrontMatter.split("---\nnote: one\nNOTE: two\n---\nx").frontMatter
    #expect(matter?.fields.map(\.value) == ["one", "two"])
    #expect(matter?["note"] == "one")
  }
}
