/// Finds the claims of a statement, as the codebook (shared/codebook.md, version 1) defines them,
/// from the cues of a lexicon (`Sources/SeimeiData/data/cues.tsv` documents every flag).
///
/// Cues are matched on the normalised text (NFKC, lower case, blanks collapsed) in one pass of the
/// lexicon's trie; where cues overlap, the longest wins (強く非難 over 非難, "countries concerned"
/// over "concerned"). Each sentence is then read on its own:
///
/// - **Not the issuer's words.** A question (a sentence ending in `?`, or a paragraph opened by a
///   `question` cue such as "Question:") carries no claim, nor does a heading (short, without
///   final punctuation), nor a sentence with a `report` cue (says, としている) unless it also has
///   an `adopt` cue (支持する, "share … assessment").
/// - **Context.** An attribution needs a hostile act somewhere in the statement (a `hostile`
///   cue: malicious, ransomware, サイバー攻撃): "funded by" attributes nothing in a release about
///   a research programme.
/// - **Conditions.** A cue flagged `initial` counts at the start of its sentence only (an
///   imperative); `actor` needs a named actor (`ActorExtractor`) or a hostile act in the
///   sentence; `subject` a
///   named actor before it in its clause (in Japanese, or the sentence's topic: Xは、…) and an
///   active verb ("was carried out" counts only with "by"); `object` an actor or a `partner` word
///   (allies, partners) within eight words after it; `adjacent` an actor right next to it and a
///   hostile act in the sentence (北朝鮮によるサイバー攻撃, not 同国による輸出規制).
/// - **Negation.** A negator in the same clause (before the cue in English, within eight words;
///   after it in Japanese, within twenty characters) removes the claim, unless the cue is flagged
///   `negok` (norms: "is not the conduct of a responsible state"); a `needneg` cue counts only
///   negated (整合的なものとは考えられません); a negated `negdenial` cue (a hostile act or tie: "has
///   never conducted", 関与していない) is a denial.
/// - **Addressee.** A demand flagged `toadvice` (urge, should, べき) addressed to the public or to
///   organisations (a `public` word: companies, operators, 事業者) is advice.
/// - **Hedges** (may, could, おそれ) before the cue in its clause (in Japanese, after it, across
///   chained predicates such as 停止し、) mark the claim hedged, and make an attribution `likely`.
/// - **Level.** Concern and condemnation cues carry their ladder level; an intensifier of the same
///   type just before the cue (two words, four characters), or a `post` one after it ("in the
///   strongest terms"), lifts it to the intensifier's level when that is higher, and the cue's
///   span grows to include it (強く非難, "condemns in the strongest terms").
/// - **Demands presuppose.** Attribution, impact, measure, cooperation and denial cues inside a
///   demand (after it in English; in Japanese, before it, back to its addressee Xに対し or else
///   to the start of its clause) are not claims ("We call on X to stop sheltering the criminals
///   who work for its services"). Advice removes the impact and measure cues of its sentence
///   (the advisory to read, the victims addressed). A cue's `drop=` flag removes the listed
///   types from its sentence (an indictment's offences are not impact).
/// - **One claim per type and sentence**: the highest level, else the longest cue.
/// - **Attribution**: the band is the least certain likelihood word of the sentence (a hedge
///   beats a stronger neighbour: によるものとみられる is `likely`), `stated` if there is none;
///   confidence is "high" with a `confidence` cue; the actors are the named actors in the clauses
///   of the attribution cues, without the attributor (in English, a named actor before an
///   `assess` verb, or between it and "that": "shares Arvenna's assessment that …") and without
///   the subject of another claim ("The EU condemns the activity conducted by X").
public enum ClaimExtractor {
  /// The claims of a statement, sorted by sentence, then by the position of their cue. The named
  /// actors (conditions on actors, and the actors of attributions) are found with `gazetteer`:
  /// a session passes the built-in one merged with the names its user added.
  public static func claims(
    in statement: Statement, lexicon: Lexicon = .standard, gazetteer: Gazetteer = .standard
  ) -> [Claim] {
    claims(in: statement, lexicon: lexicon) { sentence in
      ActorExtractor.actors(in: statement, sentence: sentence, gazetteer: gazetteer)
    }
  }

  /// The claims, with the named actors of each sentence from `actors` (tests give their own).
  static func claims(
    in statement: Statement, lexicon: Lexicon, actors: @escaping (Int) -> [Actor]
  ) -> [Claim] {
    var claims: [Claim] = []
    withSentences(of: statement, lexicon: lexicon) { sentences in
      // Attribution needs a hostile act to attribute somewhere in the statement: "funded by"
      // and "conducted" attribute nothing in a release about a research programme.
      let hostile = sentences.contains(where: \.hostile)
      for sentence in sentences {
        let analysis = SentenceAnalysis(
          sentence, statement: statement, hostileContext: hostile, actors: actors)
        claims += analysis.claims()
      }
    }
    fillCueTexts(&claims, from: statement.text)
    return claims
  }

  /// Sets each claim's `cueText` to the original text of its cue, walking the text once (the
  /// cues come in text order, give or take an intensifier just before one).
  static func fillCueTexts(_ claims: inout [Claim], from text: String) {
    let order = claims.indices.sorted { claims[$0].cue.start < claims[$1].cue.start }
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var offset = 0
    for claimIndex in order {
      let range = claims[claimIndex].cue
      while offset < range.start && index < scalars.endIndex {
        scalars.formIndex(after: &index)
        offset += 1
      }
      var end = index
      var endOffset = offset
      while endOffset < range.end && end < scalars.endIndex {
        scalars.formIndex(after: &end)
        endOffset += 1
      }
      claims[claimIndex].cueText = String(scalars[index..<end])
    }
  }

  /// Every cue occurrence of a statement that survived overlap resolution, by sentence and
  /// position: what the claims were made from.
  public static func cueMatches(in statement: Statement, lexicon: Lexicon = .standard)
    -> [CueMatch]
  {
    var matches: [CueMatch] = []
    withSentences(of: statement, lexicon: lexicon) { sentences in
      for sentence in sentences {
        for occurrence in sentence.occurrences {
          let range = statement.normalized.originalRange(
            TextRange(occurrence.scalarStart, occurrence.scalarEnd))
          matches.append(
            CueMatch(
              cue: sentence.cues[occurrence.cue], sentence: sentence.index, range: range,
              text: String(statement.text(of: range))))
        }
      }
    }
    return matches
  }

  /// The summary of a statement's claims: counts per type and the strongest wording.
  public static func summary(
    of statement: Statement, lexicon: Lexicon = .standard, gazetteer: Gazetteer = .standard
  ) -> ClaimSummary {
    ClaimSummary(claims: claims(in: statement, lexicon: lexicon, gazetteer: gazetteer))
  }

  // MARK: - Matching

  /// A cue occurrence in the normalised text.
  struct Occurrence {
    var cue: Int
    /// Byte offsets of the parts, flattened: [start0, end0, start1, end1, ...].
    var parts: [Int]
    var scalarStart = 0
    var scalarEnd = 0
    var literalLength: Int

    var start: Int { parts[0] }
    var end: Int { parts[parts.count - 1] }
    /// End of the first part (before any gap).
    var firstEnd: Int { parts[1] }

    func overlaps(_ other: Occurrence) -> Bool {
      if parts == other.parts { return false }
      var index = 0
      while index < parts.count {
        var otherIndex = 0
        while otherIndex < other.parts.count {
          if parts[index] < other.parts[otherIndex + 1]
            && other.parts[otherIndex] < parts[index + 1]
          {
            return true
          }
          otherIndex += 2
        }
        index += 2
      }
      return false
    }
  }

  /// One sentence with its cue occurrences.
  struct SentenceText {
    var index: Int
    var paragraph: Int
    /// The normalised text's UTF-8 bytes (the whole statement).
    var bytes: UnsafeBufferPointer<UInt8>
    /// Byte range of the sentence in `bytes`.
    var start: Int
    var end: Int
    /// Normalised scalar offset of `start`.
    var scalarStart: Int
    var japanese: Bool
    var cues: [Cue]
    /// Sorted by start.
    var occurrences: [Occurrence]
    /// Whether the sentence is in a question paragraph (opened by a `question` cue).
    var inQuestionParagraph: Bool
    /// Byte offset of the first word (after numbering, bullets and quotes).
    var initialPosition: Int
    /// Whether a `hostile` cue matched in the sentence, even inside a longer cue ("responsible
    /// for the attack").
    var hostile: Bool
  }

  /// Matches the lexicon on the normalised text, sentence by sentence, and calls `body` with
  /// the sentences and their occurrences after overlap resolution (the normalised bytes they
  /// point into are valid during the call only).
  static func withSentences(
    of statement: Statement, lexicon: Lexicon, _ body: ([SentenceText]) -> Void
  ) {
    let sentences = statement.segmentation.sentences
    guard !sentences.isEmpty, !lexicon.cues.isEmpty else { return }
    let normalized = statement.normalized
    let japanese = statement.language == .ja || statement.language == .zh
    let languages: UInt8
    switch statement.language {
    case .en: languages = 1
    case .ja, .zh: languages = 2
    case .other: languages = 3
    }
    let matcher = lexicon.matcher
    let cues = lexicon.cues
    var text = normalized.text
    text.withUTF8 { bytes in
      // A cursor that walks the bytes forward, counting scalars.
      var cursorByte = 0
      var cursorScalar = 0
      func advance(toScalar target: Int) {
        while cursorScalar < target && cursorByte < bytes.count {
          cursorByte += 1
          while cursorByte < bytes.count && bytes[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
          cursorScalar += 1
        }
      }
      var result: [SentenceText] = []
      result.reserveCapacity(sentences.count)
      var questionParagraph = -1
      var previousParagraph = -1
      for (index, sentence) in sentences.enumerated() {
        let scalarStart = normalized.normalizedOffset(forOriginal: sentence.range.start)
        let scalarEnd = normalized.normalizedOffset(forOriginal: sentence.range.end)
        guard scalarEnd > scalarStart, scalarStart >= cursorScalar else { continue }
        advance(toScalar: scalarStart)
        let start = cursorByte
        advance(toScalar: scalarEnd)
        let end = cursorByte
        let matches = matcher.matches(in: bytes, range: start..<end, languages: languages)
        let hostile = matches.contains {
          cues[Int(matcher.patterns[Int($0.pattern)].cue)].flags.contains(.hostile)
        }
        // Words that only mark hostile context take no part in overlaps (サイバー活動 must not
        // hide 活動を行っ).
        let relevant = matches.filter {
          let cue = cues[Int(matcher.patterns[Int($0.pattern)].cue)]
          return !(cue.flags == .hostile && cue.type == nil && cue.band == nil)
        }
        var occurrences = resolve(relevant, matcher: matcher)
        // Scalar offsets of the occurrences (they are sorted by start).
        var byte = start
        var scalar = scalarStart
        for position in occurrences.indices {
          while byte < occurrences[position].start {
            byte += 1
            if byte >= bytes.count || bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
          }
          occurrences[position].scalarStart = scalar
          var length = 0
          for offset in occurrences[position].start..<occurrences[position].end
          where bytes[offset] & 0xC0 != 0x80 {
            length += 1
          }
          occurrences[position].scalarEnd = scalar + length
        }
        let initial = initialPosition(bytes, start, end)
        if sentence.paragraph != previousParagraph {
          previousParagraph = sentence.paragraph
          let opensWithQuestion = occurrences.contains {
            $0.start == initial && cues[$0.cue].flags.contains(.question)
          }
          questionParagraph = opensWithQuestion ? sentence.paragraph : -1
        }
        result.append(
          SentenceText(
            index: index, paragraph: sentence.paragraph, bytes: bytes, start: start, end: end,
            scalarStart: scalarStart, japanese: japanese, cues: cues, occurrences: occurrences,
            inQuestionParagraph: questionParagraph == sentence.paragraph,
            initialPosition: initial, hostile: hostile))
      }
      body(result)
    }
  }

  /// Overlapping matches: the longest (in scalars of its words) wins, then the first.
  static func resolve(_ matches: [CueMatcher.Match], matcher: CueMatcher) -> [Occurrence] {
    guard !matches.isEmpty else { return [] }
    var candidates = matches.map { match in
      let pattern = matcher.patterns[Int(match.pattern)]
      return Occurrence(
        cue: Int(pattern.cue), parts: match.parts, literalLength: pattern.literalLength)
    }
    candidates.sort {
      ($0.literalLength, -$0.start, -$0.cue) > ($1.literalLength, -$1.start, -$1.cue)
    }
    var accepted: [Occurrence] = []
    for candidate in candidates {
      if accepted.contains(where: { $0.parts == candidate.parts && $0.cue == candidate.cue }) {
        continue
      }
      if !accepted.contains(where: { $0.overlaps(candidate) }) { accepted.append(candidate) }
    }
    accepted.sort { ($0.start, $0.end, $0.cue) < ($1.start, $1.end, $1.cue) }
    return accepted
  }

  /// Where the sentence's words begin: after paragraph numbers, bullets, brackets and quotes.
  static func initialPosition(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Int
  {
    var position = start
    while position < end {
      let byte = bytes[position]
      if byte < 0x80 {
        if byte == 0x20 || (0x30...0x39).contains(byte)
          || [0x2E, 0x28, 0x29, 0x2D, 0x2A, 0x22, 0x27, 0x5B, 0x5D, 0x3E, 0x23].contains(byte)
        {
          position += 1
          continue
        }
        return position
      }
      let value = CueMatcher.scalar(bytes, at: position)
      // • ・ 「 『 【 】 “ ‘
      guard [0x2022, 0x30FB, 0x300C, 0x300E, 0x3010, 0x3011, 0x201C, 0x2018].contains(value)
      else { return position }
      position += 1
      while position < end && bytes[position] & 0xC0 == 0x80 { position += 1 }
    }
    return position
  }
}

/// The rules of the codebook applied to one sentence's cue occurrences.
private final class SentenceAnalysis {
  let sentence: ClaimExtractor.SentenceText
  let statement: Statement
  /// Whether the statement speaks of a hostile act anywhere (a `hostile` cue).
  let hostileContext: Bool
  let actorSource: (Int) -> [Actor]
  var bytes: UnsafeBufferPointer<UInt8> { sentence.bytes }
  var occurrences: [ClaimExtractor.Occurrence] { sentence.occurrences }

  init(
    _ sentence: ClaimExtractor.SentenceText, statement: Statement, hostileContext: Bool,
    actors: @escaping (Int) -> [Actor]
  ) {
    self.sentence = sentence
    self.statement = statement
    self.hostileContext = hostileContext
    self.actorSource = actors
  }

  func cue(_ occurrence: ClaimExtractor.Occurrence) -> Cue { sentence.cues[occurrence.cue] }

  func has(_ flag: CueFlags, _ occurrence: ClaimExtractor.Occurrence) -> Bool {
    sentence.cues[occurrence.cue].flags.contains(flag)
  }

  // MARK: Actors

  struct ActorSpan {
    var actor: Actor
    /// Byte offsets in the normalised text.
    var start: Int
    var end: Int
  }

  private var cachedActors: [ActorSpan]?

  /// The named actors of the sentence, with their positions in the normalised bytes.
  var actors: [ActorSpan] {
    if let cachedActors { return cachedActors }
    let normalized = statement.normalized
    var scalarBytes: [Int] = []
    var position = sentence.start
    while position < sentence.end {
      scalarBytes.append(position)
      position += 1
      while position < sentence.end && bytes[position] & 0xC0 == 0x80 { position += 1 }
    }
    scalarBytes.append(sentence.end)
    func byteOffset(_ original: Int) -> Int {
      let local = normalized.normalizedOffset(forOriginal: original) - sentence.scalarStart
      return scalarBytes[min(max(local, 0), scalarBytes.count - 1)]
    }
    let spans = actorSource(sentence.index).map { actor in
      ActorSpan(
        actor: actor, start: byteOffset(actor.range.start), end: byteOffset(actor.range.end))
    }
    cachedActors = spans
    return spans
  }

  // MARK: Text between two positions

  /// Where the sentence's words and clauses are, computed once (when the sentence has a claim
  /// cue to judge), so that every question about the text between two positions is a lookup.
  struct Layout {
    /// `wordStarts[i]`: English words that start in the sentence's first `i` bytes.
    var wordStarts: [Int32]
    /// `scalars[i]`: scalars that start in the sentence's first `i` bytes.
    var scalars: [Int32]
    /// Byte offsets of `; : ? !` and `。`, in order.
    var hard: [Int]
    /// Byte offsets where a clause ends: hard breaks, commas (not those of a list), dashes, 、
    /// (not after the topic particles は and も) and `clause` words.
    var soft: [Int]
    /// The same with every 、.
    var strict: [Int]
  }

  private var cachedLayout: Layout?

  var layout: Layout {
    if let cachedLayout { return cachedLayout }
    let start = sentence.start
    let end = sentence.end
    var wordStarts = [Int32](repeating: 0, count: end - start + 1)
    var scalars = [Int32](repeating: 0, count: end - start + 1)
    var hard: [Int] = []
    var soft: [Int] = []
    var strict: [Int] = []
    let clauseWords = Set(occurrences.filter { has(.clause, $0) }.map(\.start))
    var words: Int32 = 0
    var count: Int32 = 0
    var previousIsWord = start > 0 && CueMatcher.isWordBefore(bytes, start)
    for position in start..<end {
      let byte = bytes[position]
      if byte & 0xC0 != 0x80 {
        count += 1
        let isWord = CueMatcher.isWordAt(bytes, position)
        if isWord && !previousIsWord { words += 1 }
        previousIsWord = isWord
        var isHard = false
        var isSoft = false
        var isStrict = false
        if CueMatcher.isHardBreak(bytes, position) {
          isHard = true
        } else if byte == 0x2C {
          isSoft = !isListComma(position)
        } else if byte == 0xE2 && position + 2 < bytes.count && bytes[position + 1] == 0x80
          && (bytes[position + 2] == 0x94 || bytes[position + 2] == 0x93)
        {
          isSoft = true  // — –
        } else if byte == 0xE3 && position + 2 < bytes.count && bytes[position + 1] == 0x80
          && bytes[position + 2] == 0x81
        {
          // 、 after は (E3 81 AF) or も (E3 82 82) does not end the clause.
          let before = position >= 3 ? (bytes[position - 2], bytes[position - 1]) : (0, 0)
          isStrict = true
          isSoft = !(before == (0x81, 0xAF) || before == (0x82, 0x82))
        }
        if clauseWords.contains(position) { isSoft = true }
        if isHard { hard.append(position) }
        if isHard || isSoft { soft.append(position) }
        if isHard || isSoft || isStrict { strict.append(position) }
      }
      wordStarts[position - start + 1] = words
      scalars[position - start + 1] = count
    }
    let layout = Layout(
      wordStarts: wordStarts, scalars: scalars, hard: hard, soft: soft, strict: strict)
    cachedLayout = layout
    return layout
  }

  /// The sentence-relative index of a byte offset, clamped to the sentence.
  private func local(_ offset: Int) -> Int {
    min(max(offset, sentence.start), sentence.end) - sentence.start
  }

  /// Scalars from `a` to `b`.
  func characters(_ a: Int, _ b: Int) -> Int {
    guard a < b else { return 0 }
    let scalars = layout.scalars
    return Int(scalars[local(b)] - scalars[local(a)])
  }

  /// English words that start from `a` to `b`.
  func words(_ a: Int, _ b: Int) -> Int {
    guard a < b else { return 0 }
    let wordStarts = layout.wordStarts
    return Int(wordStarts[local(b)] - wordStarts[local(a)])
  }

  /// Whether one of `positions` (sorted) lies in `min(a, b)..<max(a, b)`.
  private func any(_ positions: [Int], between a: Int, _ b: Int) -> Bool {
    let low = min(a, b)
    let high = max(a, b)
    // The first position at or after `low`.
    var lower = 0
    var upper = positions.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if positions[middle] < low { lower = middle + 1 } else { upper = middle }
    }
    return lower < positions.count && positions[lower] < high
  }

  /// `; : ? !` or `。` between `a` and `b`.
  func hardBreak(_ a: Int, _ b: Int) -> Bool { any(layout.hard, between: a, b) }

  /// A clause boundary between `a` and `b`: a hard break, a comma (not one of a list) or dash
  /// (English), 、 except after the topic particles は and も (Japanese; every 、 with
  /// `strict`), or a `clause` word (but, while).
  func clauseBreak(_ a: Int, _ b: Int, strict: Bool = false) -> Bool {
    any(strict ? layout.strict : layout.soft, between: a, b)
  }

  /// A comma that separates the items of a list ("tasks, funds and protects"): "and" or "or"
  /// follows within three words, before any other punctuation.
  func isListComma(_ position: Int) -> Bool {
    var cursor = position + 1
    var words = 0
    while cursor < sentence.end && words <= 3 {
      let byte = bytes[cursor]
      if byte == 0x2C || CueMatcher.isHardBreak(bytes, cursor) { return false }
      if CueMatcher.isWordAt(bytes, cursor) && !CueMatcher.isWordBefore(bytes, cursor) {
        words += 1
        let word = nextWord(cursor)
        if word == "and" || word == "or" { return true }
      }
      cursor += 1
    }
    return false
  }

  /// A comma followed by a coordinating word (", and", ", but", ", while") between `a` and `b`.
  func conjunctionBreak(_ a: Int, _ b: Int) -> Bool {
    var position = a
    while position < b {
      if bytes[position] == 0x2C
        && ["and", "but", "while", "whereas", "or"].contains(nextWord(position + 1))
      {
        return true
      }
      position += 1
    }
    return false
  }

  /// The clause around a position: from the clause break before it to the one after it.
  /// With `strict`, every 、 ends a Japanese clause.
  func clause(around position: Int, strict: Bool = false) -> Range<Int> {
    let breaks = strict ? layout.strict : layout.soft
    var lower = 0
    var upper = breaks.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if breaks[middle] < position { lower = middle + 1 } else { upper = middle }
    }
    let low = lower > 0 ? breaks[lower - 1] + 1 : sentence.start
    let high = lower < breaks.count ? breaks[lower] : sentence.end
    return low..<max(low, high)
  }

  /// The lowercase English words just before `position`, nearest first.
  func previousWords(_ position: Int, count: Int) -> [String] {
    var result: [String] = []
    var cursor = position
    while result.count < count {
      while cursor > sentence.start && bytes[cursor - 1] == 0x20 { cursor -= 1 }
      var begin = cursor
      while begin > sentence.start, bytes[begin - 1] < 0x80,
        CueMatcher.isWordScalar(UInt32(bytes[begin - 1]))
      {
        begin -= 1
      }
      guard begin < cursor else { break }
      result.append(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<cursor]), as: UTF8.self))
      cursor = begin
    }
    return result
  }

  /// The next English word after `position`.
  func nextWord(_ position: Int) -> String {
    var begin = position
    while begin < sentence.end && bytes[begin] == 0x20 { begin += 1 }
    var end = begin
    while end < sentence.end, bytes[end] < 0x80, CueMatcher.isWordScalar(UInt32(bytes[end])) {
      end += 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
  }

  // MARK: Modifiers

  /// A modifier with `flag` in the scope of `occurrence`: before it in its clause in English
  /// (at most `words` words between), after it in Japanese (at most `characters` characters).
  /// With `wholeSentence`, a Japanese modifier reaches across the 、 of chained predicates (a
  /// hedge at the end of the sentence qualifies them all: 停止し、支障が生じるおそれがある).
  func modifier(
    _ flag: CueFlags, of occurrence: ClaimExtractor.Occurrence, words maximumWords: Int,
    characters maximumCharacters: Int, wholeSentence: Bool = false
  ) -> ClaimExtractor.Occurrence? {
    for other in occurrences where has(flag, other) {
      if sentence.japanese {
        let separated =
          wholeSentence
          ? !onlyContinuativeCommas(occurrence.end, other.start)
          : clauseBreak(occurrence.end, other.start)
        if other.start >= occurrence.end && !separated
          && characters(occurrence.end, other.start) <= maximumCharacters
        {
          return other
        }
      } else if other.end <= occurrence.start && !clauseBreak(other.end, occurrence.start)
        && words(other.end, occurrence.start) <= maximumWords
      {
        return other
      }
    }
    return nil
  }

  /// No hard break between `a` and `b`, and every 、 between them follows a verb's continuative
  /// form (停止し、 or 受けて、, which chain predicates), not a finished one (であり、).
  func onlyContinuativeCommas(_ a: Int, _ b: Int) -> Bool {
    if hardBreak(a, b) { return false }
    var position = a
    while position + 2 < b {
      if bytes[position] == 0xE3 && bytes[position + 1] == 0x80 && bytes[position + 2] == 0x81 {
        // し (E3 81 97), て (E3 81 A6) or で (E3 81 A7) before it.
        guard position >= 3, bytes[position - 3] == 0xE3, bytes[position - 2] == 0x81,
          [0x97, 0xA6, 0xA7].contains(bytes[position - 1])
        else { return false }
      }
      position += 1
    }
    return true
  }

  func isNegated(_ occurrence: ClaimExtractor.Occurrence) -> Bool {
    modifier(.negator, of: occurrence, words: 8, characters: 20) != nil
  }

  func isHedged(_ occurrence: ClaimExtractor.Occurrence) -> Bool {
    modifier(.hedge, of: occurrence, words: 6, characters: 40, wholeSentence: true) != nil
  }

  /// The intensifiers of `type` that apply to `occurrence`.
  func intensifiers(of occurrence: ClaimExtractor.Occurrence, type: ClaimType)
    -> [ClaimExtractor.Occurrence]
  {
    occurrences.filter { other in
      let otherCue = cue(other)
      guard otherCue.flags.contains(.intensifier), otherCue.type == type else { return false }
      if other.end <= occurrence.start {
        return sentence.japanese
          ? characters(other.end, occurrence.start) <= 4
            && !clauseBreak(other.end, occurrence.start)
          : words(other.end, occurrence.start) <= 2 && !clauseBreak(other.end, occurrence.start)
      }
      if other.start >= occurrence.end && otherCue.flags.contains(.post) {
        return sentence.japanese
          ? characters(occurrence.end, other.start) <= 2
          : words(occurrence.end, other.start) <= 10 && !hardBreak(occurrence.end, other.start)
      }
      return false
    }
  }

  /// Whether a demand is addressed to the public or to organisations.
  func addressesPublic(_ occurrence: ClaimExtractor.Occurrence) -> Bool {
    occurrences.contains { other in
      guard has(.publicAddressee, other) else { return false }
      if other.end <= occurrence.start {
        // The addressee is the subject, which may run across commas ("Every organisation, large
        // or small, should …"), but not across a new clause (", and we urge …").
        if sentence.japanese { return !hardBreak(other.end, occurrence.start) }
        return !hardBreak(other.end, occurrence.start) && words(other.end, occurrence.start) <= 15
          && !conjunctionBreak(other.end, occurrence.start)
      }
      return !sentence.japanese && other.start >= occurrence.firstEnd
        && words(occurrence.firstEnd, other.start) <= 6
        && !clauseBreak(occurrence.firstEnd, other.start)
    }
  }

  /// A named actor before the cue in its clause, with an active verb; a passive with "by" is
  /// an agent phrase and counts without it.
  func hasSubject(_ occurrence: ClaimExtractor.Occurrence) -> Bool {
    if !sentence.japanese {
      let first = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[occurrence.start..<occurrence.firstEnd]),
        as: UTF8.self)
      let verb = first.split(separator: " ").first.map(String.init) ?? first
      let passive =
        !verb.hasSuffix("ing")
        && previousWords(occurrence.start, count: 2).contains(where: Self.beForms.contains)
      if passive { return nextWord(occurrence.end) == "by" }
    }
    return actors.contains { actor in
      guard actor.end <= occurrence.start else { return false }
      if !clauseBreak(actor.end, occurrence.start) { return true }
      // Japanese: the topic or subject of the sentence (Xは、…、…行っている).
      return sentence.japanese && isSubjectParticle(at: actor.end)
        && !hardBreak(actor.end, occurrence.start)
    }
  }

  /// は, が or も at a byte offset.
  func isSubjectParticle(at offset: Int) -> Bool {
    guard offset + 2 < sentence.end, bytes[offset] == 0xE3 else { return false }
    let pair = (bytes[offset + 1], bytes[offset + 2])
    return pair == (0x81, 0xAF) || pair == (0x81, 0x8C) || pair == (0x82, 0x82)
  }

  static let beForms: Set<String> = ["be", "is", "are", "am", "was", "were", "been", "being"]

  /// A named actor or a partner word after the cue (within eight words; in Japanese, before it
  /// in its clause).
  func hasObject(_ occurrence: ClaimExtractor.Occurrence) -> Bool {
    func near(_ start: Int, _ end: Int) -> Bool {
      if sentence.japanese {
        return end <= occurrence.start && !clauseBreak(end, occurrence.start)
      }
      return start >= occurrence.firstEnd && words(occurrence.firstEnd, start) <= 8
        && !clauseBreak(occurrence.firstEnd, start)
    }
    // Partner words first: they are cheaper than the named actors.
    return occurrences.contains { has(.partner, $0) && near($0.start, $0.end) }
      || actors.contains { near($0.start, $0.end) }
  }

  /// A named actor right next to the cue: just before it in Japanese (北朝鮮による, at most one
  /// character between, such as 」), just after it in English ("by the GRU": two words between).
  func hasAdjacentActor(_ occurrence: ClaimExtractor.Occurrence) -> Bool {
    actors.contains { actor in
      if sentence.japanese {
        return actor.end <= occurrence.start && characters(actor.end, occurrence.start) <= 1
      }
      return actor.start >= occurrence.end && words(occurrence.end, actor.start) <= 2
        && !clauseBreak(occurrence.end, actor.start)
    }
  }

  // MARK: Claims

  struct Candidate {
    var type: ClaimType
    var occurrence: ClaimExtractor.Occurrence
    var level: Int?
    var hedged: Bool
    /// The claim's span in normalised scalars (the cue, with the intensifier that set its level).
    var scalarStart: Int
    var scalarEnd: Int
  }

  func claims() -> [Claim] {
    if sentence.inQuestionParagraph || endsWithQuestionMark() || isHeading() { return [] }
    let reported = occurrences.contains { has(.report, $0) }
    if reported && !occurrences.contains(where: { has(.adopt, $0) }) { return [] }

    var candidates: [Candidate] = []
    // Cues whose condition needs the named actors come last, and are skipped when their type
    // already has a claim in the sentence (attribution excepted: its actors are wanted anyway),
    // because finding the actors costs more than everything else here.
    let needsActors: CueFlags = [.actor, .subject, .object, .adjacent]
    let ordered =
      occurrences.filter { cue($0).flags.isDisjoint(with: needsActors) }
      + occurrences.filter { !cue($0).flags.isDisjoint(with: needsActors) }
    for occurrence in ordered {
      let cue = cue(occurrence)
      guard cue.makesClaims, var type = cue.type else { continue }
      if !cue.flags.isDisjoint(with: needsActors) && type != .attribution
        && candidates.contains(where: { $0.type == type })
      {
        continue
      }
      let negated = isNegated(occurrence)
      if cue.flags.contains(.needsNegation) {
        if !negated { continue }
      } else if negated && !cue.flags.contains(.negationKeeps) {
        guard cue.flags.contains(.negationDenies) else { continue }
        type = .denial
      }
      if type == .attribution && !hostileContext { continue }
      if type != .denial || !negated {
        if cue.flags.contains(.initial) && occurrence.start != sentence.initialPosition { continue }
        if cue.flags.contains(.actor) && !sentence.hostile && actors.isEmpty { continue }
        if cue.flags.contains(.subject) && !hasSubject(occurrence) { continue }
        if cue.flags.contains(.object) && !hasObject(occurrence) { continue }
        if cue.flags.contains(.adjacent) && !(sentence.hostile && hasAdjacentActor(occurrence)) {
          continue
        }
      }
      if type == .demand && cue.flags.contains(.toAdvice) && addressesPublic(occurrence) {
        type = .advice
      }
      var candidate = Candidate(
        type: type, occurrence: occurrence, level: type.hasLevel ? cue.level : nil,
        hedged: isHedged(occurrence), scalarStart: occurrence.scalarStart,
        scalarEnd: occurrence.scalarEnd)
      if type.hasLevel, type == cue.type {
        for intensifier in intensifiers(of: occurrence, type: type) {
          if let lift = self.cue(intensifier).level, lift > (candidate.level ?? 0) {
            candidate.level = lift
          }
          candidate.scalarStart = min(candidate.scalarStart, intensifier.scalarStart)
          candidate.scalarEnd = max(candidate.scalarEnd, intensifier.scalarEnd)
        }
      }
      candidates.append(candidate)
    }
    candidates.sort { $0.occurrence.start < $1.occurrence.start }
    candidates = applyDrops(candidates)
    return best(candidates)
  }

  /// A heading: short, not a list item, and without the punctuation that ends a sentence.
  func isHeading() -> Bool {
    var position = sentence.end
    while position > sentence.start {
      position = CueMatcher.previousStart(bytes, position)
      let value = CueMatcher.scalar(bytes, at: position)
      if [0x20, 0x22, 0x27, 0x29, 0x201D, 0x2019, 0x300D, 0x300F].contains(value) { continue }
      // . 。 ! ? : ; …
      if [0x2E, 0x3002, 0x21, 0x3F, 0x3A, 0x3B, 0x2026].contains(value) { return false }
      break
    }
    var first = sentence.start
    while first < sentence.end && bytes[first] == 0x20 { first += 1 }
    if first < sentence.end {
      // - * • ・ start a list item.
      let value = CueMatcher.scalar(bytes, at: first)
      if [0x2D, 0x2A, 0x2022, 0x30FB].contains(value) { return false }
    }
    return sentence.japanese
      ? characters(sentence.start, sentence.end) <= 30 : words(sentence.start, sentence.end) <= 10
  }

  func endsWithQuestionMark() -> Bool {
    var position = sentence.end
    while position > sentence.start {
      position = CueMatcher.previousStart(bytes, position)
      let value = CueMatcher.scalar(bytes, at: position)
      // Blanks, quotes and closing brackets after the mark.
      if [0x20, 0x22, 0x27, 0x29, 0x201D, 0x2019, 0x300D, 0x300F].contains(value) { continue }
      return value == 0x3F
    }
    return false
  }

  /// Removes what demands presuppose, what advice addresses, and the types named by `drop=`.
  func applyDrops(_ candidates: [Candidate]) -> [Candidate] {
    let presupposed: Set<ClaimType> = [.attribution, .impact, .measure, .cooperation, .denial]
    var removed = Set<Int>()
    for (index, candidate) in candidates.enumerated() {
      let droppedTypes = Set(cue(candidate.occurrence).drops)
      for (otherIndex, other) in candidates.enumerated() where otherIndex != index {
        if droppedTypes.contains(other.type) { removed.insert(otherIndex) }
        if candidate.type == .advice && (other.type == .impact || other.type == .measure) {
          removed.insert(otherIndex)
        }
        if candidate.type == .demand && presupposed.contains(other.type) {
          let demand = candidate.occurrence
          let inside =
            sentence.japanese
            ? other.occurrence.end <= demand.start
              && other.occurrence.start >= japaneseComplementStart(of: demand)
            : other.occurrence.start >= demand.start
              && !hardBreak(demand.start, other.occurrence.start)
          if inside { removed.insert(otherIndex) }
        }
      }
    }
    return candidates.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
  }

  /// Where a Japanese demand's complement starts: after its addressee (Xに対し、…を求める), else
  /// at the start of its clause.
  func japaneseComplementStart(of demand: ClaimExtractor.Occurrence) -> Int {
    let marker: [UInt8] = Array("に対し".utf8)
    var position = demand.start - marker.count
    while position >= sentence.start {
      if bytes[position] == marker[0]
        && (1..<marker.count).allSatisfy({ bytes[position + $0] == marker[$0] })
      {
        return position + marker.count
      }
      position -= 1
    }
    return clause(around: demand.start).lowerBound
  }

  /// One claim per type: the highest level, else the longest cue, else the first.
  func best(_ candidates: [Candidate]) -> [Claim] {
    var chosen: [ClaimType: Candidate] = [:]
    for candidate in candidates {
      guard let current = chosen[candidate.type] else {
        chosen[candidate.type] = candidate
        continue
      }
      let better =
        (candidate.level ?? 0, candidate.occurrence.literalLength)
        > (current.level ?? 0, current.occurrence.literalLength)
      if better { chosen[candidate.type] = candidate }
    }
    let normalized = statement.normalized
    var claims: [Claim] = []
    for candidate in chosen.values {
      let range = normalized.originalRange(TextRange(candidate.scalarStart, candidate.scalarEnd))
      // The cue's text is filled in for all claims at once (ClaimExtractor.fillCueTexts).
      var claim = Claim(
        type: candidate.type, sentence: sentence.index, cue: range, cueText: "",
        level: candidate.level, hedged: candidate.hedged)
      if candidate.type == .attribution {
        let attributions = candidates.filter { $0.type == .attribution }
        claim.band = band(attributions)
        if occurrences.contains(where: { has(.confidence, $0) }) { claim.confidence = "high" }
        claim.actors = attributionActors(attributions)
      }
      claims.append(claim)
    }
    claims.sort { ($0.cue.start, $0.type) < ($1.cue.start, $1.type) }
    return claims
  }

  /// The least certain likelihood word of the sentence; a hedge is `likely`; none: `stated`.
  func band(_ attributions: [Candidate]) -> AttributionBand {
    var bands: [AttributionBand] = []
    for occurrence in occurrences {
      if let band = cue(occurrence).band, band != .stated { bands.append(band) }
    }
    if attributions.contains(where: \.hedged) { bands.append(.likely) }
    let order = AttributionBand.allCases
    return bands.max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! } ?? .stated
  }

  /// The named actors in the clauses of the attribution cues, without the attributor.
  func attributionActors(_ attributions: [Candidate]) -> [String] {
    let all = actors
    guard !all.isEmpty else { return [] }
    // English: who attributes stands before the attributing verb, or between it and "that"
    // ("shares Arvenna's assessment that …").
    var attributorSpans: [Range<Int>] = []
    if !sentence.japanese {
      for occurrence in occurrences where has(.assess, occurrence) {
        let clause = clause(around: occurrence.start)
        var end = occurrence.start
        var cursor = occurrence.end
        while cursor < clause.upperBound {
          if CueMatcher.isWordAt(bytes, cursor) && !CueMatcher.isWordBefore(bytes, cursor)
            && nextWord(cursor) == "that"
          {
            end = cursor
            break
          }
          cursor += 1
        }
        attributorSpans.append(clause.lowerBound..<max(end, occurrence.start))
      }
    }
    // English: a named actor that is the subject of another claim of the clause (the condemner
    // in "The EU condemns the activities conducted by X") is not tied by the attribution.
    let otherTypes: Set<ClaimType> = [
      .condemnation, .concern, .demand, .measure, .advice, .cooperation, .commitment, .denial,
    ]
    let attributionStarts = attributions.map(\.occurrence.start)
    func isSubjectOfAnotherClaim(_ actor: ActorSpan) -> Bool {
      guard !sentence.japanese,
        let next = attributionStarts.filter({ $0 >= actor.end }).min()
      else { return false }
      return occurrences.contains { other in
        guard let type = cue(other).type, otherTypes.contains(type), cue(other).makesClaims else {
          return false
        }
        return other.start >= actor.end && other.end <= next && !clauseBreak(actor.end, other.start)
      }
    }
    func isAttributor(_ actor: ActorSpan) -> Bool {
      attributorSpans.contains { $0.contains(actor.start) } || isSubjectOfAnotherClaim(actor)
    }
    // Japanese: the clause up to the nearest 、, and the topic or subject of the sentence
    // before the cue (北朝鮮は、…、…活動を行っているとみられる; ST-17は、X情報局を背景とする).
    let clauses = attributions.map { clause(around: $0.occurrence.start, strict: true) }
    let chosen = all.filter { actor in
      if isAttributor(actor) { return false }
      if clauses.contains(where: { $0.contains(actor.start) }) { return true }
      return sentence.japanese && isSubjectParticle(at: actor.end)
        && attributions.contains { actor.end <= $0.occurrence.start }
    }
    var seen: Set<String> = []
    var names: [String] = []
    for span in chosen {
      let key = (span.actor.canonical ?? span.actor.name).lowercased()
      if seen.insert(key).inserted { names.append(span.actor.name) }
    }
    return names
  }
}
