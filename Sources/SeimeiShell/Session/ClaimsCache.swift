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
    let key = statement.provenance.sha256 + ":" + String(statement.text.utf8.count)
    if let cached = cache[statement.name], cached.key == key { return cached.claims }
    let claims = ClaimExtractor.claims(in: statement, lexicon: lexicon)
    cache[statement.name] = (key, claims)
    return claims
  }
}
