import ArgumentParser
import SeimeiKit

struct CompareCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Two or more statements side by side: length, claims, wording, actors, terms.",
    discussion: """
      Sections (all but align by default; --section picks, repeatable):
        lengths  characters, sentences, paragraphs and words (morphemes in Japanese), the \
      ratio of the longest to the shortest and, for Japanese against English, each one's \
      estimated length in the other language at 2.75 English characters per Japanese \
      character (measured on the project's parallel samples: a Japanese statement of 679 \
      characters and its sentence-by-sentence English translation of 1,866).
        claims   the codebook's types × statements (count, and the first cue as evidence), \
      then what only some of them say, with the sentences, and what all of them say.
        wording  the strongest wording on the ladder (1 monitor … 7 condemn in the strongest \
      terms) with its cue and sentence, hedged claims and attribution bands.
        actors   the actors each names (aligned across languages through the gazetteer; add \
      names with 'gazetteer'), figures, dates, named measures, and specificity: these per \
      1,000 characters.
        terms    same language: distinctive terms of each (log-likelihood G², p < 0.05) and \
      shared terms; different languages: shared names, numbers and Latin-script terms.
        align    sentence pairs of a statement and its translation or revision, the sentences \
      with no counterpart and, in one language, word differences ([-removed-]{+added+}). \
      Shown without asking when one statement is marked translation_of the other.
      On a terminal, bars drawn with blocks chart the lengths and the claims per type \
      (--no-chart leaves them out). Three or more statements get one column each, and the \
      only-in lists become 'in these, not in those'.
      """)
  static let group = CommandGroup.analysis
  static let examples = [
    CommandExample(
      "A cautious statement against a specific one: claims and wording",
      lines: [
        "load ja.txt", "load en.txt", "compare ja en --section claims --section wording --no-chart",
      ],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        ja    ja       34          2     19  UTF-8     ja.txt
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        en    en      196          3     29  UTF-8     en.txt
        Claims
        type          ja                en
        ────────────  ────────────────  ───────────────────────────────────────
        attribution   ·                 1  S1 «attack by»
        condemnation  ·                 1  S1 «condemns in the strongest terms»
        concern       1  S1 «強い懸念»  ·
        demand        ·                 ·
        measure       ·                 1  S2 «sanctions»
        advice        ·                 1  S3 «security updates»
        cooperation   1  S2 «連携»      ·
        norm          ·                 ·
        impact        ·                 ·
        commitment    1  S2 «ていく»    ·
        denial        ·                 ·
        Only in ja: concern (S1), cooperation (S2), commitment (S2)
        Only in en: attribution (S1), condemnation (S1), measure (S2), advice (S3)
        In both: none

        Wording
        ja  level 3, strong concern: «強い懸念» (S1)
            hedged claims: 0; attribution: none
        en  level 7, strongest terms: «condemns in the strongest terms» (S1)
            hedged claims: 0; attribution: stated
        en words it 4 steps higher on the ladder than ja (7 against 3).

        """,
      files: files),
    CommandExample(
      "Lengths, with the estimate across languages and the bars",
      lines: ["load ja.txt", "load en.txt", "compare ja en --section lengths"],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        ja    ja       34          2     19  UTF-8     ja.txt
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ──────
        en    en      196          3     29  UTF-8     en.txt
        Length
                         ja   en
        ───────────────  ──  ───
        characters       34  196
        sentences         2    3
        paragraphs        1    1
        words/morphemes  19   29
        en is 5.8× as long as ja in characters, 1.5× in sentences.
        ja in English would run to about 94 characters.
        en in Japanese would run to about 71 characters.
        Allowing for the language, en is 2.1× as long as ja.
        (Rate: 2.75 English characters per Japanese character, measured on the project's
          parallel samples: 1,866 / 679.)

        characters       ja  █████████▌ 34
                         en  ███████████████████████████████████████████████████████ 196
        sentences        ja  ████████████████████████████████████▋ 2
                         en  ███████████████████████████████████████████████████████ 3
        words/morphemes  ja  ████████████████████████████████████ 19
                         en  ███████████████████████████████████████████████████████ 29

        """,
      files: files),
  ]

  static let files = [
    "ja.txt": "我が国は、この攻撃に強い懸念を表明する。関係国と緊密に連携していく。\n",
    "en.txt": "The Government of Exempla condemns in the strongest terms the attack by the "
      + "Borovian Intelligence Service. We have imposed sanctions on two officers. Companies "
      + "should install security updates now.\n",
  ]

  @Argument(help: "The statements (two or more).", completion: .statementName)
  var names: [String] = []

  @Option(
    name: .customLong("section"),
    help: ArgumentHelp(
      "Only this section (repeatable): lengths, claims, wording, actors, terms, align.",
      valueName: "section"))
  var sections: [Comparison.Section] = []

  @Flag(help: "Leave out the bar charts.")
  var noChart = false

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard names.count >= 2 else {
      throw ValidationError("compare needs two or more statements (compare A B [C …])")
    }
    var seen: Set<String> = []
    for name in names where !seen.insert(name).inserted {
      throw ValidationError("'\(name)' is named twice")
    }
  }

  mutating func run(in shell: Shell) throws {
    let statements = try names.map { try shell.statement(named: $0) }
    var wanted = Set(sections)
    if wanted.isEmpty {
      wanted = Set(Comparison.Section.allCases).subtracting([.align])
      if !Comparison.translationPairs(statements).isEmpty { wanted.insert(.align) }
    }
    // Claims only for the sections that show them (they are cached per statement anyway).
    let claims =
      wanted.isDisjoint(with: [.claims, .wording])
      ? statements.map { _ in [Claim]() } : shell.claims.claims(of: statements)
    let comparison = Comparison(
      statements, claims: claims, sections: wanted, gazetteer: shell.claims.gazetteer)
    shell.emit(
      ComparisonReport(
        comparison: comparison, sections: wanted, chart: !noChart,
        width: shell.outputWidth ?? 80),
      format: output.requested)
  }
}

extension Comparison.Section: ExpressibleByArgument {}
