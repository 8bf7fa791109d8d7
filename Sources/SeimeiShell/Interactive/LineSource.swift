import Foundation

/// What reading one line from the user gives.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: the line being edited was abandoned.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case endOfInput
}

/// A source of command lines: the libedit editor on a terminal, or plain reading otherwise.
public protocol LineSource: AnyObject {
  func readLine(prompt: String) -> LineInput
  /// Called for each line entered, so the source can offer it again (arrow-up recall).
  func remember(_ line: String)
}

extension LineSource {
  public func remember(_ line: String) {}
}

/// Reads lines from a file descriptor without editing, prompts or escape codes: for standard
/// input that is not a terminal, or when standard output is not one. Invalid UTF-8 is replaced,
/// never dropped silently with the rest of the line.
public final class PlainLineReader: LineSource {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var atEnd = false
  private let promptSink: TextSink?

  /// - Parameter promptSink: where prompts are written; nil writes none.
  public init(descriptor: Int32 = 0, promptSink: TextSink? = nil) {
    self.descriptor = descriptor
    self.promptSink = promptSink
  }

  public func readLine(prompt: String) -> LineInput {
    if !prompt.isEmpty { promptSink?.write(prompt) }
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return .line(line)
      }
      if atEnd {
        guard !buffer.isEmpty else { return .endOfInput }
        let line = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll()
        return .line(line)
      }
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { return .interrupted }
        atEnd = true
      } else if count == 0 {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk[..<count])
      }
    }
  }
}
