import ArgumentParser

/// The shell's settings, changed with `set NAME VALUE` and saved with the workspace.
public struct Settings: Sendable, Equatable {
  public var format: OutputFormat = .table
  public var color: ColorMode = .auto
  public var width: Width = .auto
  /// The largest statement source `load` accepts, in bytes.
  public var maxSize: ByteSize = ByteSize(bytes: 20_000_000)

  public init() {}

  /// Every setting with its current value and the values it accepts.
  public var entries: [Entry] {
    Name.allCases.map { Entry(name: $0, value: value(of: $0), accepts: $0.accepted) }
  }

  /// The current value of a setting, as `set` shows it.
  public func value(of name: Name) -> String {
    switch name {
    case .format: return format.rawValue
    case .color: return color.rawValue
    case .width: return width.description
    case .maxSize: return maxSize.description
    }
  }

  /// Changes one setting; the value is checked against what the setting accepts.
  public mutating func set(_ name: Name, to value: String) throws(SettingError) {
    let problem = SettingError(name: name, value: value, accepted: name.accepted)
    switch name {
    case .format:
      guard let format = OutputFormat(rawValue: value.lowercased()) else { throw problem }
      self.format = format
    case .color:
      guard let color = ColorMode(rawValue: value.lowercased()) else { throw problem }
      self.color = color
    case .width:
      guard let width = Width(value) else { throw problem }
      self.width = width
    case .maxSize:
      guard let size = ByteSize(value), ByteSize.range.contains(size.bytes) else { throw problem }
      self.maxSize = size
    }
  }

  /// The settings as name → value, for saving with a workspace.
  public var dictionary: [String: String] {
    Dictionary(uniqueKeysWithValues: Name.allCases.map { ($0.rawValue, value(of: $0)) })
  }

  /// Settings read back from `dictionary`; unknown names and invalid values are reported.
  public init(dictionary: [String: String]) throws(SettingError) {
    self.init()
    for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
      guard let name = Name(rawValue: key) else {
        throw SettingError(name: nil, value: key, accepted: Name.allCases.map(\.rawValue))
      }
      try set(name, to: value)
    }
  }

  public enum Name: String, CaseIterable, Sendable, Codable, ExpressibleByArgument {
    case format, color, width
    case maxSize = "max-size"

    /// Values offered by completion.
    public var values: [String] {
      switch self {
      case .format: return OutputFormat.allCases.map(\.rawValue)
      case .color: return ColorMode.allCases.map(\.rawValue)
      case .width: return ["auto", "80", "100", "120"]
      case .maxSize: return ["20MB", "50MB", "100MB"]
      }
    }

    /// What the setting accepts, as listed by `set`.
    public var accepted: [String] {
      switch self {
      case .format: return OutputFormat.allCases.map(\.rawValue)
      case .color: return ColorMode.allCases.map(\.rawValue)
      case .width: return ["auto", "\(Width.range.lowerBound)–\(Width.range.upperBound)"]
      case .maxSize: return ["1KB–1GB (e.g. 500KB, 20MB)"]
      }
    }
  }

  public struct Entry: Sendable, Equatable, Codable {
    public var name: Name
    public var value: String
    public var accepts: [String]
  }

  /// When colour is used: `auto` on a terminal, `on` always, `off` never. `NO_COLOR` in the
  /// environment turns it off whatever the setting.
  public enum ColorMode: String, CaseIterable, Sendable, Codable {
    case auto, on, off
  }

  /// Width of tables and help: the terminal's (`auto`; unlimited when output is not a terminal)
  /// or a fixed number of columns.
  public enum Width: Sendable, Equatable, Codable, CustomStringConvertible {
    case auto
    case columns(Int)

    public static let range = 20...1000

    public init?(_ text: String) {
      if text.lowercased() == "auto" {
        self = .auto
      } else if let number = Int(text), Self.range.contains(number) {
        self = .columns(number)
      } else {
        return nil
      }
    }

    public var description: String {
      switch self {
      case .auto: return "auto"
      case .columns(let count): return String(count)
      }
    }
  }

  /// A size in bytes, written with a decimal unit: 500KB, 20MB, 1GB (a bare number is MB).
  public struct ByteSize: Sendable, Equatable, CustomStringConvertible {
    public var bytes: Int

    public static let range = 1000...1_000_000_000

    public init(bytes: Int) { self.bytes = bytes }

    public init?(_ text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
      let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1)]
      var number = trimmed
      var multiplier = 1e6
      for (suffix, value) in units where trimmed.hasSuffix(suffix) {
        number = String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        multiplier = value
        break
      }
      guard let value = Double(number), value > 0, value.isFinite else { return nil }
      bytes = Int((value * multiplier).rounded())
    }

    public var description: String {
      for (suffix, value) in [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1000)]
      where bytes >= value && bytes % (value / 10) == 0 {
        let whole = bytes / value
        let tenth = (bytes % value) / (value / 10)
        return tenth == 0 ? "\(whole)\(suffix)" : "\(whole).\(tenth)\(suffix)"
      }
      return "\(bytes)B"
    }
  }
}

public struct SettingError: Error, CustomStringConvertible {
  /// The setting, or nil when the name itself is unknown.
  public var name: Settings.Name?
  public var value: String
  public var accepted: [String]

  public var description: String {
    guard let name else {
      return "unknown setting '\(value)' (expected " + accepted.joined(separator: ", ") + ")"
    }
    return "'\(value)' is not a valid value for \(name.rawValue) (expected "
      + accepted.joined(separator: ", ") + ")"
  }
}
