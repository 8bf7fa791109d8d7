/// The result of a command that changes the workspace rather than reporting on it (drop,
/// rename, note, save, open): one line of text, or with `--json` a small document saying what
/// was done.
struct ActionResult: Presentable {
  var action: String
  var statements: [String]
  var file: String?
  var detail: String?
  /// The line shown in table and Markdown formats; nothing when empty.
  var message: String

  enum CodingKeys: String, CodingKey {
    case action, statements, file, detail
  }

  var presentation: Presentation { .text(message) }
}

extension Shell {
  /// Prints an action's result: its message, or JSON when asked for; silent actions print
  /// nothing unless JSON is asked for.
  func report(_ result: ActionResult, format: OutputFormat?) {
    let chosen = format ?? settings.format
    if chosen == .json {
      emit(result, format: .json)
    } else if !result.message.isEmpty {
      emit(result, format: chosen)
    }
  }
}
