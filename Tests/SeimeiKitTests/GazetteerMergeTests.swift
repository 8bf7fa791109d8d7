import Foundation
import Testing

@testable import SeimeiKit

/// A session's names on top of the built-in gazetteer: merging, checking, writing them back, and
/// the claims found with them. Zelma and Qarth are fictional states made up for these tests.
@Suite struct GazetteerMergeTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Scripts/samples").standardized.path

  let standard = Gazetteer.standard

  func gazetteer(_ tsv: String) throws -> Gazetteer {
    try Gazetteer(tsv: "canonical\tkind\taliases\n" + tsv)
  }

  @Test func emptyAddsNothing() {
    #expect(Gazetteer.empty.entries.isEmpty)
    #expect(Gazetteer.empty.entry(for: "China") == nil)
    #expect(standard.merged(with: .empty).entries == standard.entries)
    #expect(Gazetteer.empty.merged(with: standard).entries == standard.entries)
  }

  @Test func anAdditionWithAnEntrysCanonicalNameExtendsIt() throws {
    let merged = standard.merged(with: try gazetteer("china\tstate\t中共 | Zhongguo\n"))
    #expect(merged.entries.count == standard.entries.count)
    let china = try #require(merged.entry(for: "Zhongguo"))
    #expect(china.canonical == "China")
    #expect(china.aliases == (standard.entry(for: "China")?.aliases ?? []) + ["中共", "Zhongguo"])
    #expect(merged.canonical("中共") == "China")
    #expect(merged.entry(canonical: "china") == china)
    #expect(merged.entry(canonical: "PRC") == nil)
    // Found in running text too.
    #expect(merged.matches(in: "zhongguo said").map(\.entry.canonical) == ["China"])
  }

  @Test func newEntriesComeAfterTheBuiltInOnesWhichKeepTheirNames() throws {
    let merged = standard.merged(with: try gazetteer("Zelma\tstate\tゼルマ | Republic of Zelma\n"))
    #expect(merged.entries.count == standard.entries.count + 1)
    #expect(merged.entries.last?.canonical == "Zelma")
    #expect(merged.canonical("republic of zelma") == "Zelma")
    #expect(merged.canonical("ゼルマ") == "Zelma")
    for entry in standard.entries {
      for name in entry.names { #expect(merged.entry(for: name) == entry, "\(name)") }
    }
  }

  /// Decision: where an addition and another entry share a name, the addition wins (a saved
  /// session opens whatever the built-in gazetteer later gains); commands check first.
  @Test func theAdditionWinsASharedName() throws {
    let base = try gazetteer("Foo\tstate\tBar | Baz\nOther\tbody\tOth\n")
    let merged = base.merged(with: try gazetteer("Qux\tstate\tBar\n"))
    #expect(merged.canonical("Bar") == "Qux")
    #expect(merged.entry(for: "Foo")?.aliases == ["Baz"])
    #expect(merged.canonical("Baz") == "Foo")
    // Even another entry's canonical name: lookups and matches find the addition.
    let taken = base.merged(with: try gazetteer("New\tbody\tFoo\n"))
    #expect(taken.canonical("Foo") == "New")
    #expect(taken.matches(in: "foo and oth").map(\.entry.canonical) == ["New", "Other"])
    #expect(taken.canonical("Baz") == "Foo")
    #expect(taken.entries.map(\.canonical) == ["Foo", "Other", "New"])
  }

  @Test func checkAdditionsAcceptsNewNamesAndRepeatsOfAnEntrysOwn() throws {
    try standard.checkAdditions(try gazetteer("Zelma\tstate\tゼルマ\n"))
    try standard.checkAdditions(try gazetteer("China\tstate\tPRC | 中共\n"))
    try standard.checkAdditions(try gazetteer("The China\tstate\n"))
    try standard.checkAdditions(.empty)
  }

  @Test func checkAdditionsRefusesATakenNameAndNamesItsOwner() throws {
    let cathay = Gazetteer(entries: [.init(canonical: "Cathay", kind: "state", aliases: ["中国"])])
    #expect(throws: GazetteerError.nameTaken(line: nil, name: "中国", owner: "China")) {
      try standard.checkAdditions(cathay)
    }
    // From a file: the line; names compared by key (width and case aside).
    #expect(throws: GazetteerError.nameTaken(line: 3, name: "ｐｒｃ", owner: "China")) {
      try standard.checkAdditions(try gazetteer("Zelma\tstate\tゼルマ\nCathay\tstate\tｐｒｃ\n"))
    }
    // A canonical name that is another entry's alias.
    #expect(throws: GazetteerError.nameTaken(line: 2, name: "PRC", owner: "China")) {
      try standard.checkAdditions(try gazetteer("PRC\tstate\n"))
    }
    // A name an earlier addition took (a file cannot: it refuses the name twice itself).
    let twice = Gazetteer(entries: [
      .init(canonical: "Zelma", kind: "state", aliases: ["ゼルマ"]),
      .init(canonical: "Qarth", kind: "state", aliases: ["ｾﾞﾙﾏ"]),
    ])
    #expect(throws: GazetteerError.nameTaken(line: nil, name: "ｾﾞﾙﾏ", owner: "Zelma")) {
      try standard.checkAdditions(twice)
    }
    #expect(throws: GazetteerError.duplicateName(line: 3, name: "ゼルマ", firstLine: 2)) {
      try gazetteer("Zelma\tstate\tゼルマ\nQarth\tstate\tゼルマ\n")
    }
    let error = GazetteerError.nameTaken(line: 3, name: "PRC", owner: "China")
    #expect(error.description == "gazetteer line 3: \"PRC\" already names China")
    #expect(error.reason == "\"PRC\" already names China")
  }

  @Test func checkAdditionsRefusesUnknownKindsOtherKindsAndBadNames() throws {
    func check(_ entry: Gazetteer.Entry) throws {
      try standard.checkAdditions(Gazetteer(entries: [entry]))
    }
    #expect(throws: GazetteerError.unknownKind(line: nil, kind: "planet")) {
      try check(.init(canonical: "Zelma", kind: "planet"))
    }
    #expect(
      throws: GazetteerError.kindMismatch(
        line: nil, canonical: "China", kind: "agency", existing: "state")
    ) {
      try check(.init(canonical: "China", kind: "agency", aliases: ["中共"]))
    }
    #expect(
      GazetteerError.kindMismatch(line: nil, canonical: "China", kind: "agency", existing: "state")
        .description == "gazetteer: China is a state, not an agency")
    for (name, canonical) in [
      ("a|b", false), ("a\tb", false), ("a\nb", false), (" ", false), ("#1", true), ("", true),
    ] {
      let entry =
        canonical
        ? Gazetteer.Entry(canonical: name, kind: "state")
        : Gazetteer.Entry(canonical: "Zelma", kind: "state", aliases: [name])
      #expect(throws: GazetteerError.self, "\(name.debugDescription)") { try check(entry) }
    }
    // An alias may start with '#': only a line does not.
    try check(.init(canonical: "Zelma", kind: "state", aliases: ["#Zelma"]))
  }

  @Test func tsvRoundTrip() throws {
    let entries: [Gazetteer.Entry] = [
      .init(canonical: "Zelma", kind: "state", aliases: ["ゼルマ", "Republic of Zelma"]),
      .init(canonical: "Technical Service 61", kind: "agency"),
      .init(canonical: "Qarth's Eye", kind: "group", aliases: ["ＱＥ-７", "#Eye"]),
    ]
    let written = Gazetteer(entries: entries).tsv()
    #expect(written.hasPrefix("# "))
    #expect(written.contains("\nTechnical Service 61\tagency\t\n"))
    #expect(try Gazetteer(tsv: written).entries == entries)
    // The whole built-in gazetteer survives the trip.
    #expect(try Gazetteer(tsv: standard.tsv()).entries == standard.entries)
    #expect(try Gazetteer(tsv: Gazetteer.empty.tsv()).entries.isEmpty)
    // What one cell cannot hold becomes a space.
    let odd = Gazetteer(entries: [.init(canonical: "A\tB", kind: "state", aliases: ["C|D"])])
    #expect(
      try Gazetteer(tsv: odd.tsv()).entries == [
        .init(canonical: "A B", kind: "state", aliases: ["C D"])
      ])
  }

  @Test func searchFindsTheEntryANameBelongsToElseNamesContainingIt() {
    #expect(standard.search("中華人民共和国").map(\.canonical) == ["China"])
    #expect(standard.search("ＰＲＣ").map(\.canonical) == ["China"])
    let korea = standard.search("korea").map(\.canonical)
    #expect(korea.contains("North Korea") && korea.contains("South Korea"))
    #expect(standard.search("zzqq").isEmpty)
    #expect(standard.search(" ").isEmpty)
  }

  @Test func claimsFindActorsWithTheGivenGazetteer() throws {
    let statement = Statement(
      name: "t", text: "一連のサイバー攻撃はゼルマによるものと評価している。\n", language: .ja)
    let before = ClaimExtractor.claims(in: statement)
    #expect(before.filter { $0.type == .attribution }.flatMap(\.actors).isEmpty)
    #expect(ActorExtractor.actors(in: statement, sentence: 0).isEmpty)
    let session = standard.merged(with: try gazetteer("Zelma\tstate\tゼルマ\n"))
    let after = ClaimExtractor.claims(in: statement, gazetteer: session)
    let attribution = try #require(after.first { $0.type == .attribution })
    #expect(attribution.actors == ["ゼルマ"])
    let actors = ActorExtractor.actors(in: statement, sentence: 0, gazetteer: session)
    #expect(actors.map(\.canonical) == ["Zelma"])
    #expect(ClaimExtractor.summary(of: statement, gazetteer: session).total == after.count)
  }

  // MARK: The samples' gazetteer

  func load(_ path: String) throws -> Statement {
    let outcome = StatementLoader(baseDirectory: Self.samples).load(LoadRequest(source: path))
    return try #require(outcome.statements.first, "\(outcome.failures)")
  }

  /// The canonical names (else the names) of a statement's actors: those of its attribution
  /// claims, those named in any sentence, and its issuer.
  func actors(of statement: Statement, with gazetteer: Gazetteer, attributionOnly: Bool)
    -> Set<String>
  {
    let claims = ClaimExtractor.claims(in: statement, gazetteer: gazetteer)
    var names = Set(
      claims.filter { $0.type == .attribution }.flatMap(\.actors).map {
        gazetteer.canonical($0) ?? $0
      })
    guard !attributionOnly else { return names }
    var found: [Actor] = []
    for sentence in statement.segmentation.sentences.indices {
      found += ActorExtractor.actors(in: statement, sentence: sentence, gazetteer: gazetteer)
    }
    found += ActorExtractor.actors(in: statement.metadata.issuer ?? "", gazetteer: gazetteer)
    names.formUnion(found.map { $0.canonical ?? $0.name })
    return names
  }

  @Test func theSamplesGazetteerAlignsTheMotivatingPair() throws {
    let file = try Gazetteer(
      tsv: String(contentsOfFile: Self.samples + "/gazetteer.tsv", encoding: .utf8))
    try standard.checkAdditions(file)
    let session = standard.merged(with: file)
    #expect(session.canonical("サルコヴァ連邦") == session.canonical("Sarkovan Federation"))
    #expect(session.canonical("アルヴェナ共和国") == session.canonical("Republic of Arvenna"))
    #expect(session.canonical("アキツ国") == session.canonical("State of Akitsu"))
    let japanese = try load("ja/mofa-cyber.txt")
    let english = try load("en/arvenna-pm-cyber.txt")
    // Attribution: who did it.
    let attributedBefore = actors(of: japanese, with: standard, attributionOnly: true)
      .intersection(actors(of: english, with: standard, attributionOnly: true))
    let attributed = actors(of: japanese, with: session, attributionOnly: true)
      .intersection(actors(of: english, with: session, attributionOnly: true))
    #expect(attributedBefore == ["KX-22"])
    #expect(attributed == ["KX-22", "Sarkova"])
    // Everyone involved, the issuer included.
    let sharedBefore = actors(of: japanese, with: standard, attributionOnly: false)
      .intersection(actors(of: english, with: standard, attributionOnly: false))
    let shared = actors(of: japanese, with: session, attributionOnly: false)
      .intersection(actors(of: english, with: session, attributionOnly: false))
    #expect(!sharedBefore.contains("Sarkova") && !sharedBefore.contains("Arvenna"))
    #expect(shared.isSuperset(of: ["Sarkova", "Arvenna", "KX-22"]))
  }

  @Test func theSamplesGazetteerNamesWhatTheSamplesName() throws {
    let file = try Gazetteer(
      tsv: String(contentsOfFile: Self.samples + "/gazetteer.tsv", encoding: .utf8))
    let session = standard.merged(with: file)
    // Every state the samples name, in the forms they use.
    let names = [
      "Akitsu", "State of Akitsu", "アキツ国", "Arvenna", "Republic of Arvenna", "アルヴェナ共和国",
      "Sarkova", "Sarkovan Federation", "サルコヴァ連邦", "Brevik", "Kingdom of Brevik", "Cassina",
      "Republic of Cassina", "Lunessa", "Grand Duchy of Lunessa", "Maravel",
      "Federal Republic of Maravel", "Foreign Information Directorate", "FID", "NCDC",
      "National Cyber Defence Centre", "KX-22", "Glass Heron", "TEMP.Vireo",
      "Meridian Partnership",
    ]
    for name in names { #expect(session.entry(for: name) != nil, "\(name)") }
    // Each name written in a sample's text is found there.
    for path in ["en/arvenna-pm-cyber.txt", "en/meridian-council.txt", "formats/cassina-mfa.md"] {
      let statement = try load(path)
      let found = Set(session.matches(in: statement.text).map(\.entry.canonical))
      #expect(found.contains("Sarkova") && found.contains("KX-22"), "\(path)")
    }
  }
}
