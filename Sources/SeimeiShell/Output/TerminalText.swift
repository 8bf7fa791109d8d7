/// Makes text from outside (statements, files, scripts) safe to print on a terminal.
public enum TerminalText {
  /// Removes escape sequences (CSI, OSC, DCS and two-character escapes), C0 and C1 control
  /// characters other than newline and tab, DEL, and bidirectional overrides and isolates, which
  /// could reorder what a reader sees. Carriage returns are dropped so text cannot overwrite
  /// itself.
  public static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsWork) else { return text }
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let scalar = pending {
      pending = scalars.next()
      let value = scalar.value
      if value == 0x1B || value == 0x9B || value == 0x9D || value == 0x90 {
        // Escape sequences: skip to their end.
        var kind: UInt32 = value
        if value == 0x1B {
          guard let next = pending else { break }
          pending = scalars.next()
          kind = next.value
          if kind == 0x5B {
            kind = 0x9B
          } else if kind == 0x5D {
            kind = 0x9D
          } else if kind == 0x50 || kind == 0x5F || kind == 0x5E || kind == 0x58 {
            kind = 0x90
          } else {
            continue
          }  // two-character escape: ESC + one
        }
        if kind == 0x9B {
          // CSI: parameters and intermediates, then one final byte 0x40–0x7E.
          while let next = pending {
            pending = scalars.next()
            if (0x40...0x7E).contains(next.value) { break }
          }
        } else {
          // OSC, DCS, PM, APC, SOS: up to BEL or ST (ESC \ or 0x9C).
          while let next = pending {
            pending = scalars.next()
            if next.value == 0x07 || next.value == 0x9C { break }
            if next.value == 0x1B {
              if pending?.value == 0x5C { pending = scalars.next() }
              break
            }
          }
        }
        continue
      }
      if needsWork(scalar) { continue }
      result.append(scalar)
    }
    return String(result)
  }

  /// Text for a single table cell: sanitised, with line breaks and tabs as spaces.
  public static func cell(_ text: String) -> String {
    var cleaned = sanitize(text)
    if cleaned.contains(where: { $0 == "\n" || $0 == "\t" }) {
      cleaned = String(cleaned.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
    }
    return cleaned
  }

  private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return value != 0x0A && value != 0x09 }
    if value < 0x7F { return false }
    if value <= 0x9F { return true }
    return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
  }
}
