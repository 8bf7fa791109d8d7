import Foundation

/// A term over-represented in one text against another.
public struct KeyTerm: Sendable, Equatable {
  /// The term key (see `TermCounts.key`).
  public var term: String
  /// The spelling to show, from the target text.
  public var display: String
  /// Occurrences in the target.
  public var count: Int
  /// Occurrences in the reference.
  public var otherCount: Int
  /// Occurrences per 1,000 content tokens of the target.
  public var perThousand: Double
  /// Occurrences per 1,000 content tokens of the reference.
  public var otherPerThousand: Double
  /// Log-likelihood G² (see `Keyness.logLikelihood`).
  public var g2: Double

  public init(
    term: String, display: String, count: Int, otherCount: Int, perThousand: Double,
    otherPerThousand: Double, g2: Double
  ) {
    self.term = term
    self.display = display
    self.count = count
    self.otherCount = otherCount
    self.perThousand = perThousand
    self.otherPerThousand = otherPerThousand
    self.g2 = g2
  }

  /// The probability of a G² this high if the term were used at the same rate in both texts:
  /// the χ² distribution with one degree of freedom, erfc(√(G²/2)). 0.05 at G² = 3.84.
  public var p: Double { erfc((g2 / 2).squareRoot()) }
}

/// A term two texts both use.
public struct SharedTerm: Sendable, Equatable {
  /// The term key (see `TermCounts.key`).
  public var term: String
  /// The spelling to show, from the first text.
  public var display: String
  /// Occurrences in each text, in the order given.
  public var counts: [Int]
  /// Occurrences per 1,000 content tokens of each text.
  public var perThousand: [Double]

  public init(term: String, display: String, counts: [Int], perThousand: [Double]) {
    self.term = term
    self.display = display
    self.counts = counts
    self.perThousand = perThousand
  }
}

/// Which terms set two texts in the same language apart, and which they share.
///
/// Keyness is Dunning's log-likelihood (G²), the usual statistic of corpus linguistics for
/// comparing word frequencies (Rayson & Garside 2000, "Comparing corpora using frequency
/// profiling"): unlike χ² it stays reliable for the small counts of short statements. The
/// usual thresholds: 3.84 (p < 0.05), 6.63 (p < 0.01), 10.83 (p < 0.001), 15.13 (p < 0.0001),
/// for one degree of freedom. With texts of a few hundred words no term reaches the higher
/// ones, so the default is 3.84; a term seen 3 times in one text and never in another of the
/// same length scores 4.16.
public enum Keyness {
  /// Dunning's log-likelihood G² for a term seen `a` times in a text of `c` tokens and `b`
  /// times in one of `d` tokens: with the expected counts E1 = c(a+b)/(c+d) and
  /// E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)) (Rayson & Garside's form
  /// 2 Σ O ln(O/E)), a zero count contributing 0. It is the same whichever text is more
  /// frequent; 0 when the term or both texts are absent. Counts are expected to be at most
  /// their totals.
  public static func logLikelihood(_ a: Int, _ c: Int, _ b: Int, _ d: Int) -> Double {
    guard a + b > 0, c + d > 0 else { return 0 }
    let (a, b, c, d) = (Double(a), Double(b), Double(c), Double(d))
    let expected1 = c * (a + b) / (c + d)
    let expected2 = d * (a + b) / (c + d)
    var sum = 0.0
    if a > 0 && expected1 > 0 { sum += a * log(a / expected1) }
    if b > 0 && expected2 > 0 { sum += b * log(b / expected2) }
    return max(0, 2 * sum)
  }

  /// The terms over-represented in `target` against `reference`: a higher rate in the target
  /// (a/c > b/d, compared exactly as a·d > b·c) and G² of at least `minimum` (default 3.84,
  /// p < 0.05). Most key first; equal G² in term order; at most `top`. An empty reference
  /// gives none (there is nothing to be over-represented against).
  public static func keyTerms(
    _ target: TermCounts, against reference: TermCounts, top: Int = 10, minimum: Double = 3.84
  ) -> [KeyTerm] {
    let (c, d) = (target.total, reference.total)
    var result: [KeyTerm] = []
    for (term, a) in target.counts {
      let b = reference.counts[term] ?? 0
      guard a * d > b * c else { continue }
      let g2 = logLikelihood(a, c, b, d)
      guard g2 >= minimum else { continue }
      result.append(
        KeyTerm(
          term: term, display: target.displayForm(term), count: a, otherCount: b,
          perThousand: TermCounts.rate(a, c), otherPerThousand: TermCounts.rate(b, d), g2: g2))
    }
    result.sort { left, right in
      left.g2 != right.g2 ? left.g2 > right.g2 : left.term < right.term
    }
    return Array(result.prefix(max(0, top)))
  }

  /// The terms both texts use, most shared first: by the smaller of the two counts, then by
  /// their sum, then in term order; at most `top`. Display spellings are the first text's.
  public static func sharedTerms(_ a: TermCounts, _ b: TermCounts, top: Int = 10)
    -> [SharedTerm]
  {
    var shared: [(term: String, first: Int, second: Int)] = []
    for (term, first) in a.counts {
      guard let second = b.counts[term] else { continue }
      shared.append((term, first, second))
    }
    shared.sort { left, right in
      let (leftLow, rightLow) = (min(left.first, left.second), min(right.first, right.second))
      if leftLow != rightLow { return leftLow > rightLow }
      let (leftSum, rightSum) = (left.first + left.second, right.first + right.second)
      if leftSum != rightSum { return leftSum > rightSum }
      return left.term < right.term
    }
    return shared.prefix(max(0, top)).map { term, first, second in
      SharedTerm(
        term: term, display: a.displayForm(term), counts: [first, second],
        perThousand: [TermCounts.rate(first, a.total), TermCounts.rate(second, b.total)])
    }
  }
}
