import ArgumentParser
import Foundation
import SeimeiKit

struct GazetteerCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "List the named states, agencies and groups that claims knows, or add names.",
    discussion: """
      The gazetteer makes the names of one state, agency, body or group in any language one \
      actor: 中国 = China = PRC, サルコヴァ連邦 = Sarkovan Federation once they are added. \
      'gazetteer' lists the entries (canonical name, kind, aliases); '--kind K' keeps one kind, \
      '--added' only the names added in this session, and 'gazetteer NAME' shows the entry \
      NAME belongs to (any of its names, in any script, case and width aside), else the \
      entries with a name containing it.

      'gazetteer add CANONICAL --kind K [--alias NAME]…' adds an entry; if CANONICAL is \
      already an entry's canonical name, the aliases are added to that entry (--kind may then \
      be left out). 'gazetteer load FILE' adds every entry of a file in the gazetteer's own \
      format: UTF-8, tab-separated columns canonical, kind and aliases (separated by '|') \
      after a header row, '#' comments allowed (the built-in gazetteer, \
      Sources/SeimeiData/data/gazetteer.tsv, documents the format; \
      Scripts/samples/gazetteer.tsv names the fictional states of the samples). Kinds: state, \
      territory, agency, office, body, alliance, group. A name belongs to one entry only: an \
      added name that already names another entry is refused, and a file with any refused \
      line adds nothing. Added names take effect at once for claims and are saved with the \
      workspace.
      """)
  static let group = CommandGroup.analysis
  static let examples = [
    CommandExample(
      "Name a fictional state so that claims finds it as an actor",
      lines: [
        "load note.txt", "claims note", "gazetteer add Zelma --kind state --alias ゼルマ",
        "claims note", "gazetteer ゼルマ",
      ],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  ja       26          1     13  UTF-8     note.txt
        S1    一連のサイバー攻撃はゼルマによるものと評価している。
                attribution  «によるもの»  stated

        1 claim: attribution 1
        strongest wording: none (no condemnation or concern)
        added state Zelma (aliases: ゼルマ)
        S1    一連のサイバー攻撃はゼルマによるものと評価している。
                attribution  «によるもの»  stated; actors: ゼルマ

        1 claim: attribution 1
        strongest wording: none (no condemnation or concern)
        canonical  kind   aliases
        ─────────  ─────  ───────
        Zelma      state  ゼルマ

        """,
      files: ["note.txt": "一連のサイバー攻撃はゼルマによるものと評価している。\n"]),
    CommandExample(
      "A name already belongs to another entry",
      lines: ["gazetteer add Cathay --kind state --alias 中国", "gazetteer 中国 --json"],
      output: """
        error: cannot add Cathay: "中国" already names China
        {
          "entries" : [
            {
              "aliases" : [
                "中国",
                "中華人民共和国",
                "PRC",
                "People's Republic of China"
              ],
              "canonical" : "China",
              "kind" : "state"
            }
          ]
        }

        """),
  ]

  @Argument(
    help: ArgumentHelp(
      "Nothing to list the entries, a name to look it up; 'add CANONICAL' to add an entry or "
        + "names; 'load FILE' to add a file of entries.",
      valueName: "action"),
    completion: .list(["add", "load"]))
  var words: [String] = []

  @Option(
    help: "The kind (to list, or of the entry added).",
    completion: .list(Gazetteer.kinds))
  var kind: String?

  @Option(
    name: .customLong("alias"),
    help: "Another name of the entry added (repeatable: one name each).")
  var aliases: [String] = []

  @Flag(help: "List only the names added in this session.")
  var added = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    switch words.first {
    case "add":
      guard words.count == 2 else {
        throw ValidationError(
          "usage: gazetteer add CANONICAL --kind K [--alias NAME]… (quote a name of several "
            + "words)")
      }
      if added { throw ValidationError("--added is for listing, not for 'gazetteer add'") }
    case "load":
      guard words.count == 2 else { throw ValidationError("usage: gazetteer load FILE") }
      if kind != nil || !aliases.isEmpty || added {
        throw ValidationError("gazetteer load takes no --kind, --alias or --added")
      }
    default:
      if !aliases.isEmpty { throw ValidationError("--alias is for 'gazetteer add'") }
    }
  }

  mutating func run(in shell: Shell) throws {
    switch words.first {
    case "add": try add(words[1], in: shell)
    case "load": try load(words[1], in: shell)
    default:
      let source = added ? shell.claims.gazetteerAdditions : shell.claims.gazetteer
      let search = words.joined(separator: " ")
      var entries = search.isEmpty ? source.entries : source.search(search)
      if let kind { entries = entries.filter { $0.kind == kind } }
      shell.emit(GazetteerListing(entries: entries), format: output.requested)
    }
  }

  func add(_ canonical: String, in shell: Shell) throws {
    let canonical = canonical.trimmingCharacters(in: .whitespaces)
    let names = aliases.map { $0.trimmingCharacters(in: .whitespaces) }
    let session = shell.claims.gazetteer
    // An entry with this canonical name gets the names; another entry's name is refused below.
    let existing = session.entry(canonical: canonical)
    if existing == nil, let owner = session.entry(for: canonical) {
      throw ShellError(
        "cannot add \(canonical): \"\(canonical)\" already names \(owner.canonical) (to give "
          + "it more names: gazetteer add \"\(owner.canonical)\" --alias NAME)")
    }
    guard let kind = kind ?? existing?.kind else {
      throw ShellError(
        "gazetteer add needs --kind for a new entry ("
          + Gazetteer.kinds.joined(separator: ", ") + ")")
    }
    let entry = Gazetteer.Entry(
      canonical: existing?.canonical ?? canonical, kind: kind, aliases: names)
    do {
      try shell.claims.addNames(Gazetteer(entries: [entry]))
    } catch {
      throw ShellError("cannot add \(canonical): \(error.reason)")
    }
    // The aliases the entry did not have: added ones go after those it had.
    let now = shell.claims.gazetteer.entry(canonical: entry.canonical)
    let new = Array(now?.aliases.dropFirst(existing?.aliases.count ?? 0) ?? [])
    let message: String
    if let existing {
      message =
        new.isEmpty
        ? "nothing added: \(existing.kind) \(existing.canonical) has every name given"
        : "added \(Self.count(new.count, "alias", "aliases")) to \(existing.kind) "
          + "\(existing.canonical): " + new.joined(separator: " | ")
    } else {
      message =
        "added \(kind) \(canonical)"
        + (new.isEmpty ? "" : " (aliases: " + new.joined(separator: " | ") + ")")
    }
    shell.report(
      ActionResult(
        action: "gazetteer add", statements: [], detail: entry.canonical, message: message),
      format: output.requested)
  }

  func load(_ file: String, in shell: Shell) throws {
    let path = shell.resolve(file)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ShellError("\(file): no such file or cannot read it")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw ShellError("\(file): not valid UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let loaded: Gazetteer
    do {
      loaded = try Gazetteer(tsv: text)
    } catch {
      throw ShellError("\(file): \(Self.place(error))")
    }
    guard !loaded.entries.isEmpty else { throw ShellError("\(file): no entries in the file") }
    let session = shell.claims.gazetteer
    let extended = loaded.entries.filter { session.entry(canonical: $0.canonical) != nil }
    let grown = extended.count(where: { $0.names.contains { session.entry(for: $0) == nil } })
    let newEntries = loaded.entries.count - extended.count
    do {
      try shell.claims.addNames(loaded)
    } catch {
      throw ShellError("\(file): \(Self.place(error))")
    }
    var parts: [String] = []
    if newEntries > 0 { parts.append(Self.count(newEntries, "entry", "entries")) }
    if grown > 0 {
      parts.append("names to \(Self.count(grown, "existing entry", "existing entries"))")
    }
    let message =
      parts.isEmpty
      ? "nothing added from \(file): every name in it is known already"
      : "added " + parts.joined(separator: " and ") + " from \(file)"
    shell.report(
      ActionResult(
        action: "gazetteer load", statements: [], file: file, detail: String(newEntries),
        message: message),
      format: output.requested)
  }

  /// "line N: reason", or the reason alone for an error without a line.
  static func place(_ error: GazetteerError) -> String {
    (error.line.map { "line \($0): " } ?? "") + error.reason
  }

  static func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) \(number == 1 ? one : many)"
  }
}

/// Gazetteer entries, as `gazetteer` lists them.
struct GazetteerListing: Presentable {
  var entries: [Gazetteer.Entry]

  enum CodingKeys: String, CodingKey { case entries }

  struct Row: Encodable {
    var canonical: String
    var kind: String
    var aliases: [String]
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(
      entries.map { Row(canonical: $0.canonical, kind: $0.kind, aliases: $0.aliases) },
      forKey: .entries)
  }

  var presentation: Presentation {
    guard !entries.isEmpty else { return .text("no entries match") }
    return .table(
      Table(
        columns: [.init("canonical"), .init("kind"), .init("aliases")],
        rows: entries.map { [$0.canonical, $0.kind, $0.aliases.joined(separator: " | ")] }))
  }
}
