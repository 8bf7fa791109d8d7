import CEditLine
import CEditLineShim
import Foundation
import SeimeiKit
import SeimeiShell

/// Line editing on a terminal with libedit: emacs key bindings (or the user's ~/.editrc),
/// history recall, Tab completion, Ctrl-C to abandon a line and Ctrl-D to leave.
///
/// Use only when standard input and output are both terminals; otherwise read plain lines.
public final class LineEditor: LineSource {
  public typealias Completion = (_ line: String, _ cursor: Int) -> CompletionResult

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let completion: Completion
  private let output = FileDescriptorSink.standardOutput

  /// Sets up libedit on the standard streams. Call `LineEditor.prepareProcess()` first.
  public init?(programName: String, historySize: Int = 1000, completion: @escaping Completion) {
    guard let editLine = seimei_el_init(programName),
      let history = seimei_history_init(Int32(historySize))
    else { return nil }
    self.editLine = editLine
    self.history = history
    self.completion = completion
    seimei_el_set_signal(editLine, 0)
    seimei_el_set_editor(editLine, "emacs")
    seimei_el_set_history(editLine, history)
    seimei_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    seimei_el_addfn(editLine, "seimei-complete", "Complete the word before the cursor", complete)
    seimei_el_bind(editLine, "^I", "seimei-complete")
    el_source(editLine, nil)
  }

  deinit {
    el_end(editLine)
    seimei_history_end(history)
  }

  /// Locale (so multibyte input is edited by character) and signal handlers, once per process.
  public static func prepareProcess() {
    _ = seimei_setlocale_utf8()
    seimei_install_signal_handlers()
  }

  /// Columns of the terminal on standard output, if it is one.
  public static func terminalColumns() -> Int? {
    let columns = Int(seimei_terminal_columns(1))
    return columns > 0 ? columns : nil
  }

  public func readLine(prompt: String) -> LineInput {
    _ = seimei_take_interrupt()
    if seimei_take_resize() != 0 { el_resize(editLine) }
    seimei_el_set_prompt_text(editLine, prompt)
    seimei_el_prep_term(editLine)
    var count: Int32 = 0
    errno = 0
    let result = el_gets(editLine, &count)
    let failure = errno
    if seimei_take_interrupt() != 0 || (count == -1 && failure == EINTR) {
      el_reset(editLine)
      output.write("^C\n")
      return .interrupted
    }
    guard let result, count > 0 else {
      output.write("\n")
      return .endOfInput
    }
    var line = String(cString: result)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  public func remember(_ line: String) {
    seimei_history_enter(history, line)
  }

  /// Runs when Tab is pressed: one candidate completes the word, several complete their common
  /// start, or are listed in columns when there is nothing more in common.
  fileprivate func completeWord() -> UInt8 {
    guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else {
      return UInt8(CC_ERROR)
    }
    let length = info.lastchar - buffer
    let cursor = info.cursor - buffer
    let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
    let line = String(decoding: bytes, as: UTF8.self)
    let result = completion(line, cursor)
    let candidates = result.candidates
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    if candidates.count == 1 {
      let only = candidates[0]
      replaceWord(result.typed, with: only.replacement + (only.isComplete ? " " : ""))
      return UInt8(CC_REFRESH)
    }
    let common = result.commonPrefix
    if common.unicodeScalars.count > result.typed.unicodeScalars.count
      && common.hasPrefix(result.typed)
    {
      replaceWord(result.typed, with: common)
      return UInt8(CC_REFRESH)
    }
    output.write(
      "\n" + Self.columns(candidates.map(\.display), width: Self.terminalColumns() ?? 80))
    return UInt8(CC_REDISPLAY)
  }

  private func replaceWord(_ typed: String, with replacement: String) {
    let count = typed.unicodeScalars.count
    if count > 0 { el_deletestr(editLine, Int32(count)) }
    el_insertstr(editLine, replacement)
  }

  /// Candidates laid out in columns down then across, aligned by display width.
  static func columns(_ items: [String], width: Int) -> String {
    let cellWidth = (items.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    let perLine = max(1, width / max(1, cellWidth))
    let rows = (items.count + perLine - 1) / perLine
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<perLine {
        let index = column * rows + row
        guard index < items.count else { break }
        line += DisplayWidth.pad(items[index], to: cellWidth)
      }
      while line.hasSuffix(" ") { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

private func complete(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
  guard let editLine, let data = seimei_el_get_clientdata(editLine) else {
    return UInt8(CC_ERROR)
  }
  return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeWord()
}
