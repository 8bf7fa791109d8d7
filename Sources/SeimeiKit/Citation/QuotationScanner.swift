/// A quotation found in a draft: what `verify` checks against the statements.
public struct DraftQuotation: Sendable, Equatable {
  /// The text inside the marks, exactly as written (nested quotation marks included).
  public var text: String
  /// The opening mark: “ " ＂ 「 『 ‘ 〝.
  public var open: String
  /// 1-based line of the opening mark.
  public var line: Int
  /// 1-based column of the opening mark, in characters (grapheme clusters).
  public var column: Int
  /// The range of the inner text in the draft, in Unicode-scalar offsets.
  public var range: TextRange

  public init(text: String, open: String, line: Int, column: Int, range: TextRange) {
    self.text = text
    self.open = open
    self.line = line
    self.column = column
    self.range = range
  }
}

/// Finds the quotations in a draft (an article, a briefing note) for `verify`.
///
/// **Marks.** A quotation is the text between
/// - “ and ”, 「 and 」, 『 and 』, 〝 and 〟 (or 〞): each opening mark is closed by its own
///   closing mark, counting nested pairs of the same kind;
/// - " and the next ", or ＂ and the next ＂ (straight marks pair up in order);
/// - ‘ and ’, where the ‘ is not right after a letter or digit and is followed by a non-blank,
///   and the ’ follows a non-blank and is not followed by a letter or digit: so the apostrophe
///   in “government’s” or “don’t” never closes a quotation. (A possessive plural, “the
///   ministries’ view”, can still end one early.) Straight single quotes are not quotation
///   marks: in English text they are nearly always apostrophes.
///
/// **Nesting.** A quotation inside another (『』 inside 「」, ‘’ or 「」 inside “”) belongs to the
/// outer one: it is the statement's own quotation marks, re-marked, or the speaker quoting
/// someone, and it is checked as part of the outer quotation (`QuoteMatcher` folds quotation
/// marks). It is not reported separately.
///
/// **Unbalanced marks.** A quotation never runs past the end of its paragraph: a blank line, a
/// paragraph or page separator (U+2029, form feed), or a line that starts a list item, a
/// numbered point or a Markdown heading (the forms `Segmenter`'s paragraphs use). An opening
/// mark without its closing mark in the paragraph is skipped, and the scan goes on right after
/// it, so an unclosed quotation swallows nothing; a stray closing mark is ignored. A single line
/// break does not end a quotation: drafts are often hard-wrapped.
///
/// **Short quotations.** Scare quotes and names in brackets (“hackers”, 「KX-22」) would swamp a
/// verification table, so by default a quotation is reported only if it has at least two words
/// (`minimumWords`: runs of letters and digits, joined by internal apostrophes, hyphens and
/// full stops, so “KX-22” and “U.S.” are one word each), or, when it has any CJK characters,
/// at least four letters and digits (`minimumCJKCharacters`: 「強い懸念」 is reported,
/// 「懸念」 is not). Empty and blank quotations are never reported. Pass `includingShort` to
/// check every quotation.
public enum QuotationScanner {
  /// Words a quotation without CJK characters needs to be reported.
  public static let minimumWords = 2
  /// Letters and digits a quotation with CJK characters needs to be reported.
  public static let minimumCJKCharacters = 4

  /// Quotations in a draft, in text order. See `QuotationScanner` for the rules.
  public static func quotations(in text: String, includingShort: Bool = false)
    -> [DraftQuotation]
  {
    let characters = Array(text)
    guard !characters.isEmpty else { return [] }
    let paragraphs = paragraphNumbers(characters)
    // Scalar offset, line and column of each character.
    var offsets: [Int] = []
    var lines: [Int] = []
    var columns: [Int] = []
    offsets.reserveCapacity(characters.count + 1)
    var offset = 0
    var line = 1
    var column = 1
    for character in characters {
      offsets.append(offset)
      lines.append(line)
      columns.append(column)
      offset += character.unicodeScalars.count
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    offsets.append(offset)

    var result: [DraftQuotation] = []
    var index = 0
    while index < characters.count {
      guard let close = closing(of: index, characters, paragraphs) else {
        index += 1
        continue
      }
      let inner = String(characters[(index + 1)..<close])
      if includingShort ? !isBlank(inner) : isWorthChecking(inner) {
        result.append(
          DraftQuotation(
            text: inner, open: String(characters[index]), line: lines[index],
            column: columns[index], range: TextRange(offsets[index + 1], offsets[close])))
      }
      index = close + 1
    }
    return result
  }

  /// The index of the mark that closes the quotation opened at `index`, in the same paragraph;
  /// nil when the character there opens none or it is not closed.
  private static func closing(of index: Int, _ characters: [Character], _ paragraphs: [Int])
    -> Int?
  {
    let mark = characters[index]
    let closers: Set<Character>
    switch mark {
    case "“": closers = ["”"]
    case "「": closers = ["」"]
    case "『": closers = ["』"]
    case "〝": closers = ["〟", "〞"]
    case "\"", "＂": closers = [mark]
    case "‘":
      guard isSingleOpening(index, characters) else { return nil }
      closers = ["’"]
    default: return nil
    }
    let nests = mark != "\"" && mark != "＂"
    var depth = 0
    var position = index + 1
    while position < characters.count && paragraphs[position] == paragraphs[index] {
      let character = characters[position]
      if nests && character == mark && (mark != "‘" || isSingleOpening(position, characters)) {
        depth += 1
      } else if closers.contains(character)
        && (mark != "‘" || isSingleClosing(position, characters))
      {
        if depth == 0 { return position }
        depth -= 1
      }
      position += 1
    }
    return nil
  }

  /// ‘ opens a quotation when it does not follow a letter or digit and a non-blank follows it.
  private static func isSingleOpening(_ index: Int, _ characters: [Character]) -> Bool {
    if index > 0 && isLetterOrDigit(characters[index - 1]) { return false }
    return index + 1 < characters.count && !characters[index + 1].isWhitespace
  }

  /// ’ closes a quotation when it follows a non-blank and no letter or digit follows it.
  private static func isSingleClosing(_ index: Int, _ characters: [Character]) -> Bool {
    guard index > 0, !characters[index - 1].isWhitespace else { return false }
    return index + 1 == characters.count || !isLetterOrDigit(characters[index + 1])
  }

  private static func isLetterOrDigit(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

  /// At least `minimumWords` words, or with CJK characters at least `minimumCJKCharacters`
  /// letters and digits.
  static func isWorthChecking(_ text: String) -> Bool {
    var lettersAndDigits = 0
    var words = 0
    var hasCJK = false
    var inWord = false
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if isLetterOrDigit(character) {
        lettersAndDigits += 1
        if !inWord { words += 1 }
        inWord = true
        if let scalar = character.unicodeScalars.first, QuoteFolding.isCJK(scalar.value) {
          hasCJK = true
        }
      } else if inWord && "'’-.‐".contains(character) && index + 1 < characters.count
        && isLetterOrDigit(characters[index + 1])
      {
        continue  // inside a word: government’s, KX-22, U.S.
      } else {
        inWord = false
      }
    }
    return hasCJK ? lettersAndDigits >= minimumCJKCharacters : words >= minimumWords
  }

  /// A paragraph number for each character: it changes at a blank line, at U+2029 or a form
  /// feed, and before a line that starts a list item, numbered point or heading.
  static func paragraphNumbers(_ characters: [Character]) -> [Int] {
    var numbers = [Int](repeating: 0, count: characters.count)
    var paragraph = 0
    var lineStart = 0
    while lineStart < characters.count {
      var lineEnd = lineStart
      while lineEnd < characters.count && !characters[lineEnd].isNewline { lineEnd += 1 }
      let line = characters[lineStart..<lineEnd]
      let content = line.drop { $0.isWhitespace }
      if content.isEmpty {
        paragraph += 1
      } else {
        let units = Array(String(content).utf16)
        if LineMarkers.length(units, 0, units.count) != nil
          || LineMarkers.isBullet(units, 0, units.count)
          || LineMarkers.isHashHeading(units, 0, units.count)
        {
          paragraph += 1
        }
      }
      for position in lineStart..<min(lineEnd + 1, characters.count) {
        numbers[position] = paragraph
      }
      if lineEnd < characters.count
        && (characters[lineEnd] == "\u{2029}" || characters[lineEnd] == "\u{0C}")
      {
        paragraph += 1
      }
      lineStart = lineEnd + 1
    }
    return numbers
  }
}
