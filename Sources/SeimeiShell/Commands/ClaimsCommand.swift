import ArgumentParser
import SeimeiKit

struct ClaimsCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "claims",
    abstract: "What a statement asserts, asks for and announces, typed by the codebook.",
    discussion: """
      With a name: each claim with its sentence number, type, level (condemnation and concern, \
      1–7) or band (attribution: almost-certain, highly-likely, likely, stated; and 'confidence \
      high' where the text speaks of it), the cue that carries it, the actors an attribution \
      names and whether it is hedged, with the sentence (the cue highlighted on a terminal); \
      then counts per type and the strongest wording. Without a name: one row per statement, \
      counts per type and the strongest level.

      Types: attribution, condemnation, concern, demand, measure, advice, cooperation, norm, \
      impact, commitment, denial. The ladder: 1 monitor closely / 注視, 2 concern / 懸念, \
      3 deeply concerned / 強い懸念, 4 gravely concerned, regret / 憂慮, 遺憾, 5 condemn / 非難, \
      6 strongly condemn / 強く非難, 7 condemn in the strongest terms / 断固として非難. Negated \
      cues ("does not condemn", 非難するものではない) make no claim; hedged ones (may, could, \
      かもしれない) are kept and marked. 'lexicon' lists the cues.
      """)
  static let group = CommandGroup.analysis

  @Argument(help: "The statement (all statements when left out).", completion: .statementName)
  var name: String?

  @Option(name: .customLong("type"), help: "Only claims of this type (repeatable).")
  var types: [ClaimTypeOption] = []

  @Option(help: "Only condemnation and concern at this level or above (1–7).")
  var minLevel: Int?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let minLevel, !(1...7).contains(minLevel) {
      throw ValidationError("--min-level must be from 1 to 7")
    }
  }

  mutating func run(in shell: Shell) throws {
    if let name {
      let statement = try shell.statement(named: name)
      let claims = filter(shell.claims.claims(of: statement))
      shell.emit(
        StatementClaims(
          statement: statement, claims: claims, color: shell.colorEnabled, width: shell.outputWidth),
        format: output.requested)
      return
    }
    let statements = shell.workspace.statements
    let all = shell.claims.claims(of: statements)
    let rows = zip(statements, all).map { statement, claims in
      ClaimsOverview.Row(statement: statement.name, claims: filter(claims))
    }
    shell.emit(ClaimsOverview(statements: rows), format: output.requested)
  }

  /// Claims per type, by type name, as JSON gives them.
  static func counts(_ summary: ClaimSummary) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.key.rawValue, $0.value) })
  }

  func filter(_ claims: [Claim]) -> [Claim] {
    let wanted = Set(types.map(\.type))
    return claims.filter { claim in
      (wanted.isEmpty || wanted.contains(claim.type))
        && (minLevel.map { minimum in (claim.level ?? 0) >= minimum } ?? true)
    }
  }
}

/// `--type` values.
struct ClaimTypeOption: ExpressibleByArgument {
  var type: ClaimType

  init?(argument: String) {
    guard let type = ClaimType(rawValue: argument.lowercased()) else { return nil }
    self.type = type
  }

  static var allValueStrings: [String] { ClaimType.allCases.map(\.rawValue) }
}

/// The strongest wording of a set of claims: the highest ladder level, first in the text.
struct StrongestWording: Encodable {
  var level: Int
  var cue: String
  /// 1-based, as shown.
  var sentence: Int

  /// From the analysis library's summary, which decides what "strongest" means.
  init?(_ summary: ClaimSummary) {
    guard let strongest = summary.strongest else { return nil }
    level = strongest.level
    cue = strongest.cue
    sentence = strongest.sentence + 1
  }
}

/// The claims of one statement, as `claims NAME` shows them.
struct StatementClaims: Presentable {
  struct Item: Encodable {
    var type: String
    var sentence: Int
    var start: Int
    var end: Int
    var text: String
    var cue: String
    var level: Int?
    var band: String?
    var confidence: String?
    var actors: [String]
    var hedged: Bool

    enum CodingKeys: String, CodingKey {
      case type, sentence, start, end, text, cue, level, band, confidence, actors, hedged
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(type, forKey: .type)
      try container.encode(sentence, forKey: .sentence)
      try container.encode(start, forKey: .start)
      try container.encode(end, forKey: .end)
      try container.encode(text, forKey: .text)
      try container.encode(cue, forKey: .cue)
      // Keys are always present; null where they do not apply.
      try container.encode(level, forKey: .level)
      try container.encode(band, forKey: .band)
      try container.encode(confidence, forKey: .confidence)
      try container.encode(actors, forKey: .actors)
      try container.encode(hedged, forKey: .hedged)
    }
  }

  var statement: String
  var claims: [Item]
  var counts: [String: Int]
  var strongest: StrongestWording?
  private var sentenceStarts: [Int]
  private var color: Bool
  private var width: Int?

  enum CodingKeys: String, CodingKey {
    case statement, claims, counts, strongest
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(statement, forKey: .statement)
    try container.encode(claims, forKey: .claims)
    try container.encode(counts, forKey: .counts)
    try container.encode(strongest, forKey: .strongest)
  }

  init(statement: Statement, claims: [Claim], color: Bool, width: Int?) {
    self.statement = statement.name
    let sentences = statement.segmentation.sentences
    self.claims = claims.map { claim in
      Item(
        type: claim.type.rawValue, sentence: claim.sentence + 1, start: claim.cue.start,
        end: claim.cue.end, text: String(statement.text(of: sentences[claim.sentence].range)),
        cue: claim.cueText, level: claim.level, band: claim.band?.rawValue,
        confidence: claim.confidence, actors: claim.actors, hedged: claim.hedged)
    }
    sentenceStarts = claims.map { sentences[$0.sentence].range.start }
    let summary = ClaimSummary(claims: claims)
    counts = ClaimsCommand.counts(summary)
    strongest = StrongestWording(summary)
    self.color = color
    self.width = width
  }

  var presentation: Presentation {
    guard !claims.isEmpty else { return .text("\(statement): no claims found") }
    let style = Style(enabled: color)
    var lines: [String] = []
    let indent = "      "
    var index = 0
    while index < claims.count {
      // One sentence, then each of its claims.
      let sentence = claims[index].sentence
      var group: [Int] = []
      while index < claims.count && claims[index].sentence == sentence {
        group.append(index)
        index += 1
      }
      let first = claims[group[0]]
      let label = DisplayWidth.pad("S\(sentence)", to: indent.count)
      let wrapped = TextWrapper.wrap(
        TerminalText.cell(first.text), width: width.map { max(20, $0 - indent.count) })
      var cueTexts = group.map { TerminalText.cell(claims[$0].cue) }.filter { !$0.isEmpty }
      for (lineIndex, plainLine) in wrapped.enumerated() {
        var line = plainLine
        if color {
          // Highlight each cue on the line where it stands (a cue split by wrapping stays plain).
          for cue in cueTexts {
            if let range = line.range(of: cue) {
              line.replaceSubrange(range, with: style.yellow(style.bold(cue)))
              cueTexts.removeAll { $0 == cue }
            }
          }
        }
        lines.append((lineIndex == 0 ? label : indent) + line)
      }
      for position in group {
        let claim = claims[position]
        var details: [String] = []
        if let level = claim.level { details.append("level \(level)") }
        if let band = claim.band { details.append(band) }
        if let confidence = claim.confidence { details.append("confidence \(confidence)") }
        if claim.hedged { details.append("hedged") }
        if !claim.actors.isEmpty {
          details.append("actors: " + claim.actors.joined(separator: ", "))
        }
        let line =
          indent + "  " + DisplayWidth.pad(claim.type, to: 13) + "«" + claim.cue + "»"
          + (details.isEmpty ? "" : "  " + details.joined(separator: "; "))
        lines.append(TerminalText.cell(line))
      }
    }
    lines.append("")
    let summary = ClaimType.allCases.compactMap { type in
      counts[type.rawValue].map { "\(type.rawValue) \($0)" }
    }
    lines.append(
      "\(claims.count) claim\(claims.count == 1 ? "" : "s"): " + summary.joined(separator: ", "))
    if let strongest {
      lines.append(
        "strongest wording: level \(strongest.level) «\(TerminalText.cell(strongest.cue))» (S\(strongest.sentence))"
      )
    } else {
      lines.append("strongest wording: none (no condemnation or concern)")
    }
    return .styled(lines.joined(separator: "\n"))
  }
}

/// Claims per type for every statement in the workspace.
struct ClaimsOverview: Presentable {
  struct Row: Encodable {
    var name: String
    var claims: [String: Int]
    var total: Int
    var strongest: StrongestWording?

    init(statement: String, claims: [Claim]) {
      name = statement
      let summary = ClaimSummary(claims: claims)
      self.claims = ClaimsCommand.counts(summary)
      total = claims.count
      strongest = StrongestWording(summary)
    }
  }

  var statements: [Row]

  static let abbreviations: [ClaimType: String] = [
    .attribution: "attr", .condemnation: "cond", .concern: "conc", .demand: "dem",
    .measure: "meas", .advice: "adv", .cooperation: "coop", .norm: "norm", .impact: "imp",
    .commitment: "comm", .denial: "deny",
  ]

  var presentation: Presentation {
    guard !statements.isEmpty else { return .text("no statements loaded (use load)") }
    var columns: [Table.Column] = [.init("name")]
    columns += ClaimType.allCases.map {
      .init(Self.abbreviations[$0] ?? $0.rawValue, alignment: .right)
    }
    columns += [.init("all", alignment: .right), .init("max", alignment: .right)]
    let rows = statements.map { row in
      [row.name]
        + ClaimType.allCases.map { type in row.claims[type.rawValue].map(String.init) ?? "·" }
        + [String(row.total), row.strongest.map { String($0.level) } ?? "–"]
    }
    return .table(Table(columns: columns, rows: rows))
  }
}
