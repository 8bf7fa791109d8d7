import ArgumentParser
import Foundation

/// What a command's declarations say about its arguments, read from swift-argument-parser's
/// own description of the command, so completion and suggestions need no second list.
public struct CommandInfo: Sendable {
  public var arguments: [Argument]

  public struct Argument: Sendable {
    public enum Kind: String, Sendable, Decodable {
      case positional, option, flag
    }

    public var kind: Kind
    public var names: [String]
    public var valueName: String?
    public var isRepeating: Bool
    public var values: [String]
    public var completion: Completion?
  }

  /// How a value is completed.
  public enum Completion: Sendable, Equatable {
    case values([String])
    case file(extensions: [String])
    case directory
    case statements
    case commands
  }

  public var options: [Argument] { arguments.filter { $0.kind != .positional } }
  public var positionals: [Argument] { arguments.filter { $0.kind == .positional } }

  /// All spellings of the options, `--long` and `-s`, in declaration order.
  public var optionNames: [String] { options.flatMap(\.names) }

  public func option(named name: String) -> Argument? {
    options.first { $0.names.contains(name) }
  }

  init(dump json: String) {
    let decoded = try? JSONDecoder().decode(Dump.self, from: Data(json.utf8))
    arguments = (decoded?.command.arguments ?? []).compactMap { raw in
      guard raw.shouldDisplay ?? true else { return nil }
      let names = (raw.names ?? []).map { name in
        name.kind == "short" ? "-" + name.name : (name.kind == "long" ? "--" : "-") + name.name
      }
      var completion: Completion?
      if let kind = raw.completionKind {
        if let list = kind.list { completion = .values(list.values) }
        if let file = kind.file { completion = .file(extensions: file.extensions) }
        if kind.directory != nil { completion = .directory }
        if let command = kind.shellCommand?.command {
          if command == CompletionMarker.statements { completion = .statements }
          if command == CompletionMarker.commands { completion = .commands }
        }
      }
      if completion == nil, let values = raw.allValues, !values.isEmpty {
        completion = .values(values)
      }
      return Argument(
        kind: raw.kind, names: names, valueName: raw.valueName,
        isRepeating: raw.isRepeating ?? false, values: raw.allValues ?? [],
        completion: completion)
    }
  }

  private struct Dump: Decodable {
    var command: RawCommand
  }

  private struct RawCommand: Decodable {
    var arguments: [RawArgument]?
  }

  private struct RawArgument: Decodable {
    var kind: Argument.Kind
    var shouldDisplay: Bool?
    var isRepeating: Bool?
    var names: [RawName]?
    var valueName: String?
    var allValues: [String]?
    var completionKind: RawCompletion?
  }

  private struct RawName: Decodable {
    var kind: String
    var name: String
  }

  private struct RawCompletion: Decodable {
    struct List: Decodable { var values: [String] }
    struct File: Decodable { var extensions: [String] }
    struct Command: Decodable { var command: String }
    struct Empty: Decodable {}
    var list: List?
    var file: File?
    var directory: Empty?
    var shellCommand: Command?
  }
}
