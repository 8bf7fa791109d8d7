import Foundation
import Testing

@testable import SeimeiKit

// Statements written for these tests about fictional states (Tessaly, Orvania, Marrow), in the
// genre of the codebook but not taken from any annotated statement: paraphrases with other actors,
// other inflections, negated and hedged forms, every ladder level in both languages.

/// The claims of a one-off statement.
private func claims(_ text: String, _ language: Language, lexicon: Lexicon = .standard) -> [Claim] {
  ClaimExtractor.claims(in: Statement(name: "t", text: text, language: language), lexicon: lexicon)
}

/// The claim types of a text (all sentences).
private func types(_ text: String, _ language: Language) -> Set<ClaimType> {
  Set(claims(text, language).map(\.type))
}

/// The one claim of a type, if there is one.
private func claim(_ type: ClaimType, in text: String, _ language: Language) -> Claim? {
  claims(text, language).first { $0.type == type }
}

@Suite struct ClaimTypeTests {
  static let english: [(String, ClaimType)] = [
    (
      "The Government of Tessaly attributes this malicious cyber campaign to Unit 4471.",
      .attribution
    ),
    ("The Republic of Tessaly condemned the operation against its power grid.", .condemnation),
    ("We are concerned about the growing number of intrusions into public networks.", .concern),
    ("We urge Orvania to end these operations at once.", .demand),
    ("The Treasury has sanctioned two officers and three front companies.", .measure),
    ("We encourage hospitals to apply the published mitigations.", .advice),
    ("Tessaly acts in close coordination with its allies and partners.", .cooperation),
    ("Such conduct violates international law.", .norm),
    ("The intruders stole the personal data of two million citizens.", .impact),
    ("Tessaly remains committed to an open and secure cyberspace.", .commitment),
    ("Orvania firmly rejects these baseless allegations.", .denial),
  ]

  static let japanese: [(String, ClaimType)] = [
    ("一連の攻撃は、オルヴァニア連邦軍第4471部隊によるものと評価している。", .attribution),
    ("我が国は、今回の攻撃を非難する。", .condemnation),
    ("我が国は、こうした活動に懸念を有している。", .concern),
    ("我が国は、オルヴァニアに対し、攻撃の即時停止を求める。", .demand),
    ("外務省は、在京オルヴァニア大使を召致した。", .measure),
    ("各組織におかれては、修正プログラムを適用してください。", .advice),
    ("我が国は、同志国と緊密に連携していく。", .cooperation),
    ("このような行為は国際法に違反するものである。", .norm),
    ("約200万人分の個人情報が窃取される被害が生じた。", .impact),
    ("政府は、引き続き対策の強化に取り組んでまいります。", .commitment),
    ("同国の主張は事実無根である。", .denial),
  ]

  @Test(arguments: english) func englishType(_ text: String, _ type: ClaimType) {
    #expect(types(text, .en).contains(type), "\(text)")
  }

  @Test(arguments: japanese) func japaneseType(_ text: String, _ type: ClaimType) {
    #expect(types(text, .ja).contains(type), "\(text)")
  }

  @Test func everyTypeIsCovered() {
    #expect(Set(Self.english.map(\.1)) == Set(ClaimType.allCases))
    #expect(Set(Self.japanese.map(\.1)) == Set(ClaimType.allCases))
  }

  @Test func backgroundSentencesCarryNoClaim() {
    let background = """
      The meeting was held in Geneva on 12 May 2025 under the chairmanship of Tessaly. \
      The Minister met her counterparts on the margins of the summit. \
      The summit will take place in Lisbon in October. \
      The designations take effect at 00:01 on 3 June. \
      Our Ministry is responsible for the coordination of national cyber policy. \
      The Council is concerned with all aspects of regional security. \
      Exports of steel fell by 12 per cent last year.
      """
    #expect(claims(background, .en).isEmpty)
    let japanese = "本日、第3回会合がジュネーブで開催された。昨年の輸出額は約1,800億円であった。詳細はホームページをご覧ください。"
    #expect(claims(japanese, .ja).isEmpty)
  }
}

@Suite struct LadderTests {
  static let english: [(String, ClaimType, Int)] = [
    ("We are monitoring the situation closely.", .concern, 1),
    ("The Ministry is paying close attention to these reports.", .concern, 1),
    ("We note with concern the rise in attacks on hospitals.", .concern, 1),
    ("Tessaly is concerned by these intrusions.", .concern, 2),
    ("The Council expresses its concern at the attacks.", .concern, 2),
    ("We are deeply concerned by this campaign.", .concern, 3),
    ("Tessaly has serious concerns about these activities.", .concern, 3),
    ("We are gravely concerned by the attacks on hospitals.", .concern, 4),
    ("The Government is alarmed by the scale of the theft.", .concern, 4),
    ("We deeply regret the decision of the Orvan authorities.", .concern, 4),
    ("Tessaly deplores these acts.", .concern, 4),
    ("Tessaly condemns these attacks.", .condemnation, 5),
    ("The Council criticized the operation.", .condemnation, 5),
    ("We denounce the campaign in the clearest terms.", .condemnation, 5),
    ("We strongly condemn this malicious activity.", .condemnation, 6),
    ("The Council strongly and unequivocally condemned the attack.", .condemnation, 6),
    ("Tessaly firmly condemns these operations.", .condemnation, 7),
    ("We resolutely condemn the attack.", .condemnation, 7),
    ("Tessaly condemns in the strongest terms this reckless conduct.", .condemnation, 7),
    (
      "We condemn this attack, in the strongest possible terms, as an assault on us all.",
      .condemnation, 7
    ),
    ("We deplore in the strongest terms the attacks on hospitals.", .condemnation, 7),
  ]

  static let japanese: [(String, ClaimType, Int)] = [
    ("政府は、今後の動向を注視していく。", .concern, 1),
    ("我が国は、本件に懸念を有している。", .concern, 2),
    ("我が国は、強い懸念をもってこれらの活動を注視してきた。", .concern, 3),
    ("政府は、本件を強く懸念している。", .concern, 3),
    ("我が国は、深い懸念を表明する。", .concern, 3),
    ("我が国は、本件を深く憂慮している。", .concern, 4),
    ("十分な協議もないまま措置が発表されたことは、極めて遺憾である。", .concern, 4),
    ("我が国は、今回の攻撃を非難する。", .condemnation, 5),
    ("我が国は、同国の対応を批判する。", .condemnation, 5),
    ("我が国は、こうした行為を強く非難する。", .condemnation, 6),
    ("我が国は、これを断固非難する。", .condemnation, 7),
    ("我が国は、これを断固として非難する。", .condemnation, 7),
  ]

  @Test(arguments: english) func englishLevel(_ text: String, _ type: ClaimType, _ level: Int) {
    let found = claim(type, in: text, .en)
    #expect(found?.level == level, "\(text): \(String(describing: found))")
  }

  @Test(arguments: japanese) func japaneseLevel(_ text: String, _ type: ClaimType, _ level: Int) {
    let found = claim(type, in: text, .ja)
    #expect(found?.level == level, "\(text): \(String(describing: found))")
  }

  @Test func everyLevelIsCoveredInBothLanguages() {
    #expect(Set(Self.english.map(\.2)) == Set(1...7))
    #expect(Set(Self.japanese.map(\.2)) == Set(1...7))
  }

  @Test func longestMatchWinsAndTheCueIncludesTheIntensifier() throws {
    let strong = try #require(claim(.condemnation, in: "我が国は、これを強く非難する。", .ja))
    #expect(strong.cueText == "強く非難")
    let firm = try #require(claim(.condemnation, in: "我が国は、これを断固として非難する。", .ja))
    #expect(firm.cueText == "断固として非難")
    let strongest = try #require(
      claim(.condemnation, in: "Tessaly condemns in the strongest terms this conduct.", .en))
    #expect(strongest.cueText == "condemns in the strongest terms")
  }

  @Test func aCombinedPhraseTakesTheHighestLevelItContains() {
    #expect(claim(.concern, in: "政府は、強い懸念をもって注視してきた。", .ja)?.level == 3)
    #expect(
      claim(
        .concern, in: "The Government has been monitoring this closely and with deep concern.", .en)?
        .level == 3)
  }

  @Test func evaluationsWithoutALadderWordHaveNoLevel() {
    #expect(claims("Such reckless behaviour cannot be overlooked.", .en).isEmpty)
    #expect(claims("このような行為は看過できない。", .ja).isEmpty)
  }

  @Test func summaryGivesCountsAndTheStrongestWording() throws {
    let statement = Statement(
      name: "t",
      text: """
        We are deeply concerned by the attacks. We strongly condemn them. \
        We call on Orvania to stop. We call on all states to act.
        """,
      language: .en)
    let summary = ClaimExtractor.summary(of: statement)
    #expect(summary.count(.demand) == 2)
    #expect(summary.count(.concern) == 1)
    #expect(summary.total == 4)
    let strongest = try #require(summary.strongest)
    #expect(strongest.level == 6)
    #expect(strongest.cue == "strongly condemn")
    #expect(strongest.sentence == 1)
    #expect(ClaimSummary(claims: []).strongest == nil)
  }
}

@Suite struct NegationAndHedgeTests {
  @Test(arguments: [
    "We do not condemn the exercise.",
    "Tessaly is not in a position to attribute this activity at this stage.",
    "We have not attributed the intrusion to any state.",
    "No damage to critical systems has been detected.",
    "We are not concerned by this exercise.",
  ])
  func englishNegationRemovesTheClaim(_ text: String) {
    #expect(claims(text, .en).isEmpty, "\(text)")
  }

  @Test(arguments: [
    "我が国は、今回の訓練を非難するものではない。",
    "現時点で被害は確認されていません。",
    "現時点では、攻撃主体を断定するには至っていない。",
  ])
  func japaneseNegationRemovesTheClaim(_ text: String) {
    #expect(claims(text, .ja).isEmpty, "\(text)")
  }

  @Test func negationIsLimitedToItsClause() {
    #expect(
      types("We have no doubt about the facts, and we condemn the attack.", .en) == [.condemnation])
    #expect(types("規範に反するものであり、看過できない。", .ja) == [.norm])
  }

  @Test func negatedNormWordsStillInvokeTheNorm() {
    #expect(
      types("Sheltering criminals is not the conduct of a responsible state.", .en) == [.norm])
    #expect(
      types("This conduct is not consistent with the commitments of the Charter.", .en) == [.norm])
    #expect(types("本措置は、協定に基づく約束と整合的なものとは考えられません。", .ja) == [.norm])
    // Consistent, without the negation, invokes nothing.
    #expect(claims("The plan is consistent with our budget.", .en).isEmpty)
  }

  @Test func rejectingAChargeIsADenial() {
    #expect(
      types("Orvania has never conducted cyber operations against any country.", .en) == [.denial])
    #expect(types("Orvania was not involved in the attack.", .en) == [.denial])
    #expect(
      types("Unit 4471 is a logistics formation with no cyber capabilities.", .en) == [.denial])
    #expect(
      types("Orvania firmly rejects the accusation and denies any involvement.", .en) == [.denial])
    #expect(types("オルヴァニアは、攻撃に一切関与していない。", .ja) == [.denial])
    #expect(types("我が国は、本件への関与を全面的に否定する。", .ja) == [.denial])
    #expect(types("第4471部隊は物流部隊であり、サイバー能力を有していない。", .ja) == [.denial])
  }

  @Test func hedgesKeepTheClaimAndMarkIt() throws {
    let english = try #require(
      claim(.impact, in: "The outage could disrupt hospital services for weeks.", .en))
    #expect(english.hedged)
    let japanese = try #require(
      claim(.impact, in: "我が国の輸出に年間約400億円規模の影響が及ぶおそれがある。", .ja))
    #expect(japanese.hedged)
    let chained = try #require(
      claim(.impact, in: "システムが停止し、病院の診療に支障が生じるおそれがある。", .ja))
    #expect(chained.hedged)
    let plain = try #require(claim(.impact, in: "The attack disrupted hospital services.", .en))
    #expect(!plain.hedged)
  }

  @Test func mayTheMonthIsNoHedge() throws {
    let found = try #require(
      claim(.attribution, in: "In May 2025, Orvania attacked the ministry's networks.", .en))
    #expect(found.band == .stated)
    #expect(!found.hedged)
  }
}

@Suite struct AttributionTests {
  @Test func bandsInEnglish() {
    let cases: [(String, AttributionBand)] = [
      (
        "We assess that the hacking group ZX-31 is almost certainly run by the Orvan Intelligence Directorate.",
        .almostCertain
      ),
      (
        "We judge it highly likely that Unit 4471 was responsible for the intrusion.", .highlyLikely
      ),
      (
        "The hacking group ZX-31 is probably linked to the Orvan Intelligence Directorate.", .likely
      ),
      ("The Government of Tessaly attributes this cyber campaign to Unit 4471.", .stated),
    ]
    for (text, band) in cases {
      #expect(claim(.attribution, in: text, .en)?.band == band, "\(text)")
    }
  }

  @Test func bandsInJapanese() {
    let cases: [(String, AttributionBand)] = [
      ("一連の攻撃は、オルヴァニア連邦軍第4471部隊によるものと断定した。", .almostCertain),
      ("サイバー攻撃グループZX-31がオルヴァニア連邦情報総局を背景とする組織である可能性が高いと評価している。", .highlyLikely),
      ("一連の攻撃は、ZX-31によるものとみられる。", .likely),
      ("一連の攻撃は、オルヴァニア連邦軍第4471部隊によるものと評価している。", .stated),
    ]
    for (text, band) in cases {
      #expect(claim(.attribution, in: text, .ja)?.band == band, "\(text)")
    }
  }

  @Test func aHedgeBeatsAStrongerNeighbour() {
    #expect(claim(.attribution, in: "一連の攻撃はZX-31によるものとみられる。", .ja)?.band == .likely)
    let hedged = claim(.attribution, in: "The attack may have been carried out by Unit 4471.", .en)
    #expect(hedged?.band == .likely)
    #expect(hedged?.hedged == true)
  }

  @Test func highConfidenceIsReportedBesideTheBand() throws {
    let found = try #require(
      claim(
        .attribution,
        in:
          "The Government of Tessaly attributes this cyber campaign to Unit 4471 with high confidence.",
        .en))
    #expect(found.band == .stated)
    #expect(found.confidence == "high")
    #expect(found.actors.contains("Unit 4471"))
    let japanese = try #require(
      claim(.attribution, in: "高い確度で、攻撃はZX-31によるものと評価している。", .ja))
    #expect(japanese.confidence == "high")
  }

  @Test func actorsAreTheNamedActorsTheAttributionTiesTogether() throws {
    let english = try #require(
      claim(
        .attribution,
        in:
          "Tessaly assesses that the hacking group ZX-31 is highly likely to be run by the Orvan Intelligence Directorate.",
        .en))
    #expect(english.actors.contains("ZX-31"))
    #expect(english.actors.contains("Orvan Intelligence Directorate"))
    let japanese = try #require(
      claim(
        .attribution, in: "我が国は、サイバー攻撃グループZX-31がオルヴァニア連邦情報総局を背景とする組織である可能性が高いと評価している。",
        .ja))
    #expect(japanese.actors.contains("ZX-31"))
    #expect(japanese.actors.contains("オルヴァニア連邦情報総局"))
  }

  @Test func theAttributorIsNotAnActorOfTheAttribution() throws {
    // Actors given directly, to test the rule on its own.
    let text = "Marrow shares Tessaly's assessment that the hacking group ZX-31 works for Orvania."
    let statement = Statement(name: "t", text: text, language: .en)
    func actor(_ name: String) -> Actor {
      let start = text.unicodeScalars.distance(
        from: text.unicodeScalars.startIndex, to: text.range(of: name)!.lowerBound)
      return Actor(name: name, range: TextRange(start, start + name.unicodeScalars.count))
    }
    let found = ClaimExtractor.claims(in: statement, lexicon: .standard) { _ in
      [actor("Marrow"), actor("Tessaly"), actor("ZX-31"), actor("Orvania")]
    }
    let attribution = try #require(found.first { $0.type == .attribution })
    #expect(attribution.actors == ["ZX-31", "Orvania"])
  }

  @Test func aNamedSubjectOfAHostileActIsAnAttribution() throws {
    let found = try #require(
      claim(
        .attribution, in: "Kestrel Bear has also targeted ministries in three states with malware.",
        .en))
    #expect(found.actors == ["Kestrel Bear"])
    #expect(found.band == .stated)
    // An unnamed subject is narrative of the harm, not an attribution.
    #expect(
      types("The attackers first entered the network and compromised a server.", .en) == [.impact])
    // A passive without "by" names no author.
    #expect(
      !types("In Tessaly, several networks were compromised last year.", .en).contains(.attribution)
    )
  }

  @Test func attributionNeedsAHostileActInTheStatement() {
    #expect(claims("The programme is funded by the European Union.", .en).isEmpty)
    #expect(claims("The rise in prices is attributed to supply shortages.", .en).isEmpty)
    #expect(claims("The Council conducted a survey of its members.", .en).isEmpty)
    // Anywhere in the statement.
    let text = "Malicious cyber activity has hit our hospitals. It is funded by the Orvan state."
    #expect(claims(text, .en).contains { $0.type == .attribution && $0.sentence == 1 })
  }

  @Test func anActorRightBeforeによるIsTheAuthor() throws {
    let found = try #require(
      claim(.attribution, in: "我が国は、北朝鮮によるサイバー攻撃を通じた暗号資産の窃取を深く懸念している。", .ja))
    #expect(found.actors == ["北朝鮮"])
    // Not without a hostile act: a state's export controls are its measure, not an attack.
    let text = "サイバー攻撃への対応とは別に、同国による輸出規制の強化は遺憾である。"
    #expect(!types(text, .ja).contains(.attribution))
  }

  @Test func whoEstablishesTheFactsIsNotAnActorOfTheAttribution() throws {
    let text = """
      The Republic of Caldera has established that Unit 4471 conducted a coordinated \
      campaign of hack-and-leak operations against its parliament.
      """
    let found = try #require(claim(.attribution, in: text, .en))
    #expect(found.actors == ["Unit 4471"])
  }

  @Test func anAttributionWithoutANamedActorStillCounts() throws {
    let found = try #require(claim(.attribution, in: "The same unit was behind the attack.", .en))
    #expect(found.actors.isEmpty)
    #expect(found.band == .stated)
  }

  @Test func counterAccusationIsAnAttribution() throws {
    let found = try #require(
      claim(
        .attribution,
        in: "It is Tessaly whose agencies have for years conducted cyber operations against us.",
        .en))
    #expect(found.actors == ["Tessaly"])
  }
}

@Suite struct HardCaseTests {
  @Test func othersWordsAreNotTheIssuers() {
    #expect(
      claims("The statement says the group acts under the direction of Unit 4471.", .en).isEmpty)
    #expect(
      claims("The Orvan Foreign Ministry said that Tessaly's accusations were groundless.", .en)
        .isEmpty)
    #expect(
      claims(
        "According to the statement, the operation was directed by the Orvan General Staff.", .en
      )
      .isEmpty)
    #expect(claims("同声明は、同グループがオルヴァニアの情報機関の指示の下で活動しているとしている。", .ja).isEmpty)
    #expect(claims("同国外務省報道官は、我が国の主張は根拠がないと述べた。", .ja).isEmpty)
  }

  @Test func anAccusedStatesRebuttal() {
    let text = """
      1　3月4日、テサリー共和国等は、ZX-31が我が国の情報機関の指示を受けて活動しているとの声明を発表した。

      2　我が国は、こうした根拠のない非難に断固として反対する。

      3　むしろ、テサリー共和国こそが長年にわたり他国に対するサイバー活動を行ってきた。

      4　我が国は、テサリー共和国に対し、根拠のない非難をやめ、対話と協力の道に戻るよう強く求める。
      """
    let found = claims(text, .ja)
    #expect(found.map(\.sentence) == [1, 2, 3])
    #expect(found.map(\.type) == [.denial, .attribution, .demand])
    #expect(found[1].actors == ["テサリー共和国"])
  }

  @Test func aQuotationFollowedBySaidIsTheIssuers() {
    let text = "\"We will hold the attackers accountable,\" said the Minister of Justice."
    #expect(types(text, .en) == [.commitment])
    #expect(claims("The Orvan ministry said the attacks were staged.", .en).isEmpty)
  }

  @Test func adoptedWordsAreTheIssuers() {
    let english = types(
      "Marrow shares the assessment of Tessaly that the hackers of ZX-31 act on behalf of Unit 4471.",
      .en)
    #expect(english.contains(.attribution))
    let japanese = types("我が国は、同グループが第4471部隊の指示の下でサイバー攻撃を行っているとする同国の評価を支持する。", .ja)
    #expect(japanese.contains(.attribution))
    #expect(japanese.contains(.cooperation))
  }

  @Test func aMinisterQuotedSpeaksForTheIssuer() {
    let text = "Prime Minister Lea Varn said: \"We condemn this attack on our hospitals.\""
    #expect(types(text, .en).contains(.condemnation))
  }

  @Test func questionsCarryNoClaim() {
    let text = """
      Question: On 4 May, Tessaly stated that Unit 4471 is behind the attacks. What is your response?

      Spokesperson: We firmly reject these groundless accusations.

      Is this the behaviour of a responsible state?
      """
    let found = claims(text, .en)
    #expect(found.map(\.type) == [.denial])
    #expect(found.first?.sentence == 2)
    #expect(claims("問：同国は攻撃を非難しているが、どう考えるか。\n\n答：我が国の立場は変わらない。", .ja).isEmpty)
  }

  @Test func demandsPresupposeTheyDoNotAttribute() {
    let text = """
      We call on Orvania to stop sheltering the criminals who work for its intelligence services \
      and to cooperate with the investigations of the states affected.
      """
    #expect(types(text, .en) == [.demand])
    #expect(types("Orvania must cease its operations against our hospitals.", .en) == [.demand])
    #expect(types("我が国は、オルヴァニアに対し、ランサムウェア攻撃の停止を強く求める。", .ja) == [.demand])
  }

  @Test func adviceOrDemandDependsOnTheAddressee() {
    #expect(
      types("Operators of critical infrastructure should apply the patches without delay.", .en)
        == [.advice])
    #expect(
      types("Companies that find signs of this activity should report it to the authority.", .en)
        == [.advice])
    #expect(types("We urge all companies to review their logs.", .en) == [.advice])
    #expect(types("Orvania should stop harbouring criminal hackers.", .en) == [.demand])
    #expect(types("We urge all states to refuse safe haven to criminal groups.", .en) == [.demand])
    #expect(types("事業者は、速やかに修正プログラムを適用すべきである。", .ja) == [.advice])
    #expect(types("オルヴァニアは、直ちに攻撃を停止すべきである。", .ja) == [.demand])
  }

  @Test func imperativesAreAdvice() {
    let text = """
      We ask operators to take the following steps:

      - Install security updates for internet-facing systems.
      - Keep offline backups of critical data.
      """
    let found = claims(text, .en)
    #expect(found.map(\.type) == [.advice, .advice, .advice])
    // The same verbs elsewhere in a sentence are not imperatives.
    #expect(
      claims("The group tends to install implants on servers it can keep for months.", .en).isEmpty)
  }

  @Test func actsAreMeasures() {
    #expect(
      types("The Minister summoned the Orvan ambassador and lodged a formal protest.", .en) == [
        .measure
      ])
    #expect(types("外務省は、在京オルヴァニア大使を召致し、厳重に抗議した。", .ja) == [.measure])
    #expect(types("我が国は、オルヴァニアに対し、措置の撤回を強く申し入れた。", .ja) == [.demand])
    #expect(
      types("The advisory lists 43 techniques and 200 indicators of compromise.", .en) == [.measure]
    )
    #expect(types("同アドバイザリーには、侵害指標（IoC）を掲載している。", .ja) == [.measure])
  }

  @Test func theOffencesOfAnIndictmentAreNotImpact() {
    let text =
      "The Ministry of Justice indicted four officers for computer intrusion, extortion and theft."
    #expect(types(text, .en) == [.measure])
  }

  @Test func negatedHarmIsNoImpact() {
    #expect(claims("現時点で被害は確認されていません。", .ja).isEmpty)
    #expect(types("The attack caused serious losses to hospitals.", .en) == [.impact])
  }

  @Test func solidarityIsCooperationButAnAgreementsNameIsNot() {
    #expect(
      types("Tessaly stands with Marrow and all other partners affected.", .en) == [.cooperation])
    #expect(claims("両国は、経済連携協定の交渉を行っている。", .ja).isEmpty)
    #expect(types("我が国は、関係国と協力しつつ、対応を検討していく。", .ja) == [.cooperation, .commitment])
    // Partners of another state are not the issuer's cooperation.
    #expect(
      !types("Orvania rejects the accusations made by Tessaly and a few of its allies.", .en)
        .contains(.cooperation))
  }

  @Test func countriesConcernedIsNotAConcern() {
    #expect(
      types("We will act in cooperation with the countries concerned.", .en) == [
        .cooperation, .commitment,
      ])
    let text = "We are closely monitoring the situation of the industries concerned."
    #expect(types(text, .en) == [.concern])
    #expect(claim(.concern, in: text, .en)?.level == 1)
  }

  @Test func anAttackersCoordinationIsNotCooperation() {
    let attack = "Unit 4471 ran a coordinated campaign of malicious cyber activity."
    #expect(!types(attack, .en).contains(.cooperation))
    #expect(types("Allies will coordinate their responses.", .en).contains(.cooperation))
  }

  @Test func headingsCarryNoClaim() {
    let text = "Working with partners\n\nTessaly will continue to work closely with its partners."
    let found = claims(text, .en)
    #expect(found.allSatisfy { $0.sentence == 1 })
    #expect(Set(found.map(\.type)) == [.commitment, .cooperation])
  }
}

@Suite struct ClaimShapeTests {
  @Test func severalClaimsInOneSentenceOnePerType() {
    let text = """
      We strongly condemn this attack, which compromised the networks of hospitals, and we call on \
      Orvania to end it; we condemn the theft as well.
      """
    let found = claims(text, .en)
    #expect(found.map(\.type) == [.condemnation, .impact, .demand])
    #expect(found.allSatisfy { $0.sentence == 0 })
    #expect(found.first?.level == 6)
  }

  @Test func claimsAreSortedBySentenceThenCue() {
    let text = """
      Tessaly will continue to work with its allies. We condemn the attack and urge Orvania to \
      stop. 我が国は懸念している。
      """
    let found = claims(text, .en)
    let keys = found.map { ($0.sentence, $0.cue.start) }
    #expect(keys.map(\.0) == keys.map(\.0).sorted())
    for index in keys.indices.dropFirst() where keys[index].0 == keys[index - 1].0 {
      #expect(keys[index - 1].1 <= keys[index].1)
    }
  }

  @Test func cueRangesAreOriginalOffsetsAndCueTextIsTheOriginal() throws {
    // Full-width letters, a half-width katakana and several blanks: the normalised text differs
    // from the original, the ranges do not.
    let text = "本日、\u{3000}ＺＸ－３１による攻撃について、我が国は\n強く非難する。  Ｇ７と連携する。"
    let statement = Statement(name: "t", text: text, language: .ja)
    let found = ClaimExtractor.claims(in: statement)
    #expect(!found.isEmpty)
    for claim in found {
      #expect(String(statement.text(of: claim.cue)) == claim.cueText)
    }
    let condemnation = try #require(found.first { $0.type == .condemnation })
    #expect(condemnation.cueText == "強く非難")
    #expect(condemnation.level == 6)
    #expect(found.contains { $0.type == .cooperation })
  }

  @Test func englishInflections() {
    for text in [
      "Tessaly condemns the attack.", "Tessaly condemned the attack.",
      "Tessaly is condemning the attack.", "We condemn the attack.",
    ] {
      #expect(claim(.condemnation, in: text, .en)?.level == 5, "\(text)")
    }
    for text in [
      "We criticise the attack.", "We criticize the attack.", "The Council criticised it.",
    ] {
      #expect(claim(.condemnation, in: text, .en) != nil, "\(text)")
    }
    for text in [
      "Tessaly attributes the attack to Unit 4471.", "Tessaly attributed the attack to Unit 4471.",
      "Tessaly is attributing the attack to Unit 4471.",
    ] {
      #expect(claim(.attribution, in: text, .en) != nil, "\(text)")
    }
    for text in [
      "We call on Orvania to stop.", "The Council calls on Orvania to stop.",
      "The Council called on Orvania to stop.", "We are calling on Orvania to stop.",
    ] {
      #expect(claim(.demand, in: text, .en) != nil, "\(text)")
    }
    #expect(claim(.impact, in: "Data worth millions has been stolen.", .en) != nil)
    #expect(claim(.concern, in: "Tessaly deeply regretted the decision.", .en)?.level == 4)
  }

  @Test func englishCuesMatchWholeWordsOnly() {
    // "concern" is not in "concerning", "partners" not in "partnership".
    #expect(claims("A note concerning the Partnership's budget.", .en).isEmpty)
  }

  @Test func customLexicon() {
    #expect(claims("We condemn the attack.", .en, lexicon: .empty).isEmpty)
    var lexicon = Lexicon.empty
    lexicon.add(Cue(text: "censure", language: .en, type: .condemnation, level: 5, flags: .verb))
    #expect(claim(.condemnation, in: "Tessaly censured the attack.", .en) == nil)
    #expect(claims("Tessaly censured the attack.", .en, lexicon: lexicon).first?.level == 5)
  }

  @Test func cueMatchesExplainTheClaims() throws {
    let statement = Statement(name: "t", text: "We do not condemn the exercise.", language: .en)
    let matches = ClaimExtractor.cueMatches(in: statement)
    #expect(matches.map(\.text) == ["not", "condemn"])
    let negator = try #require(matches.first)
    #expect(negator.cue.flags.contains(.negator))
    #expect(negator.sentence == 0)
  }
}
