/// The in-memory set of statements a session works on, in the order they were added.
public struct Workspace: Sendable {
  public private(set) var statements: [Statement] = []

  public init(statements: [Statement] = []) {
    for statement in statements { try? add(statement) }
  }

  /// Number of statements held.
  public var count: Int { statements.count }

  /// Statement names in the order they were added.
  public var names: [String] { statements.map(\.name) }

  public func statement(named name: String) -> Statement? {
    statements.first { $0.name == name }
  }

  /// Adds a statement; a statement of the same name is an error unless `replacing` is set.
  public mutating func add(_ statement: Statement, replacing: Bool = false) throws {
    if let index = statements.firstIndex(where: { $0.name == statement.name }) {
      guard replacing else { throw WorkspaceError.duplicateName(statement.name) }
      statements[index] = statement
    } else {
      statements.append(statement)
    }
  }

  /// Gives a statement a new name; the new name must be free.
  public mutating func rename(_ old: String, to new: String) throws {
    guard let index = statements.firstIndex(where: { $0.name == old }) else {
      throw WorkspaceError.unknownName(old)
    }
    guard old == new || statement(named: new) == nil else {
      throw WorkspaceError.duplicateName(new)
    }
    statements[index].name = new
  }

  /// Adds an analyst's note to a statement.
  public mutating func addNote(_ note: String, to name: String) throws {
    guard let index = statements.firstIndex(where: { $0.name == name }) else {
      throw WorkspaceError.unknownName(name)
    }
    statements[index].notes.append(note)
  }

  /// Removes the named statement and returns it.
  @discardableResult
  public mutating func remove(named name: String) throws -> Statement {
    guard let index = statements.firstIndex(where: { $0.name == name }) else {
      throw WorkspaceError.unknownName(name)
    }
    return statements.remove(at: index)
  }
}

public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
  case duplicateName(String)
  case unknownName(String)

  public var description: String {
    switch self {
    case .duplicateName(let name):
      return "a statement named '\(name)' is already loaded (use --replace or another name)"
    case .unknownName(let name):
      return "no statement named '\(name)' in the workspace"
    }
  }
}
