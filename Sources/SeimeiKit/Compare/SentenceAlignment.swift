import Foundation

/// The sentences of two statements paired up: a statement and its translation, or two versions
/// of one statement. This is `compare`'s "Alignment" section; the shell renders it.
///
/// **Algorithm.** Dynamic programming over the two sentence sequences, in the manner of Gale and
/// Church (1993): the cheapest monotone path from the start of both statements to their ends,
/// each step pairing a group of consecutive sentences on the left with one on the right. The
/// steps are 1–1; 1–0 and 0–1 (a sentence with no counterpart); 2–1 and 1–2 (two sentences
/// joined, or one split in two); 3–1 and 1–3. A pairing costs
///
///     step penalty + evidence cost + position penalty + paragraph penalty
///
/// and a sentence with no counterpart costs `skip`. The constants (`Tuning`) differ between two
/// versions in one language, where the words say almost everything, and a translation, where only
/// lengths, numbers and names can be compared:
///
/// |                       | one language | across languages |
/// |-----------------------|--------------|------------------|
/// | skip (per sentence)   | 1            | 2                |
/// | 2–1 / 3–1 step        | 0.5 / 1      | 1 / 2            |
/// | length: × −ln p       | 0.25         | 1                |
/// | numbers: × (1 − Dice) | 0.5          | 1.5              |
/// | names: × (1 − Dice)   | 0.5          | 1.5              |
/// | words: × (1 − Dice)   | 3            | —                |
///
/// The evidence costs are *added*, not averaged, so evidence that every candidate shares (the
/// same numbers) does not hide evidence that tells them apart (the lengths). A 1–1 pairing is
/// preferred to two unmatched sentences when it costs less than two skips: in one language, when
/// roughly half the words or more are shared (Dice above about 0.4); across languages, unless the
/// lengths are far apart and the numbers and names disagree (a translation seldom drops a
/// sentence). A sentence added next to a real pair stays unmatched rather than joined to it:
/// joining costs the step penalty and spoils the length fit, and in one language the joined group
/// is judged member by member (below). On equal costs a 1–1 pairing wins, and of two neighbouring
/// sentences without counterparts the left one is listed first.
///
/// **Evidence.** Each kind is a number in 0…1:
///
/// - *Length* (always): Gale–Church's probability that the lengths a and b are counterparts,
///   p = erfc(|δ|/√2) with δ = (b − a) / √(6.8 · (a + b)/2). Lengths are characters without
///   line breaks, Japanese and Chinese ones multiplied by
///   `Comparison.englishCharactersPerJapaneseCharacter` (2.75; an assumption for Chinese) so that
///   they are comparable with English; in one language they are compared as they are. 6.8 is
///   Gale and Church's variance for European languages; the project's parallel sample fits more
///   tightly (about 1.2), but real translations vary more than a sample written for the purpose.
/// - *Numbers* (when either side has one): Dice's coefficient on the multisets of numbers
///   (`numbers(in:sentence:)`): digits, month names and number words, so that 10月14日 and
///   "14 October" share 10 and 14.
/// - *Names* (when either side has one): Dice on the named actors of `ActorExtractor`, by their
///   gazetteer `canonical` name (中国 and China are one name). A name outside the gazetteer
///   counts across languages only when written in Latin letters and digits on both sides (KX-22,
///   APT40); in one language every name counts, lowercased.
/// - *Words* (one language only): Dice on the sets of word tokens (morphemes in Japanese),
///   lowercased and width folded. For a group of two or three sentences it is the smallest of
///   that Dice and each member's containment (the share of its words found on the other side), so
///   each half of a split sentence must come from the sentence it is paired with.
///
/// The pair's `score` is the weighted mean of the evidence it has (length 1, numbers 1, names 1,
/// words 4): a similarity, 0…1, higher for a more certain pairing. Sentences with the same text
/// after whitespace folding cost nothing and score 1 (`isIdentical`); a sentence with no
/// counterpart scores 0.
///
/// **Position.** The relative position of the two groups (their middle, as a fraction of each
/// statement) is a weak prior: 0.5 × the difference. Paragraphs are a stronger one: a pairing in
/// which one group starts a paragraph and the other does not costs 0.3, the same for ends, and a
/// group that runs across a paragraph boundary costs 0.6. So two statements with the same
/// paragraphs align paragraph by paragraph.
///
/// **Cost of the work.** The features of every sentence, and of every group of two or three, are
/// computed once. The table is filled only within a band around the diagonal from the start of
/// both statements to their ends: the cells at most 40 sentences from it, or more — the difference
/// in sentence counts plus 20, or a quarter of the longer statement up to 100 sentences. Only
/// the band is stored. That is O(n · band) pairings: in a release build, two statements of 300 sentences align in about 0.25 s, a
/// Japanese one and its English translation of 297 sentences each in about 0.4 s.
public struct SentenceAlignment: Sendable, Equatable {
  /// Sentences of the first statement paired with sentences of the second.
  public struct Pair: Sendable, Equatable {
    /// 0-based sentence indices in the first statement (empty: none).
    public var left: [Int]
    /// 0-based sentence indices in the second statement (empty: none).
    public var right: [Int]
    /// How much the sentences look like counterparts, 0…1: the similarity described at
    /// `SentenceAlignment` (1 for identical sentences, 0 for a sentence with no counterpart).
    public var score: Double
    /// Same language only, when the texts differ: the word diff from the left sentences to the
    /// right ones; nil otherwise (across languages, for identical text, for a lone sentence).
    public var differences: [WordDiff.Piece]?
    /// Same language and the same text after whitespace folding.
    public var isIdentical: Bool

    public init(
      left: [Int], right: [Int], score: Double, differences: [WordDiff.Piece]? = nil,
      isIdentical: Bool = false
    ) {
      self.left = left
      self.right = right
      self.score = score
      self.differences = differences
      self.isIdentical = isIdentical
    }
  }

  /// In text order; covers every sentence of both sides exactly once.
  public var pairs: [Pair]

  public init(pairs: [Pair]) {
    self.pairs = pairs
  }

  /// Sentences of the first statement with no counterpart, ascending.
  public var unmatchedLeft: [Int] { pairs.filter { $0.right.isEmpty }.flatMap(\.left) }

  /// Sentences of the second statement with no counterpart, ascending.
  public var unmatchedRight: [Int] { pairs.filter { $0.left.isEmpty }.flatMap(\.right) }

  /// Whether one statement's metadata says it translates the other (`translation_of` names the
  /// other by its workspace name or by its source file's name without extension): `compare`
  /// then shows the alignment without being asked.
  public static func isTranslationPair(_ a: Statement, _ b: Statement) -> Bool {
    func names(_ statement: Statement, _ target: String?) -> Bool {
      guard let target, !target.isEmpty else { return false }
      if target == statement.name { return true }
      let source = statement.provenance.source
      guard !source.isEmpty else { return false }
      return URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent == target
    }
    return names(b, a.metadata.translationOf) || names(a, b.metadata.translationOf)
  }

  /// The constants of the alignment, as described at `SentenceAlignment`.
  enum Tuning {
    /// The costs of the dynamic programming in one setting.
    struct Costs {
      /// A sentence with no counterpart.
      var skip: Double
      /// Extra cost of a 2–1 or 1–2 pairing, and of a 3–1 or 1–3 one.
      var twoToOne: Double
      var threeToOne: Double
      /// Multiplies −ln of the length probability.
      var length: Double
      /// Multiply 1 − Dice of numbers, names and words.
      var numbers: Double
      var names: Double
      var words: Double
    }

    static let sameLanguage = Costs(
      skip: 1, twoToOne: 0.5, threeToOne: 1, length: 0.25, numbers: 0.5, names: 0.5, words: 3)
    static let acrossLanguages = Costs(
      skip: 2, twoToOne: 1, threeToOne: 2, length: 1, numbers: 1.5, names: 1.5, words: 0)
    static let position = 0.5
    static let paragraphEdge = 0.3
    static let paragraphCrossing = 0.6
    /// Gale–Church's variance of the length difference per character.
    static let lengthVariance = 6.8
    /// Weights of the evidence in the score.
    static let lengthWeight = 1.0
    static let numberWeight = 1.0
    static let nameWeight = 1.0
    static let wordWeight = 4.0
    static let minimumBand = 40
    /// The widest band a long statement gets beyond the difference in sentence counts: a
    /// translation or a revision does not drift 100 sentences from the diagonal, and the cap
    /// keeps the work (and the table) linear in the length of long statements.
    static let maximumDrift = 100
  }

  /// Aligns the sentences of `a` (left) with those of `b` (right).
  public static func align(
    _ a: Statement, _ b: Statement, gazetteer: Gazetteer = .standard
  ) -> SentenceAlignment {
    let sameLanguage = a.language == b.language
    var interner = Interner()
    let left = Features.of(a, sameLanguage: sameLanguage, gazetteer: gazetteer, &interner)
    let right = Features.of(b, sameLanguage: sameLanguage, gazetteer: gazetteer, &interner)
    let path = Aligner(left: left, right: right, sameLanguage: sameLanguage).path()
    let pairs = path.map { step -> Pair in
      guard !step.left.isEmpty && !step.right.isEmpty else {
        return Pair(left: Array(step.left), right: Array(step.right), score: 0)
      }
      guard sameLanguage else {
        return Pair(left: Array(step.left), right: Array(step.right), score: step.similarity)
      }
      let leftText = text(of: a, step.left)
      let rightText = text(of: b, step.right)
      if folded(leftText) == folded(rightText) {
        return Pair(left: Array(step.left), right: Array(step.right), score: 1, isIdentical: true)
      }
      return Pair(
        left: Array(step.left), right: Array(step.right), score: step.similarity,
        differences: WordDiff.diff(leftText, rightText, language: a.language))
    }
    return SentenceAlignment(pairs: pairs)
  }

  /// The original text from the first sentence of `range` to the end of its last.
  private static func text(of statement: Statement, _ range: Range<Int>) -> String {
    let sentences = statement.segmentation.sentences
    let span = TextRange(sentences[range.lowerBound].range.start, sentences[range.last!].range.end)
    return String(statement.text(of: span))
  }

  /// Whitespace runs made one space, none at the ends.
  static func folded(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

// MARK: - Features

extension SentenceAlignment {
  /// The numbers of a sentence (0-based index) as the alignment compares them, in order of
  /// appearance, as decimal strings; empty for an index out of range.
  ///
  /// - Numbers written in digits, ASCII or full-width: a `,` between digits is a thousands
  ///   separator and dropped, a `.` between digits a decimal point and kept, leading zeros are
  ///   dropped (`３，４００` → 3400, `2.5`, `07` → 7).
  /// - English month names and their abbreviations, as their numbers (October, Oct → 10), so
  ///   that dates match across languages; "May" only right next to a number, being also a verb.
  /// - English number words from two to twenty (eleven → 11). "one" is left out, being more often
  ///   a pronoun ("no one", "one of") than a count. Kanji numerals are not read: 一 is too often
  ///   part of a word (一連, 一層), and statements write counts in digits.
  public static func numbers(in statement: Statement, sentence: Int) -> [String] {
    let sentences = statement.segmentation.sentences
    guard sentences.indices.contains(sentence) else { return [] }
    let range = sentences[sentence].range
    let tokens = statement.segmentation.tokens
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].range.start < range.start { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < tokens.count && tokens[end].range.end <= range.end { end += 1 }
    return numbers(statement, range, tokens[low..<end])
  }

  /// The numbers of the text of `range`, whose word tokens are `tokens`.
  static func numbers(
    _ statement: Statement, _ range: TextRange, _ tokens: ArraySlice<Segmentation.Token>
  ) -> [String] {
    // Digits are read from the text (in order), words from the tokens; then merged by offset.
    var found: [(offset: Int, value: String)] = []
    let scalars = Array(
      String(statement.text(of: range)).unicodeScalars.map { scalar -> Unicode.Scalar in
        // Full-width digits and separators, one for one (so offsets stay those of the text).
        switch scalar.value {
        case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
        case 0xFF0C: return ","
        case 0xFF0E: return "."
        default: return scalar
        }
      })
    func isDigit(_ position: Int) -> Bool {
      position >= 0 && position < scalars.count && ("0"..."9").contains(scalars[position])
    }
    var position = 0
    while position < scalars.count {
      guard isDigit(position), !isDigit(position - 1) else {
        position += 1
        continue
      }
      let start = position
      var digits = ""
      while position < scalars.count {
        if isDigit(position) {
          digits.unicodeScalars.append(scalars[position])
        } else if (scalars[position] == "," || scalars[position] == ".") && isDigit(position + 1) {
          if scalars[position] == "." { digits.append(".") }
        } else {
          break
        }
        position += 1
      }
      let trimmed = digits.drop { $0 == "0" }
      let value = trimmed.isEmpty || trimmed.first == "." ? "0" + trimmed : String(trimmed)
      found.append((range.start + start, value))
    }
    let tokens = Array(tokens)
    for (index, token) in tokens.enumerated() where token.kind == .word {
      let word = String(statement.text(of: token.range))
      if let month = NumberWords.months[word] {
        // Next to a number: one blank at most between them ("2 May", "May 2025").
        let besideNumber =
          (index > 0 && tokens[index - 1].kind == .number
            && tokens[index - 1].range.end + 1 >= token.range.start)
          || (index + 1 < tokens.count && tokens[index + 1].kind == .number
            && token.range.end + 1 >= tokens[index + 1].range.start)
        if word != "May" || besideNumber { found.append((token.range.start, month)) }
      } else if let value = NumberWords.counts[word.lowercased()] {
        found.append((token.range.start, value))
      }
    }
    return found.sorted { $0.offset < $1.offset }.map(\.value)
  }
}

/// English words read as numbers.
private enum NumberWords {
  /// Month names and their usual abbreviations, with their numbers.
  static let months: [String: String] = {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    var table: [String: String] = ["Sept": "9"]
    for (index, name) in names.enumerated() {
      table[name] = String(index + 1)
      table[String(name.prefix(3))] = String(index + 1)
    }
    return table
  }()

  /// Number words from two to twenty.
  static let counts: [String: String] = {
    let words = [
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]
    var table: [String: String] = [:]
    for (index, word) in words.enumerated() { table[word] = String(index + 2) }
    return table
  }()
}

/// Integer ids for strings, shared by both statements.
private struct Interner {
  private var ids: [String: Int32] = [:]

  mutating func id(_ key: String) -> Int32 {
    if let id = ids[key] { return id }
    let id = Int32(ids.count)
    ids[key] = id
    return id
  }
}

/// What the evidence for a sentence (or a group of consecutive sentences) is computed from.
private struct Features {
  /// Characters without line breaks, in English-equivalent characters.
  var length: Double
  /// Sorted, with repeats.
  var numbers: [Int32]
  /// Sorted, without repeats.
  var names: [Int32]
  /// Sorted, without repeats; empty across languages.
  var words: [Int32]
  /// The id of the whitespace-folded text (one language only), to recognise identical text.
  var text: Int32
  var startsParagraph: Bool
  var endsParagraph: Bool

  static func of(
    _ statement: Statement, sameLanguage: Bool, gazetteer: Gazetteer, _ interner: inout Interner
  ) -> [Features] {
    let sentences = statement.segmentation.sentences
    let scale: Double
    switch statement.language {
    case .ja, .zh: scale = Comparison.englishCharactersPerJapaneseCharacter
    case .en, .other: scale = 1
    }
    let tokens = statement.segmentation.tokens
    var next = 0
    var result: [Features] = []
    result.reserveCapacity(sentences.count)
    for (index, sentence) in sentences.enumerated() {
      let text = String(statement.text(of: sentence.range))
      var length = 0
      for character in text where !character.isNewline { length += 1 }

      while next < tokens.count && tokens[next].range.start < sentence.range.start { next += 1 }
      let first = next
      while next < tokens.count && tokens[next].range.end <= sentence.range.end { next += 1 }
      let sentenceTokens = tokens[first..<next]

      let numbers = SentenceAlignment.numbers(statement, sentence.range, sentenceTokens).map {
        interner.id("#" + $0)
      }
      var words: Set<Int32> = []
      if sameLanguage {
        for token in sentenceTokens {
          let word = String(statement.text(of: token.range))
            .precomposedStringWithCompatibilityMapping.lowercased()
          words.insert(interner.id("w" + word))
        }
      }
      var names: Set<Int32> = []
      for actor in ActorExtractor.actors(in: statement, sentence: index, gazetteer: gazetteer) {
        if let canonical = actor.canonical {
          names.insert(interner.id("c" + canonical))
        } else if sameLanguage || actor.name.unicodeScalars.allSatisfy(\.isASCII) {
          names.insert(interner.id("n" + actor.name.lowercased()))
        }
      }

      let paragraph = sentence.paragraph
      result.append(
        Features(
          length: Double(length) * scale, numbers: numbers.sorted(), names: names.sorted(),
          words: words.sorted(),
          text: sameLanguage ? interner.id("t" + SentenceAlignment.folded(text)) : -1,
          startsParagraph: index == 0 || sentences[index - 1].paragraph != paragraph,
          endsParagraph: index + 1 == sentences.count || sentences[index + 1].paragraph != paragraph
        ))
    }
    return result
  }

  /// The features of consecutive sentences taken together (`text` is that of the first: only
  /// single sentences are compared by text).
  static func group(_ members: ArraySlice<Features>) -> Features {
    var group = members.first!
    for member in members.dropFirst() {
      group.length += member.length
      group.numbers = (group.numbers + member.numbers).sorted()
      group.names = Array(Set(group.names + member.names)).sorted()
      group.words = Array(Set(group.words + member.words)).sorted()
      group.endsParagraph = member.endsParagraph
    }
    return group
  }
}

/// Items two sorted arrays share, counting repeats as many times as both have them.
private func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
  var i = 0
  var j = 0
  var count = 0
  while i < a.count && j < b.count {
    if a[i] == b[j] {
      count += 1
      i += 1
      j += 1
    } else if a[i] < b[j] {
      i += 1
    } else {
      j += 1
    }
  }
  return count
}

/// Dice's coefficient, nil when both are empty.
private func dice(_ a: [Int32], _ b: [Int32]) -> Double? {
  let total = a.count + b.count
  guard total > 0 else { return nil }
  return 2 * Double(sharedCount(a, b)) / Double(total)
}

// MARK: - Dynamic programming

/// One step of the best path: sentences `left` paired with sentences `right`.
private struct Step {
  var left: Range<Int>
  var right: Range<Int>
  var similarity: Double
}

private struct Aligner {
  let left: [Features]
  let right: [Features]
  let sameLanguage: Bool
  /// `leftGroups[size - 1][i]`: sentences `i..<i + size` of the left taken together.
  let leftGroups: [[Features]]
  let rightGroups: [[Features]]

  /// (left sentences, right sentences) of each kind of step, in order of preference on ties.
  static let moves: [(Int, Int)] = [(1, 1), (0, 1), (1, 0), (2, 1), (1, 2), (3, 1), (1, 3)]

  init(left: [Features], right: [Features], sameLanguage: Bool) {
    self.left = left
    self.right = right
    self.sameLanguage = sameLanguage
    func groups(_ features: [Features]) -> [[Features]] {
      (1...3).map { size in
        features.indices.dropLast(size - 1).map { Features.group(features[$0..<($0 + size)]) }
      }
    }
    leftGroups = groups(left)
    rightGroups = groups(right)
  }

  func path() -> [Step] {
    let n = left.count
    let m = right.count
    if n == 0 || m == 0 {
      return (0..<n).map { Step(left: $0..<($0 + 1), right: 0..<0, similarity: 0) }
        + (0..<m).map { Step(left: 0..<0, right: $0..<($0 + 1), similarity: 0) }
    }
    typealias Tuning = SentenceAlignment.Tuning
    let costs = sameLanguage ? Tuning.sameLanguage : Tuning.acrossLanguages
    let band = max(
      Tuning.minimumBand, abs(n - m) + Tuning.minimumBand / 2,
      min(max(n, m) / 4, Tuning.maximumDrift))
    // Only the band is stored: row i holds columns lows[i]..., from offset starts[i].
    var lows = [Int](repeating: 0, count: n + 1)
    var starts = [Int](repeating: 0, count: n + 2)
    for i in 0...n {
      let diagonal = Double(i) * Double(m) / Double(n)
      let low = max(0, Int((diagonal - Double(band)).rounded(.down)))
      let high = min(m, Int((diagonal + Double(band)).rounded(.up)))
      lows[i] = low
      starts[i + 1] = starts[i] + max(0, high - low + 1)
    }
    func cell(_ i: Int, _ j: Int) -> Int? {
      let offset = j - lows[i]
      guard offset >= 0, offset < starts[i + 1] - starts[i] else { return nil }
      return starts[i] + offset
    }
    var cost = [Double](repeating: .infinity, count: starts[n + 1])
    var choice = [Int8](repeating: -1, count: starts[n + 1])
    var similarity = [Double](repeating: 0, count: starts[n + 1])
    if let origin = cell(0, 0) { cost[origin] = 0 }
    for i in 0...n {
      let width = starts[i + 1] - starts[i]
      guard width > 0 else { continue }
      for j in lows[i]..<(lows[i] + width) where i > 0 || j > 0 {
        var best = Double.infinity
        var bestMove: Int8 = -1
        var bestSimilarity = 0.0
        for (index, move) in Self.moves.enumerated() {
          let (di, dj) = move
          let penalty = di + dj == 3 ? costs.twoToOne : di + dj == 4 ? costs.threeToOne : 0
          guard i >= di && j >= dj, let before = cell(i - di, j - dj) else { continue }
          let previous = cost[before]
          guard previous.isFinite else { continue }
          var total = previous
          var pairSimilarity = 0.0
          if di == 0 || dj == 0 {
            total += costs.skip
          } else {
            let evidence = self.evidence(i - di, di, j - dj, dj)
            pairSimilarity = evidence.similarity
            total += penalty + evidence.cost + placement(i - di, di, j - dj, dj)
          }
          if total < best {
            best = total
            bestMove = Int8(index)
            bestSimilarity = pairSimilarity
          }
        }
        let here = starts[i] + j - lows[i]
        cost[here] = best
        choice[here] = bestMove
        similarity[here] = bestSimilarity
      }
    }
    var steps: [Step] = []
    var i = n
    var j = m
    while i > 0 || j > 0 {
      let here = cell(i, j) ?? -1
      let index = here >= 0 ? Int(choice[here]) : -1
      precondition(index >= 0, "every cell in the band is reachable")
      let (di, dj) = Self.moves[index]
      steps.append(Step(left: (i - di)..<i, right: (j - dj)..<j, similarity: similarity[here]))
      i -= di
      j -= dj
    }
    return steps.reversed()
  }

  /// The similarity of left sentences `i..<i + di` and right sentences `j..<j + dj`, and the
  /// cost of pairing them from the same evidence.
  func evidence(_ i: Int, _ di: Int, _ j: Int, _ dj: Int) -> (similarity: Double, cost: Double) {
    typealias Tuning = SentenceAlignment.Tuning
    let costs = sameLanguage ? Tuning.sameLanguage : Tuning.acrossLanguages
    let a = leftGroups[di - 1][i]
    let b = rightGroups[dj - 1][j]
    if sameLanguage && di == 1 && dj == 1 && a.text == b.text { return (1, 0) }
    var weighted = 0.0
    var weights = 0.0
    var cost = 0.0
    let total = a.length + b.length
    var lengthScore = 1.0
    if total > 0 {
      let delta = (b.length - a.length) / (Tuning.lengthVariance * total / 2).squareRoot()
      lengthScore = erfc(abs(delta) / 2.0.squareRoot())
    }
    weighted += Tuning.lengthWeight * lengthScore
    weights += Tuning.lengthWeight
    cost -= costs.length * log(max(lengthScore, 1e-6))
    if let numbers = dice(a.numbers, b.numbers) {
      weighted += Tuning.numberWeight * numbers
      weights += Tuning.numberWeight
      cost += costs.numbers * (1 - numbers)
    }
    if let names = dice(a.names, b.names) {
      weighted += Tuning.nameWeight * names
      weights += Tuning.nameWeight
      cost += costs.names * (1 - names)
    }
    if sameLanguage {
      var words = dice(a.words, b.words) ?? 1
      if di > 1 { words = min(words, containment(left[i..<(i + di)], in: b.words)) }
      if dj > 1 { words = min(words, containment(right[j..<(j + dj)], in: a.words)) }
      weighted += Tuning.wordWeight * words
      weights += Tuning.wordWeight
      cost += costs.words * (1 - words)
    }
    return (weighted / weights, cost)
  }

  /// The smallest share of a member's words found in `words`.
  private func containment(_ members: ArraySlice<Features>, in words: [Int32]) -> Double {
    var smallest = 1.0
    for member in members where !member.words.isEmpty {
      smallest = min(
        smallest, Double(sharedCount(member.words, words)) / Double(member.words.count))
    }
    return smallest
  }

  /// The position and paragraph penalties of pairing left `i..<i + di` with right `j..<j + dj`.
  func placement(_ i: Int, _ di: Int, _ j: Int, _ dj: Int) -> Double {
    typealias Tuning = SentenceAlignment.Tuning
    let a = leftGroups[di - 1][i]
    let b = rightGroups[dj - 1][j]
    let leftMiddle = (Double(i) + Double(di) / 2) / Double(left.count)
    let rightMiddle = (Double(j) + Double(dj) / 2) / Double(right.count)
    var penalty = Tuning.position * abs(leftMiddle - rightMiddle)
    if a.startsParagraph != b.startsParagraph { penalty += Tuning.paragraphEdge }
    if a.endsParagraph != b.endsParagraph { penalty += Tuning.paragraphEdge }
    if left[i..<(i + di - 1)].contains(where: \.endsParagraph)
      || right[j..<(j + dj - 1)].contains(where: \.endsParagraph)
    {
      penalty += Tuning.paragraphCrossing
    }
    return penalty
  }
}
