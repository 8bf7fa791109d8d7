import SeimeiKit
import Testing

/// Original text for the normalised scalars `range`, sliced through `ScalarIndex`.
private func source(_ normalized: NormalizedText, _ index: ScalarIndex, _ range: TextRange)
  -> String
{
  String(index.slice(normalized.originalRange(range)))
}

/// The normalised scalar range of the first occurrence of `needle`.
private func find(_ needle: String, in normalized: NormalizedText) -> TextRange? {
  let haystack = Array(normalized.text.unicodeScalars)
  let pattern = Array(needle.unicodeScalars)
  guard pattern.count <= haystack.count else { return nil }
  for start in 0...(haystack.count - pattern.count)
  where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
    return TextRange(start, start + pattern.count)
  }
  return nil
}

/// The scalars of a string: `String`'s `==` compares canonical equivalents (テ U+3099 == デ), but
/// offsets need the exact scalars.
private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

@Suite struct NormalizerTests {
  @Test func fullWidthLatinAndDigitsMapBackExactly() {
    let original = "攻撃グループＡＰＴ４０は、"
    let normalized = NormalizedText(original)
    #expect(scalars(normalized.text) == scalars("攻撃グループapt40は、"))
    let range = find("apt40", in: normalized)
    #expect(range == TextRange(6, 11))
    #expect(source(normalized, ScalarIndex(original), range!) == "ＡＰＴ４０")
  }

  @Test func halfWidthKatakanaBecomesFullWidth() {
    let original = "ﾃﾞｰﾀとﾊﾟｿｺﾝ"
    let normalized = NormalizedText(original)
    #expect(scalars(normalized.text) == scalars("データとパソコン"))
    // ﾃﾞ and ﾊﾟ are two scalars each, one cluster: each output maps to its cluster start.
    #expect((0...8).map(normalized.originalOffset) == [0, 2, 3, 4, 5, 7, 8, 9, 10])
    let index = ScalarIndex(original)
    #expect(source(normalized, index, find("データ", in: normalized)!) == "ﾃﾞｰﾀ")
    #expect(source(normalized, index, find("パ", in: normalized)!) == "ﾊﾟ")
    #expect(scalars(NormalizedText("ﾊﾟ").text) == scalars("パ"))
  }

  @Test func whitespaceRunsCollapse() {
    #expect(scalars(NormalizedText("  \n\u{3000} ").text) == scalars(" "))
    let original = "Cyber  \n\u{3000} Attack\r\nGroup\u{A0}\u{A0}APT"
    let normalized = NormalizedText(original)
    #expect(scalars(normalized.text) == scalars("cyber attack group apt"))
    let index = ScalarIndex(original)
    #expect(source(normalized, index, TextRange(5, 6)) == "  \n\u{3000} ")
    #expect(source(normalized, index, find("attack group", in: normalized)!) == "Attack\r\nGroup")
    #expect(source(normalized, index, find(" group ", in: normalized)!) == "\r\nGroup\u{A0}\u{A0}")
    #expect(normalized.normalizedOffset(forOriginal: 6) == 6)  // inside the blank run
    #expect(normalized.normalizedOffset(forOriginal: 10) == 6)  // at "Attack"
  }

  @Test func caseAndCompatibilityFolding() {
    #expect(scalars(NormalizedText("The U.S. GOVERNMENT").text) == scalars("the u.s. government"))
    #expect(scalars(NormalizedText("①②　㈱").text) == scalars("12 (株)"))
    #expect(scalars(NormalizedText("Ｈｅｌｌｏ，ｗｏｒｌｄ！").text) == scalars("hello,world!"))
  }

  @Test func combiningSequencesAndExpansions() {
    let original = "cafe\u{301} ㍻"
    let normalized = NormalizedText(original)
    #expect(scalars(normalized.text) == scalars("café 平成"))
    #expect(normalized.scalarCount == 7)
    let index = ScalarIndex(original)
    #expect(source(normalized, index, find("é", in: normalized)!) == "e\u{301}")
    // Part of an expansion maps to the whole cluster.
    #expect(source(normalized, index, find("成", in: normalized)!) == "㍻")
    #expect(source(normalized, index, find("平成", in: normalized)!) == "㍻")
    #expect(normalized.normalizedOffset(forOriginal: 5) == 4)  // the combining mark → next scalar
    #expect(normalized.normalizedOffset(forOriginal: 6) == 5)
    #expect(normalized.normalizedOffset(forOriginal: 7) == 7)
  }

  @Test func endsAndEmptyRanges() {
    let original = "ＡＢ  "
    let normalized = NormalizedText(original)
    #expect(scalars(normalized.text) == scalars("ab "))
    #expect(normalized.originalOffset(normalized.scalarCount) == 4)
    #expect(normalized.originalRange(TextRange(2, 3)) == TextRange(2, 4))
    #expect(normalized.originalRange(TextRange(1, 1)) == TextRange(1, 1))
    #expect(normalized.normalizedOffset(forOriginal: 4) == 3)
    let empty = NormalizedText("")
    #expect(empty.text.isEmpty && empty.scalarCount == 0)
    #expect(empty.originalOffset(0) == 0)
    #expect(empty.originalRange(TextRange(0, 0)) == TextRange(0, 0))
    #expect(empty.normalizedOffset(forOriginal: 0) == 0)
  }

  @Test func mixedTextMapsMonotonicallyAndRoundTrips() {
    // Deterministic pseudo-random text from awkward pieces.
    let pieces = [
      "ＡＰＴ", "４０", "ﾃﾞｰﾀ", "ﾊﾟ", "ｶ", "  ", "\n", "\u{3000}", "\r\n", "e\u{301}", "😀", "👍🏽", "𠮷",
      "声明", "Cyber", "U.S.", "㍻", "①", "\u{A0}", "İ", "x", "。", "「", "」", "ß",
    ]
    var state: UInt64 = 0x5EED
    var original = ""
    for _ in 0..<300 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      original += pieces[Int((state >> 33) % UInt64(pieces.count))]
    }
    let normalized = NormalizedText(original)
    let index = ScalarIndex(original)
    let count = normalized.scalarCount
    #expect(count == normalized.text.unicodeScalars.count)
    #expect(normalized.originalOffset(count) == index.count)
    let offsets = (0...count).map(normalized.originalOffset)
    for position in 1...count { #expect(offsets[position - 1] <= offsets[position]) }
    // Boundaries: offsets where a new cluster (or whitespace run) starts.
    let boundaries = (0...count).filter { $0 == 0 || $0 == count || offsets[$0] != offsets[$0 - 1] }
    for start in boundaries {
      #expect(normalized.normalizedOffset(forOriginal: offsets[start]) == start)
    }
    let normalizedIndex = ScalarIndex(normalized.text)
    for (position, start) in boundaries.enumerated() {
      for end in boundaries[(position + 1)...].prefix(12) {
        let range = TextRange(start, end)
        let slice = source(normalized, index, range)
        #expect(
          scalars(NormalizedText(slice).text) == scalars(String(normalizedIndex.slice(range))))
      }
    }
    // Any range, aligned or not, maps to a range whose normalisation contains it.
    for start in stride(from: 0, to: count, by: 7) {
      let range = TextRange(start, min(count, start + 5))
      let covering = scalars(NormalizedText(source(normalized, index, range)).text)
      let part = scalars(String(normalizedIndex.slice(range)))
      let found = (0...(covering.count - part.count)).contains {
        covering[$0..<($0 + part.count)].elementsEqual(part)
      }
      #expect(found)
    }
  }
}
