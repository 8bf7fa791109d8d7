import Foundation
import Testing

@testable import SeimeiKit

/// Sentence alignment on the project's samples: a translation, two versions of a statement,
/// a statement with itself, and changed copies of the translation.
@Suite struct AlignmentTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  /// The pairs as (left, right) index lists.
  func shape(_ alignment: SentenceAlignment) -> [[[Int]]] {
    alignment.pairs.map { [$0.left, $0.right] }
  }

  /// Every sentence of both sides appears exactly once, in order.
  func expectCoverage(
    _ alignment: SentenceAlignment, _ a: Statement, _ b: Statement,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      alignment.pairs.flatMap(\.left) == Array(a.segmentation.sentences.indices),
      sourceLocation: sourceLocation)
    #expect(
      alignment.pairs.flatMap(\.right) == Array(b.segmentation.sentences.indices),
      sourceLocation: sourceLocation)
  }

  func sentence(_ statement: Statement, _ index: Int) -> String {
    String(statement.text(of: statement.segmentation.sentences[index].range))
  }

  /// A statement made from another's text with some sentences changed.
  func edited(_ statement: Statement, _ edits: [(String, String)]) throws -> Statement {
    var text = statement.text
    for (old, new) in edits {
      try #require(text.contains(old), "\(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return Statement(name: "edited", text: text, language: statement.language)
  }

  @Test func alignmentPairsEverySentenceOfATranslation() throws {
    let japanese = try load("ja/mofa-cyber.txt")
    let english = try load("en/mofa-cyber-en.txt")
    #expect(SentenceAlignment.isTranslationPair(japanese, english))
    #expect(SentenceAlignment.isTranslationPair(english, japanese))
    let alignment = SentenceAlignment.align(japanese, english)
    #expect(japanese.segmentation.sentences.count == 9)
    #expect(shape(alignment) == (0..<9).map { [[$0], [$0]] })
    #expect(alignment.unmatchedLeft.isEmpty && alignment.unmatchedRight.isEmpty)
    for pair in alignment.pairs {
      #expect(pair.differences == nil && !pair.isIdentical)
      #expect(pair.score > 0.5 && pair.score < 1, "\(pair)")
    }
    // The other way round too.
    #expect(shape(SentenceAlignment.align(english, japanese)) == (0..<9).map { [[$0], [$0]] })
  }

  @Test func twoVersionsOfAStatement() throws {
    let draft = try load("versions/meridian-council-draft.txt")
    let final = try load("versions/meridian-council-final.txt")
    #expect(!SentenceAlignment.isTranslationPair(draft, final))
    #expect(draft.segmentation.sentences.count == 11)
    #expect(final.segmentation.sentences.count == 12)
    let alignment = SentenceAlignment.align(draft, final)
    expectCoverage(alignment, draft, final)
    #expect(
      shape(alignment) == [
        [[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6, 7]],
        [[7], []], [[8], [8]], [[], [9]], [[9], [10]], [[10], [11]],
      ])

    // Identical sentences.
    let identical = alignment.pairs.filter(\.isIdentical)
    #expect(identical.map(\.left) == [[0], [5], [8], [9], [10]])
    for pair in identical { #expect(pair.score == 1 && pair.differences == nil) }

    // Changed sentences, with their word diffs.
    let condemns = alignment.pairs[4]
    #expect(
      condemns.differences == [
        .same("The Council condemns"), .added(" in the strongest terms"),
        .same(" these attacks, which have put the lives of patients at risk."),
      ])
    #expect(condemns.score > 0.7 && condemns.score < 1)
    let render = { (index: Int) in alignment.pairs[index].differences.map(WordDiff.render) }
    #expect(render(1)?.hasSuffix("delivered on [-28-]{+27+} November.") == true)
    #expect(render(2)?.contains("Arvenna [-and-]{+,+} Akitsu {+and Cassina+}, whose") == true)
    #expect(render(3)?.contains("[-40-]{+60+} hospitals and water utilities in [-nine-]") == true)

    // The split sentence is one pair, with the diff across both halves.
    let split = alignment.pairs[6]
    #expect(split.left == [6] && split.right == [6, 7] && !split.isIdentical)
    #expect(
      split.differences.map(WordDiff.render)
        == "Members agreed to set up a rapid information-sharing network between their national "
        + "cyber security agencies[-, and they asked the-]{+. The+} Cell [-to-]{+will+} run the "
        + "network from 1 February.")

    // The dropped and the added sentence have no counterpart.
    #expect(alignment.unmatchedLeft == [7])
    #expect(sentence(draft, 7).hasPrefix("The network will also be open"))
    #expect(alignment.unmatchedRight == [9])
    #expect(sentence(final, 9).hasPrefix("Members welcome the indictments"))
    #expect(alignment.pairs[7].score == 0 && alignment.pairs[7].differences == nil)

    // The other way round: mirrored.
    let reverse = SentenceAlignment.align(final, draft)
    #expect(shape(reverse) == shape(alignment).map { [$0[1], $0[0]] })
    #expect(
      reverse.pairs[4].differences.map(WordDiff.render)?.contains("[-in the strongest") == true)
  }

  @Test func aStatementWithItselfIsIdenticalThroughout() throws {
    for path in ["en/arvenna-pm-cyber.txt", "ja/mofa-cyber.txt", "ja/meti-export-controls.txt"] {
      let statement = try load(path)
      let alignment = SentenceAlignment.align(statement, statement)
      let count = statement.segmentation.sentences.count
      #expect(count > 5)
      #expect(shape(alignment) == (0..<count).map { [[$0], [$0]] }, "\(path)")
      #expect(alignment.pairs.allSatisfy { $0.isIdentical && $0.score == 1 }, "\(path)")
    }
  }

  @Test func aTranslationThatLeavesOutOrAddsASentence() throws {
    let japanese = try load("ja/mofa-cyber.txt")
    let english = try load("en/mofa-cyber-en.txt")
    // Left out: the Japanese sentence stays unmatched; its neighbour is not joined to it.
    let shorter = try edited(
      english,
      [
        (
          " In Akitsu as well, several cases of unauthorised access using similar methods have "
            + "been confirmed.", ""
        )
      ])
    let left = SentenceAlignment.align(japanese, shorter)
    expectCoverage(left, japanese, shorter)
    #expect(left.unmatchedLeft == [3] && left.unmatchedRight.isEmpty)
    #expect(left.pairs.allSatisfy { $0.left.count + $0.right.count <= 2 })
    #expect(sentence(japanese, 3).hasPrefix("我が国でも"))

    // Added: the new English sentence stays unmatched.
    let longer = try edited(
      english,
      [
        (
          "Akitsu will continue to collect",
          "Akitsu strongly condemns these activities and calls on all states to act. "
            + "Akitsu will continue to collect"
        )
      ])
    let right = SentenceAlignment.align(japanese, longer)
    expectCoverage(right, japanese, longer)
    #expect(right.unmatchedRight == [7] && right.unmatchedLeft.isEmpty)
    #expect(sentence(longer, 7).hasPrefix("Akitsu strongly condemns"))

    // Split in two: a 1–2 pair.
    let split = try edited(
      english,
      [("relevant agencies, and has strong concerns", "relevant agencies. It has strong concerns")])
    let splitAlignment = SentenceAlignment.align(japanese, split)
    expectCoverage(splitAlignment, japanese, split)
    #expect(splitAlignment.pairs[4].left == [4] && splitAlignment.pairs[4].right == [4, 5])
    #expect(splitAlignment.unmatchedLeft.isEmpty && splitAlignment.unmatchedRight.isEmpty)
  }

  @Test func aReplacedSentenceIsNotPairedWithItsReplacement() throws {
    let english = try load("en/mofa-cyber-en.txt")
    let replaced = try edited(
      english,
      [
        (
          "In Akitsu as well, several cases of unauthorised access using similar methods have "
            + "been confirmed.",
          "The Government has also briefed its partners in the region on these findings."
        )
      ])
    let alignment = SentenceAlignment.align(english, replaced)
    expectCoverage(alignment, english, replaced)
    #expect(alignment.unmatchedLeft == [3] && alignment.unmatchedRight == [3])
    #expect(alignment.pairs.filter(\.isIdentical).count == 8)
  }

  @Test func unrelatedStatementsInOneLanguageShareNoSentences() throws {
    let sarkova = try load("en/sarkova-spokesperson.txt")
    let council = try load("en/meridian-council.txt")
    let alignment = SentenceAlignment.align(sarkova, council)
    expectCoverage(alignment, sarkova, council)
    #expect(alignment.pairs.allSatisfy { $0.left.isEmpty || $0.right.isEmpty })
  }

  @Test func numbersMatchAcrossLanguages() throws {
    let japanese = try load("ja/mofa-cyber.txt")
    let english = try load("en/mofa-cyber-en.txt")
    // 1　本日（10月14日）… and 1. Today (14 October), …
    #expect(SentenceAlignment.numbers(in: japanese, sentence: 0) == ["1", "10", "14"])
    #expect(SentenceAlignment.numbers(in: english, sentence: 0) == ["1", "14", "10"])
    #expect(SentenceAlignment.numbers(in: japanese, sentence: 99).isEmpty)
    let statement = Statement(
      name: "numbers",
      text: "In May, 3,400 attacks; on 2 May, ３，４００ more, 07 of them in Sept 2025, "
        + "eleven times 2.5 and one more. We may act.",
      language: .en)
    #expect(
      SentenceAlignment.numbers(in: statement, sentence: 0) == [
        "3400", "2", "5", "3400", "7", "9", "2025", "11", "2.5",
      ])
    #expect(SentenceAlignment.numbers(in: statement, sentence: 1).isEmpty)
  }

  @Test func emptyStatementsLeaveEverySentenceUnmatched() throws {
    let english = try load("en/mofa-cyber-en.txt")
    let empty = Statement(name: "empty", text: "", language: .en)
    let alignment = SentenceAlignment.align(english, empty)
    #expect(alignment.unmatchedLeft == Array(0..<9) && alignment.unmatchedRight.isEmpty)
    #expect(SentenceAlignment.align(empty, empty).pairs.isEmpty)
  }

  /// Two statements of 300 sentences, and a 297-sentence translation (not timed).
  @Test func longStatementsAlign() throws {
    let vocabulary = [
      "council", "members", "agency", "network", "report", "attack", "campaign", "states",
      "partners", "review", "data", "threat", "group", "hospitals", "utilities", "sanctions",
      "ministry", "cooperation", "norms", "security", "infrastructure", "operators", "evidence",
      "assessment", "measures", "dialogue", "services", "incident", "response", "allies",
    ]
    var state: UInt64 = 2025
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    var old: [String] = []
    var new: [String] = []
    var dropped: [Int] = []
    for index in 0..<300 {
      let words = (0..<(8 + index % 13)).map { _ in vocabulary[next() % vocabulary.count] }
      let sentence = "The " + words.joined(separator: " ") + " \(index)."
      old.append(sentence)
      if index % 10 == 3 {
        dropped.append(index)
        continue
      }
      new.append(
        index % 7 == 0 ? sentence.replacingOccurrences(of: "The ", with: "Our ") : sentence)
    }
    func text(_ sentences: [String]) -> String {
      stride(from: 0, to: sentences.count, by: 6).map {
        sentences[$0..<min($0 + 6, sentences.count)].joined(separator: " ")
      }.joined(separator: "\n\n")
    }
    let a = Statement(name: "a", text: text(old), language: .en)
    let b = Statement(name: "b", text: text(new), language: .en)
    #expect(a.segmentation.sentences.count == 300 && b.segmentation.sentences.count == 270)
    let alignment = SentenceAlignment.align(a, b)
    expectCoverage(alignment, a, b)
    #expect(alignment.unmatchedLeft == dropped)
    #expect(alignment.unmatchedRight.isEmpty)
    // Every seventh sentence kept was changed: "The" became "Our".
    let changed = alignment.pairs.filter { !$0.isIdentical && !$0.right.isEmpty }
    #expect(changed.map(\.left) == (0..<300).filter { $0 % 7 == 0 && $0 % 10 != 3 }.map { [$0] })
    #expect(changed.allSatisfy { $0.differences?.prefix(2) == [.removed("The"), .added("Our")] })

    let japanese = try load("ja/mofa-cyber.txt")
    let english = try load("en/mofa-cyber-en.txt")
    let longJapanese = Statement(
      name: "ja", text: Array(repeating: japanese.text, count: 33).joined(separator: "\n\n"),
      language: .ja)
    let longEnglish = Statement(
      name: "en", text: Array(repeating: english.text, count: 33).joined(separator: "\n\n"),
      language: .en)
    let translation = SentenceAlignment.align(longJapanese, longEnglish)
    #expect(shape(translation) == (0..<297).map { [[$0], [$0]] })
  }
}
