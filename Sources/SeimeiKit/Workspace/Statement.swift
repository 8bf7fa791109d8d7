/// A public statement held in the workspace.
///
/// The original text is kept exactly as loaded, so that quotations can be checked against it.
/// Later stages (segmentation, claims) add structure as offsets into this text.
public struct Statement: Sendable, Hashable, Codable {
  /// Unique name in the workspace, used to refer to the statement in commands.
  public var name: String
  /// The original text, exactly as decoded from the source.
  public var text: String

  public init(name: String, text: String) {
    self.name = name
    self.text = text
  }
}
