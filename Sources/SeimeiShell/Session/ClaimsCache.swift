import Foundation
import SeimeiKit

/// The session's lexicon (the built-in cues plus those added with `lexicon add` or
/// `lexicon load`), its gazetteer (the built-in names plus those added with `gazetteer add` or
/// `gazetteer load`), and the claims found with them, computed once per statement and kept
/// until either changes.
public final class ClaimsState {
  /// Cues added in this session; saved with the workspace.
  public private(set) var additions: Lexicon
  /// The built-in lexicon with the additions.
  public private(set) var lexicon: Lexicon
  /// Names added in this session (new entries, and new names of built-in entries under the
  /// entry's canonical name); saved with the workspace.
  public private(set) var gazetteerAdditions: Gazetteer
  /// The built-in gazetteer with the added names: what claims finds actors with.
  public private(set) var gazetteer: Gazetteer
  private var cache: [String: (key: String, claims: [Claim])] = [:]

  public init(additions: Lexicon = Lexicon.empty, gazetteerAdditions: Gazetteer = .empty) {
    self.additions = additions
    self.lexicon = Lexicon.standard.merged(with: additions)
    self.gazetteerAdditions = gazetteerAdditions
    self.gazetteer = Gazetteer.standard.merged(with: gazetteerAdditions)
  }

  /// Adds cues for the rest of the session; claims are found again with them.
  public func add(_ cues: [Cue]) {
    for cue in cues { additions.add(cue) }
    lexicon = Lexicon.standard.merged(with: additions)
    cache.removeAll()
  }

  /// Replaces the session's additions (when a workspace is opened).
  public func replaceAdditions(with additions: Lexicon) {
    self.additions = additions
    lexicon = Lexicon.standard.merged(with: additions)
    cache.removeAll()
  }

  /// Adds names for the rest of the session, after checking them against the session's
  /// gazetteer (`Gazetteer.checkAdditions`: a known kind, and no name that belongs to another
  /// entry); nothing is added when they are refused. An entry whose canonical name is already
  /// an entry's adds its names to that entry; the additions keep only the names it did not
  /// have. Claims are found again with them.
  public func addNames(_ names: Gazetteer) throws(GazetteerError) {
    try gazetteer.checkAdditions(names)
    var fresh: [Gazetteer.Entry] = []
    for var entry in names.entries {
      if gazetteer.entry(canonical: entry.canonical) != nil {
        entry.aliases.removeAll { gazetteer.entry(for: $0) != nil }
        if entry.aliases.isEmpty { continue }
      }
      fresh.append(entry)
    }
    guard !fresh.isEmpty else { return }
    gazetteerAdditions = gazetteerAdditions.merged(with: Gazetteer(entries: fresh))
    gazetteer = Gazetteer.standard.merged(with: gazetteerAdditions)
    cache.removeAll()
  }

  /// Replaces the session's added names (when a workspace is opened). They are not checked:
  /// where a saved name has since become a built-in entry's, the saved one wins
  /// (`Gazetteer.merged(with:)`), so a saved workspace always opens as it was.
  public func replaceGazetteerAdditions(with additions: Gazetteer) {
    gazetteerAdditions = additions
    gazetteer = Gazetteer.standard.merged(with: additions)
    cache.removeAll()
  }

  /// The claims of a statement, from the cache when the statement has not changed.
  public func claims(of statement: Statement) -> [Claim] {
    claims(of: [statement])[0]
  }

  /// The claims of several statements; those not cached are extracted on every core.
  public func claims(of statements: [Statement]) -> [[Claim]] {
    let keys = statements.map { $0.provenance.sha256 + ":" + String($0.text.utf8.count) }
    var results: [[Claim]?] = statements.indices.map { index in
      cache[statements[index].name].flatMap { $0.key == keys[index] ? $0.claims : nil }
    }
    let missing = results.indices.filter { results[$0] == nil }
    let found = Found(count: missing.count)
    let lexicon = self.lexicon
    let gazetteer = self.gazetteer
    DispatchQueue.concurrentPerform(iterations: missing.count) { position in
      found.set(
        ClaimExtractor.claims(
          in: statements[missing[position]], lexicon: lexicon, gazetteer: gazetteer),
        at: position)
    }
    for (position, index) in missing.enumerated() {
      let claims = found.values[position]
      results[index] = claims
      cache[statements[index].name] = (keys[index], claims)
    }
    return results.map { $0 ?? [] }
  }

  /// Claims found on several threads, by position.
  private final class Found: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[Claim]]

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func set(_ claims: [Claim], at position: Int) { lock.withLock { storage[position] = claims } }

    var values: [[Claim]] { lock.withLock { storage } }
  }
}
