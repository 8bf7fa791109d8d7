import SeimeiKit
import Testing

@Suite struct DisplayWidthTests {
  @Test func widths() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("声明") == 4)
    #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
    #expect(DisplayWidth.of("ＡＰＴ４０") == 10)  // fullwidth Latin
    #expect(DisplayWidth.of("「」、。") == 8)
    #expect(DisplayWidth.of("e\u{301}") == 1)  // combining accent
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("👍🏽") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    #expect(DisplayWidth.of("\u{200B}") == 0)
    #expect(DisplayWidth.of("한국어") == 6)
  }

  @Test func truncationNeverSplitsACharacter() {
    #expect(DisplayWidth.truncate("外務報道官談話", to: 7) == "外務報…")
    #expect(DisplayWidth.truncate("外務報道官談話", to: 8) == "外務報…")
    #expect(DisplayWidth.truncate("外務報道官談話", to: 14) == "外務報道官談話")
    #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
    #expect(DisplayWidth.truncate("abc", to: 0) == "")
    for width in 1...15 {
      #expect(DisplayWidth.of(DisplayWidth.truncate("サイバー攻撃 cyber", to: width)) <= width)
    }
  }

  @Test func padding() {
    #expect(DisplayWidth.pad("声明", to: 6) == "声明  ")
    #expect(DisplayWidth.pad("12", to: 4, alignRight: true) == "  12")
    #expect(DisplayWidth.pad("toolong", to: 3) == "toolong")
  }
}

@Suite struct WorkspaceTests {
  @Test func namesAreUnique() throws {
    var workspace = Workspace()
    try workspace.add(Statement(name: "a", text: "x"))
    #expect(throws: WorkspaceError.duplicateName("a")) {
      try workspace.add(Statement(name: "a", text: "y"))
    }
    try workspace.add(Statement(name: "a", text: "y"), replacing: true)
    #expect(workspace.statement(named: "a")?.text == "y")
    #expect(workspace.count == 1)
    #expect(throws: WorkspaceError.unknownName("b")) { try workspace.remove(named: "b") }
    try workspace.remove(named: "a")
    #expect(workspace.names == [])
  }
}
