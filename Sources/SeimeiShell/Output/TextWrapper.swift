import SeimeiKit

/// Wraps text to a display width: English breaks at spaces, Japanese and Chinese between any
/// two characters, but never before closing punctuation (、。」) or after an opening bracket
/// (「), and never inside a character.
public enum TextWrapper {
  /// Lines of at most `width` columns (a word longer than the width is cut where it must be).
  public static func wrap(_ text: String, width: Int?) -> [String] {
    guard let width, width > 0 else { return [text] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for unit in units(of: text) {
      let unitWidth = DisplayWidth.of(unit)
      if unit.allSatisfy(\.isWhitespace) {
        // Blanks are kept as they are (an ideographic space after a numbered point stays one),
        // except at the start or end of a line.
        if lineWidth > 0 && lineWidth + unitWidth <= width {
          line += unit
          lineWidth += unitWidth
        }
        continue
      }
      if lineWidth + unitWidth > width && lineWidth > 0 {
        while line.last?.isWhitespace == true { line.removeLast() }
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      if unitWidth > width {
        // A word wider than the whole line: cut it by characters.
        for character in unit {
          let columns = DisplayWidth.of(character)
          if lineWidth + columns > width && lineWidth > 0 {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
          line.append(character)
          lineWidth += columns
        }
        continue
      }
      line += unit
      lineWidth += unitWidth
    }
    while line.last?.isWhitespace == true { line.removeLast() }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Unbreakable pieces: Latin words, single blanks (a line break becomes a space), single wide
  /// characters with the punctuation that may not start a line attached.
  static func units(of text: String) -> [String] {
    var units: [String] = []
    var word = ""
    func flush() {
      if !word.isEmpty { units.append(word) }
      word = ""
    }
    for character in text {
      if character.isWhitespace {
        flush()
        units.append(character.isNewline ? " " : String(character))
      } else if isCJK(character) || noLineStart.contains(character) || noLineEnd.contains(character)
      {
        if noLineStart.contains(character), !word.isEmpty || !units.isEmpty {
          // Attach to what comes before.
          if word.isEmpty, let last = units.last, last != " " {
            units[units.count - 1] = last + String(character)
          } else {
            word.append(character)
          }
          continue
        }
        flush()
        if let last = units.last, let lastCharacter = last.last, noLineEnd.contains(lastCharacter) {
          units[units.count - 1] = last + String(character)
        } else {
          units.append(String(character))
        }
      } else {
        if let last = units.last, let lastCharacter = last.last, noLineEnd.contains(lastCharacter),
          word.isEmpty
        {
          units.removeLast()
          word = last
        }
        word.append(character)
      }
    }
    flush()
    return units
  }

  static func isCJK(_ character: Character) -> Bool {
    DisplayWidth.of(character) == 2
  }

  static let noLineStart: Set<Character> = Set(
    "、。，．,.・：；？！!?)]}）］｝〕〉》」』】〙〗ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
  static let noLineEnd: Set<Character> = Set("([{（［｛〔〈《「『【〘〖")
}
