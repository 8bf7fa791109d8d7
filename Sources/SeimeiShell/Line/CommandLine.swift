/// A tokenised command line: the command word, its arguments and an optional output redirection.
public struct ParsedLine: Equatable, Sendable {
  public var command: String
  public var arguments: [String]
  public var redirect: Redirect?

  public init(command: String, arguments: [String], redirect: Redirect? = nil) {
    self.command = command
    self.arguments = arguments
    self.redirect = redirect
  }

  /// Where a command's output goes instead of the terminal: `> FILE` or `>> FILE`.
  public struct Redirect: Equatable, Sendable {
    public var path: String
    public var append: Bool

    public init(path: String, append: Bool) {
      self.path = path
      self.append = append
    }
  }

  /// Parses a line; returns nil for a blank or comment-only line.
  public static func parse(_ line: String) throws(LineError) -> ParsedLine? {
    let tokens: [Token]
    do {
      tokens = try Tokenizer.tokenize(line)
    } catch {
      throw .tokenize(error)
    }
    var words = tokens
    var redirect: Redirect?
    if let operatorIndex = words.firstIndex(where: \.isOperator) {
      let op = words[operatorIndex].text
      guard operatorIndex == words.count - 2, !words[operatorIndex + 1].isOperator else {
        throw operatorIndex == words.count - 1 ? .missingRedirectTarget(op) : .redirectNotLast(op)
      }
      redirect = Redirect(path: words[operatorIndex + 1].text, append: op == ">>")
      words.removeLast(2)
    }
    guard let first = words.first else {
      if redirect != nil { throw .missingCommand }
      return nil
    }
    return ParsedLine(
      command: first.text, arguments: words.dropFirst().map(\.text), redirect: redirect)
  }
}

public enum LineError: Error, Equatable, Sendable, CustomStringConvertible {
  case tokenize(TokenizeError)
  case missingRedirectTarget(String)
  case redirectNotLast(String)
  case missingCommand

  public var description: String {
    switch self {
    case .tokenize(let error): return error.description
    case .missingRedirectTarget(let op): return "'\(op)' needs a file name after it"
    case .redirectNotLast(let op):
      return "'\(op) FILE' must end the line (quote '\(op)' to use it as a word)"
    case .missingCommand: return "a redirection needs a command before it"
    }
  }
}
