/// Reading scalars in valid UTF-8 by byte offset.
enum UTF8Bytes {
  /// The scalar starting at `offset` (a scalar start).
  @inline(__always)
  static func scalar<C: RandomAccessCollection<UInt8>>(at offset: C.Index, in bytes: C) -> UInt32
  where C.Index == Int {
    let lead = bytes[offset]
    if lead < 0x80 { return UInt32(lead) }
    var length = 2
    var value = UInt32(lead & 0x1F)
    if lead >= 0xF0 {
      length = 4
      value = UInt32(lead & 0x07)
    } else if lead >= 0xE0 {
      length = 3
      value = UInt32(lead & 0x0F)
    }
    var index = offset + 1
    while index < offset + length && index < bytes.endIndex {
      value = (value << 6) | UInt32(bytes[index] & 0x3F)
      index += 1
    }
    return value
  }

  /// The scalar ending just before `offset` (a scalar start or the end).
  @inline(__always)
  static func scalar<C: RandomAccessCollection<UInt8>>(before offset: Int, in bytes: C) -> UInt32
  where C.Index == Int {
    scalar(at: previousStart(before: offset, in: bytes), in: bytes)
  }

  /// The start of the scalar before `offset`.
  @inline(__always)
  static func previousStart<C: RandomAccessCollection<UInt8>>(before offset: Int, in bytes: C)
    -> Int
  where C.Index == Int {
    var index = offset - 1
    while index > 0 && bytes[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }

  /// The start of the scalar after the one at `offset`.
  @inline(__always)
  static func nextStart<C: RandomAccessCollection<UInt8>>(after offset: Int, in bytes: C) -> Int
  where C.Index == Int {
    var index = offset + 1
    while index < bytes.endIndex && bytes[index] & 0xC0 == 0x80 { index += 1 }
    return index
  }

  /// Whether the scalar at `offset` is a word scalar of a spaced script (false at the end).
  @inline(__always)
  static func isWord(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    offset < bytes.count && QuoteFolding.isWordScalar(scalar(at: offset, in: bytes))
  }

  /// Whether the scalar before `offset` is a word scalar of a spaced script (false at 0).
  @inline(__always)
  static func isWord(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    offset > 0 && QuoteFolding.isWordScalar(scalar(before: offset, in: bytes))
  }
}
