import ArgumentParser
import Foundation
import SeimeiKit

struct KeynessCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "keyness",
    abstract: "Terms one statement uses more than another, by log-likelihood (G²).",
    discussion: """
      For each content word (as 'terms' counts them) that A uses at a higher rate than the \
      reference: its count in A and in the reference, both rates per 1,000 content words, and \
      Dunning's log-likelihood G² = 2 Σ O ln(O/E), with E the count expected if both used the \
      word at the same rate. The reference is B, or with --rest every other statement in A's \
      language. Most key first. G² ≥ 3.84 is p < 0.05 (marked *), 6.63 p < 0.01, 10.83 \
      p < 0.001; short statements rarely reach them, so all over-represented terms are \
      listed unless --significant is given.
      """)
  static let group = CommandGroup.explore
  static let examples = [
    CommandExample(
      "What one statement says more than another",
      lines: ["load a.txt", "load b.txt", "keyness b a --top 3"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        a     en      129          3     20  UTF-8     a.txt
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        b     en       80          2     13  UTF-8     b.txt
        b (7 content words) against a (11):
        term      b  a      ‰  ‰ other    G²
        ────────  ─  ─  ─────  ───────  ─────
        report    2  0  285.7      0.0  3.78
        notes     1  0  142.9      0.0  1.89
        partners  1  0  142.9      0.0  1.89
        (‰: per 1,000 content words; * p < 0.05, G² ≥ 3.84)

        """,
      files: [
        "a.txt": "The ministry condemns the attack on the hospital. The attack disrupted the "
          + "hospital for days. Hospitals must patch their systems.\n",
        "b.txt": "The ministry notes the report. The ministry will study the report with "
          + "partners.\n",
      ])
  ]

  @Argument(help: "The statement whose key terms are wanted.", completion: .statementName)
  var name: String

  @Argument(help: "The statement to compare it with.", completion: .statementName)
  var reference: String?

  @Flag(help: "Compare with every other statement in the same language.")
  var rest = false

  @Option(help: "How many terms to list.")
  var top = 20

  @Flag(help: "Only terms with p < 0.05 (G² ≥ 3.84).")
  var significant = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard top > 0 else { throw ValidationError("--top must be at least 1") }
    if rest && reference != nil {
      throw ValidationError("give a statement to compare with, or --rest, not both")
    }
    if !rest && reference == nil {
      throw ValidationError("keyness needs a statement to compare with, or --rest")
    }
  }

  mutating func run(in shell: Shell) throws {
    let statement = try shell.statement(named: name)
    let others: [Statement]
    if let reference {
      let other = try shell.statement(named: reference)
      guard other.name != statement.name else {
        throw ShellError("compare \(name) with another statement")
      }
      others = [other]
    } else {
      others = shell.workspace.statements.filter {
        $0.name != statement.name && $0.language == statement.language
      }
      guard !others.isEmpty else {
        throw ShellError(
          "\(name): no other statement in \(statement.language.rawValue) to compare with")
      }
    }
    let target = TermCounts(statement)
    let against = TermCounts.combined(others.map { TermCounts($0) })
    let terms = Keyness.keyTerms(
      target, against: against, top: top, minimum: significant ? 3.84 : 0
    ).filter { $0.g2 > 0 }
    shell.emit(
      KeynessResult(
        statement: statement.name, reference: others.map(\.name), total: target.total,
        referenceTotal: against.total, terms: terms),
      format: output.requested)
  }
}

/// `keyness A B`: A's key terms against B.
struct KeynessResult: Presentable {
  struct Row: Encodable {
    var term: String
    var count: Int
    var referenceCount: Int
    var perThousand: Double
    var referencePerThousand: Double
    var g2: Double

    enum CodingKeys: String, CodingKey {
      case term, count, g2
      case referenceCount = "reference_count"
      case perThousand = "per_1000"
      case referencePerThousand = "reference_per_1000"
    }
  }

  var statement: String
  var reference: [String]
  var total: Int
  var referenceTotal: Int
  var rows: [Row]

  enum CodingKeys: String, CodingKey {
    case statement, reference, total
    case referenceTotal = "reference_total"
    case rows = "terms"
  }

  init(statement: String, reference: [String], total: Int, referenceTotal: Int, terms: [KeyTerm]) {
    self.statement = statement
    self.reference = reference
    self.total = total
    self.referenceTotal = referenceTotal
    func round(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }
    rows = terms.map {
      Row(
        term: $0.display, count: $0.count, referenceCount: $0.otherCount,
        perThousand: round($0.perThousand, 10),
        referencePerThousand: round($0.otherPerThousand, 10),
        g2: round($0.g2, 100))
    }
  }

  var presentation: Presentation {
    let against =
      reference.count == 1
      ? "\(reference[0]) (\(referenceTotal.grouped))"
      : "the rest (\(reference.count) statements, \(referenceTotal.grouped))"
    let heading = "\(statement) (\(total.grouped) content words) against \(against):"
    guard !rows.isEmpty else { return .text(heading + " no term is used more") }
    let other = reference.count == 1 ? reference[0] : "rest"
    let table = Table(
      columns: [
        .init("term"), .init(statement, alignment: .right), .init(other, alignment: .right),
        .init("‰", alignment: .right),
        .init("‰ " + (reference.count == 1 ? "other" : "rest"), alignment: .right),
        .init("G² ", alignment: .right),
      ],
      rows: rows.map { row in
        [
          row.term, String(row.count), String(row.referenceCount),
          ComparisonReport.decimal(row.perThousand),
          ComparisonReport.decimal(row.referencePerThousand),
          String(format: "%.2f", row.g2) + (row.g2 >= 3.84 ? "*" : " "),
        ]
      })
    return .sequence([
      .text(heading), .table(table),
      .text("(‰: per 1,000 content words; * p < 0.05, G² ≥ 3.84)"),
    ])
  }
}
