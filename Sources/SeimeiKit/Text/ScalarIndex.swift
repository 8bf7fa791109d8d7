/// Fast slicing of a string by Unicode-scalar offsets, the unit of `TextRange`.
///
/// `String` can only walk its indices one by one, so finding the scalar at offset `n` from the
/// start costs O(n). This index stores a `String.Index` every `stride` scalars (a checkpoint), so
/// a lookup starts at the nearest checkpoint below and walks at most `stride - 1` scalars. The
/// memory cost is one index per checkpoint: 40,000 indices (320 kB) for 20 million scalars.
///
/// Offsets outside `0...count` are clamped, so a stale range can never trap; ranges produced for
/// the same text are always in bounds.
public struct ScalarIndex: Sendable {
  /// Scalars between two checkpoints.
  static let stride = 512

  /// The indexed text.
  public let text: String
  /// Number of Unicode scalars in `text`.
  public let count: Int
  /// `checkpoints[k]` is the index of scalar `k * stride`.
  private let checkpoints: [String.Index]

  public init(_ text: String) {
    self.text = text
    var checkpoints: [String.Index] = []
    checkpoints.reserveCapacity(text.utf8.count / Self.stride + 1)
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var count = 0
    while index < scalars.endIndex {
      if count % Self.stride == 0 { checkpoints.append(index) }
      scalars.formIndex(after: &index)
      count += 1
    }
    self.count = count
    self.checkpoints = checkpoints
  }

  /// The index of the scalar at `offset`; `text.endIndex` for `offset == count`.
  public func index(at offset: Int) -> String.Index {
    let offset = min(max(offset, 0), count)
    if offset == count { return text.endIndex }
    let checkpoint = offset / Self.stride
    let scalars = text.unicodeScalars
    var index = checkpoints[checkpoint]
    for _ in 0..<(offset - checkpoint * Self.stride) { scalars.formIndex(after: &index) }
    return index
  }

  /// The text of `range` (clamped to the text), exactly: a range may start or end inside a
  /// grapheme cluster (on a combining mark), which `String`'s own subscript would round down.
  public func slice(_ range: TextRange) -> Substring {
    let start = index(at: range.start)
    let end = range.end <= range.start ? start : index(at: range.end)
    return Substring(text.unicodeScalars[start..<end])
  }
}
