import ArgumentParser
import Foundation
import SeimeiKit

struct LexiconCommand: ShellCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon",
    abstract: "List the cue lexicon that claims uses, or add cues for this session.",
    discussion: """
      'lexicon' lists the cues (filter with --type and --lang). 'lexicon add CUE --lang L \
      --type T [--level N] [--band B] [--flags "v hedge"]' adds one cue; 'lexicon load FILE' \
      adds every cue of a file in the lexicon's own format: UTF-8, tab-separated columns cue, \
      lang, type, level, band, flags, note after a header row, '#' comments allowed (the \
      built-in lexicon, Sources/SeimeiData/data/cues.tsv, documents each column and flag). \
      Added cues take effect at once for claims and compare, and are saved with the \
      workspace, so a teacher or analyst can add the vocabulary of another domain.
      """)
  static let group = CommandGroup.analysis
  static let examples = [
    CommandExample(
      "Add a cue of another domain (public health) and see it used",
      lines: [
        "load note.txt", "claims note", "lexicon add quarantine --lang en --type measure --flags n",
        "claims note",
      ],
      output: """
        name  lang  chars  sentences  words  encoding  source
        ────  ────  ─────  ─────────  ─────  ────────  ────────
        note  en       46          1      8  UTF-8     note.txt
        note: no claims found
        added measure cue 'quarantine' (en)
        S1    The ministry ordered a quarantine of the port.
                measure      «quarantine»

        1 claim: measure 1
        strongest wording: none (no condemnation or concern)

        """,
      files: ["note.txt": "The ministry ordered a quarantine of the port.\n"])
  ]

  @Argument(
    help: ArgumentHelp(
      "Nothing to list the cues; 'add CUE' to add one; 'load FILE' to add a file of cues.",
      valueName: "action"),
    completion: .list(["add", "load"]))
  var words: [String] = []

  @Option(name: .customLong("type"), help: "The claim type (to list, or of the cue added).")
  var type: ClaimTypeOption?

  @Option(
    name: .customLong("lang"), help: "The language: en, ja or * (to list, or of the cue added).",
    completion: .list(["en", "ja", "*"]))
  var language: String?

  @Option(help: "Ladder level of an added concern (1–4) or condemnation (5–7) cue.")
  var level: Int?

  @Option(
    help: "Band an added cue gives an attribution.",
    completion: .list(AttributionBand.allCases.map(\.rawValue)))
  var band: String?

  @Option(help: "Flags of an added cue, space-separated (see the lexicon file).")
  var flags: String?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    switch words.first {
    case nil: break
    case "add":
      guard words.count == 2 else {
        throw ValidationError("usage: lexicon add CUE --lang L --type T …")
      }
      guard language != nil else { throw ValidationError("lexicon add needs --lang (en, ja or *)") }
    case "load":
      guard words.count == 2 else { throw ValidationError("usage: lexicon load FILE") }
    default:
      throw ValidationError(
        "'\(words[0])' is not an action of lexicon (expected nothing, add or load)")
    }
  }

  mutating func run(in shell: Shell) throws {
    switch words.first {
    case "add":
      let fields = [
        words[1], language ?? "", type?.type.rawValue ?? "-", level.map(String.init) ?? "-",
        band ?? "-", flags ?? "-", "added in the session",
      ]
      let cue: Cue
      do {
        cue = try Lexicon.parseCue(fields: fields)
      } catch {
        throw ShellError("cannot add '\(words[1])': \(error.description)")
      }
      shell.claims.add([cue])
      shell.report(
        ActionResult(
          action: "lexicon add", statements: [], detail: cue.text,
          message:
            "added \(cue.type?.rawValue ?? "modifier") cue '\(cue.text)' (\(cue.language.rawValue))"
        ),
        format: output.requested)
    case "load":
      let path = shell.resolve(words[1])
      guard let data = FileManager.default.contents(atPath: path) else {
        throw ShellError("\(words[1]): no such file or cannot read it")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw ShellError("\(words[1]): not valid UTF-8 text")
      }
      let loaded: Lexicon
      do {
        loaded = try Lexicon(tsv: text)
      } catch {
        throw ShellError("\(words[1]): \(error.description)")
      }
      guard !loaded.cues.isEmpty else { throw ShellError("\(words[1]): no cues in the file") }
      shell.claims.add(loaded.cues)
      shell.report(
        ActionResult(
          action: "lexicon load", statements: [], file: words[1], detail: String(loaded.cues.count),
          message:
            "added \(loaded.cues.count) cue\(loaded.cues.count == 1 ? "" : "s") from \(words[1])"),
        format: output.requested)
    default:
      let cues = shell.claims.lexicon.cues.filter { cue in
        (type == nil || cue.type == type?.type)
          && (language == nil || cue.language.rawValue == language || cue.language == .any)
      }
      shell.emit(LexiconListing(cues: cues), format: output.requested)
    }
  }
}

/// Cues, as `lexicon` lists them.
struct LexiconListing: Presentable {
  var cues: [Cue]

  var presentation: Presentation {
    guard !cues.isEmpty else { return .text("no cues match") }
    return .table(
      Table(
        columns: [
          .init("cue"), .init("lang"), .init("type"), .init("level", alignment: .right),
          .init("band"), .init("flags"),
        ],
        rows: cues.map { cue in
          let fields = cue.fields
          return [fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]]
        }))
  }
}
