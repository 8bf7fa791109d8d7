import ArgumentParser

extension OutputFormat: ExpressibleByArgument {}

/// `--json` and `--format`, shared by every command that returns data.
public struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print the result as one JSON document.")
  public var json = false

  @Option(name: .long, help: "Output format for this command (default: the 'format' setting).")
  public var format: OutputFormat?

  public init() {}

  /// The format asked for on the command line, if any.
  public var requested: OutputFormat? { json ? .json : format }

  public func validate() throws {
    if json, let format, format != .json {
      throw ValidationError("--json and --format \(format.rawValue) contradict each other")
    }
  }
}
