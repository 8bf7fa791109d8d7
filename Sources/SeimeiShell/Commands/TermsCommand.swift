import ArgumentParser
import SeimeiKit

struct TermsCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "terms",
    abstract: "The most frequent content words of a statement, with counts and rates.",
    discussion: """
      Content words are the statement's words (English) or dictionary words, morphemes \
      (Japanese), with stop words left out: English function words, and Japanese particles, \
      auxiliaries and function words, from the lists in Sources/SeimeiData/data/ \
      (stopwords-en.txt, stopwords-ja.txt); numbers, one-letter words, words written in \
      hiragana alone and web addresses are not counted either. Words are counted as written \
      (no stemming: "sanction" and "sanctions" are two terms), with case and width folded. \
      The rate is per 1,000 content words of the statement.
      """)
  static let group = CommandGroup.explore
  static let examples = [
    CommandExample(
      "The most frequent content words of a short statement",
      lines: ["load a.txt", "terms a --top 4"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        a     en      129          3     20  UTF-8     a.txt
        a: 11 content words, 9 distinct
        #  term      count  per 1,000
        ─  ────────  ─────  ─────────
        1  attack        2      181.8
        2  hospital      2      181.8
        3  condemns      1       90.9
        4  days          1       90.9

        """,
      files: [
        "a.txt": "The ministry condemns the attack on the hospital. The attack disrupted the "
          + "hospital for days. Hospitals must patch their systems.\n"
      ])
  ]

  @Argument(help: "The statement.", completion: .statementName)
  var name: String

  @Option(help: "How many terms to list.")
  var top = 20

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard top > 0 else { throw ValidationError("--top must be at least 1") }
  }

  mutating func run(in shell: Shell) throws {
    let statement = try shell.statement(named: name)
    let counts = TermCounts(statement)
    shell.emit(
      TermList(
        statement: statement.name, unit: statement.tokenUnit, total: counts.total,
        distinct: counts.counts.count, terms: counts.top(top)),
      format: output.requested)
  }
}

/// `terms NAME`: the most frequent content words.
struct TermList: Presentable {
  struct Row: Encodable {
    var term: String
    var count: Int
    var perThousand: Double

    enum CodingKeys: String, CodingKey {
      case term, count
      case perThousand = "per_1000"
    }
  }

  var statement: String
  var unit: String
  var total: Int
  var distinct: Int
  var rows: [Row]

  enum CodingKeys: String, CodingKey {
    case statement, total, distinct
    case rows = "terms"
  }

  init(statement: String, unit: String, total: Int, distinct: Int, terms: [TermCount]) {
    self.statement = statement
    self.unit = unit
    self.total = total
    self.distinct = distinct
    rows = terms.map {
      Row(term: $0.display, count: $0.count, perThousand: ($0.perThousand * 10).rounded() / 10)
    }
  }

  var presentation: Presentation {
    let heading = "\(statement): \(total.grouped) content \(unit), \(distinct.grouped) distinct"
    guard !rows.isEmpty else { return .text(heading + "; no terms") }
    let table = Table(
      columns: [
        .init("#", alignment: .right), .init("term"), .init("count", alignment: .right),
        .init("per 1,000", alignment: .right),
      ],
      rows: rows.enumerated().map { index, row in
        [String(index + 1), row.term, String(row.count), ComparisonReport.decimal(row.perThousand)]
      })
    return .sequence([.text(heading), .table(table)])
  }
}
