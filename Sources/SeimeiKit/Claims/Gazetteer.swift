import Foundation
import SeimeiData

/// A list of named states, agencies, international bodies and cyber groups, each with the names
/// it goes by in English and Japanese, so that 中華人民共和国, PRC and China are one actor.
///
/// The data is `Sources/SeimeiData/data/gazetteer.tsv`, compiled into the binary; its comment
/// lines document the format and the decisions behind the entries. Names are compared by their
/// *key*: NFKC (which folds width), lowercase, blanks collapsed, curly apostrophes and dashes
/// folded to ASCII, and, for lookups, a leading "the" dropped.
public struct Gazetteer: Sendable {
  /// One named thing.
  public struct Entry: Sendable, Hashable {
    /// The name reported for the entry whichever alias the text used.
    public var canonical: String
    /// state, territory, agency, office, body, alliance or group (see the data file).
    public var kind: String
    /// The other names (the canonical name is not repeated here).
    public var aliases: [String]

    public init(canonical: String, kind: String, aliases: [String] = []) {
      self.canonical = canonical
      self.kind = kind
      self.aliases = aliases
    }

    /// The canonical name followed by the aliases.
    public var names: [String] { [canonical] + aliases }
  }

  /// The entries in file order. Setting them rebuilds the index; a name that two entries share
  /// then belongs to the first.
  public var entries: [Entry] {
    get { table.entries }
    set { table = IndexBuilder(entries: newValue, lines: nil).index }
  }

  private var table: Index

  /// The gazetteer compiled into the binary.
  public static let standard: Gazetteer = {
    do {
      return try Gazetteer(tsv: String(cString: seimei_data_gazetteer()))
    } catch {
      fatalError("The embedded gazetteer.tsv is invalid: \(error)")
    }
  }()

  /// A gazetteer of the given entries; a name two entries share belongs to the first.
  public init(entries: [Entry]) {
    table = IndexBuilder(entries: entries, lines: nil).index
  }

  /// Parses the TSV format of `gazetteer.tsv`: `#` comment lines and blank lines ignored; a
  /// header row `canonical<TAB>kind<TAB>aliases`; then one entry a line, aliases separated by `|`.
  public init(tsv: String) throws(GazetteerError) {
    var entries: [Entry] = []
    var lines: [Int] = []
    var sawHeader = false
    var number = 0
    // Splitting on Characters: "\r\n" is one Character, and a line break.
    for line in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if !sawHeader {
        guard fields == ["canonical", "kind", "aliases"] else {
          throw .badHeader(line: number, found: String(line))
        }
        sawHeader = true
        continue
      }
      guard fields.count == 2 || fields.count == 3 else {
        throw .wrongFieldCount(line: number, count: fields.count)
      }
      guard !fields[0].isEmpty else { throw .emptyName(line: number) }
      let kind = fields[1]
      guard !kind.isEmpty, kind.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
        throw .badKind(line: number, kind: kind)
      }
      var aliases: [String] = []
      if fields.count == 3 && !fields[2].isEmpty {
        for alias in fields[2].split(separator: "|", omittingEmptySubsequences: false) {
          let alias = alias.trimmingCharacters(in: .whitespaces)
          guard !alias.isEmpty else { throw .emptyName(line: number) }
          aliases.append(alias)
        }
      }
      entries.append(Entry(canonical: fields[0], kind: kind, aliases: aliases))
      lines.append(number)
    }
    guard sawHeader else { throw .missingHeader }
    let built = IndexBuilder(entries: entries, lines: lines)
    if let error = built.error { throw error }
    table = built.index
  }

  /// The entry one of whose names is `name` (compared by key: case, width and NFKC insensitive).
  public func entry(for name: String) -> Entry? {
    let key = Self.key(name, dropArticle: true)
    if let index = table.byKey[key] { return table.entries[index] }
    // "U.S" for "U.S." and the other way round.
    if key.hasSuffix("."), let index = table.byKey[String(key.dropLast())] {
      return table.entries[index]
    }
    if let index = table.byKey[key + "."] { return table.entries[index] }
    return nil
  }

  /// The canonical name of `name`, if it is in the gazetteer.
  public func canonical(_ name: String) -> String? { entry(for: name)?.canonical }

  /// The gazetteer names in a text, left to right, longest first where names overlap. Ranges are
  /// Unicode-scalar offsets into `normalizedText` (meant to be `NormalizedText.text` or a slice of
  /// it, but any text works: it is lowercased scalar by scalar here).
  ///
  /// A name in Latin letters matches only as whole words, a katakana name not inside a longer
  /// katakana word. A name of one to three capital letters (US, UN, MSS) matches only where the
  /// given text has it in capitals: in lowercased text it is skipped (ActorExtractor passes the
  /// case of the original text).
  public func matches(in normalizedText: String) -> [(range: Range<Int>, entry: Entry)] {
    let scalars = Array(normalizedText.unicodeScalars)
    let upper = scalars.map { $0.properties.isUppercase }
    return matchIndices(in: scalars.map(Self.foldCase), upper: upper).map {
      (range: $0.range, entry: table.entries[$0.entry])
    }
  }

  /// The matches as entry indices, over scalars already folded with `foldCase`. `upper[i]` says
  /// whether scalar `i` was a capital in the text the caller has.
  func matchIndices(in scalars: [Unicode.Scalar], upper: [Bool]) -> [(
    range: Range<Int>, entry: Int
  )] {
    var result: [(range: Range<Int>, entry: Int)] = []
    let count = scalars.count
    var start = 0
    while start < count {
      let first = scalars[start]
      if start > 0 && !Self.boundary(between: scalars[start - 1], and: first) {
        start += 1
        continue
      }
      var node = 0
      var best: (end: Int, entry: Int)?
      var position = start
      while position < count, let next = table.trie.child(of: node, scalars[position]) {
        node = next
        position += 1
        guard let terminal = table.trie.terminals[node] else { continue }
        if position < count
          && !Self.boundary(between: scalars[position - 1], and: scalars[position])
        {
          continue
        }
        if terminal.capitals {
          var spelled = true
          for offset in start..<position where Self.isLatinLetter(scalars[offset]) {
            if !upper[offset] {
              spelled = false
              break
            }
          }
          if !spelled { continue }
        }
        best = (position, terminal.entry)
      }
      if let best {
        result.append((start..<best.end, best.entry))
        start = best.end
      } else {
        start += 1
      }
    }
    return result
  }

  /// The entry at an index of `entries`.
  func entry(at index: Int) -> Entry { table.entries[index] }

  // MARK: Keys

  /// The comparison key of a name: NFKC, lowercase, blanks collapsed and trimmed, apostrophes and
  /// dashes folded; with `dropArticle`, without a leading "the ".
  static func key(_ name: String, dropArticle: Bool = false) -> String {
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in NormalizedText(name).text.unicodeScalars {
      if scalar == " " {
        pendingSpace = !scalars.isEmpty
        continue
      }
      if pendingSpace {
        scalars.append(" ")
        pendingSpace = false
      }
      scalars.append(foldCase(scalar))
    }
    var key = String(scalars)
    if dropArticle && key.hasPrefix("the ") { key.removeFirst(4) }
    return key
  }

  /// One scalar lowercased (where that gives one scalar) with apostrophes and dashes folded to
  /// ASCII: a one-to-one map, so offsets are kept.
  static func foldCase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x41...0x5A: return Unicode.Scalar(scalar.value | 0x20)!
    case 0x00...0x7F: return scalar
    case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032, 0xFF07: return "'"
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D: return "-"
    default:
      guard scalar.properties.changesWhenLowercased else { return scalar }
      let lowered = scalar.properties.lowercaseMapping.unicodeScalars
      return lowered.count == 1 ? lowered.first! : scalar
    }
  }

  static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A: return true
    case 0xC0...0x24F: return scalar.value != 0xD7 && scalar.value != 0xF7
    case 0x1E00...0x1EFF: return true
    default: return false
    }
  }

  static func isLatinAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    isLatinLetter(scalar) || ("0"..."9").contains(scalar)
  }

  static func isKatakana(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF: return true
    default: return false
    }
  }

  /// Whether a name may start or end between these two scalars: not inside a Latin word or
  /// number, and not inside a katakana word.
  static func boundary(between left: Unicode.Scalar, and right: Unicode.Scalar) -> Bool {
    if isLatinAlphanumeric(left) && isLatinAlphanumeric(right) { return false }
    if isKatakana(left) && isKatakana(right) { return false }
    return true
  }

  /// Whether an alias must be matched in capitals: one to three ASCII capital letters.
  static func needsCapitals(_ alias: String) -> Bool {
    let scalars = alias.unicodeScalars
    return (1...3).contains(scalars.count) && scalars.allSatisfy { ("A"..."Z").contains($0) }
  }
}

/// An invalid gazetteer file; every case but `missingHeader` names its line (1-based).
public enum GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No header row `canonical<TAB>kind<TAB>aliases` before the entries.
  case missingHeader
  /// The first line that is not a comment is not the header row.
  case badHeader(line: Int, found: String)
  /// An entry line without two or three tab-separated fields.
  case wrongFieldCount(line: Int, count: Int)
  /// An empty canonical name or alias.
  case emptyName(line: Int)
  /// A kind that is not one lowercase word.
  case badKind(line: Int, kind: String)
  /// A name (by key) already given to the entry on another line.
  case duplicateName(line: Int, name: String, firstLine: Int)

  /// The line the error is on.
  public var line: Int? {
    switch self {
    case .missingHeader: return nil
    case .badHeader(let line, _), .wrongFieldCount(let line, _), .emptyName(let line),
      .badKind(let line, _), .duplicateName(let line, _, _):
      return line
    }
  }

  public var description: String {
    switch self {
    case .missingHeader:
      return "gazetteer: no header row \"canonical<TAB>kind<TAB>aliases\""
    case .badHeader(let line, let found):
      return "gazetteer line \(line): expected the header \"canonical<TAB>kind<TAB>aliases\", "
        + "found \"\(found)\""
    case .wrongFieldCount(let line, let count):
      return "gazetteer line \(line): \(count) tab-separated fields; expected canonical, kind "
        + "and aliases"
    case .emptyName(let line):
      return "gazetteer line \(line): empty name"
    case .badKind(let line, let kind):
      return "gazetteer line \(line): kind \"\(kind)\" is not one lowercase word"
    case .duplicateName(let line, let name, let firstLine):
      return "gazetteer line \(line): \"\(name)\" already names the entry on line \(firstLine)"
    }
  }
}

/// The entries with their lookup index and match trie.
private struct Index: Sendable {
  var entries: [Gazetteer.Entry]
  var byKey: [String: Int]
  var trie: Trie
}

/// Builds an `Index`. With the entries' line numbers, notes the first name that two entries share
/// as an error; without them, the name belongs to the first.
private struct IndexBuilder {
  var index: Index
  var error: GazetteerError?

  init(entries: [Gazetteer.Entry], lines: [Int]?) {
    var byKey: [String: Int] = [:]
    var trie = Trie()
    var error: GazetteerError?
    for (number, entry) in entries.enumerated() {
      for name in entry.names {
        let key = Gazetteer.key(name)
        guard !key.isEmpty else { continue }
        if let owner = byKey[key], owner != number {
          if error == nil, let lines {
            error = .duplicateName(line: lines[number], name: name, firstLine: lines[owner])
          }
          continue
        }
        byKey[key] = number
        trie.insert(
          Array(key.unicodeScalars), entry: number, capitals: Gazetteer.needsCapitals(name))
        // A lookup without the article finds names listed with it.
        if key.hasPrefix("the ") && byKey[String(key.dropFirst(4))] == nil {
          byKey[String(key.dropFirst(4))] = number
        }
      }
    }
    index = Index(entries: entries, byKey: byKey, trie: trie)
    self.error = error
  }
}

/// A character trie over name keys.
private struct Trie: Sendable {
  struct Terminal: Sendable {
    var entry: Int
    /// Matched only where the text has it in capitals.
    var capitals: Bool
  }

  var children: [[Unicode.Scalar: Int]] = [[:]]
  var terminals: [Terminal?] = [nil]

  func child(of node: Int, _ scalar: Unicode.Scalar) -> Int? { children[node][scalar] }

  mutating func insert(_ scalars: [Unicode.Scalar], entry: Int, capitals: Bool) {
    var node = 0
    for scalar in scalars {
      if let next = children[node][scalar] {
        node = next
      } else {
        children.append([:])
        terminals.append(nil)
        children[node][scalar] = children.count - 1
        node = children.count - 1
      }
    }
    if let existing = terminals[node] {
      // The same key twice in one entry ("US" and "Us"): capitals only if both say so.
      terminals[node] = Terminal(entry: existing.entry, capitals: existing.capitals && capitals)
    } else {
      terminals[node] = Terminal(entry: entry, capitals: capitals)
    }
  }
}
