import Foundation
import Testing

@testable import SeimeiKit

/// Finding quotations in statements: exact, normalized, misquoted and missing ones, on the
/// project's samples and on small texts.
@Suite struct QuoteMatcherTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  /// The scalar range of the first occurrence of `needle` in the statement's text, found
  /// independently of the matcher.
  func range(of needle: String, in statement: Statement) throws -> TextRange {
    let found = try #require(statement.text.range(of: needle))
    let scalars = statement.text.unicodeScalars
    let start = scalars.distance(from: scalars.startIndex, to: found.lowerBound)
    return TextRange(start, start + needle.unicodeScalars.count)
  }

  /// Indices of the sentences and paragraphs whose text contains `needle`.
  func sentences(containing needle: String, in statement: Statement) -> [Int] {
    statement.segmentation.sentences.indices.filter {
      statement.text(of: statement.segmentation.sentences[$0].range).contains(needle)
    }
  }

  func paragraphs(containing needle: String, in statement: Statement) -> [Int] {
    statement.segmentation.paragraphs.indices.filter {
      statement.text(of: statement.segmentation.paragraphs[$0]).contains(needle)
    }
  }

  // MARK: Exact

  @Test func exactInEnglish() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let quote = "condemns in the strongest terms this reckless and cynical conduct"
    let match = QuoteMatcher.find(quote, in: statement)
    #expect(match.kind == .exact)
    #expect(match.quote == quote)
    #expect(match.range == (try range(of: quote, in: statement)))
    #expect(match.sourceText == quote)
    #expect(match.sentences == sentences(containing: quote, in: statement))
    #expect(match.sentences.count == 1)
    #expect(match.paragraphs == paragraphs(containing: quote, in: statement))
    #expect(match.similarity == 1)
    #expect(match.differences.isEmpty)
    #expect(match.occurrences == [match.range])
    // Surrounding whitespace is not part of a quotation.
    #expect(QuoteMatcher.find("  \(quote)\n", in: statement).kind == .exact)
  }

  @Test func exactInJapanese() throws {
    let statement = try load("ja/mofa-cyber.txt")
    let quote = "こうした活動に強い懸念を有している"
    let match = QuoteMatcher.find(quote, in: statement)
    #expect(match.kind == .exact)
    #expect(match.range == (try range(of: quote, in: statement)))
    #expect(match.sourceText == quote)
    #expect(match.sentences == sentences(containing: quote, in: statement))
    #expect(match.paragraphs == [2])  // the third numbered point
    #expect(statement.text(of: statement.segmentation.paragraphs[2]).hasPrefix("3"))
  }

  @Test func exactAcrossSentences() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let quote = "KX-22 presents itself as a criminal gang. It is not. Its operators"
    let match = QuoteMatcher.find(quote, in: statement)
    #expect(match.kind == .exact)
    #expect(match.sourceText == quote)
    let first = sentences(containing: "presents itself as a criminal gang", in: statement)
    #expect(first.count == 1)
    #expect(match.sentences == [first[0], first[0] + 1, first[0] + 2])
  }

  // MARK: Normalized

  @Test func widthVariantsAreNormalized() {
    let statement = Statement(
      name: "t", text: "攻撃グループＡＰＴ４０は、政府機関を標的とした。", language: .ja)
    let match = QuoteMatcher.find("攻撃グループAPT40は", in: statement)
    #expect(match.kind == .normalized)
    #expect(match.sourceText == "攻撃グループＡＰＴ４０は")
    #expect(match.range == TextRange(0, 12))
    #expect(match.similarity == 1)
    #expect(match.differences.isEmpty)
    let english = Statement(name: "e", text: "The group APT40 was named.", language: .en)
    #expect(
      QuoteMatcher.find("the group ＡＰＴ４０ was", in: english).sourceText
        == "The group APT40 was")
  }

  @Test func quotationMarkStyleIsNormalized() throws {
    let japanese = try load("ja/mofa-cyber.txt")
    let match = QuoteMatcher.find(
      "一連の攻撃は“KX-22”と呼ばれるサイバー攻撃グループによって", in: japanese)
    #expect(match.kind == .normalized)
    #expect(match.sourceText == "一連の攻撃は「KX-22」と呼ばれるサイバー攻撃グループによって")
    // The statement's own quotation marks, re-marked as nested ones inside the quotation.
    #expect(
      QuoteMatcher.find("『KX-22』と呼ばれる", in: japanese).sourceText == "「KX-22」と呼ばれる")
    let english = try load("en/arvenna-pm-cyber.txt")
    let nested = QuoteMatcher.find("Johanna Reyl said: ‘For two years a unit", in: english)
    #expect(nested.kind == .normalized)
    #expect(nested.sourceText == "Johanna Reyl said: \"For two years a unit")
    // An apostrophe is a quotation mark too: curly and straight ones agree.
    let curly = QuoteMatcher.find("the group’s leak site", in: english)
    #expect(curly.kind == .normalized)
    #expect(curly.sourceText == "the group's leak site")
  }

  @Test func lineBreaksAndWhitespaceAreNormalized() {
    let english = Statement(
      name: "e", text: "The Council condemns\nthe attacks on  hospitals.", language: .en)
    let spaced = QuoteMatcher.find("condemns the attacks on hospitals", in: english)
    #expect(spaced.kind == .normalized)
    #expect(spaced.sourceText == "condemns\nthe attacks on  hospitals")
    // The same line break in the quotation is exact.
    #expect(QuoteMatcher.find("condemns\nthe attacks on  hospitals", in: english).kind == .exact)
    // In Japanese a line break inside a sentence adds no space, and a space next to kana is
    // typography.
    let japanese = Statement(
      name: "j", text: "政府は、こうした活動に強い\n懸念を有している。KX-22 と呼ばれる。",
      language: .ja)
    let joined = QuoteMatcher.find("強い懸念を有している", in: japanese)
    #expect(joined.kind == .normalized)
    #expect(joined.sourceText == "強い\n懸念を有している")
    #expect(QuoteMatcher.find("KX-22と呼ばれる", in: japanese).sourceText == "KX-22 と呼ばれる")
  }

  @Test func caseAtTheStartIsNormalized() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find(
      "the Government of Arvenna attributes this campaign to the Foreign Information Directorate",
      in: statement)
    #expect(match.kind == .normalized)
    #expect(match.sourceText?.hasPrefix("The Government of Arvenna attributes") == true)
    #expect(match.similarity == 1)
  }

  @Test func acrossTwoSentencesWithDifferentSpacing() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find("a criminal gang.  It is not.", in: statement)
    #expect(match.kind == .normalized)
    #expect(match.sourceText == "a criminal gang. It is not.")
    let first = sentences(containing: "presents itself as a criminal gang", in: statement)[0]
    #expect(match.sentences == [first, first + 1])
  }

  @Test func punctuationOnlyDifferencesAreNormalizedAndShown() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    // A quoted clause ended with a full stop where the statement goes on with a comma.
    let match = QuoteMatcher.find("These acts are contrary to international law.", in: statement)
    #expect(match.kind == .normalized)
    #expect(match.sourceText == "These acts are contrary to international law")
    #expect(match.similarity == 1)
    #expect(
      match.differences == [.same("These acts are contrary to international law"), .added(".")])
    #expect(match.occurrences == [match.range])
  }

  @Test func anEllipsisInsideOneParagraphIsAGap() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let quote = "Technical Service 61 tasks … the cyber group known as KX-22"
    let match = QuoteMatcher.find(quote, in: statement)
    #expect(match.kind == .normalized)
    #expect(
      match.sourceText
        == "Technical Service 61 tasks, funds and protects the cyber group known as KX-22")
    #expect(match.elisions.map { String(statement.text(of: $0)) } == [", funds and protects"])
    // Three full stops and a bracketed ellipsis are ellipses too.
    let dots = QuoteMatcher.find("Technical Service 61 tasks [...] the cyber group", in: statement)
    #expect(dots.kind == .normalized)
    #expect(dots.elisions == match.elisions)
    // At the start it only says the quotation begins mid-sentence.
    let leading = QuoteMatcher.find("…to make sure that such attacks carry a cost", in: statement)
    #expect(leading.kind == .normalized)
    #expect(leading.sourceText == "to make sure that such attacks carry a cost")
    #expect(leading.elisions.isEmpty)
    // A gap may not leave its paragraph: the words left out then show as removed.
    let quote2 = "We condemn … We will respond firmly."
    let one = Statement(name: "one", text: "We condemn the attacks. We will respond firmly.")
    #expect(
      QuoteMatcher.find(quote2, in: one).elisions.map { String(one.text(of: $0)) } == [
        "the attacks."
      ])
    let two = Statement(name: "two", text: "We condemn the attacks.\n\nWe will respond firmly.")
    let across = QuoteMatcher.find(quote2, in: two)
    #expect(across.kind == .misquote)
    #expect(across.elisions.isEmpty)
    #expect(across.differences.contains(.removed(" the attacks.")))
  }

  // MARK: Misquotes

  @Test func aChangedWord() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find("condemns in strong terms", in: statement)
    #expect(match.kind == .misquote)
    #expect(match.sourceText == "condemns in the strongest terms")
    #expect(match.range == (try range(of: "condemns in the strongest terms", in: statement)))
    #expect(
      match.differences == [
        .same("condemns in"), .removed(" the strongest"), .added(" strong"), .same(" terms"),
      ])
    #expect(WordDiff.render(match.differences) == "condemns in [-the strongest-]{+strong+} terms")
    // 3 of 4 quoted words against 3 of 5 source words: 2 × 3 / 9.
    #expect(abs(match.similarity - 2.0 / 3.0) < 1e-9)
    #expect(match.occurrences.isEmpty)
    #expect(match.sentences == sentences(containing: "condemns in the strongest", in: statement))
  }

  @Test func anAddedWord() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find(
      "Shutting down hospitals and tampering with the water supply puts many lives at risk.",
      in: statement)
    #expect(match.kind == .misquote)
    #expect(
      match.sourceText
        == "Shutting down hospitals and tampering with the water supply puts lives at risk.")
    #expect(
      match.differences == [
        .same("Shutting down hospitals and tampering with the water supply puts"),
        .added(" many"), .same(" lives at risk."),
      ])
  }

  @Test func droppedWords() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find(
      "Every organisation should read the joint advisory and act on it now.", in: statement)
    #expect(match.kind == .misquote)
    #expect(
      match.differences == [
        .same("Every organisation"), .removed(", large or small,"),
        .same(" should read the joint advisory and act on it now."),
      ])
    // A clause left out without an ellipsis: the passage still starts at the quotation's first
    // word, so the dropped clause shows; the words "it" replaced show too.
    let clause = QuoteMatcher.find(
      "We know who they are, and they will answer for it.", in: statement)
    #expect(clause.kind == .misquote)
    #expect(
      clause.differences == [
        .same("We know who they are,"), .removed(" our partners know who they are,"),
        .same(" and they will answer for"), .removed(" what they have done"), .added(" it."),
      ])
    // Words replaced at the end of a quotation: the passage takes in the source's words there.
    let replaced = QuoteMatcher.find(
      "call on the Sarkovan Federation to stop this activity immediately", in: statement)
    #expect(replaced.kind == .misquote)
    #expect(replaced.sourceText == "call on the Sarkovan Federation to stop this activity at once")
    #expect(WordDiff.render(replaced.differences).hasSuffix("[-at once-]{+immediately+}"))
    // A change of case is not a difference.
    let dropped = QuoteMatcher.find(
      "the government of Arvenna condemns in the strongest terms this reckless conduct",
      in: statement)
    #expect(dropped.kind == .misquote)
    #expect(
      dropped.differences == [
        .same("the government of Arvenna condemns in the strongest terms this reckless"),
        .removed(" and cynical"), .same(" conduct"),
      ])
  }

  @Test func aChangedWordInJapanese() throws {
    let statement = try load("ja/mofa-cyber.txt")
    let before = "政府は、関係機関と連携してこれらの事案に対処してきており、"
    let match = QuoteMatcher.find(before + "こうした活動に深い懸念を有している。", in: statement)
    #expect(match.kind == .misquote)
    #expect(match.sourceText == before + "こうした活動に強い懸念を有している。")
    #expect(
      match.differences == [
        .same(before + "こうした活動に"), .removed("強い"), .added("深い"),
        .same("懸念を有している。"),
      ])
    #expect(
      WordDiff.render(match.differences).hasSuffix("活動に[-強い-]{+深い+}懸念を有している。"))
    #expect(match.similarity > 0.9 && match.similarity < 1)
    #expect(match.sentences == sentences(containing: "強い懸念を有している", in: statement))
    // A hedge turned into a certainty.
    let hedge = QuoteMatcher.find("国家機関の支援を受けていることが確実", in: statement)
    #expect(hedge.kind == .misquote)
    #expect(hedge.differences.contains(.removed("可能性")))
  }

  // MARK: Not found

  @Test func notFound() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find("the weather in Paris is lovely this time of year", in: statement)
    #expect(match.kind == .notFound)
    #expect(match.range == nil && match.sourceText == nil)
    #expect(match.sentences.isEmpty && match.occurrences.isEmpty && match.differences.isEmpty)
    #expect(match.similarity < QuoteMatcher.misquoteThreshold)
    #expect(QuoteMatcher.find("  \n", in: statement).kind == .notFound)
    #expect(QuoteMatcher.find("…", in: statement).kind == .notFound)
    // Three words in five changed is not a misquote; two is.
    #expect(QuoteMatcher.find("condemns with the utmost force", in: statement).kind == .notFound)
    #expect(QuoteMatcher.find("condemns in no uncertain terms", in: statement).kind == .misquote)
    // A quotation never matches part of a word.
    let small = Statement(name: "s", text: "The statement was clear.", language: .en)
    #expect(QuoteMatcher.find("state", in: small).kind == .notFound)
    #expect(QuoteMatcher.find("statement was", in: small).kind == .exact)
  }

  // MARK: Several occurrences

  @Test func severalOccurrencesAndSelectors() throws {
    let statement = Statement(
      name: "s",
      text: "The ministry will respond. Officials said the ministry will respond.\n\n"
        + "Later the Ministry will respond again.",
      language: .en)
    let quote = "the ministry will respond"
    let all = QuoteMatcher.find(quote, in: statement)
    #expect(all.occurrences == [TextRange(0, 25), TextRange(42, 67), TextRange(76, 101)])
    // With no selector, the first exact occurrence.
    #expect(all.range == TextRange(42, 67))
    #expect(all.kind == .exact)
    let later = QuoteMatcher.find(quote, in: statement, prefix: "Later ")
    #expect(later.range == TextRange(76, 101))
    #expect(later.kind == .normalized)
    #expect(later.sourceText == "the Ministry will respond")
    #expect(later.paragraphs == [1])
    #expect(later.occurrences == all.occurrences)
    #expect(QuoteMatcher.find(quote, in: statement, suffix: " again.").range == later.range)
    #expect(
      QuoteMatcher.find(quote, in: statement, suffix: ". Officials").range == TextRange(0, 25))
    #expect(
      QuoteMatcher.find(quote, in: statement, prefix: "said", suffix: ".").range
        == TextRange(42, 67))
    // Only normalized occurrences: the first.
    let first = QuoteMatcher.find("THE MINISTRY WILL RESPOND", in: statement)
    #expect(first.kind == .normalized)
    #expect(first.range == TextRange(0, 25))
  }

  @Test func severalOccurrencesInASample() throws {
    let statement = try load("en/arvenna-pm-cyber.txt")
    let match = QuoteMatcher.find("the Government of Arvenna", in: statement)
    #expect(match.occurrences.count == 3)
    #expect(match.kind == .exact)
    #expect(match.sourceText == "the Government of Arvenna")
    let selected = QuoteMatcher.find(
      "the Government of Arvenna", in: statement, suffix: "condemns in the strongest terms")
    #expect(selected.kind == .normalized)
    #expect(selected.sourceText == "The Government of Arvenna")
    #expect(selected.sentences == sentences(containing: "condemns in the strongest", in: statement))
  }

  // MARK: Index and speed

  @Test func theIndexFindsTheSame() throws {
    for path in ["en/arvenna-pm-cyber.txt", "ja/mofa-cyber.txt"] {
      let statement = try load(path)
      let index = QuoteMatcher.Index(statement)
      for quote in [
        "condemns in strong terms", "the Government of Arvenna", "強い懸念を有している",
        "一連の攻撃は『KX-22』と呼ばれる", "nothing like this at all", "深い懸念を有している",
      ] {
        #expect(index.find(quote) == QuoteMatcher.find(quote, in: statement))
      }
    }
  }

  @Test func aLargeRepetitiveStatement() throws {
    let sample = try load("en/arvenna-pm-cyber.txt")
    let copies = 300_000 / sample.text.utf8.count + 1
    let statement = Statement(
      name: "large", text: Array(repeating: sample.text, count: copies).joined(separator: "\n\n"),
      language: .en)
    #expect(statement.text.utf8.count > 300_000)
    let index = QuoteMatcher.Index(statement)
    let exact = index.find("condemns in the strongest terms")
    #expect(exact.kind == .exact)
    #expect(exact.occurrences.count == copies)
    #expect(exact.range == (try range(of: "condemns in the strongest terms", in: statement)))
    // A misquote: the earliest of the equally close passages.
    let misquote = index.find("condemns in strong terms")
    #expect(misquote.kind == .misquote)
    #expect(misquote.range == exact.range)
    let missing = index.find("the weather in Paris is lovely this time of year")
    #expect(missing.kind == .notFound)
  }
}
