import Foundation
import SeimeiKit

/// The session's lexicon (the built-in cues plus those added with `lexicon add` or
/// `lexicon load`) and the claims found with it, computed once per statement and lexicon.
public final class ClaimsState {
  /// Cues added in this session; saved with the workspace.
  public private(set) var additions: Lexicon
  /// The built-in lexicon with the additions.
  public private(set) var lexicon: Lexicon
  private var cache: [String: (key: String, claims: [Claim])] = [:]

  public init(additions: Lexicon = Lexicon.empty) {
    self.additions = additions
    self.lexicon = Lexicon.standard.merged(with: additions)
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
    DispatchQueue.concurrentPerform(iterations: missing.count) { position in
      found.set(
        ClaimExtractor.claims(in: statements[missing[position]], lexicon: lexicon), at: position)
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
