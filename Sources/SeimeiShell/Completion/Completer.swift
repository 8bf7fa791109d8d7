import Foundation

/// What a command's completion hook is told about the line being typed.
public struct CompletionContext: Sendable {
  /// Arguments typed before the word being completed (quotes removed).
  public var arguments: [String]
  /// The positional arguments among them.
  public var positionals: [String]
  /// The index, among the positionals, of the word being completed.
  public var positionalIndex: Int
  /// The word being completed, as far as it is typed.
  public var word: String
}

/// A possible completion of the word being typed.
public struct CompletionCandidate: Equatable, Sendable {
  /// The word as it should stand on the line (escaped where needed).
  public var replacement: String
  /// The word as listed to the user.
  public var display: String
  /// Whether a completed word is followed by a space (not for a folder, which goes on).
  public var isComplete: Bool

  public init(replacement: String, display: String, isComplete: Bool) {
    self.replacement = replacement
    self.display = display
    self.isComplete = isComplete
  }
}

/// The candidates for the word before the cursor, and where that word starts.
public struct CompletionResult: Equatable, Sendable {
  /// Offset, in UTF-8 bytes, of the start of the word being completed.
  public var wordStart: Int
  /// The text of the line from `wordStart` to the cursor, as typed.
  public var typed: String
  public var candidates: [CompletionCandidate]

  /// The longest text every candidate starts with.
  public var commonPrefix: String {
    guard var prefix = candidates.first?.replacement else { return "" }
    for candidate in candidates.dropFirst() {
      while !candidate.replacement.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}

/// Tab completion: command names, the options of the command being typed, statement names,
/// file paths and fixed value sets, all taken from the commands' declarations.
public struct Completer {
  let shell: Shell

  public init(shell: Shell) { self.shell = shell }

  /// Candidates for the word that ends at `cursor` (a UTF-8 byte offset into `line`).
  public func complete(line: String, cursor: Int) -> CompletionResult {
    let utf8 = line.utf8
    let cursorIndex =
      utf8.index(
        utf8.startIndex, offsetBy: min(max(0, cursor), utf8.count), limitedBy: utf8.endIndex)
      ?? line.endIndex
    let before = String(line[..<cursorIndex])
    let scan = Tokenizer.scan(before)
    var tokens = scan.tokens
    var word = ""
    var wordStart = before.endIndex
    if scan.lastTokenIsOpen, let last = tokens.last, !last.isOperator {
      word = last.text
      wordStart = last.range.lowerBound
      tokens.removeLast()
    }
    let startOffset = before.utf8.distance(from: before.startIndex, to: wordStart)
    let typed = String(before[wordStart...])
    let quote = scan.openQuote ?? (typed.first == "'" || typed.first == "\"" ? typed.first : nil)
    var result = CompletionResult(wordStart: startOffset, typed: typed, candidates: [])

    let values: [Value]
    if tokens.isEmpty {
      values = shell.registry.allNames.map { Value($0) }
    } else if let last = tokens.last, last.isOperator {
      values = paths(matching: word, extensions: [], directoriesOnly: false)
    } else if let type = shell.registry.command(named: tokens[0].text) {
      values = argumentValues(
        for: type, arguments: tokens.dropFirst().map(\.text), word: word)
    } else {
      values = []
    }
    result.candidates = values.filter { $0.word.hasPrefix(word) }.map { value in
      CompletionCandidate(
        replacement: Self.quoteForLine(value.word, quote: quote, complete: value.isComplete),
        display: value.display,
        isComplete: value.isComplete)
    }
    result.candidates.sort { $0.replacement < $1.replacement }
    return result
  }

  struct Value {
    var word: String
    var display: String
    var isComplete: Bool

    init(_ word: String, display: String? = nil, isComplete: Bool = true) {
      self.word = word
      self.display = display ?? word
      self.isComplete = isComplete
    }
  }

  private func argumentValues(
    for type: any ShellCommand.Type, arguments: [String], word: String
  ) -> [Value] {
    let info = shell.registry.info(for: type)
    // Walk the arguments typed so far: options, their values and positionals.
    var positionals: [String] = []
    var usedOptions: Set<String> = []
    var expectingValueFor: CommandInfo.Argument?
    var afterTerminator = false
    for argument in arguments {
      if expectingValueFor != nil {
        expectingValueFor = nil
        continue
      }
      if !afterTerminator && argument == "--" {
        afterTerminator = true
      } else if !afterTerminator && argument.hasPrefix("-") && argument.count > 1 {
        let name = String(argument.prefix { $0 != "=" })
        if let option = info.option(named: name) {
          usedOptions.formUnion(option.names)
          if option.kind == .option && !argument.contains("=") { expectingValueFor = option }
        }
      } else {
        positionals.append(argument)
      }
    }
    if let option = expectingValueFor {
      return values(for: option.completion, word: word)
    }
    let expected = info.positionals
    let declared: Int? =
      positionals.count < expected.count
      ? positionals.count : (expected.last?.isRepeating == true ? expected.count - 1 : nil)
    let context = CompletionContext(
      arguments: arguments, positionals: positionals, positionalIndex: positionals.count,
      word: word)
    if word.hasPrefix("-") && !afterTerminator {
      let options = info.options.filter { option in
        option.isRepeating || usedOptions.isDisjoint(with: option.names)
      }
      return options.flatMap { $0.names.filter { $0.hasPrefix("--") } }.map { Value($0) }
    }
    if let custom = type.completions(for: context) { return custom.map { Value($0) } }
    guard let declared else { return [] }
    return values(for: expected[declared].completion, word: word)
  }

  private func values(for completion: CommandInfo.Completion?, word: String) -> [Value] {
    switch completion {
    case .values(let list): return list.map { Value($0) }
    case .file(let extensions):
      return paths(matching: word, extensions: extensions, directoriesOnly: false)
    case .directory: return paths(matching: word, extensions: [], directoriesOnly: true)
    case .statements: return shell.workspace.names.map { Value($0) }
    case .commands: return shell.registry.allNames.map { Value($0) }
    case nil: return []
    }
  }

  /// Files and folders whose path starts with `word`, relative to the shell's base folder.
  private func paths(matching word: String, extensions: [String], directoriesOnly: Bool)
    -> [Value]
  {
    let slash = word.lastIndex(of: "/")
    let directoryPart = slash.map { String(word[...$0]) } ?? ""
    let namePrefix = slash.map { String(word[word.index(after: $0)...]) } ?? word
    let directory = directoryPart.isEmpty ? shell.baseDirectory : shell.resolve(directoryPart)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return []
    }
    var values: [Value] = []
    for name in names.sorted() where name.hasPrefix(namePrefix) {
      if name.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
      var isDirectory: ObjCBool = false
      let full = (directory as NSString).appendingPathComponent(name)
      _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
      if isDirectory.boolValue {
        values.append(Value(directoryPart + name + "/", display: name + "/", isComplete: false))
      } else if !directoriesOnly {
        let fileExtension = (name as NSString).pathExtension.lowercased()
        if extensions.isEmpty || extensions.contains(fileExtension) {
          values.append(Value(directoryPart + name, display: name))
        }
      }
    }
    return values
  }

  /// A word as it must be typed: inside the quote the user opened (closed when the word is
  /// complete), otherwise with blanks, quotes and special characters escaped.
  static func quoteForLine(_ word: String, quote: Character?, complete: Bool) -> String {
    if let quote { return String(quote) + word + (complete ? String(quote) : "") }
    var result = ""
    for character in word {
      if Tokenizer.isBlank(character) || "'\"\\#>".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
