import Foundation
import Testing

@testable import SeimeiKit

/// The names of the actors of sentence `sentence` of a statement made of `text`.
private func actors(
  _ text: String, language: Language = .en, issuer: String? = nil, sentence: Int = 0
) -> [Actor] {
  let statement = Statement(
    name: "test", text: text, language: language, metadata: .init(issuer: issuer))
  let found = ActorExtractor.actors(in: statement, sentence: sentence)
  for actor in found {
    // The range is the name in the original text, normalised.
    let original = String(statement.text(of: actor.range))
    #expect(NormalizedText(original).text == NormalizedText(actor.name).text, "\(actor)")
  }
  return found
}

private func names(
  _ text: String, language: Language = .en, issuer: String? = nil, sentence: Int = 0
) -> [String] {
  actors(text, language: language, issuer: issuer, sentence: sentence).map(\.name)
}

@Suite struct ActorExtractorEnglishTests {
  @Test func aNameThatCoversNoWholeWordDoesNotRecurseForever() {
    // "U.S" (a gazetteer name) inside "U.S.C." once sent the judging of runs round for ever.
    #expect(!names("It was filed under 18 U.S.C. 1030 today.").contains("U.S.C"))
    #expect(
      names("It was filed under U.S.C. today by the Valmar Cyber Command.").contains(
        "Valmar Cyber Command"))
  }

  @Test func demonymsOfKnownNamesAndCompoundTailsAreNotNames() {
    let text = "Arvenna said Arvennan hospitals were hit. It follows the MITRE ATT&CK framework."
    #expect(!names(text).contains("Arvennan"))
    #expect(!names(text, sentence: 1).contains("CK"))
    // A word ending in -n that is no demonym stays a name.
    #expect(names("Officials met the Valmar Cyber Command in Geneva.") == ["Valmar Cyber Command"])
  }

  @Test func imperativesOpeningListItemsAreNotNames() {
    #expect(names("- Install security updates as soon as they are released.").isEmpty)
    #expect(names("• Require multi-factor authentication for remote access.").isEmpty)
    #expect(names("2. Enable logging of sign-ins.").isEmpty)
    #expect(names("- Valmar Cyber Command published the advisory.") == ["Valmar Cyber Command"])
  }

  @Test func namesInsideWebAddressesAreNotActors() {
    let text = "Report incidents to report.ncsc.example.org or https://www.mss.example.com/report."
    #expect(ActorExtractor.actors(in: text).isEmpty)
    // A code with a dot is not an address.
    #expect(names("The group is also tracked as TEMP.Vireo.") == ["TEMP.Vireo"])
  }

  @Test func organisationNamesWithAParenthesisedAcronym() {
    #expect(
      names(
        "Officials said the intrusions were directed by the Castellan Security Directorate (CSD) "
          + "and its Unit 3390.") == ["Castellan Security Directorate", "Unit 3390"])
    // The acronym alone, and written out later in the same sentence.
    #expect(names("Investigators say the CSD pays the operators.") == ["CSD"])
    #expect(
      names("Investigators say the CSD, the Castellan Security Directorate, pays them.")
        == ["Castellan Security Directorate"])
  }

  @Test func statesByTheirFormalNames() {
    #expect(
      names("We stand with the Grand Duchy of Brenmark, joined by the Federation of Castella.")
        == ["Grand Duchy of Brenmark", "Federation of Castella"])
    #expect(
      names("The Government of Norvania holds the Government of Castella responsible.")
        == ["Norvania", "Castella"])
    // One name per state.
    #expect(
      names("Officials of the Federation of Castella say that Castella denies it.")
        == ["Federation of Castella"])
    // The organisation and its state are both named.
    #expect(
      names("Charges were brought by the Ministry of Justice of the Republic of Norvania.")
        == ["Ministry of Justice", "Republic of Norvania"])
  }

  @Test func possessivesAndArticlesAreStripped() {
    #expect(
      names("Analysts say Castella's intelligence service runs the Marble Kitten group.")
        == ["Castella", "Marble Kitten"])
    #expect(
      names("Norvania's Ministry of Defence directs the operators.")
        == ["Norvania", "Ministry of Defence"])
    #expect(names("The group worked on the Bureau's behalf.") == [])
  }

  @Test func ordinaryCapitalisedWordsAreNotActors() {
    #expect(names("Today, our Government and the Government reaffirm that we condemn it.") == [])
    #expect(names("In June, the Council met in extraordinary session.") == [])
    #expect(names("Cyberspace underpins the prosperity of every nation.") == [])
    #expect(names("Since March, Norvanian officials have met in Geneva every Monday.") == [])
    #expect(names("Member States of the Northern Pact discussed it.") == ["Northern Pact"])
  }

  @Test func sentenceInitialNamesNeedEvidence() {
    let text = "Castella rejects the claims. We note that Castella has not responded."
    #expect(names(text) == ["Castella"])
    #expect(names("Castella rejects the claims.") == [])
  }

  @Test func peopleAreNotActors() {
    #expect(
      names(
        "Spokesperson Lena Marsh said that Dariel Voss and Mirek Anstrov worked for Unit 3390.")
        == ["Unit 3390"])
    #expect(names("Prime Minister Oskar Brand met the Director of the Bureau.") == [])
  }

  @Test func groupNamesAndCodes() {
    #expect(
      names("Sable Tempest has also targeted ministries, the report on KX-22 says.")
        == ["Sable Tempest", "KX-22"])
    #expect(
      names(
        "Researchers track them as TEMP.Heron, Storm-1849 and UNC5221, exploiting CVE-2024-3400.")
        == ["TEMP.Heron", "Storm-1849", "UNC5221"])
    #expect(names("Operators of the COVID-19 portal used SHA-256 and IPv6.") == [])
  }

  @Test func andJoinsOnlyIntoOrganisationNames() {
    #expect(
      names("Officials of Norvania & Castella met the Korea Internet & Security Agency.")
        == ["Norvania", "Castella", "Korea Internet & Security Agency"])
    #expect(
      names("The report names Norvania and Castella, not the Bureau of Trade and Industry.")
        == ["Norvania", "Castella", "Bureau of Trade and Industry"])
    #expect(
      names("It thanks the Kingdom of Brenmark and Castella.") == [
        "Kingdom of Brenmark", "Castella",
      ])
  }

  @Test func gazetteerNamesAndTheirEquivalents() {
    let found = actors(
      "He told us that the US, the UK and the DPRK's Reconnaissance General Bureau agree.")
    #expect(found.map(\.name) == ["US", "UK", "DPRK", "Reconnaissance General Bureau"])
    #expect(found.map(\.canonical) == ["United States", "United Kingdom", "North Korea", "RGB"])
    // One actor for China, whichever name comes first.
    #expect(names("China (PRC) and the People's Republic of China deny it.") == ["China"])
    #expect(names("Russian GRU officers and the Chinese MSS were involved.") == ["GRU", "MSS"])
    #expect(
      names("The Russian Ministry of Foreign Affairs replied.")
        == ["Russian Ministry of Foreign Affairs"])
  }

  @Test func selfReferencesAreNotActors() {
    #expect(names("We, the Government, and our National Cyber Security Centre condemn it.") == [])
    let issuer = "Ministry of Foreign Affairs of the Republic of Norvania"
    #expect(
      names(
        "Drawing on its own analysis, Norvania assesses that KX-22 is backed by the Castellan "
          + "Security Directorate.", issuer: issuer)
        == ["KX-22", "Castellan Security Directorate"])
    #expect(
      names(
        "The Republic of Norvania and the Ministry of Foreign Affairs condemn it.", issuer: issuer)
        == [])
  }
}

@Suite struct ActorExtractorJapaneseTests {
  @Test func organisationSuffixesWithParticlesCut() {
    #expect(
      names("ノルヴァニア共和国政府は、KX-22がカステラン連邦保安総局を背景とする組織であると評価した。", language: .ja)
        == ["ノルヴァニア共和国", "KX-22", "カステラン連邦保安総局"])
    #expect(names("ブレンマーク王国及びカステラン公国は声明を発出した。", language: .ja) == ["ブレンマーク王国", "カステラン公国"])
  }

  @Test func genericNounsWithoutAProperNameAreNotActors() {
    #expect(names("同グループは同国の情報機関の指示の下で活動しているとされる。", language: .ja) == [])
    #expect(names("同グループがカステラン連邦の情報機関と協力している。", language: .ja) == ["カステラン連邦"])
    #expect(names("サイバー攻撃グループが政府機関及び関係省庁を攻撃した。", language: .ja) == [])
    #expect(names("カステラン系の攻撃グループが関与した。", language: .ja) == [])
  }

  @Test func unitsAndMinistries() {
    #expect(names("攻撃はカステラン軍第3390部隊によるものである。", language: .ja) == ["カステラン軍", "第3390部隊"])
    #expect(names("経済産業省及び金融庁は、同省と連携している。", language: .ja) == ["経済産業省", "金融庁"])
  }

  @Test func latinNamesInsideJapanese() {
    #expect(
      names("「Copper Jackal」と呼ばれる集団は、TEMP.Heronとしても知られる。", language: .ja)
        == ["Copper Jackal", "TEMP.Heron"])
    let found = actors("ＫＸ－２２は中国国家安全部の支援を受けている。", language: .ja)
    #expect(found.map(\.name) == ["KX-22", "中国国家安全部"])
    #expect(found.map(\.canonical) == [nil, "MSS"])
  }

  @Test func gazetteerEquivalenceAcrossLanguages() {
    let japanese = actors("米国及び英国は、北朝鮮の偵察総局によるものと評価した。", language: .ja)
    let english = actors("The United States and Britain attribute it to the North Korean RGB.")
    #expect(japanese.map(\.canonical) == ["United States", "United Kingdom", "North Korea", "RGB"])
    #expect(english.map(\.canonical) == ["United States", "United Kingdom", "RGB"])
    #expect(
      actors("ロシア連邦軍参謀本部情報総局（GRU）はAPT28を運用している。", language: .ja).map(\.canonical)
        == ["GRU", "APT28"])
  }

  @Test func selfReferencesAndTheIssuer() {
    #expect(names("我が国政府は、政府機関への攻撃を強く非難する。", language: .ja) == [])
    #expect(
      names("外務省は、ノルヴァニア共和国としてカステラン連邦を非難する。", language: .ja, issuer: "ノルヴァニア共和国外務省")
        == ["カステラン連邦"])
    #expect(names("カステラン政府及び同国当局は否定した。", language: .ja) == ["カステラン"])
  }

  @Test func aKatakanaNameAloneNeedsEvidence() {
    let text = "ブレンマークこそが攻撃を行ってきた。ブレンマーク王国はこれを否定している。"
    #expect(names(text, language: .ja) == ["ブレンマーク"])
    #expect(names("ブレンマークこそが攻撃を行ってきた。", language: .ja) == [])
  }
}

@Suite struct ActorExtractorStatementTests {
  @Test func sentenceIndexAndRanges() {
    let text =
      "Introduction.\n\nThe hackers, known as KX-22, served the Castellan Security Directorate."
    let statement = Statement(name: "t", text: text, language: .en)
    #expect(ActorExtractor.actors(in: statement, sentence: 5).isEmpty)
    #expect(ActorExtractor.actors(in: statement, sentence: -1).isEmpty)
    let found = ActorExtractor.actors(in: statement, sentence: 1)
    #expect(
      found.map { String(statement.text(of: $0.range)) } == [
        "KX-22", "Castellan Security Directorate",
      ])
    // The text-only form gives offsets into its text.
    let alone = ActorExtractor.actors(in: "Officials of the Federation of Castella agree.")
    #expect(alone.map(\.range) == [TextRange(17, 39)])
  }

  /// Many sentences: the work per sentence must not grow with the statement.
  @Test func largeStatementsStayFast() {
    let sentence =
      "Castella denies that the Castellan Security Directorate runs KX-22 in Norvania. "
    let small = Statement(name: "s", text: String(repeating: sentence, count: 200), language: .en)
    let large = Statement(name: "l", text: String(repeating: sentence, count: 2000), language: .en)
    func seconds(_ statement: Statement) -> Double {
      let clock = ContinuousClock()
      let elapsed = clock.measure {
        for index in statement.segmentation.sentences.indices {
          _ = ActorExtractor.actors(in: statement, sentence: index)
        }
      }
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    #expect(large.segmentation.sentences.count == 2000)
    let perSentenceSmall = seconds(small) / 200
    let perSentenceLarge = seconds(large) / 2000
    #expect(perSentenceLarge < max(perSentenceSmall * 4, 0.002))
  }
}

/// Actor recall against the development corpus, when it is present (it is not part of the
/// package): each gold actor of an attribution must be among the sentence's actors.
@Suite struct ActorExtractorCorpusTests {
  static let folder = "/work/shared/corpus/dev"

  @Test(.enabled(if: FileManager.default.fileExists(atPath: folder + "/gold.jsonl")))
  func actorRecall() throws {
    let gold = try String(contentsOfFile: Self.folder + "/gold.jsonl", encoding: .utf8)
    var statements: [String: Statement] = [:]
    var expected = 0
    var recalled = 0
    var extras = 0
    var returned = 0
    var missed: [String] = []
    for line in gold.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      guard let record = object as? [String: Any], let actors = record["actors"] as? [String],
        let document = record["doc"] as? String, let quote = record["quote"] as? String
      else { continue }
      let statement: Statement
      if let loaded = statements[document] {
        statement = loaded
      } else {
        let outcome = StatementLoader(baseDirectory: Self.folder).load(
          LoadRequest(source: document))
        statement = try #require(outcome.statements.first, "\(document)")
        statements[document] = statement
      }
      let found = try #require(statement.text.range(of: quote), "\(document): \(quote)")
      let offset = statement.text.unicodeScalars.distance(
        from: statement.text.unicodeScalars.startIndex, to: found.lowerBound)
      let sentence = try #require(
        statement.segmentation.sentences.firstIndex {
          $0.range.start <= offset && offset < $0.range.end
        })
      let predicted = ActorExtractor.actors(in: statement, sentence: sentence)
      var matched = 0
      for actor in actors {
        expected += 1
        if predicted.contains(where: { Self.same($0, actor) }) {
          recalled += 1
          matched += 1
        } else {
          missed.append("\(document): \(actor) not in \(predicted.map(\.name))")
        }
      }
      returned += predicted.count
      extras += predicted.filter { actor in !actors.contains { Self.same(actor, $0) } }.count
    }
    let recall = expected == 0 ? 1 : Double(recalled) / Double(expected)
    print(
      "Actor recall \(recalled)/\(expected) = \(recall); \(extras) extra of \(returned) returned"
        + (missed.isEmpty ? "" : "; missed: \(missed)"))
    #expect(expected > 0)
    #expect(recall >= 0.9, "\(missed)")
  }

  /// Lenient: the same name after normalisation, or the same gazetteer entry.
  static func same(_ actor: Actor, _ gold: String) -> Bool {
    let key = Gazetteer.key(gold, dropArticle: true)
    if Gazetteer.key(actor.name, dropArticle: true) == key { return true }
    if let canonical = actor.canonical, canonical == Gazetteer.standard.canonical(gold) {
      return true
    }
    return false
  }
}
