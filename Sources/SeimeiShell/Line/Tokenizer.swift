/// Splits a command line into words, the way a POSIX shell does, reduced to what Seimei needs.
///
/// - Words are separated by blanks: space, tab and the ideographic space U+3000, so a Japanese
///   input method's full-width space separates words too.
/// - `'…'` quotes literally; `"…"` quotes with `\"` and `\\` as the only escapes.
/// - Outside quotes a backslash makes the next character literal (`\ `, `\#`, `\>`).
/// - `#` at the start of a word begins a comment that runs to the end of the line.
/// - Unquoted `>` and `>>` are redirection operators (see `CommandLineParser`).
public enum Tokenizer {
  /// Tokenises a complete line; an unterminated quote or a trailing backslash is an error.
  public static func tokenize(_ line: String) throws(TokenizeError) -> [Token] {
    let scan = scan(line)
    if let problem = scan.problem { throw problem }
    return scan.tokens
  }

  /// Tokenises as much as possible, never failing: what completion needs for a line being typed.
  /// The last token is left open when the line ends inside it (no blank after it).
  public static func scan(_ line: String) -> Scan {
    var tokens: [Token] = []
    var current = ""
    var currentStart: String.Index?
    var currentQuoted = false
    var quote: Character?
    var index = line.startIndex
    var problem: TokenizeError?

    func finish(at end: String.Index) {
      if let start = currentStart {
        tokens.append(Token(text: current, quoted: currentQuoted, range: start..<end))
      }
      current = ""
      currentStart = nil
      currentQuoted = false
    }

    while index < line.endIndex {
      let character = line[index]
      let next = line.index(after: index)
      if let open = quote {
        if character == open {
          quote = nil
        } else if open == "\"" && character == "\\" && next < line.endIndex
          && (line[next] == "\"" || line[next] == "\\")
        {
          current.append(line[next])
          index = line.index(after: next)
          continue
        } else {
          current.append(character)
        }
        index = next
        continue
      }
      if isBlank(character) {
        finish(at: index)
      } else if character == "#" && currentStart == nil {
        break
      } else if character == "'" || character == "\"" {
        if currentStart == nil { currentStart = index }
        currentQuoted = true
        quote = character
      } else if character == "\\" {
        if currentStart == nil { currentStart = index }
        guard next < line.endIndex else {
          problem = .danglingEscape
          index = next
          break
        }
        current.append(line[next])
        currentQuoted = true
        index = line.index(after: next)
        continue
      } else if character == ">" {
        finish(at: index)
        var end = next
        if end < line.endIndex && line[end] == ">" { end = line.index(after: end) }
        tokens.append(
          Token(
            text: String(line[index..<end]), quoted: false, range: index..<end, isOperator: true)
        )
        index = end
        continue
      } else {
        if currentStart == nil { currentStart = index }
        current.append(character)
      }
      index = next
    }
    let openQuote = quote
    if let openQuote { problem = .unterminatedQuote(openQuote) }
    let lineEndsInWord = currentStart != nil
    finish(at: index)
    return Scan(
      tokens: tokens, problem: problem, lastTokenIsOpen: lineEndsInWord, openQuote: openQuote)
  }

  static func isBlank(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\u{3000}" || character == "\n"
      || character == "\r"
  }

  /// The result of a lenient scan.
  public struct Scan: Sendable {
    public var tokens: [Token]
    public var problem: TokenizeError?
    /// True when the line ends inside the last token (the word being typed).
    public var lastTokenIsOpen: Bool
    /// The quote character left open at the end of the line, if any.
    public var openQuote: Character?
  }
}

/// One word of a command line, with quotes and escapes removed.
public struct Token: Equatable, Sendable {
  public var text: String
  /// True when any part of the word was quoted or escaped (so `">"` is a word, not an operator).
  public var quoted: Bool
  /// Where the word stands in the line, quotes included.
  public var range: Range<String.Index>
  /// True for the redirection operators `>` and `>>`.
  public var isOperator: Bool

  public init(text: String, quoted: Bool, range: Range<String.Index>, isOperator: Bool = false) {
    self.text = text
    self.quoted = quoted
    self.range = range
    self.isOperator = isOperator
  }
}

public enum TokenizeError: Error, Equatable, Sendable, CustomStringConvertible {
  case unterminatedQuote(Character)
  case danglingEscape

  public var description: String {
    switch self {
    case .unterminatedQuote(let quote):
      return "unterminated quote: \(quote) is opened but never closed"
    case .danglingEscape:
      return "a backslash at the end of the line escapes nothing"
    }
  }
}
