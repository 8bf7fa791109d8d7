/// Metadata at the head of a text or Markdown file, as simple `key: value` lines between `---`
/// lines:
///
///     ---
///     title: 外務報道官談話
///     date: 2024-05-01
///     ---
///
///     本文…
///
/// This is the flat subset of YAML front matter that statement files need, not YAML: each line
/// is one field, split at its first colon; keys are trimmed and lowercased; values are trimmed
/// and lose one pair of surrounding quotes (`"…"` or `'…'`). Blank lines, `#` comments, and
/// indented or `- ` lines (YAML lists and nested values, which this reader skips) are ignored;
/// any other line without a colon means the block is not front matter after all (a Markdown
/// text that merely begins with a `---` rule).
public struct FrontMatter: Sendable, Equatable {
  /// The fields in the order written, duplicates included.
  public var fields: [Field]

  /// One `key: value` line.
  public struct Field: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  public init(fields: [Field] = []) {
    self.fields = fields
  }

  /// The value of the first field with this key (given lowercased).
  public subscript(key: String) -> String? {
    fields.first { $0.key == key }?.value
  }

  /// Splits a text into its front matter and body.
  ///
  /// A block starts only with a first line that is exactly `---` and ends at the next line that
  /// is `---` or `...` (trailing blanks allowed on both). Without such a closing line there is
  /// no front matter. The body is then the text after the closing line with its leading blank
  /// lines removed; without front matter it is the whole text, unchanged.
  ///
  /// - Returns: The front matter, the body, and the body's offset in `text` in Unicode scalars.
  public static func split(_ text: String) -> (
    frontMatter: FrontMatter?, body: String, bodyOffset: Int
  ) {
    let scalars = text.unicodeScalars
    var lines: [Substring.UnicodeScalarView] = []
    var position = scalars.startIndex
    var offset = 0
    var closed = false
    while position < scalars.endIndex {
      let (line, next, length) = nextLine(scalars, from: position)
      position = next
      offset += length
      if lines.isEmpty && !isMarker(line, ["---"]) {
        return (nil, text, 0)
      }
      if !lines.isEmpty && isMarker(line, ["---", "..."]) {
        closed = true
        break
      }
      lines.append(line)
    }
    guard closed else { return (nil, text, 0) }

    var fields: [Field] = []
    for line in lines.dropFirst() {
      let content = String(String.UnicodeScalarView(line))
      if let field = parseField(content) {
        fields.append(field)
      } else if !isIgnorable(content) {
        return (nil, text, 0)
      }
    }

    // The body starts after its leading blank lines.
    while position < scalars.endIndex {
      let (line, next, length) = nextLine(scalars, from: position)
      guard line.allSatisfy(isBlank) else { break }
      position = next
      offset += length
    }
    return (FrontMatter(fields: fields), String(scalars[position...]), offset)
  }

  /// The line starting at `start` without its line break, the start of the next line, and the
  /// line's length in scalars with its line break.
  private static func nextLine(_ scalars: String.UnicodeScalarView, from start: String.Index)
    -> (Substring.UnicodeScalarView, String.Index, Int)
  {
    var end = start
    var length = 0
    while end < scalars.endIndex && scalars[end] != "\n" {
      end = scalars.index(after: end)
      length += 1
    }
    var line = scalars[start..<end]
    if line.last == "\r" { line = line.dropLast() }
    let next = end < scalars.endIndex ? scalars.index(after: end) : end
    return (line, next, end < scalars.endIndex ? length + 1 : length)
  }

  private static func isMarker(_ line: Substring.UnicodeScalarView, _ markers: [String]) -> Bool {
    var trimmed = line
    while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
    let string = String(String.UnicodeScalarView(trimmed))
    return markers.contains(string)
  }

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{3000}"
  }

  /// Lines that are not fields but do not make the block something else: blank lines,
  /// comments, and the indented or `- ` lines of YAML values this reader does not take.
  private static func isIgnorable(_ line: String) -> Bool {
    let trimmed = trim(line)
    return trimmed.isEmpty || trimmed.hasPrefix("#") || line.hasPrefix(" ") || line.hasPrefix("\t")
      || trimmed == "-" || trimmed.hasPrefix("- ")
  }

  private static func parseField(_ line: String) -> Field? {
    let trimmed = trim(line)
    guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !line.hasPrefix(" "), !line.hasPrefix("\t"),
      !trimmed.hasPrefix("- "), let colon = trimmed.firstIndex(of: ":")
    else { return nil }
    let key = trim(String(trimmed[..<colon])).lowercased()
    guard !key.isEmpty else { return nil }
    var value = trim(String(trimmed[trimmed.index(after: colon)...]))
    for quote: Character in ["\"", "'"] where value.count >= 2 {
      if value.first == quote && value.last == quote {
        value = String(value.dropFirst().dropLast())
        break
      }
    }
    return Field(key: key, value: value)
  }

  private static func trim(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isBlank($0) }),
      let last = scalars.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
