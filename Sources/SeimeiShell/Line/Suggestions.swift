/// "Did you mean …" suggestions by edit distance (with transpositions) and shared prefix.
public enum Suggestions {
  /// Candidates within a small edit distance of `word` (or that start with it), best first.
  public static func closest(to word: String, among candidates: [String], limit: Int = 3)
    -> [String]
  {
    let folded = word.lowercased()
    guard !folded.isEmpty else { return [] }
    let threshold = max(1, min(3, folded.count / 4 + 1))
    var scored: [(String, Int)] = []
    for candidate in Set(candidates) {
      let distance = editDistance(folded, candidate.lowercased())
      if distance <= threshold {
        scored.append((candidate, distance))
      } else if folded.count >= 2 && candidate.lowercased().hasPrefix(folded) {
        scored.append((candidate, threshold))
      }
    }
    // Only the closest: "recrod" suggests "record", not also "echo".
    guard let best = scored.map(\.1).min() else { return [] }
    return scored.filter { $0.1 == best }.sorted { $0.0 < $1.0 }.prefix(limit).map(\.0)
  }

  /// "; did you mean 'a' or 'b'?" or an empty string.
  public static func phrase(_ suggestions: [String]) -> String {
    guard !suggestions.isEmpty else { return "" }
    let quoted = suggestions.map { "'\($0)'" }
    let list =
      quoted.count == 1
      ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    return "; did you mean \(list)?"
  }

  /// Optimal string alignment distance over characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
