import Foundation
import Testing

@testable import SeimeiKit

/// Word-level differences: units, the edit script, and the `git diff --word-diff=plain` rendering.
@Suite struct WordDiffTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  @Test func unitsAreWordsAndPunctuationWithoutWhitespace() {
    #expect(
      WordDiff.units(of: "Sarkova's  \"firm\" rejection\nof KX-22's 3,400 claims.", language: .en)
        == [
          "Sarkova's", "\"", "firm", "\"", "rejection", "of", "KX", "-", "22", "'", "s", "3,400",
          "claims", ".",
        ])
    // Morphemes in Japanese; the katakana word ICU's dictionary cuts up is one unit again.
    #expect(
      WordDiff.units(of: "サイバー攻撃グループ「KX-22」に強い懸念。", language: .ja) == [
        "サイバー", "攻撃", "グループ", "「", "KX", "-", "22", "」", "に", "強い", "懸念", "。",
      ])
    #expect(WordDiff.units(of: " \n\u{3000}", language: .ja).isEmpty)
  }

  @Test func aChangedPhraseInEnglish() {
    let pieces = WordDiff.diff(
      "The Council strongly condemns the attacks.",
      "The Council condemns in the strongest terms the attacks.", language: .en)
    #expect(
      pieces == [
        .same("The Council"), .removed(" strongly"), .same(" condemns"),
        .added(" in the strongest terms"), .same(" the attacks."),
      ])
    #expect(
      WordDiff.render(pieces)
        == "The Council [-strongly-] condemns {+in the strongest terms+} the attacks.")
  }

  @Test func aReplacedWordIsOneRemovalThenOneAddition() {
    let pieces = WordDiff.diff("the strong concern", "the deep concern", language: .en)
    #expect(pieces == [.same("the"), .removed(" strong"), .added(" deep"), .same(" concern")])
    #expect(WordDiff.render(pieces) == "the [-strong-]{+deep+} concern")
    // A changed run of several words is still one removal and one addition.
    #expect(
      WordDiff.diff(
        "more than 40 hospitals in nine states", "more than 60 clinics in nine states",
        language: .en)
        == [
          .same("more than"), .removed(" 40 hospitals"), .added(" 60 clinics"),
          .same(" in nine states"),
        ])
  }

  @Test func namesAreKeptRatherThanConjunctions() {
    // Both scripts change three units; the one that keeps "Akitsu" rather than "and" is taken.
    let pieces = WordDiff.diff(
      "solidarity with Arvenna and Akitsu, whose",
      "solidarity with Arvenna, Akitsu and Cassina, whose",
      language: .en)
    #expect(
      pieces == [
        .same("solidarity with Arvenna"), .removed(" and"), .added(","), .same(" Akitsu"),
        .added(" and Cassina"), .same(", whose"),
      ])
    #expect(
      WordDiff.render(pieces)
        == "solidarity with Arvenna [-and-]{+,+} Akitsu {+and Cassina+}, whose")
  }

  @Test func aChangedWordInsideAJapaneseSentence() {
    let pieces = WordDiff.diff(
      "政府は、こうした活動に強い懸念を有している。",
      "政府は、こうした活動に深い憂慮を有している。", language: .ja)
    #expect(
      pieces == [
        .same("政府は、こうした活動に"), .removed("強い懸念"), .added("深い憂慮"),
        .same("を有している。"),
      ])
    #expect(
      WordDiff.render(pieces) == "政府は、こうした活動に[-強い懸念-]{+深い憂慮+}を有している。")
    // A code and a word changed in one phrase.
    #expect(
      WordDiff.render(
        WordDiff.diff("攻撃グループ「KX-22」の活動", "攻撃集団「KX-23」の活動", language: .ja))
        == "攻撃[-グループ-]{+集団+}「KX-[-22-]{+23+}」の活動")
  }

  @Test func widthIsNotFoldedButWhitespaceIs() {
    // Full-width digits are a different spelling: a quotation must show it.
    #expect(
      WordDiff.diff("本日（１０月１４日）", "本日（10月14日）", language: .ja)
        == [
          .same("本日（"), .removed("１０"), .added("10"), .same("月"), .removed("１４"),
          .added("14"), .same("日）"),
        ])
    // Spacing and line breaks are not units: no differences, the new text's spacing.
    #expect(
      WordDiff.diff("calls on\n  the Federation", "calls on the Federation", language: .en)
        == [.same("calls on the Federation")])
    #expect(WordDiff.diff("  a b  ", "a b", language: .en) == [.same("a b")])
  }

  @Test func emptyInputs() {
    #expect(WordDiff.diff("", "", language: .en).isEmpty)
    #expect(WordDiff.diff(" \n", "", language: .en).isEmpty)
    #expect(WordDiff.diff("", "New text.", language: .en) == [.added("New text.")])
    #expect(WordDiff.diff("Old text.", "", language: .en) == [.removed("Old text.")])
    #expect(WordDiff.render([]) == "")
    #expect(WordDiff.render([.added("New text.")]) == "{+New text.+}")
    #expect(WordDiff.render([.removed("Old"), .added(" new")]) == "[-Old-] {+new+}")
  }

  @Test func thePiecesRebuildBothTexts() throws {
    let loader = StatementLoader(baseDirectory: Self.samples)
    let draft = try #require(
      loader.load(LoadRequest(source: "versions/meridian-council-draft.txt")).statements.first)
    let final = try #require(
      loader.load(LoadRequest(source: "versions/meridian-council-final.txt")).statements.first)
    let pieces = WordDiff.diff(draft.text, final.text, language: .en)
    func text(_ keep: (WordDiff.Piece) -> Bool) -> String {
      pieces.filter(keep).map(\.text).joined()
    }
    let trimmed = final.text.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(text { if case .removed = $0 { false } else { true } } == trimmed)
    let old = text { if case .added = $0 { false } else { true } }
    #expect(SentenceAlignment.folded(old) == SentenceAlignment.folded(draft.text))
    // Pieces alternate: never two of the same kind in a row, a removal before an addition.
    for (piece, next) in zip(pieces, pieces.dropFirst()) {
      switch (piece, next) {
      case (.same, .same), (.removed, .removed), (.added, .added), (.added, .removed):
        Issue.record("\(piece) then \(next)")
      default: break
      }
    }
    #expect(WordDiff.render(pieces).contains("on [-28-]{+27+} November"))
    // The dropped sentence, with the full stop before it: matches are taken as late as possible.
    #expect(
      WordDiff.render(pieces).contains(
        "February[-. The network will also be open to trusted partners outside the Partnership-]."))
  }

  /// The linear-space split (Hirschberg) finds a subsequence as good as the full table's.
  @Test func theSplitFindsABestSubsequence() {
    var state: UInt64 = 0x5EED
    func random(_ bound: Int) -> Int32 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int32((state >> 33) % UInt64(bound))
    }
    let weights: [Int64] = (0..<8).map { Int64($0 % 3 + 1) }
    for _ in 0..<40 {
      let x = (0..<Int(random(30))).map { _ in random(8) }
      let y = (0..<Int(random(30))).map { _ in random(8) }
      func value(_ matches: [(Int, Int)]) -> Int64 {
        for (i, j) in matches { #expect(x[i] == y[j]) }
        for (previous, next) in zip(matches, matches.dropFirst()) {
          #expect(previous.0 < next.0 && previous.1 < next.1)
        }
        return matches.reduce(0) { $0 + (1 << 32) + weights[Int(x[$1.0])] }
      }
      let table = CommonSubsequence(x: x, y: y, weights: weights).matches()
      let split = CommonSubsequence(x: x, y: y, weights: weights, tableLimit: 1).matches()
      #expect(value(table) == value(split), "\(x) \(y)")
      // The count is the longest common subsequence's length, by the textbook recurrence.
      var lengths = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
      for i in x.indices {
        for j in y.indices {
          lengths[i + 1][j + 1] =
            x[i] == y[j] ? lengths[i][j] + 1 : max(lengths[i][j + 1], lengths[i + 1][j])
        }
      }
      #expect(table.count == lengths[x.count][y.count])
    }
  }

  @Test func longTextsDiffThroughTheSplit() {
    // 2,500 units a side is over the table limit: the middle is split first.
    let words = ["the", "council", "network", "report", "members", "attack", "states", "."]
    var state: UInt64 = 7
    var old: [String] = []
    var new: [String] = []
    for index in 0..<2500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let word = words[Int((state >> 33) % UInt64(words.count))]
      old.append(word)
      if index % 50 == 7 { new.append("inserted") }
      if index % 40 != 3 { new.append(word) }
    }
    let pieces = WordDiff.diff(
      old.joined(separator: " "), new.joined(separator: " "), language: .en)
    let added = pieces.filter { if case .added = $0 { true } else { false } }
    let removed = pieces.filter { if case .removed = $0 { true } else { false } }
    #expect(added.map(\.text).joined() == String(repeating: " inserted", count: 50))
    #expect(WordDiff.units(of: removed.map(\.text).joined(), language: .en).count == 63)
    let kept = pieces.filter { if case .added = $0 { false } else { true } }
    #expect(WordDiff.units(of: kept.map(\.text).joined(), language: .en) == old)
  }
}
