import Foundation
import SeimeiKit

/// Turns results into text: aligned tables, Markdown or JSON.
public struct Renderer: Sendable {
  public var format: OutputFormat
  /// Columns available; nil means no limit (output to a file or a pipe).
  public var width: Int?
  public var style: Style

  public init(format: OutputFormat, width: Int?, style: Style) {
    self.format = format
    self.width = width
    self.style = style
  }

  /// The text of a result in this renderer's format, ending with a newline.
  public func render<Value: Presentable>(_ value: Value) -> String {
    if format == .json { return Self.json(value) + "\n" }
    return render(value.presentation)
  }

  public func render(_ presentation: Presentation) -> String {
    switch presentation {
    case .text(let text):
      let clean = TerminalText.sanitize(text)
      return clean.hasSuffix("\n") ? clean : clean + "\n"
    case .styled(let text):
      return text.hasSuffix("\n") ? text : text + "\n"
    case .heading(let text):
      let clean = TerminalText.cell(text)
      return format == .markdown ? "## \(clean)\n" : style.bold(clean) + "\n"
    case .table(let table):
      return format == .markdown ? markdown(table) : aligned(table)
    case .sequence(let parts):
      return parts.map(render).joined()
    }
  }

  /// JSON with sorted keys, so the same value always prints the same document.
  public static func json<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  // MARK: - Tables

  static let gap = 2

  /// Column widths that fit `width`: the widest columns give up space first, down to a floor.
  func columnWidths(_ table: Table, cells: [[String]]) -> [Int] {
    var widths = table.columns.map { DisplayWidth.of($0.title) }
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    guard let limit = width else { return widths }
    let floor = 4
    var total = widths.reduce(0, +) + Self.gap * max(0, widths.count - 1)
    while total > limit {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
        widths[widest] > floor
      else { break }
      widths[widest] -= 1
      total -= 1
    }
    return widths
  }

  func aligned(_ table: Table) -> String {
    let cells = table.rows.map { $0.map(TerminalText.cell) }
    let titles = table.columns.map { TerminalText.cell($0.title) }
    let widths = columnWidths(table, cells: cells)
    func line(_ row: [String], header: Bool) -> String {
      var parts: [String] = []
      for (index, column) in table.columns.enumerated() {
        let text = DisplayWidth.truncate(index < row.count ? row[index] : "", to: widths[index])
        let isLast = index == table.columns.count - 1
        var padded = DisplayWidth.pad(
          text, to: widths[index], alignRight: column.alignment == .right)
        if isLast && column.alignment == .left { padded = text }
        parts.append(header ? style.bold(padded) : padded)
      }
      var joined = parts.joined(separator: String(repeating: " ", count: Self.gap))
      while joined.hasSuffix(" ") { joined.removeLast() }
      return joined
    }
    var lines = [line(titles, header: true)]
    lines.append(
      widths.map { String(repeating: "─", count: $0) }.joined(
        separator: String(repeating: " ", count: Self.gap)))
    lines += cells.map { line($0, header: false) }
    return lines.joined(separator: "\n") + "\n"
  }

  func markdown(_ table: Table) -> String {
    func escape(_ text: String) -> String {
      TerminalText.cell(text).replacingOccurrences(of: "|", with: "\\|")
    }
    var lines = ["| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
    lines.append(
      "|" + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }.joined(separator: "|")
        + "|")
    for row in table.rows {
      let padded = table.columns.indices.map { $0 < row.count ? escape(row[$0]) : "" }
      lines.append("| " + padded.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
