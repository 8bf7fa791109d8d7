/// What a command returns for display: the same value is rendered as a table, as Markdown or,
/// through its `Encodable` conformance, as JSON.
public protocol Presentable: Encodable {
  var presentation: Presentation { get }
}

/// The shape of a result on screen.
public indirect enum Presentation: Sendable {
  /// Lines of text, shown as they are (after control characters are removed).
  case text(String)
  /// Lines already made safe by the command (each piece from outside sanitised) and styled
  /// with `Style`: printed as they are.
  case styled(String)
  /// A heading line (bold on a terminal, `##` in Markdown).
  case heading(String)
  case table(Table)
  /// Parts shown one after another; `.text("")` makes a blank line.
  case sequence([Presentation])
}

/// A table of text cells. Columns are aligned by display width.
public struct Table: Sendable, Equatable {
  public struct Column: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }
    public var title: String
    public var alignment: Alignment

    public init(_ title: String, alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  public var rows: [[String]]

  public init(columns: [Column], rows: [[String]]) {
    self.columns = columns
    self.rows = rows
  }
}

/// How results are shown, chosen by `set format` or a command's `--json`.
public enum OutputFormat: String, CaseIterable, Sendable, Codable {
  case table, json, markdown
}
