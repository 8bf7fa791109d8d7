import SeimeiKit

/// Horizontal bar charts drawn with Unicode block elements, for a terminal or a text file.
///
/// Each group (a measure: characters, sentences, a claim type) has one bar per series (a
/// statement). Bars within a chart share one scale per group, so the longest bar of each
/// group fills the bar area; a non-zero value always gets at least a sliver (▏) so it is not
/// mistaken for zero. Eighth blocks (▏▎▍▌▋▊▉█) give bars a resolution of 1/8 column.
/// Labels and names are aligned by display width, so Japanese names line up with English ones.
public struct BarChart: Sendable, Equatable {
  public struct Bar: Sendable, Equatable {
    public var series: String
    public var value: Double
    /// The value as printed at the end of the bar ("6,462").
    public var label: String

    public init(series: String, value: Double, label: String) {
      self.series = series
      self.value = value
      self.label = label
    }
  }

  public struct Group: Sendable, Equatable {
    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
      self.title = title
      self.bars = bars
    }
  }

  public var groups: [Group]
  /// One scale for all groups (counts of the same kind) instead of one per group (lengths in
  /// different units).
  public var sharedScale: Bool

  public init(groups: [Group], sharedScale: Bool = false) {
    self.groups = groups
    self.sharedScale = sharedScale
  }

  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// A bar `value / maximum` of `width` columns, in eighth blocks.
  static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
    guard maximum > 0, value > 0, width > 0 else { return "" }
    let eighthsTotal = max(1, Int((value / maximum * Double(width * 8)).rounded()))
    let full = min(width, eighthsTotal / 8)
    let rest = full == width ? 0 : eighthsTotal % 8
    return String(repeating: "█", count: full) + (rest > 0 ? String(eighths[rest - 1]) : "")
  }

  /// The chart's lines for an output `width` columns wide (at least 40 is used).
  public func lines(width: Int) -> [String] {
    let titleWidth = groups.map { DisplayWidth.of($0.title) }.max() ?? 0
    let seriesWidth =
      groups.flatMap { $0.bars.map { DisplayWidth.of($0.series) } }.max() ?? 0
    let labelWidth = groups.flatMap { $0.bars.map { DisplayWidth.of($0.label) } }.max() ?? 0
    // title  series  bar… label
    let fixed = titleWidth + 2 + min(seriesWidth, 24) + 2 + 1 + labelWidth
    let barWidth = max(10, max(width, 40) - fixed)
    var lines: [String] = []
    let overall = groups.flatMap { $0.bars.map(\.value) }.max() ?? 0
    for group in groups {
      let maximum = sharedScale ? overall : group.bars.map(\.value).max() ?? 0
      for (index, bar) in group.bars.enumerated() {
        let title = DisplayWidth.pad(index == 0 ? group.title : "", to: titleWidth)
        let series = DisplayWidth.pad(
          DisplayWidth.truncate(bar.series, to: min(seriesWidth, 24)), to: min(seriesWidth, 24))
        let drawn = Self.bar(bar.value, of: maximum, width: barWidth)
        lines.append(title + "  " + series + "  " + drawn + (drawn.isEmpty ? "" : " ") + bar.label)
      }
    }
    return lines
  }
}
