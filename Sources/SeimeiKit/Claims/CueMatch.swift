/// One occurrence of a cue in a statement, after overlapping cues have been resolved (the longest
/// wins): what `ClaimExtractor.cueMatches` reports to explain the claims, or to try a lexicon.
public struct CueMatch: Sendable, Hashable {
  public var cue: Cue
  /// Index of the sentence (0-based).
  public var sentence: Int
  /// The matched words in the original text (Unicode scalar offsets), gaps included.
  public var range: TextRange
  /// The original text of `range`.
  public var text: String

  public init(cue: Cue, sentence: Int, range: TextRange, text: String) {
    self.cue = cue
    self.sentence = sentence
    self.range = range
    self.text = text
  }
}
