import Foundation

/// A temporary folder to run the real `seimei` binary in, without a terminal.
final class BatchFolder {
  let path: String

  init() {
    let base = NSTemporaryDirectory() + "seimei-batch-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = (base as NSString).resolvingSymlinksInPath
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The checkout this test file is in.
  static var repository: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
  }

  func write(_ name: String, _ text: String) {
    let full = path + "/" + name
    try? FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
  }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: path + "/" + name).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs seimei in this folder (or `folder`, relative to it, or absolute) with standard input
  /// from a pipe (empty unless given) and a minimal environment plus `environment`.
  func run(
    _ arguments: [String], input: String = "", in folder: String = ".",
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Self.binary())
    process.arguments = arguments
    let directory = folder.hasPrefix("/") ? folder : path + "/" + folder
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = [
      "HOME": path, "XDG_CONFIG_HOME": path + "/config", "XDG_STATE_HOME": path + "/state",
      "LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
    ].merging(environment) { $1 }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
      errors: String(decoding: errors, as: UTF8.self))
  }

  /// The seimei binary built beside this test bundle, or `$SEIMEI_BINARY`.
  static func binary() throws -> String {
    if let explicit = ProcessInfo.processInfo.environment["SEIMEI_BINARY"] { return explicit }
    var candidates = [Bundle.main.bundleURL.appendingPathComponent("seimei").path]
    candidates.append(
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("seimei").path)
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<4 {
      folder = folder.deletingLastPathComponent()
      candidates.append(folder.appendingPathComponent(".build/debug/seimei").path)
    }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      throw BatchError(description: "seimei binary not found in \(candidates)")
    }
    return found
  }
}

struct BatchError: Error, CustomStringConvertible {
  var description: String
}
