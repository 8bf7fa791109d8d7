import Foundation
import Testing

@testable import SeimeiKit

/// The comparison core on the project's samples: the motivating case, a translation, a denial.
@Suite struct ComparisonTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  func compare(_ paths: String...) throws -> Comparison {
    let statements = try paths.map(load)
    return Comparison(statements, claims: statements.map { ClaimExtractor.claims(in: $0) })
  }

  @Test func theMotivatingCase() throws {
    let comparison = try compare("ja/mofa-cyber.txt", "en/arvenna-pm-cyber.txt")
    let (japanese, english) = (comparison.entries[0], comparison.entries[1])
    #expect(japanese.lengths.characters == 679)
    #expect(english.lengths.characters == 6462)
    #expect(try #require(comparison.characterRatio) > 9)
    // Measures and advice only in the English one; the Japanese one stops at concern.
    let onlyEnglish = try #require(comparison.onlyIn["arvenna-pm-cyber"])
    #expect(onlyEnglish.contains(.advice) && onlyEnglish.contains(.condemnation))
    #expect(english.claims.count(.measure) > japanese.claims.count(.measure))
    #expect(japanese.claims.strongest?.level == 3)
    #expect(english.claims.strongest?.level == 7)
    #expect(comparison.shared.contains(.attribution))
    #expect(comparison.onlyIn["mofa-cyber"]?.contains(.condemnation) == false)
  }

  @Test func aStatementAndItsTranslationSayTheSameThings() throws {
    let comparison = try compare("ja/mofa-cyber.txt", "en/mofa-cyber-en.txt")
    let (japanese, english) = (comparison.entries[0], comparison.entries[1])
    #expect(japanese.lengths.sentences == english.lengths.sentences)
    #expect(japanese.lengths.paragraphs == english.lengths.paragraphs)
    #expect(japanese.claims.strongest?.level == english.claims.strongest?.level)
    // The conversion rate is derived from this very pair; keep the documented figure honest.
    let measured = Double(english.lengths.characters) / Double(japanese.lengths.characters)
    #expect(abs(measured - Comparison.englishCharactersPerJapaneseCharacter) < 0.01)
    #expect(Comparison.estimatedCharacters(679, from: .ja, to: .en) == 1867)
    #expect(Comparison.estimatedCharacters(1866, from: .en, to: .ja) == 679)
    #expect(Comparison.estimatedCharacters(10, from: .ja, to: .ja) == nil)
  }

  @Test func threeWayWithADenial() throws {
    let comparison = try compare(
      "ja/mofa-cyber.txt", "en/arvenna-pm-cyber.txt", "en/sarkova-spokesperson.txt")
    #expect(comparison.entries.count == 3)
    #expect(comparison.onlyIn["sarkova-spokesperson"]?.contains(.denial) == true)
    #expect(!comparison.shared.contains(.denial))
    for type in comparison.shared {
      #expect(comparison.entries.allSatisfy { $0.claims.count(type) > 0 })
    }
    // Each type's sentences point at sentences that carry it.
    for entry in comparison.entries {
      for (type, sentences) in entry.sentences {
        #expect(sentences.count <= entry.claims.count(type))
        #expect(sentences == sentences.sorted())
      }
    }
  }
}
