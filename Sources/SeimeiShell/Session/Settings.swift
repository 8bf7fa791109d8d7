import ArgumentParser

/// The shell's settings, changed with `set NAME VALUE`.
public struct Settings: Sendable, Equatable, Codable {
  public var format: OutputFormat = .table
  public var color: ColorMode = .auto
  public var width: Width = .auto

  public init() {}

  /// Every setting with its current value and the values it accepts.
  public var entries: [Entry] {
    [
      Entry(name: .format, value: format.rawValue, accepts: OutputFormat.allCases.map(\.rawValue)),
      Entry(name: .color, value: color.rawValue, accepts: ColorMode.allCases.map(\.rawValue)),
      Entry(
        name: .width, value: width.description,
        accepts: ["auto", "\(Width.range.lowerBound)–\(Width.range.upperBound)"]),
    ]
  }

  /// Changes one setting; the value is checked against what the setting accepts.
  public mutating func set(_ name: Name, to value: String) throws(SettingError) {
    switch name {
    case .format:
      guard let format = OutputFormat(rawValue: value.lowercased()) else {
        throw SettingError(
          name: name, value: value, accepted: OutputFormat.allCases.map(\.rawValue))
      }
      self.format = format
    case .color:
      guard let color = ColorMode(rawValue: value.lowercased()) else {
        throw SettingError(name: name, value: value, accepted: ColorMode.allCases.map(\.rawValue))
      }
      self.color = color
    case .width:
      guard let width = Width(value) else {
        throw SettingError(
          name: name, value: value,
          accepted: ["auto", "\(Width.range.lowerBound)–\(Width.range.upperBound)"])
      }
      self.width = width
    }
  }

  public enum Name: String, CaseIterable, Sendable, Codable, ExpressibleByArgument {
    case format, color, width

    public var values: [String] {
      switch self {
      case .format: return OutputFormat.allCases.map(\.rawValue)
      case .color: return ColorMode.allCases.map(\.rawValue)
      case .width: return ["auto", "80", "100", "120"]
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
}

public struct SettingError: Error, CustomStringConvertible {
  public var name: Settings.Name
  public var value: String
  public var accepted: [String]

  public var description: String {
    "'\(value)' is not a valid value for \(name.rawValue) (expected "
      + accepted.joined(separator: ", ") + ")"
  }
}
