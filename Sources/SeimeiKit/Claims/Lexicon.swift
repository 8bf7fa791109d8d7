import Foundation
import SeimeiData

/// The language whose statements a cue is looked for in.
public enum CueLanguage: String, Codable, Sendable, CaseIterable {
  case en, ja
  /// Both languages (written `*`).
  case any = "*"

  /// Whether the cue applies to a statement in `language` (Chinese goes with Japanese: both
  /// are matched without word boundaries; undetected languages take every cue).
  func applies(to language: Language) -> Bool {
    switch (self, language) {
    case (.any, _), (_, .other): return true
    case (.en, .en), (.ja, .ja), (.ja, .zh): return true
    default: return false
    }
  }
}

/// The flags of a cue: how its words inflect, what role it plays beside the claim cues, and
/// the conditions under which it makes a claim. `data/cues.tsv` documents each flag.
public struct CueFlags: OptionSet, Sendable, Hashable, Codable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  // Inflection (English).
  public static let verb = CueFlags(rawValue: 1 << 0)
  public static let noun = CueFlags(rawValue: 1 << 1)
  // Modifiers.
  public static let negator = CueFlags(rawValue: 1 << 2)
  public static let hedge = CueFlags(rawValue: 1 << 3)
  public static let intensifier = CueFlags(rawValue: 1 << 4)
  public static let post = CueFlags(rawValue: 1 << 5)
  public static let confidence = CueFlags(rawValue: 1 << 6)
  public static let report = CueFlags(rawValue: 1 << 7)
  public static let adopt = CueFlags(rawValue: 1 << 8)
  public static let publicAddressee = CueFlags(rawValue: 1 << 9)
  public static let partner = CueFlags(rawValue: 1 << 10)
  public static let question = CueFlags(rawValue: 1 << 11)
  public static let clause = CueFlags(rawValue: 1 << 12)
  // Conditions and behaviour of claim cues.
  public static let actor = CueFlags(rawValue: 1 << 13)
  public static let subject = CueFlags(rawValue: 1 << 14)
  public static let object = CueFlags(rawValue: 1 << 15)
  public static let initial = CueFlags(rawValue: 1 << 16)
  public static let negationKeeps = CueFlags(rawValue: 1 << 17)
  public static let needsNegation = CueFlags(rawValue: 1 << 18)
  public static let negationDenies = CueFlags(rawValue: 1 << 19)
  public static let toAdvice = CueFlags(rawValue: 1 << 20)
  public static let assess = CueFlags(rawValue: 1 << 21)
  public static let adjacent = CueFlags(rawValue: 1 << 22)
  public static let hostile = CueFlags(rawValue: 1 << 23)

  /// The flags by their names in the TSV file, in the order they are written back.
  public static let names: [(name: String, flag: CueFlags)] = [
    ("v", .verb), ("n", .noun), ("negator", .negator), ("hedge", .hedge),
    ("intensifier", .intensifier), ("post", .post), ("confidence", .confidence),
    ("report", .report), ("adopt", .adopt), ("public", .publicAddressee), ("partner", .partner),
    ("question", .question), ("clause", .clause), ("hostile", .hostile), ("actor", .actor),
    ("subject", .subject),
    ("object", .object), ("initial", .initial), ("negok", .negationKeeps),
    ("needneg", .needsNegation), ("negdenial", .negationDenies), ("toadvice", .toAdvice),
    ("assess", .assess), ("adjacent", .adjacent),
  ]

  /// The names of the flags that are set, in file order.
  public var nameList: [String] { Self.names.filter { contains($0.flag) }.map(\.name) }

  public init(from decoder: Decoder) throws {
    let names = try decoder.singleValueContainer().decode([String].self)
    var flags = CueFlags()
    for name in names {
      guard let flag = Self.names.first(where: { $0.name == name })?.flag else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "unknown cue flag '\(name)'"))
      }
      flags.insert(flag)
    }
    self = flags
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(nameList)
  }
}

/// One entry of the cue lexicon: words that signal a claim type, or that modify the claims near
/// them (negators, hedges, intensifiers, likelihood and confidence words, reported speech).
///
/// The columns are those of `data/cues.tsv`, which documents them.
public struct Cue: Sendable, Hashable, Codable {
  /// The words, normalised (NFKC, lower case, single spaces): alternatives separated by `|`,
  /// gaps written ` ... `, an inflected word other than the default marked with a trailing `+`.
  public var text: String
  public var language: CueLanguage
  /// The claim type it signals; nil for a modifier or a blocker.
  public var type: ClaimType?
  /// Ladder level of a concern or condemnation cue; for an intensifier, the level it lifts to.
  public var level: Int?
  /// The likelihood it gives an attribution.
  public var band: AttributionBand?
  public var flags: CueFlags
  /// Claim types that a claim from this cue removes from its sentence (`drop=` in the file).
  public var drops: [ClaimType]
  public var note: String

  public init(
    text: String, language: CueLanguage, type: ClaimType? = nil, level: Int? = nil,
    band: AttributionBand? = nil, flags: CueFlags = [], drops: [ClaimType] = [], note: String = ""
  ) {
    self.text = Cue.normalize(text)
    self.language = language
    self.type = type
    self.level = level
    self.band = band
    self.flags = flags
    self.drops = drops.sorted()
    self.note = note
  }

  /// The columns of the lexicon file, in order.
  public static let columns = ["cue", "lang", "type", "level", "band", "flags", "note"]

  /// The cue as a row of the lexicon file (`-` for an empty column; the note may be empty).
  public var fields: [String] {
    var flagWords = flags.nameList
    if !drops.isEmpty { flagWords.append("drop=" + drops.map(\.rawValue).joined(separator: "+")) }
    // A tab or line break would split the row.
    func oneCell(_ text: String) -> String {
      String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
    return [
      oneCell(text), language.rawValue, type?.rawValue ?? "-", level.map(String.init) ?? "-",
      band?.rawValue ?? "-", flagWords.isEmpty ? "-" : flagWords.joined(separator: " "),
      oneCell(note),
    ]
  }

  /// Every surface form the cue matches (normalised), with inflections and spelling variants;
  /// gap parts joined by `" ... "`.
  public var surfaceForms: [String] {
    var result: [String] = []
    var seen: Set<String> = []
    for alternative in Cue.normalize(text).split(separator: "|") {
      let forms = CueInflection.forms(
        of: String(alternative), verb: flags.contains(.verb), noun: flags.contains(.noun))
      for form in forms where seen.insert(form).inserted { result.append(form) }
    }
    return result
  }

  /// Whether the cue signals a claim by itself (it has a type and is not an intensifier).
  public var makesClaims: Bool { type != nil && !flags.contains(.intensifier) }

  /// Cue text as it is matched: NFKC, lower case, whitespace collapsed, the gap marker (`...` or
  /// `…`) surrounded by single spaces, and no blanks around `|`.
  static func normalize(_ text: String) -> String {
    var normalized = NormalizedText(text).text
    normalized = normalized.replacingOccurrences(of: "...", with: " ... ")
    let alternatives = normalized.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.split(separator: " ").joined(separator: " ")
    }
    return alternatives.joined(separator: "|")
  }
}

/// A problem in the lexicon file or in one cue's columns.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The 1-based line of the file, or nil for a single cue (`lexicon add`).
  public var line: Int?
  public var message: String

  public init(line: Int? = nil, _ message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { line.map { "line \($0): \(message)" } ?? message }
}

/// The cue lexicon: the cues, and the matcher compiled from them.
///
/// The built-in lexicon is `data/cues.tsv`, embedded in the binary; sessions add cues to it with
/// `add` or `merged(with:)` and save their additions with `tsv()`.
public struct Lexicon: Sendable {
  /// The cues, in file order. Changing them compiles the matcher again.
  public var cues: [Cue] {
    didSet { matcher = CueMatcher(cues: cues) }
  }
  /// The cues compiled into one trie over the normalised UTF-8 bytes of all their forms.
  private(set) var matcher: CueMatcher

  public init(cues: [Cue] = []) {
    self.cues = cues
    matcher = CueMatcher(cues: cues)
  }

  /// A lexicon with no cues.
  public static let empty = Lexicon()

  /// The built-in lexicon, parsed once from the embedded `data/cues.tsv`.
  public static let standard: Lexicon = {
    do {
      return try Lexicon(tsv: String(cString: seimei_data_cues()))
    } catch {
      fatalError("the built-in cue lexicon (data/cues.tsv) is invalid: \(error)")
    }
  }()

  /// Parses a lexicon file: `#` comment lines and blank lines are skipped, the first other line
  /// must be the header row, and every further line is a cue.
  public init(tsv text: String) throws(LexiconError) {
    var cues: [Cue] = []
    var sawHeader = false
    var lineNumber = 0
    let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.count > 1 && lines.last?.isEmpty == true { lines.removeLast() }  // after the final LF
    for rawLine in lines {
      lineNumber += 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if !sawHeader {
        let header = fields.map { $0.trimmingBlanks().lowercased() }
        guard Array(header.prefix(6)) == Array(Cue.columns.prefix(6)),
          header.count <= 7, header.count == 6 || header[6] == "note"
        else {
          throw LexiconError(
            line: lineNumber,
            "expected the header row '\(Cue.columns.joined(separator: "\\t"))', found '\(line)'")
        }
        sawHeader = true
        continue
      }
      do throws(LexiconError) {
        cues.append(try Lexicon.parseCue(fields: fields))
      } catch {
        throw LexiconError(line: lineNumber, error.message)
      }
    }
    guard sawHeader else {
      throw LexiconError(
        line: max(lineNumber, 1), "no header row (\(Cue.columns.joined(separator: " ")))")
    }
    self.init(cues: cues)
  }

  /// Parses one cue from its columns (cue, lang, type, level, band, flags, and optionally note),
  /// as in the file. `-` or an empty column means none.
  public static func parseCue(fields: [String]) throws(LexiconError) -> Cue {
    guard fields.count == 6 || fields.count == 7 else {
      throw LexiconError(
        "expected 6 or 7 tab-separated columns (\(Cue.columns.joined(separator: ", "))), found \(fields.count)"
      )
    }
    func value(_ index: Int) -> String? {
      let field = fields[index].trimmingBlanks()
      return field.isEmpty || field == "-" ? nil : field
    }
    guard let rawText = value(0) else { throw LexiconError("empty cue") }
    let text = Cue.normalize(rawText)
    for alternative in text.split(separator: "|", omittingEmptySubsequences: false) {
      let words = alternative.split(separator: " ")
      if words.isEmpty { throw LexiconError("empty alternative in cue '\(rawText)'") }
      if words.first == "..." || words.last == "..." {
        throw LexiconError("a gap (...) must stand between words, in cue '\(rawText)'")
      }
    }
    guard let languageName = value(1), let language = CueLanguage(rawValue: languageName) else {
      throw LexiconError("unknown language '\(fields[1])' (en, ja or *)")
    }
    var type: ClaimType?
    if let typeName = value(2) {
      guard let parsed = ClaimType(rawValue: typeName) else {
        throw LexiconError(
          "unknown type '\(typeName)' (\(ClaimType.allCases.map(\.rawValue).joined(separator: ", ")) or -)"
        )
      }
      type = parsed
    }
    var level: Int?
    if let levelText = value(3) {
      guard let parsed = Int(levelText), (1...7).contains(parsed) else {
        throw LexiconError("level must be 1 to 7, found '\(levelText)'")
      }
      level = parsed
    }
    var band: AttributionBand?
    if let bandName = value(4) {
      guard let parsed = AttributionBand(rawValue: bandName) else {
        throw LexiconError(
          "unknown band '\(bandName)' (\(AttributionBand.allCases.map(\.rawValue).joined(separator: ", ")) or -)"
        )
      }
      band = parsed
    }
    var flags = CueFlags()
    var drops: [ClaimType] = []
    if let flagText = value(5) {
      let words = flagText.split(whereSeparator: { $0 == " " || $0 == "," })
      for word in words {
        if word.hasPrefix("drop=") {
          for name in word.dropFirst(5).split(separator: "+", omittingEmptySubsequences: false) {
            guard let dropped = ClaimType(rawValue: String(name)) else {
              throw LexiconError("unknown type '\(name)' in '\(word)'")
            }
            drops.append(dropped)
          }
          continue
        }
        guard let flag = CueFlags.names.first(where: { $0.name == word })?.flag else {
          throw LexiconError(
            "unknown flag '\(word)' (\(CueFlags.names.map(\.name).joined(separator: ", ")), drop=TYPE+TYPE)"
          )
        }
        flags.insert(flag)
      }
    }
    let note = fields.count == 7 ? fields[6].trimmingBlanks() : ""
    let cue = Cue(
      text: text, language: language, type: type, level: level, band: band, flags: flags,
      drops: drops, note: note)
    try validate(cue, rawText: rawText)
    return cue
  }

  /// Checks that the columns of a cue make sense together.
  private static func validate(_ cue: Cue, rawText: String) throws(LexiconError) {
    let leveled = cue.type?.hasLevel ?? false
    if cue.flags.contains(.intensifier) {
      guard leveled, cue.level != nil else {
        throw LexiconError(
          "an intensifier needs the type it strengthens (concern or condemnation) and the level it lifts to"
        )
      }
    } else if leveled && cue.level == nil {
      throw LexiconError("a \(cue.type!.rawValue) cue needs a level")
    } else if !leveled && cue.level != nil {
      throw LexiconError("only concern and condemnation cues (and intensifiers) have a level")
    }
    if let level = cue.level {
      if cue.type == .concern && !(1...4).contains(level) {
        throw LexiconError("a concern is level 1 to 4, found \(level)")
      }
      if cue.type == .condemnation && !(5...7).contains(level) {
        throw LexiconError("a condemnation is level 5 to 7, found \(level)")
      }
    }
    if cue.band != nil && cue.type != nil && cue.type != .attribution {
      throw LexiconError("only attribution cues and modifiers (type -) have a band")
    }
    if cue.flags.contains(.negationKeeps) && cue.flags.contains(.needsNegation) {
      throw LexiconError("negok and needneg contradict each other")
    }
    if cue.flags.contains(.post) && !cue.flags.contains(.intensifier) {
      throw LexiconError("post applies to intensifiers only")
    }
    if !cue.flags.isDisjoint(with: [.verb, .noun]) {
      let hasLatin = cue.text.unicodeScalars.contains { ("a"..."z").contains($0) }
      guard hasLatin else {
        throw LexiconError("v and n inflect English words only, in '\(rawText)'")
      }
    }
  }

  /// Adds a cue (after the others).
  public mutating func add(_ cue: Cue) {
    cues.append(cue)
  }

  /// This lexicon with the cues of `other` added; a cue of `other` with the same text, language
  /// and type as one of these replaces it.
  public func merged(with other: Lexicon) -> Lexicon {
    guard !other.cues.isEmpty else { return self }
    struct Key: Hashable {
      var text: String
      var language: CueLanguage
      var type: ClaimType?
    }
    let replaced = Set(other.cues.map { Key(text: $0.text, language: $0.language, type: $0.type) })
    var cues = self.cues.filter {
      !replaced.contains(Key(text: $0.text, language: $0.language, type: $0.type))
    }
    cues += other.cues
    return Lexicon(cues: cues)
  }

  /// The lexicon as a file that `init(tsv:)` reads back: a comment, the header row and one line
  /// per cue.
  public func tsv() -> String {
    var lines = [
      "# Seimei cue lexicon (format: see Sources/SeimeiData/data/cues.tsv).",
      Cue.columns.joined(separator: "\t"),
    ]
    for cue in cues { lines.append(cue.fields.joined(separator: "\t")) }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  fileprivate func trimmingBlanks() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
