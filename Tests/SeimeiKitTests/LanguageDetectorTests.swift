import SeimeiKit
import Testing

@Suite struct LanguageDetectorTests {
  @Test(arguments: [
    ("サイバー空間は、経済社会活動や国民生活を支える基盤となっている。", Language.ja),
    ("我が国は、ST-17がエステリア連邦情報局を背景とする組織である可能性が高いと評価している。", .ja),
    ("ﾃﾞｰﾀｾﾝﾀｰ", .ja),
    ("外務省は声明を発表した。", .ja),
    ("中华人民共和国外交部发言人表示，中方坚决反对。", .zh),
    ("外交部發言人表示堅決反對網絡攻擊。", .zh),
    ("The Government of Japan strongly condemns the malicious cyber activities.", .en),
    ("Le gouvernement condamne fermement ces activités malveillantes.", .en),
    ("The Ministry of Foreign Affairs (外務省) issued a statement on APT40 today.", .en),
    ("Министерство иностранных дел заявило о кибератаке.", .other),
    ("외교부는 사이버 공격을 강력히 규탄한다.", .other),
    ("", .other),
    ("  \n\t ", .other),
    ("1, 2, 3 — 2025-03-04 (!)", .other),
    ("😀👍🏽", .other),
  ])
  func detects(_ text: String, _ expected: Language) {
    #expect(LanguageDetector.detect(text) == expected)
  }

  @Test func japaneseWithEnglishNamesIsJapanese() {
    let text = "ヴァルマー王国政府は、ST-17 (Esterian Intelligence Bureau) に関する声明を発表した。"
    #expect(LanguageDetector.detect(text) == .ja)
  }
}
