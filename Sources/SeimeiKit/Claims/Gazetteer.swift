import Foundation
import SeimeiData

/// A list of named states, agencies, international bodies and cyber groups, each with the names
/// it goes by in English and Japanese, so that 中華人民共和国, PRC and China are one actor.
///
/// The data is `Sources/SeimeiData/data/gazetteer.tsv`, compiled into the binary; its comment
/// lines document the format and the decisions behind the entries. Names are compared by their
/// *key*: NFKC (which folds width), lowercase, blanks collapsed, curly apostrophes and dashes
/// folded to ASCII, and, for lookups, a leading "the" dropped.
///
/// A session extends the built-in gazetteer with names of its own (`gazetteer add`, `gazetteer
/// load`): `checkAdditions(_:)` refuses additions that would take a name from another entry,
/// `merged(with:)` combines them, and `tsv()` writes them back in the file's format so that a
/// saved workspace keeps them.
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

  /// The kinds of entry, as the data file defines them. ActorExtractor reads them (an agency or
  /// group inside a longer name gives it its canonical name, a state before a suffix is a state,
  /// an office is qualified by the country before it), so names added in a session must use one.
  public static let kinds = ["state", "territory", "agency", "office", "body", "alliance", "group"]

  /// A gazetteer with no entries: a session's additions before it adds any.
  public static let empty = Gazetteer(entries: [])

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

  /// A gazetteer whose entries at the indices `first` claim their names before the others do.
  private init(entries: [Entry], first: Set<Int>) {
    table = IndexBuilder(entries: entries, lines: nil, first: first).index
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
    table.lines = lines
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

  /// The entry whose canonical name is `name` (compared by key, a leading "the" aside); nil when
  /// `name` is only an alias, or unknown.
  public func entry(canonical name: String) -> Entry? {
    guard let entry = entry(for: name),
      Self.canonicalKey(entry) == Self.key(name, dropArticle: true)
    else { return nil }
    return entry
  }

  /// The entries a search for `text` finds: the one entry `text` names, if any; otherwise every
  /// entry with a name containing it (by key, so case and width aside), in order.
  public func search(_ text: String) -> [Entry] {
    if let entry = entry(for: text) { return [entry] }
    let key = Self.key(text)
    guard !key.isEmpty else { return [] }
    return entries.filter { entry in entry.names.contains { Self.key($0).contains(key) } }
  }

  // MARK: Additions

  /// This gazetteer with the entries of `additions` added, as a session extends the built-in one.
  ///
  /// - An addition whose canonical name is an entry's canonical name (by key: case, width and a
  ///   leading "the" aside) extends that entry: its new names are appended to the entry's
  ///   aliases and its kind replaces the entry's. Any other addition is a new entry, after the
  ///   existing ones.
  /// - **The addition wins** a name it shares with another entry: the name is taken from that
  ///   entry's aliases, and where it is that entry's canonical name, lookups and matches of it
  ///   still find the addition. So a workspace saved with additions opens whatever names a later
  ///   built-in gazetteer gains. Commands refuse such additions beforehand (`checkAdditions`),
  ///   so a user never takes a built-in name by accident.
  ///
  /// The entries keep their order: the existing ones first (extended in place), then the new.
  public func merged(with additions: Gazetteer) -> Gazetteer {
    guard !additions.entries.isEmpty else { return self }
    var entries = self.entries
    var byCanonical: [String: Int] = [:]
    for (index, entry) in entries.enumerated() where byCanonical[Self.canonicalKey(entry)] == nil {
      byCanonical[Self.canonicalKey(entry)] = index
    }
    var added = Set<Int>()
    var claimed = Set<String>()
    for addition in additions.entries {
      for name in addition.names { claimed.formUnion(Self.keys(of: name)) }
      guard let target = byCanonical[Self.canonicalKey(addition)] else {
        entries.append(addition)
        byCanonical[Self.canonicalKey(addition)] = entries.count - 1
        added.insert(entries.count - 1)
        continue
      }
      entries[target].kind = addition.kind
      var known = Set(entries[target].names.map { Self.key($0) })
      for name in addition.names where known.insert(Self.key(name)).inserted {
        entries[target].aliases.append(name)
      }
      added.insert(target)
    }
    for index in entries.indices where !added.contains(index) {
      entries[index].aliases.removeAll { !claimed.isDisjoint(with: Self.keys(of: $0)) }
    }
    return Gazetteer(entries: entries, first: added)
  }

  /// Checks that `additions` can extend this gazetteer without surprises, and throws the first
  /// problem, with the line of `additions` it is on when they were read from a file:
  ///
  /// - every kind is one of `kinds` (`unknownKind`);
  /// - every name is one cell of the file format: not empty, without a tab, a line break or `|`,
  ///   and a canonical name not starting with `#` (`badName`);
  /// - an addition whose canonical name is an entry's canonical name extends that entry and
  ///   must have its kind (`kindMismatch`);
  /// - no name of an addition belongs to another entry, of this gazetteer or of an earlier
  ///   addition (`nameTaken`, naming the owner): a name is one actor's.
  public func checkAdditions(_ additions: Gazetteer) throws(GazetteerError) {
    // Who owns each name key, by the owner's canonical key; and each canonical key's entry.
    var owners: [String: String] = [:]
    var canonicals: [String: Entry] = [:]
    for entry in table.entries where canonicals[Self.canonicalKey(entry)] == nil {
      canonicals[Self.canonicalKey(entry)] = entry
    }
    for (key, index) in table.byKey { owners[key] = Self.canonicalKey(table.entries[index]) }
    for (position, addition) in additions.entries.enumerated() {
      let line = additions.table.lines?[position]
      guard Self.kinds.contains(addition.kind) else {
        throw .unknownKind(line: line, kind: addition.kind)
      }
      if let problem = Self.cellProblem(addition.canonical, canonical: true) {
        throw .badName(line: line, name: addition.canonical, problem: problem)
      }
      for alias in addition.aliases {
        if let problem = Self.cellProblem(alias, canonical: false) {
          throw .badName(line: line, name: alias, problem: problem)
        }
      }
      let target = Self.canonicalKey(addition)
      if let existing = canonicals[target], existing.kind != addition.kind {
        throw .kindMismatch(
          line: line, canonical: existing.canonical, kind: addition.kind, existing: existing.kind)
      }
      for name in addition.names {
        for key in Self.keys(of: name) {
          if let owner = owners[key], owner != target {
            throw .nameTaken(line: line, name: name, owner: canonicals[owner]?.canonical ?? owner)
          }
        }
      }
      if canonicals[target] == nil { canonicals[target] = addition }
      for name in addition.names {
        for key in Self.keys(of: name) { owners[key] = target }
      }
    }
  }

  /// The gazetteer in its file format (a comment line, the header row, one entry a line), which
  /// `init(tsv:)` reads back to the same entries. A tab, line break or `|` inside a name, which
  /// the format cannot hold and `checkAdditions` refuses, is written as a space.
  public func tsv() -> String {
    func cell(_ name: String) -> String {
      String(name.map { $0 == "\t" || $0.isNewline || $0 == "|" ? " " : $0 })
    }
    var lines = [
      "# Seimei gazetteer (format: see Sources/SeimeiData/data/gazetteer.tsv).",
      "canonical\tkind\taliases",
    ]
    for entry in entries {
      lines.append(
        cell(entry.canonical) + "\t" + entry.kind + "\t"
          + entry.aliases.map(cell).joined(separator: " | "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The key an entry is known by when additions are folded into it: its canonical name's,
  /// without a leading "the".
  static func canonicalKey(_ entry: Entry) -> String { key(entry.canonical, dropArticle: true) }

  /// The keys under which a name is found: its own, and without a leading "the".
  static func keys(of name: String) -> Set<String> {
    Set([key(name), key(name, dropArticle: true)].filter { !$0.isEmpty })
  }

  /// Why a name cannot be one cell of the file format, or nil when it can.
  static func cellProblem(_ name: String, canonical: Bool) -> String? {
    if name.trimmingCharacters(in: .whitespaces).isEmpty || key(name).isEmpty {
      return "a name cannot be empty"
    }
    if name.contains(where: { $0 == "\t" || $0.isNewline }) {
      return "a name cannot hold a tab or a line break"
    }
    if name.contains("|") { return "'|' separates aliases and cannot be part of a name" }
    if canonical && name.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
      return "a canonical name cannot start with '#', which starts a comment line"
    }
    return nil
  }

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

  /// Kanji (CJK ideographs, extensions and compatibility forms) and the marks 々 and 〇.
  static func isKanji(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3005, 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
      return true
    default: return false
    }
  }

  /// Hiragana, with the iteration marks ゝゞ.
  static func isHiragana(_ scalar: Unicode.Scalar) -> Bool {
    (0x3041...0x309F).contains(scalar.value)
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

/// An invalid gazetteer file, or additions a gazetteer refuses (`Gazetteer.checkAdditions`).
/// Every case but `missingHeader` names its line (1-based) when the entries came from a file.
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
  /// An added entry's kind is not one of `Gazetteer.kinds`.
  case unknownKind(line: Int?, kind: String)
  /// An added name that the file format cannot hold, and why.
  case badName(line: Int?, name: String, problem: String)
  /// An addition to an existing entry (same canonical name) gives it another kind.
  case kindMismatch(line: Int?, canonical: String, kind: String, existing: String)
  /// An added name already belongs to another entry, whose canonical name is `owner`.
  case nameTaken(line: Int?, name: String, owner: String)

  /// The line the error is on.
  public var line: Int? {
    switch self {
    case .missingHeader: return nil
    case .badHeader(let line, _), .wrongFieldCount(let line, _), .emptyName(let line),
      .badKind(let line, _), .duplicateName(let line, _, _):
      return line
    case .unknownKind(let line, _), .badName(let line, _, _), .kindMismatch(let line, _, _, _),
      .nameTaken(let line, _, _):
      return line
    }
  }

  /// What is wrong, without the line: for messages that name the file and line themselves.
  public var reason: String {
    switch self {
    case .missingHeader:
      return "no header row \"canonical<TAB>kind<TAB>aliases\""
    case .badHeader(_, let found):
      return "expected the header \"canonical<TAB>kind<TAB>aliases\", found \"\(found)\""
    case .wrongFieldCount(_, let count):
      return "\(count) tab-separated fields; expected canonical, kind and aliases"
    case .emptyName:
      return "empty name"
    case .badKind(_, let kind):
      return "kind \"\(kind)\" is not one lowercase word"
    case .duplicateName(_, let name, let firstLine):
      return "\"\(name)\" already names the entry on line \(firstLine)"
    case .unknownKind(_, let kind):
      return "unknown kind \"\(kind)\" (expected "
        + Gazetteer.kinds.joined(separator: ", ") + ")"
    case .badName(_, let name, let problem):
      return "\"\(name)\": \(problem)"
    case .kindMismatch(_, let canonical, let kind, let existing):
      func withArticle(_ word: String) -> String {
        ("aeiou".contains(word.first ?? "x") ? "an " : "a ") + word
      }
      return "\(canonical) is \(withArticle(existing)), not \(withArticle(kind))"
    case .nameTaken(_, let name, let owner):
      return "\"\(name)\" already names \(owner)"
    }
  }

  public var description: String {
    (line.map { "gazetteer line \($0): " } ?? "gazetteer: ") + reason
  }
}

/// The entries with their lookup index and match trie.
private struct Index: Sendable {
  var entries: [Gazetteer.Entry]
  var byKey: [String: Int]
  var trie: Trie
  /// The line of each entry in the file it was read from (nil when not read from a file).
  var lines: [Int]? = nil
}

/// Builds an `Index`. With the entries' line numbers, notes the first name that two entries share
/// as an error; without them, the name belongs to the first, where the entries at the indices
/// `first` come before all others.
private struct IndexBuilder {
  var index: Index
  var error: GazetteerError?

  init(entries: [Gazetteer.Entry], lines: [Int]?, first: Set<Int> = []) {
    var byKey: [String: Int] = [:]
    var trie = Trie()
    var error: GazetteerError?
    let order = first.sorted() + entries.indices.filter { !first.contains($0) }
    for number in order {
      let entry = entries[number]
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
