/// Markdown made into plain text fit for quoting: the words stay, the markup goes.
///
/// This is a light line-by-line conversion, not a CommonMark renderer:
/// - heading markers (`# `, closing `#`s, setext underlines) are removed, and thematic breaks
///   become blank lines;
/// - emphasis (`*`, `_`, `**`, `__`, `***`) and inline code backticks are removed, the text kept;
/// - links `[text](url)` and `[text][ref]` become their text, autolinks `<https://…>` their URL;
///   images are dropped, and so are link reference definitions;
/// - fenced code keeps its lines verbatim without the fences;
/// - block quote markers `> ` are removed; list markers (`- `, `* `, `1. `) are kept as written;
/// - HTML comments are removed; backslash escapes give the character;
/// - trailing blanks are trimmed, and blank lines are kept as paragraph breaks (several in a row
///   become one, outside code).
///
/// Emphasis delimiters are only taken as such when they can open or close (not followed,
/// respectively preceded, by a blank) and never between two ASCII letters or digits, so
/// `snake_case`, `5 * 3` and `2*3*4` are left alone while `これは**重要**です` loses its markup.
public enum MarkdownText {
  /// The plain text of a Markdown document.
  public static func plainText(_ markdown: String) -> String {
    var output: [(line: String, isCode: Bool)] = []
    var fence: (character: Unicode.Scalar, length: Int, quoteDepth: Int)?
    var inComment = false

    for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = Array(rawLine.unicodeScalars)
      if line.last == "\r" { line.removeLast() }

      if let open = fence {
        var content = line
        if open.quoteDepth > 0 { content = stripQuotes(content, maximum: open.quoteDepth).line }
        if isClosingFence(content, open.character, open.length) {
          fence = nil
        } else {
          output.append((string(content), true))
        }
        continue
      }

      let wasBlank = line.allSatisfy(isBlank)
      line = removeComments(line, inComment: &inComment)
      if !wasBlank && line.allSatisfy(isBlank) { continue }  // the line was only a comment

      let (unquoted, depth) = stripQuotes(line, maximum: Int.max)
      line = unquoted
      if let opening = openingFence(line) {
        fence = (opening.character, opening.length, depth)
        continue
      }
      if isThematicBreakOrUnderline(line) {
        output.append(("", false))
        continue
      }
      if isReferenceDefinition(line) { continue }
      output.append((convertLine(line), false))
    }

    // Blank lines: one between paragraphs, none at either end.
    var lines: [String] = []
    for (line, isCode) in output {
      if !isCode && line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
      lines.append(line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  private typealias Scalars = [Unicode.Scalar]

  // MARK: - Blocks

  private static func convertLine(_ line: Scalars) -> String {
    var index = 0
    while index < line.count && index < 3 && line[index] == " " { index += 1 }
    // ATX heading: 1–6 #, then a blank or the end.
    var hashes = 0
    while index + hashes < line.count && line[index + hashes] == "#" { hashes += 1 }
    if (1...6).contains(hashes)
      && (index + hashes == line.count || isBlank(line[index + hashes]))
    {
      var content = Array(line[(index + hashes)...])
      content = trimmed(content)
      // An optional closing sequence of #s after a blank.
      var end = content.count
      while end > 0 && content[end - 1] == "#" { end -= 1 }
      if end == 0 {
        content = []
      } else if end < content.count && isBlank(content[end - 1]) {
        content = trimmed(Array(content[..<end]))
      }
      return string(trimmed(inline(content)))
    }
    // List markers are kept as written; the rest of the line is converted.
    let marker = listMarkerLength(line)
    let prefix = Array(line[..<marker])
    let rest = inline(Array(line[marker...]))
    return string(trimmedTrailing(prefix + rest))
  }

  /// The length of a list item's indentation, marker and following blanks, or 0.
  private static func listMarkerLength(_ line: Scalars) -> Int {
    var index = 0
    while index < line.count && isBlank(line[index]) { index += 1 }
    let start = index
    if index < line.count && ["-", "*", "+"].contains(line[index]) {
      index += 1
    } else {
      while index < line.count && index - start < 9 && isASCIIDigit(line[index]) { index += 1 }
      guard index > start, index < line.count, line[index] == "." || line[index] == ")" else {
        return 0
      }
      index += 1
    }
    guard index < line.count, isBlank(line[index]) else { return 0 }
    while index < line.count && isBlank(line[index]) { index += 1 }
    return index
  }

  /// Removes up to `maximum` levels of `>` markers, each with one following blank.
  private static func stripQuotes(_ line: Scalars, maximum: Int) -> (line: Scalars, depth: Int) {
    var index = 0
    var depth = 0
    while depth < maximum {
      var probe = index
      while probe < line.count && probe - index < 3 && line[probe] == " " { probe += 1 }
      guard probe < line.count, line[probe] == ">" else { break }
      index = probe + 1
      if index < line.count && isBlank(line[index]) { index += 1 }
      depth += 1
    }
    return (Array(line[index...]), depth)
  }

  private static func openingFence(_ line: Scalars) -> (character: Unicode.Scalar, length: Int)? {
    var index = 0
    while index < line.count && index < 3 && line[index] == " " { index += 1 }
    guard index < line.count, line[index] == "`" || line[index] == "~" else { return nil }
    let character = line[index]
    var length = 0
    while index + length < line.count && line[index + length] == character { length += 1 }
    guard length >= 3 else { return nil }
    // A backtick fence's info string cannot contain backticks.
    if character == "`" && line[(index + length)...].contains("`") { return nil }
    return (character, length)
  }

  private static func isClosingFence(_ line: Scalars, _ character: Unicode.Scalar, _ length: Int)
    -> Bool
  {
    var index = 0
    while index < line.count && index < 3 && line[index] == " " { index += 1 }
    var count = 0
    while index < line.count && line[index] == character {
      count += 1
      index += 1
    }
    return count >= length && line[index...].allSatisfy(isBlank)
  }

  /// `***`, `---`, `___` (blanks allowed between) or a setext underline `===`.
  private static func isThematicBreakOrUnderline(_ line: Scalars) -> Bool {
    let content = line.filter { !isBlank($0) }
    guard let first = content.first, ["-", "*", "_", "="].contains(first) else { return false }
    guard content.allSatisfy({ $0 == first }) else { return false }
    var leading = 0
    while leading < line.count && line[leading] == " " { leading += 1 }
    guard leading < 4 else { return false }
    // "-" or "--" alone are text or an empty list item, not a rule.
    return first == "=" || content.count >= 3
  }

  /// `[label]: destination "optional title"`, but not footnotes (`[^1]: …`).
  private static func isReferenceDefinition(_ line: Scalars) -> Bool {
    var index = 0
    while index < line.count && index < 3 && line[index] == " " { index += 1 }
    guard index < line.count, line[index] == "[",
      index + 1 < line.count, line[index + 1] != "^",
      let close = line[index...].firstIndex(of: "]"), close > index + 1,
      close + 1 < line.count, line[close + 1] == ":"
    else { return false }
    let rest = trimmed(Array(line[(close + 2)...]))
    guard !rest.isEmpty else { return false }
    let destination = rest.prefix { !isBlank($0) }
    let title = trimmed(Array(rest.dropFirst(destination.count)))
    return title.isEmpty || ["\"", "'", "("].contains(title[0])
  }

  /// Removes `<!-- … -->`, which may span lines.
  private static func removeComments(_ line: Scalars, inComment: inout Bool) -> Scalars {
    var result: Scalars = []
    var index = 0
    let open: Scalars = ["<", "!", "-", "-"]
    let close: Scalars = ["-", "-", ">"]
    while index < line.count {
      if inComment {
        guard let end = find(close, in: line, from: index) else { return result }
        index = end + close.count
        inComment = false
      } else if let start = find(open, in: line, from: index) {
        result += line[index..<start]
        index = start + open.count
        inComment = true
      } else {
        result += line[index...]
        break
      }
    }
    return result
  }

  // MARK: - Inline

  private enum Piece {
    /// Text that emphasis may not touch (code, escapes, converted links).
    case literal(String)
    case text(Unicode.Scalar)
    /// A run of `*` or `_`: how many are left, and whether it can open or close emphasis.
    case delimiter(character: Unicode.Scalar, count: Int, canOpen: Bool, canClose: Bool)
  }

  private static func inline(_ line: Scalars) -> Scalars {
    var pieces: [Piece] = []
    var index = 0
    while index < line.count {
      let scalar = line[index]
      switch scalar {
      case "\\" where index + 1 < line.count && isASCIIPunctuation(line[index + 1]):
        pieces.append(.literal(String(line[index + 1])))
        index += 2
      case "`":
        var run = 0
        while index + run < line.count && line[index + run] == "`" { run += 1 }
        if let close = closingBackticks(line, from: index + run, length: run) {
          var code = Array(line[(index + run)..<close])
          if code.count >= 2 && code.first == " " && code.last == " "
            && !code.allSatisfy({ $0 == " " })
          {
            code = Array(code.dropFirst().dropLast())
          }
          pieces.append(.literal(string(code)))
          index = close + run
        } else {
          pieces.append(.literal(String(repeating: "`", count: run)))
          index += run
        }
      case "!" where index + 1 < line.count && line[index + 1] == "[":
        if let (_, end) = link(line, at: index + 1) {
          index = end  // images are dropped
        } else {
          pieces.append(.text(scalar))
          index += 1
        }
      case "[":
        if let (text, end) = link(line, at: index) {
          pieces.append(.literal(string(inline(text))))
          index = end
        } else {
          pieces.append(.text(scalar))
          index += 1
        }
      case "<":
        if let end = line[index...].firstIndex(of: ">"), isAutolink(Array(line[(index + 1)..<end]))
        {
          pieces.append(.literal(string(Array(line[(index + 1)..<end]))))
          index = end + 1
        } else {
          pieces.append(.text(scalar))
          index += 1
        }
      case "*", "_":
        var run = 0
        while index + run < line.count && line[index + run] == scalar { run += 1 }
        let before: Unicode.Scalar? = index > 0 ? line[index - 1] : nil
        let after: Unicode.Scalar? = index + run < line.count ? line[index + run] : nil
        let intraword =
          before.map(isASCIIAlphanumeric) == true
          && after.map(isASCIIAlphanumeric) == true
        let canOpen = !intraword && after.map { !isBlank($0) } == true
        let canClose = !intraword && before.map { !isBlank($0) } == true
        pieces.append(
          .delimiter(character: scalar, count: run, canOpen: canOpen, canClose: canClose))
        index += run
      default:
        pieces.append(.text(scalar))
        index += 1
      }
    }
    return render(matchEmphasis(pieces))
  }

  /// Pairs openers and closers of the same character, removing the matched delimiters.
  private static func matchEmphasis(_ pieces: [Piece]) -> [Piece] {
    var pieces = pieces
    var openers: [Int] = []
    for index in pieces.indices {
      guard case .delimiter(let character, var count, let canOpen, let canClose) = pieces[index]
      else { continue }
      if canClose {
        while count > 0,
          let position = openers.lastIndex(where: { opener in
            if case .delimiter(character, _, _, _) = pieces[opener] { return true }
            return false
          })
        {
          guard case .delimiter(_, let openCount, _, _) = pieces[openers[position]] else { break }
          let used = min(openCount, count)
          count -= used
          pieces[openers[position]] = .delimiter(
            character: character, count: openCount - used, canOpen: true, canClose: false)
          // Openers inside the matched span can no longer match.
          openers.removeSubrange((position + 1)...)
          if openCount - used == 0 { openers.remove(at: position) }
        }
        pieces[index] = .delimiter(
          character: character, count: count, canOpen: canOpen, canClose: canClose)
      }
      if canOpen && count > 0 { openers.append(index) }
    }
    return pieces
  }

  private static func render(_ pieces: [Piece]) -> Scalars {
    var result: Scalars = []
    for piece in pieces {
      switch piece {
      case .literal(let text): result += text.unicodeScalars
      case .text(let scalar): result.append(scalar)
      case .delimiter(let character, let count, _, _):
        result += repeatElement(character, count: count)
      }
    }
    return result
  }

  /// A link or image body at `[`: `[text](destination)`, `[text][ref]` or `[text][]`. Returns
  /// the text and the index after the link.
  private static func link(_ line: Scalars, at start: Int) -> (Scalars, Int)? {
    guard let close = matching(line, from: start, open: "[", close: "]") else { return nil }
    let text = Array(line[(start + 1)..<close])
    let after = close + 1
    guard after < line.count else { return nil }
    if line[after] == "(" {
      guard let end = matching(line, from: after, open: "(", close: ")") else { return nil }
      return (text, end + 1)
    }
    if line[after] == "[" {
      guard let end = line[after...].firstIndex(of: "]") else { return nil }
      return (text, end + 1)
    }
    return nil
  }

  /// The index of the bracket closing the one at `start`, nesting and escapes considered.
  private static func matching(
    _ line: Scalars, from start: Int, open: Unicode.Scalar, close: Unicode.Scalar
  ) -> Int? {
    var depth = 0
    var index = start
    while index < line.count {
      let scalar = line[index]
      if scalar == "\\" {
        index += 2
        continue
      }
      if scalar == open { depth += 1 }
      if scalar == close {
        depth -= 1
        if depth == 0 { return index }
      }
      index += 1
    }
    return nil
  }

  private static func closingBackticks(_ line: Scalars, from start: Int, length: Int) -> Int? {
    var index = start
    while index < line.count {
      guard line[index] == "`" else {
        index += 1
        continue
      }
      var run = 0
      while index + run < line.count && line[index + run] == "`" { run += 1 }
      if run == length { return index }
      index += run
    }
    return nil
  }

  private static func isAutolink(_ content: Scalars) -> Bool {
    let text = string(content)
    guard !content.contains(where: isBlank) else { return false }
    return ["http://", "https://", "mailto:", "ftp://"].contains { text.lowercased().hasPrefix($0) }
  }

  // MARK: - Scalars

  private static func find(_ needle: Scalars, in line: Scalars, from start: Int) -> Int? {
    guard needle.count <= line.count else { return nil }
    var index = start
    while index + needle.count <= line.count {
      if line[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t"
  }

  private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
    default: false
    }
  }

  private static func trimmed(_ scalars: Scalars) -> Scalars {
    guard let first = scalars.firstIndex(where: { !isBlank($0) }),
      let last = scalars.lastIndex(where: { !isBlank($0) })
    else { return [] }
    return Array(scalars[first...last])
  }

  private static func trimmedTrailing(_ scalars: Scalars) -> Scalars {
    guard let last = scalars.lastIndex(where: { !isBlank($0) }) else { return [] }
    return Array(scalars[...last])
  }

  private static func string(_ scalars: Scalars) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}
