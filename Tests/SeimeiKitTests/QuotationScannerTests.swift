import Testing

@testable import SeimeiKit

/// Finding the quotations of a draft: marks, nesting, unbalanced marks, apostrophes and short
/// quotations.
@Suite struct QuotationScannerTests {
  /// The draft's text of each quotation's range.
  func slices(_ quotations: [DraftQuotation], of draft: String) -> [String] {
    let index = ScalarIndex(draft)
    return quotations.map { String(index.slice($0.range)) }
  }

  @Test func aMixOfMarks() {
    let draft = """
      The minister said “we will respond firmly” and called them “hackers”.
      Officials added "the attacks must stop now" on Tuesday.
      政府は「こうした活動に『強い懸念』を有している」と述べた。「懸念」だけではない。
      """
    let quotations = QuotationScanner.quotations(in: draft)
    #expect(
      quotations.map(\.text) == [
        "we will respond firmly", "the attacks must stop now",
        "こうした活動に『強い懸念』を有している",
      ])
    #expect(quotations.map(\.open) == ["“", "\"", "「"])
    #expect(quotations.map(\.line) == [1, 2, 3])
    #expect(quotations.map(\.column) == [19, 17, 4])
    #expect(slices(quotations, of: draft) == quotations.map(\.text))
    // The ranges are scalar offsets: the second line starts at scalar 71.
    #expect(quotations[0].range == TextRange(19, 41))
    #expect(quotations[1].range == TextRange(87, 112))
  }

  @Test func nestedQuotationsBelongToTheOuterOne() {
    let draft = "He said “the group calls itself ‘Glass Heron’ and denies it” today."
    let quotations = QuotationScanner.quotations(in: draft)
    #expect(quotations.map(\.text) == ["the group calls itself ‘Glass Heron’ and denies it"])
    let japanese = "「『KX-22』と呼ばれるグループ」と『別の引用である』"
    #expect(
      QuotationScanner.quotations(in: japanese).map(\.text) == [
        "『KX-22』と呼ばれるグループ", "別の引用である",
      ])
    // The same mark nested: counted in pairs.
    #expect(
      QuotationScanner.quotations(in: "「外側「内側の言葉」外側の言葉」").map(\.text) == [
        "外側「内側の言葉」外側の言葉"
      ])
  }

  @Test func anUnclosedQuotationStopsAtTheEndOfItsParagraph() {
    let draft = """
      An unclosed “quote that goes on
      over a wrapped line.

      Next paragraph with “a proper quote” here, and "a straight one".
      - a list item with “no end
      - the next item has “two words” closed.
      """
    let quotations = QuotationScanner.quotations(in: draft)
    #expect(quotations.map(\.text) == ["a proper quote", "a straight one", "two words"])
    #expect(quotations.map(\.line) == [4, 4, 6])
    // A quotation may run over a single line break.
    let wrapped = QuotationScanner.quotations(in: "She said “we will\nrespond firmly” today.")
    #expect(wrapped.map(\.text) == ["we will\nrespond firmly"])
    // An odd straight quote is skipped; the scan goes on after it.
    #expect(
      QuotationScanner.quotations(in: "a \"stray mark and “a real quote” here").map(\.text)
        == ["a real quote"])
    // A stray closing mark is ignored.
    #expect(QuotationScanner.quotations(in: "oops” and “two words”").map(\.text) == ["two words"])
  }

  @Test func apostrophesAreNotQuotationMarks() {
    let draft = "The government’s ‘clear and present danger’ remark, and don’t forget it."
    let quotations = QuotationScanner.quotations(in: draft)
    #expect(quotations.map(\.text) == ["clear and present danger"])
    #expect(quotations.map(\.open) == ["‘"])
    #expect(quotations[0].column == 18)
    // An apostrophe inside a single-quoted quotation does not close it.
    #expect(
      QuotationScanner.quotations(in: "‘the state’s own hackers’ said so").map(\.text) == [
        "the state’s own hackers"
      ])
    // Straight apostrophes are never marks.
    #expect(QuotationScanner.quotations(in: "It's the group's 'own words' here").isEmpty)
  }

  @Test func shortQuotationsAreSkippedUnlessAsked() {
    let draft = "“hackers” “KX-22” “U.S. officials” 「懸念」 「強い懸念」 “” 「　」 “two words”"
    #expect(
      QuotationScanner.quotations(in: draft).map(\.text) == [
        "U.S. officials", "強い懸念", "two words",
      ])
    #expect(
      QuotationScanner.quotations(in: draft, includingShort: true).map(\.text) == [
        "hackers", "KX-22", "U.S. officials", "懸念", "強い懸念", "two words",
      ])
    #expect(QuotationScanner.quotations(in: "").isEmpty)
  }

  @Test func quotationsFoundInADraftAreFoundInTheStatement() throws {
    let statement = Statement(
      name: "s",
      text: "The Council condemns in the strongest terms the attacks on hospitals. "
        + "政府は、こうした活動に強い懸念を有している。",
      language: .en)
    let draft = """
      The Council “condemns in strong terms the attacks on hospitals”, it said;
      the government has 「こうした活動に強い懸念を有している」.
      """
    let kinds = QuotationScanner.quotations(in: draft).map {
      QuoteMatcher.find($0.text, in: statement).kind
    }
    #expect(kinds == [.misquote, .exact])
  }
}
