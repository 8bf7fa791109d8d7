import Foundation
import SeimeiKit

@testable import SeimeiShell

/// A shell whose output is captured, working in a fresh temporary folder.
final class TestShell {
  let directory: String
  let output = BufferSink()
  let shell: Shell

  init(
    files: [String: String] = [:], variables: [String: String] = [:],
    outputIsTerminal: Bool = false, terminalWidth: Int? = nil, history: History = History()
  ) {
    directory = TestShell.makeDirectory()
    for (path, text) in files { TestShell.write(text, to: directory + "/" + path) }
    let environment = ShellEnvironment(
      variables: variables, currentDirectory: directory, outputIsTerminal: outputIsTerminal,
      errorIsTerminal: outputIsTerminal, terminalWidth: { terminalWidth })
    shell = Shell(environment: environment, output: output, history: history)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// Runs lines as typed at the prompt; returns what they printed (output and errors).
  @discardableResult
  func run(_ lines: String...) -> String {
    output.clear()
    for line in lines { shell.execute(line) }
    return output.text
  }

  func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: directory + "/" + path).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  static func makeDirectory() -> String {
    let path = NSTemporaryDirectory() + "seimei-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return (path as NSString).resolvingSymlinksInPath
  }

  static func write(_ text: String, to path: String) {
    write(bytes: Array(text.utf8), to: path)
  }

  static func write(bytes: [UInt8], to path: String) {
    try? FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  }
}

/// Lines fed to the interactive loop as if typed.
final class ScriptedLines: LineSource {
  var inputs: [LineInput]
  var prompts: [String] = []
  var remembered: [String] = []

  init(_ inputs: [LineInput]) { self.inputs = inputs }

  func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }

  func remember(_ line: String) { remembered.append(line) }
}
