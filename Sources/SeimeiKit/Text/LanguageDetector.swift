/// Guesses the language of a text from the scripts of its letters.
///
/// Letters are counted in four groups: kana, Han ideographs, Latin letters (including
/// full-width ones) and letters of any other script. Then:
///
/// - no letters at all: `.other`;
/// - when Han and kana together outweigh the Latin letters and the other letters (an ideograph or
///   kana counts as three letters, about a short word): `.ja` if kana make up at least 5% of
///   them (Japanese prose is 30–70% kana; Chinese has none), `.zh` otherwise;
/// - otherwise `.en` if Latin letters are at least as many as other letters, else `.other`
///   (Cyrillic, Hangul, Arabic…).
///
/// Latin-script languages are not told apart: French or German text is `.en`. Only the first
/// 100,000 letters are counted.
public enum LanguageDetector {
  public static func detect(_ text: String) -> Language {
    var kana = 0
    var han = 0
    var latin = 0
    var other = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
        latin += 1
      case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF,
        0xFF66...0xFF9D:
        kana += 1
      case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F:
        han += 1
      case 0x00...0x7F:
        continue
      case 0xC0...0x24F, 0x1E00...0x1EFF:
        if scalar.properties.isAlphabetic { latin += 1 }
      default:
        if scalar.properties.isAlphabetic { other += 1 }
      }
      if kana + han + latin + other >= 100_000 { break }
    }
    let ideographic = kana + han
    if ideographic + latin + other == 0 { return .other }
    if ideographic > 0 && ideographic * 3 >= latin && ideographic * 3 >= other {
      return kana * 20 >= ideographic ? .ja : .zh
    }
    return latin >= other ? .en : .other
  }
}
