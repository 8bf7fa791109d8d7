import Foundation

/// Why a search pattern cannot be used.
public enum SearchError: Error, Equatable, CustomStringConvertible {
  /// The pattern is empty, blank, or only wildcards.
  case emptyPattern
  /// The regular expression does not compile. `reason` says why in one line.
  case badRegex(pattern: String, reason: String)

  public var description: String {
    switch self {
    case .emptyPattern: return "empty search pattern"
    case .badRegex(let pattern, let reason):
      return "bad regular expression '\(pattern)': \(reason)"
    }
  }
}

/// What to look for in statements: a plain pattern (the default) or a regular expression.
///
/// **Plain patterns** are matched on the normalised view of each statement (`NormalizedText`:
/// NFKC, so width is folded; lowercase; every run of blanks, line breaks included, one space).
/// The pattern is normalised the same way, so `ＡＰＴ４０` finds `APT40`, `Condemns` finds
/// `condemns`, and `in the  strongest\nterms` finds the phrase however it is spaced or wrapped.
///
/// - *English and other spaced scripts*: a pattern matches whole words. Where its first or last
///   character is a letter, digit or combining mark of a script that spaces its words, the text
///   must not continue the word there: `condemn` does not match inside `condemnation`, `state`
///   not inside `statement`. This is what AntConc and quanteda's `kwic` do by default. A pattern
///   edge that is punctuation (`-22`, `U.S.`) needs no boundary.
/// - *Wildcards*: `*` stands for zero or more letters, digits or marks of a spaced script,
///   within one word, at most `maximumWildcardScalars` of them: `condemn*` matches condemn,
///   condemns, condemned and condemnation; `*ware` ransomware and malware; `organi*ation` both
///   spellings; `strongly * condemns` one word between. Full-width `＊` is the same (NFKC).
/// - *Japanese and Chinese*: where a pattern edge is CJK (an ideograph, kana, CJK punctuation or
///   full-width form) it needs no boundary, so any substring matches: `懸念` inside `強い懸念`.
///   Those scripts do not space words, so a space in the text next to a CJK character (a line
///   break in a hard-wrapped Japanese file becomes one) may be skipped inside a match, and a
///   blank next to a CJK character in the pattern is dropped: `強い懸念` matches `強い\n懸念`.
///   (In statements in other languages, such a space is skipped only after the pattern's
///   first piece, up to its first wildcard, has matched without one.)
///
/// **Regular expressions** (`regex: true`) are ICU patterns (`NSRegularExpression`), matched
/// case-insensitively on the same normalised text. The pattern itself is not normalised (NFKC
/// would turn `（` into a group): write half-width forms, and a single space for any blank.
/// Line breaks are blanks there too, so `.` matches across them, and `^` and `$` match only at
/// the start and end of the statement.
/// Empty matches are skipped. When every match needs some literal text of three bytes or more
/// (at the top level of the pattern, or of each branch of a top-level alternation), statements
/// without it are skipped before the regular expression runs: a byte search runs at several
/// GB/s, ICU at about 200 MB/s.
public struct SearchPattern: Sendable {
  /// The pattern as given.
  public let text: String
  /// Whether it is a regular expression.
  public let isRegex: Bool
  let matcher: Matcher

  enum Matcher: Sendable {
    case plain(PlainPattern)
    case regex(RegexPattern)
  }

  /// The most scalars one `*` wildcard stands for: longer than any real word, and a bound on
  /// the work a wildcard can cause on a long run of letters.
  public static let maximumWildcardScalars = 100

  /// Prepares `pattern`. Throws `emptyPattern` for an empty or blank pattern (or one of
  /// wildcards only), and `badRegex` when `regex` and ICU rejects it.
  public init(_ pattern: String, regex: Bool = false) throws(SearchError) {
    text = pattern
    isRegex = regex
    if regex {
      guard !pattern.isEmpty else { throw .emptyPattern }
      matcher = .regex(try RegexPattern(pattern))
    } else {
      guard let plain = PlainPattern(pattern) else { throw .emptyPattern }
      matcher = .plain(plain)
    }
  }
}

// MARK: - Plain patterns

/// A plain pattern compiled for byte matching on normalised UTF-8.
struct PlainPattern: Sendable {
  /// The literal pieces between wildcards, normalised UTF-8; none empty.
  let pieces: [[UInt8]]
  /// A wildcard before the first piece / after the last.
  let leadingWildcard: Bool
  let trailingWildcard: Bool
  /// The first / last scalar is a word scalar of a spaced script, so the match must start /
  /// end at a word boundary (unless a wildcard is there).
  let boundaryBefore: Bool
  let boundaryAfter: Bool
  /// Byte offsets inside the first piece where the text may have a space that the pattern has
  /// not: scalar boundaries next to a CJK scalar.
  let firstPieceJoints: [Int]
  /// Whether any piece has such a joint.
  let hasJoints: Bool
  /// Finds the first piece.
  let finder: ByteFinder

  init?(_ pattern: String) {
    let normalized = NormalizedText(pattern).text
    // Drop blanks next to CJK scalars, and at the ends.
    let scalars = Array(normalized.unicodeScalars)
    var kept: [Unicode.Scalar] = []
    for (k, scalar) in scalars.enumerated() {
      if scalar == " " {
        let previous = k > 0 ? scalars[k - 1].value : nil
        let next = k + 1 < scalars.count ? scalars[k + 1].value : nil
        guard let previous, let next else { continue }
        if QuoteFolding.isCJK(previous) || QuoteFolding.isCJK(next) { continue }
      }
      kept.append(scalar)
    }
    // Split at wildcards; `**` is one wildcard.
    var pieces: [[Unicode.Scalar]] = [[]]
    for scalar in kept {
      if scalar == "*" {
        if !(pieces.last?.isEmpty ?? true) || pieces.count == 1 { pieces.append([]) }
      } else {
        pieces[pieces.count - 1].append(scalar)
      }
    }
    leadingWildcard = pieces.first?.isEmpty == true && pieces.count > 1
    if leadingWildcard { pieces.removeFirst() }
    trailingWildcard = pieces.last?.isEmpty == true && pieces.count > 1
    if trailingWildcard { pieces.removeLast() }
    pieces.removeAll { $0.isEmpty }
    guard let first = pieces.first?.first, let last = pieces.last?.last else { return nil }
    if pieces.count == 1 && pieces[0].allSatisfy({ $0 == " " }) { return nil }
    boundaryBefore = !leadingWildcard && QuoteFolding.isWordScalar(first.value)
    boundaryAfter = !trailingWildcard && QuoteFolding.isWordScalar(last.value)
    self.pieces = pieces.map { piece in piece.flatMap { Array(String($0).utf8) } }
    var joints: [Int] = []
    var offset = 0
    for (k, scalar) in pieces[0].enumerated() {
      if k > 0 && (QuoteFolding.isCJK(scalar.value) || QuoteFolding.isCJK(pieces[0][k - 1].value)) {
        joints.append(offset)
      }
      offset += String(scalar).utf8.count
    }
    firstPieceJoints = joints
    hasJoints = pieces.contains { piece in
      piece.indices.dropFirst().contains {
        QuoteFolding.isCJK(piece[$0].value) || QuoteFolding.isCJK(piece[$0 - 1].value)
      }
    }
    finder = ByteFinder(self.pieces[0])
  }
}

// MARK: - Regular expressions

/// `NSRegularExpression` is immutable and documented as safe to use from several threads.
final class SharedRegex: @unchecked Sendable {
  let regex: NSRegularExpression
  init(_ regex: NSRegularExpression) { self.regex = regex }
}

/// A regular expression, and literal text that every match must contain (when it is known).
struct RegexPattern: Sendable {
  let shared: SharedRegex
  /// Normalised UTF-8 texts one of which every match contains (one per top-level branch of
  /// the pattern), to skip statements that have none of them; empty when unknown.
  let required: [ByteFinder]

  init(_ pattern: String) throws(SearchError) {
    do {
      shared = SharedRegex(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
    } catch {
      throw .badRegex(pattern: pattern, reason: Self.reason(pattern))
    }
    required = (Self.requiredLiterals(pattern) ?? []).map(ByteFinder.init)
  }

  /// Why ICU rejects `pattern`, in one line. Foundation's error only says that the value is
  /// invalid, so the reason comes from Swift's own regular expression parser, which reads the
  /// same syntax and explains ("expected ')'", "quantifier '*' must appear after expression").
  /// Where the two dialects differ and Swift accepts the pattern, a generic reason.
  static func reason(_ pattern: String) -> String {
    if #available(macOS 13, iOS 16, tvOS 16, watchOS 9, *) {
      do {
        _ = try Regex(pattern)
      } catch {
        let message =
          String(describing: error).split(whereSeparator: \.isNewline)
          .first.map(String.init) ?? ""
        if !message.isEmpty { return message }
      }
    }
    return "not a valid ICU regular expression"
  }

  /// Literal texts one of which every match of `pattern` contains: for each branch of a
  /// top-level alternation (or the whole pattern), its longest run of plain characters at the
  /// top level (outside groups and classes), none made optional by a quantifier, of three bytes
  /// or more. ASCII letters are lowercased (the text is lowercase and the match
  /// case-insensitive); only ASCII, kana and ideographs (which have no case) are taken, and a
  /// run is split at `ss`, which matches `ß` case-insensitively. Nil when a branch has no such
  /// run, or the pattern has `\Q`, an inline `x` flag, or an escape whose length this does
  /// not know.
  static func requiredLiterals(_ pattern: String) -> [[UInt8]]? {
    let scalars = Array(pattern.unicodeScalars)
    var branches: [[UInt8]?] = []
    var runs: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    func endRun() {
      if !current.isEmpty { runs.append(current) }
      current = []
    }
    func endBranch() {
      endRun()
      let best = runs.map { Array(String(String.UnicodeScalarView($0)).utf8) }
        .max { $0.count < $1.count }
      branches.append(best.flatMap { $0.count >= 3 ? $0 : nil })
      runs = []
    }
    var depth = 0
    var k = 0
    while k < scalars.count {
      let scalar = scalars[k]
      switch scalar {
      case "\\":
        guard k + 1 < scalars.count else { return nil }
        let next = scalars[k + 1]
        k += 2
        if next.properties.isAlphabetic || next.properties.numericType != nil {
          // \b \d \w \s …: one position or one character, never a literal of the run.
          guard "bBdDwWsShHvVRXAzZGntrfea".unicodeScalars.contains(next) else { return nil }
          endRun()
        } else if depth == 0 && next.isASCII {
          current.append(next)
        } else {
          endRun()
        }
        continue
      case "|":
        if depth == 0 { endBranch() }
      case "(":
        if k + 1 < scalars.count && scalars[k + 1] == "?" {
          var flag = k + 2
          while flag < scalars.count
            && (scalars[flag].properties.isAlphabetic || scalars[flag] == "-")
          {
            if scalars[flag] == "x" { return nil }
            flag += 1
          }
        }
        depth += 1
        endRun()
      case ")":
        depth -= 1
        endRun()
      case "[":
        endRun()
        // Skip the class, nested classes and escapes included.
        var nesting = 0
        while k < scalars.count {
          if scalars[k] == "\\" {
            k += 2
            continue
          }
          if scalars[k] == "[" { nesting += 1 }
          if scalars[k] == "]" {
            nesting -= 1
            if nesting == 0 { break }
          }
          k += 1
        }
      case "*", "?", "{":
        // The previous character may be absent or repeated: not part of the run.
        if !current.isEmpty { current.removeLast() }
        endRun()
        if scalar == "{" {
          while k < scalars.count && scalars[k] != "}" { k += 1 }
        }
      case "+", ".", "^", "$":
        endRun()
      default:
        let value = scalar.value
        let caseless =
          (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value)
          || (0x4E00...0x9FFF).contains(value)
        if depth == 0 && (scalar.isASCII || caseless) {
          let lower = scalar.isASCII ? Unicode.Scalar(UInt8(value)).lowercasedASCII : scalar
          if lower == "s" && current.last == "s" { endRun() }
          current.append(lower)
        } else {
          endRun()
        }
      }
      k += 1
    }
    endBranch()
    guard branches.allSatisfy({ $0 != nil }) else { return nil }
    return branches.compactMap { $0 }
  }
}

extension Unicode.Scalar {
  fileprivate var lowercasedASCII: Unicode.Scalar {
    (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value) | 0x20) : self
  }
}
