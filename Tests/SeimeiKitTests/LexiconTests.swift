import Foundation
import Testing

@testable import SeimeiKit

private let header = "cue\tlang\ttype\tlevel\tband\tflags\tnote"

/// The error of parsing `text`, if any.
private func parseError(_ text: String) -> LexiconError? {
  do {
    _ = try Lexicon(tsv: text)
    return nil
  } catch {
    return error
  }
}

@Suite struct LexiconTests {
  @Test func theStandardLexiconCoversEveryTypeInBothLanguages() {
    let cues = Lexicon.standard.cues
    #expect(cues.count > 200)
    for language in [CueLanguage.en, .ja] {
      for type in ClaimType.allCases {
        #expect(
          cues.contains { $0.language == language && $0.type == type && $0.makesClaims },
          "\(type) in \(language)")
      }
      // Every ladder level, from a cue or an intensifier.
      let levels = Set(cues.filter { $0.language == language }.compactMap(\.level))
      #expect(levels.isSuperset(of: 1...7), "levels in \(language): \(levels.sorted())")
      for flag in [CueFlags.negator, .hedge, .intensifier, .report, .adopt, .confidence] {
        #expect(
          cues.contains { $0.language == language && $0.flags.contains(flag) },
          "\(flag) in \(language)")
      }
      for band in AttributionBand.allCases where band != .stated {
        #expect(
          cues.contains { $0.language == language && $0.band == band }, "\(band) in \(language)")
      }
    }
  }

  @Test func theFileParsesWithItsCommentsAndColumns() throws {
    let lexicon = try Lexicon(
      tsv: """
        # a comment

        \(header)
        condemn\ten\tcondemnation\t5\t-\tv\tto condemn
        強く|強い\tja\tcondemnation\t6\t\tintensifier\t
        highly likely\ten\t-\t-\thighly-likely\t-\tno note column
        with ... allies\ten\tcooperation\t-\t-\t-
        indictment\ten\tmeasure\t-\t-\tn drop=impact+cooperation\t
        """)
    #expect(lexicon.cues.count == 5)
    let condemn = lexicon.cues[0]
    #expect(condemn.text == "condemn")
    #expect(condemn.language == .en)
    #expect(condemn.type == .condemnation)
    #expect(condemn.level == 5)
    #expect(condemn.flags == .verb)
    #expect(condemn.note == "to condemn")
    #expect(lexicon.cues[1].flags == .intensifier)
    #expect(lexicon.cues[1].text == "強く|強い")
    #expect(lexicon.cues[2].band == .highlyLikely)
    #expect(lexicon.cues[2].type == nil)
    #expect(lexicon.cues[3].text == "with ... allies")
    #expect(lexicon.cues[4].drops == [.cooperation, .impact])
  }

  @Test func cueTextIsNormalised() throws {
    let cue = try Lexicon.parseCue(fields: ["  Call  On ", "en", "demand", "-", "-", "v"])
    #expect(cue.text == "call on")
    let wide = try Lexicon.parseCue(fields: ["Ｇ７", "*", "cooperation", "", "", ""])
    #expect(wide.text == "g7")
    #expect(wide.language == .any)
    let gap = try Lexicon.parseCue(fields: ["attribute…to", "en", "attribution", "-", "-", "v"])
    #expect(gap.text == "attribute ... to")
  }

  @Test(arguments: [
    ("\(header)\ncondemn\ten\tblame\t5\t-\tv\t", 2, "unknown type 'blame'"),
    ("\(header)\ncondemn\ten\tcondemnation\t9\t-\tv\t", 2, "level must be 1 to 7"),
    ("\(header)\ncondemn\ten\tcondemnation\t3\t-\tv\t", 2, "a condemnation is level 5 to 7"),
    ("\(header)\nconcerned\ten\tconcern\t5\t-\t-\t", 2, "a concern is level 1 to 4"),
    ("\(header)\ncondemn\ten\tcondemnation\t-\t-\tv\t", 2, "needs a level"),
    ("\(header)\nurge\ten\tdemand\t3\t-\tv\t", 2, "only concern and condemnation cues"),
    ("\(header)\nurge\ten\tdemand\t-\t-\tv shout\t", 2, "unknown flag 'shout'"),
    ("\(header)\nurge\ten\tdemand\t-\t-\tdrop=blame\t", 2, "unknown type 'blame' in 'drop=blame'"),
    ("\(header)\nurge\tfr\tdemand\t-\t-\t-\t", 2, "unknown language 'fr'"),
    ("\(header)\nurge\ten\tdemand\t-\t-\n", 2, "expected 6 or 7 tab-separated columns"),
    ("\(header)\nurge\ten\tdemand\t-\tsure\t-\t", 2, "unknown band 'sure'"),
    ("\(header)\nurge\ten\tdemand\t-\tlikely\t-\t", 2, "only attribution cues and modifiers"),
    ("\(header)\nstrongly\ten\t-\t-\t-\tintensifier\t", 2, "an intensifier needs"),
    ("\(header)\nconsistent\ten\tnorm\t-\t-\tnegok needneg\t", 2, "contradict"),
    ("\(header)\n非難\tja\tcondemnation\t5\t-\tv\t", 2, "v and n inflect English words only"),
    ("\(header)\n... to\ten\tdemand\t-\t-\t-\t", 2, "a gap (...) must stand between words"),
    ("\(header)\n\t\ten\tdemand\t-\t-\t-\t", 2, "expected 6 or 7"),
    ("# comment\n\n\(header)\n# another\nurge\ten\tdemand\t-\t-\t-\t\nbad\n", 6, "expected 6 or 7"),
    ("# only a comment\ncue\tlanguage\ttype\n", 2, "expected the header row"),
    ("# only comments\n", 1, "no header row"),
  ])
  func errorsNameTheLineAndTheProblem(_ text: String, _ line: Int, _ problem: String) throws {
    let error = try #require(parseError(text))
    #expect(error.line == line, "\(error)")
    #expect(error.message.contains(problem), "\(error)")
    #expect(error.description.hasPrefix("line \(line): "))
  }

  @Test func parseCueErrorsHaveNoLine() {
    do {
      _ = try Lexicon.parseCue(fields: ["urge", "en", "demand"])
      Issue.record("expected an error")
    } catch {
      #expect(error.line == nil)
      #expect(error.description.hasPrefix("expected 6 or 7"))
    }
  }

  @Test func tsvRoundTrips() throws {
    let standard = Lexicon.standard
    let again = try Lexicon(tsv: standard.tsv())
    #expect(again.cues == standard.cues)
    let empty = try Lexicon(tsv: Lexicon.empty.tsv())
    #expect(empty.cues.isEmpty)
  }

  @Test func cuesAreCodable() throws {
    let cue = Cue(
      text: "indictment", language: .en, type: .measure, flags: [.noun], drops: [.impact],
      note: "offences")
    let data = try JSONEncoder().encode(cue)
    #expect(String(decoding: data, as: UTF8.self).contains(#""flags":["n"]"#))
    #expect(try JSONDecoder().decode(Cue.self, from: data) == cue)
  }

  @Test func addingAndMergingCompileTheMatcherAgain() {
    let statement = Statement(name: "t", text: "Tessaly censured the attack.", language: .en)
    var lexicon = Lexicon.standard
    #expect(ClaimExtractor.claims(in: statement, lexicon: lexicon).isEmpty)
    let censure = Cue(text: "censure", language: .en, type: .condemnation, level: 5, flags: .verb)
    lexicon.add(censure)
    #expect(ClaimExtractor.claims(in: statement, lexicon: lexicon).map(\.type) == [.condemnation])
    let merged = Lexicon.standard.merged(with: Lexicon(cues: [censure]))
    #expect(merged.cues.count == Lexicon.standard.cues.count + 1)
    #expect(ClaimExtractor.claims(in: statement, lexicon: merged).first?.level == 5)
  }

  @Test func mergingReplacesACueWithTheSameTextLanguageAndType() throws {
    let base = Lexicon(cues: [
      Cue(text: "condemn", language: .en, type: .condemnation, level: 5, flags: .verb)
    ])
    let stronger = Cue(text: "condemn", language: .en, type: .condemnation, level: 6, flags: .verb)
    let merged = base.merged(with: Lexicon(cues: [stronger]))
    #expect(merged.cues == [stronger])
    let statement = Statement(name: "t", text: "We condemn it.", language: .en)
    #expect(ClaimExtractor.claims(in: statement, lexicon: merged).first?.level == 6)
  }

  @Test func verbsInflectFromTheBaseForm() {
    func forms(_ text: String, _ flags: CueFlags) -> Set<String> {
      Set(Cue(text: text, language: .en, flags: flags).surfaceForms)
    }
    #expect(
      forms("condemn", .verb).isSuperset(of: ["condemn", "condemns", "condemned", "condemning"]))
    #expect(
      forms("attribute", .verb).isSuperset(of: [
        "attribute", "attributes", "attributed", "attributing",
      ]))
    #expect(
      forms("criticise", .verb).isSuperset(of: [
        "criticise", "criticises", "criticised", "criticising", "criticize", "criticizes",
        "criticized", "criticizing",
      ]))
    #expect(forms("regret", .verb).isSuperset(of: ["regrets", "regretted", "regretting"]))
    #expect(forms("deny", .verb).isSuperset(of: ["denies", "denied", "denying"]))
    #expect(forms("steal", .verb).isSuperset(of: ["steals", "stole", "stolen", "stealing"]))
    #expect(forms("call on", .verb).isSuperset(of: ["calls on", "called on", "calling on"]))
    #expect(forms("be behind", .verb).isSuperset(of: ["is behind", "was behind", "were behind"]))
    #expect(forms("pay close attention", .verb).contains("paid close attention"))
    #expect(forms("withdraw", .verb).isSuperset(of: ["withdrew", "withdrawn"]))
    #expect(
      forms("closely monitor+", .verb).isSuperset(of: ["closely monitors", "closely monitored"]))
    #expect(forms("attribute ... to", .verb).contains("attributed ... to"))
  }

  @Test func nounsAndSpellings() {
    func forms(_ text: String, _ flags: CueFlags) -> Set<String> {
      Set(Cue(text: text, language: .en, flags: flags).surfaceForms)
    }
    #expect(forms("concern", .noun) == ["concern", "concerns"])
    #expect(forms("analysis", .noun).contains("analyses"))
    #expect(forms("capability", .noun).contains("capabilities"))
    #expect(forms("responsible behaviour", []).contains("responsible behavior"))
    #expect(forms("defence", []).contains("defense"))
    #expect(forms("like-minded", []).isSuperset(of: ["like minded", "likeminded"]))
    #expect(forms("can't", []).contains("can\u{2019}t"))
    #expect(forms("organisation", .noun).isSuperset(of: ["organizations", "organisations"]))
    #expect(forms("a|b", []) == ["a", "b"])
  }

  @Test func japaneseCuesMatchInsideWordsEnglishOnlyWholeWords() {
    let lexicon = Lexicon(cues: [
      Cue(text: "連携", language: .ja, type: .cooperation),
      Cue(text: "partner", language: .en, type: .cooperation, flags: .noun),
    ])
    let japanese = Statement(name: "t", text: "日米連携強化を確認した。", language: .ja)
    #expect(ClaimExtractor.claims(in: japanese, lexicon: lexicon).map(\.type) == [.cooperation])
    let english = Statement(
      name: "t", text: "The partnership met. We thank our partners.", language: .en)
    #expect(ClaimExtractor.claims(in: english, lexicon: lexicon).map(\.sentence) == [1])
  }

  @Test func aStatementUsesTheCuesOfItsLanguage() {
    let lexicon = Lexicon(cues: [
      Cue(text: "g7", language: .ja, type: .cooperation),
      Cue(text: "solidarity", language: .en, type: .cooperation),
      Cue(text: "nato", language: .any, type: .cooperation),
    ])
    let english = Statement(name: "t", text: "G7 partners. NATO allies. Solidarity.", language: .en)
    #expect(ClaimExtractor.claims(in: english, lexicon: lexicon).map(\.sentence) == [1, 2])
    let japanese = Statement(name: "t", text: "Ｇ７と協議した。NATOと協議した。", language: .ja)
    #expect(ClaimExtractor.claims(in: japanese, lexicon: lexicon).map(\.sentence) == [0, 1])
  }
}
