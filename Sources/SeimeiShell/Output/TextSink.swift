import Foundation

/// Where the shell writes text.
public protocol TextSink: AnyObject {
  func write(_ text: String)
}

/// Writes straight to a file descriptor (standard output or error), unbuffered, so output and
/// errors interleave in the order they happen.
public final class FileDescriptorSink: TextSink, Sendable {
  public let descriptor: Int32

  public init(descriptor: Int32) { self.descriptor = descriptor }

  public static let standardOutput = FileDescriptorSink(descriptor: 1)
  public static let standardError = FileDescriptorSink(descriptor: 2)

  public func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
    bytes.removeAll()
  }
}

/// Collects text in memory: for tests, and for output redirected to a file.
public final class BufferSink: TextSink {
  public private(set) var text = ""

  public init() {}

  public func write(_ text: String) { self.text += text }

  public func clear() { text = "" }
}
