/// Line differences in the unified format of `diff -u`: `@@ -a,b +c,d @@` hunk headers, then
/// context lines starting with a space, removed lines with `-` and added lines with `+`.
public enum UnifiedDiff {
  /// The hunk lines turning `old` into `new` (empty when they are equal). Line numbers count
  /// from `oldStart` and `newStart`, so that they can be lines of a file; `section` follows the
  /// `@@` header as `diff -p` puts a function name there. The edit is a shortest one (the
  /// standard library's Myers difference), with removals before additions in each change.
  public static func hunks(
    from old: [String], to new: [String], oldStart: Int = 1, newStart: Int = 1,
    context: Int = 3, section: String = ""
  ) -> [String] {
    let operations = edits(from: old, to: new)
    let changed = operations.indices.filter { operations[$0].kind != .same }
    guard let firstChange = changed.first else { return [] }
    // Group the changes whose context lines would touch or overlap.
    var groups: [ClosedRange<Int>] = []
    var start = firstChange
    var end = firstChange
    for index in changed.dropFirst() {
      if index - end > 2 * context {
        groups.append(start...end)
        start = index
      }
      end = index
    }
    groups.append(start...end)
    var lines: [String] = []
    for group in groups {
      let lower = max(0, group.lowerBound - context)
      let upper = min(operations.count - 1, group.upperBound + context)
      let slice = operations[lower...upper]
      let oldCount = slice.filter { $0.kind != .added }.count
      let newCount = slice.filter { $0.kind != .removed }.count
      let oldFirst = oldStart + operations[lower].oldIndex
      let newFirst = newStart + operations[lower].newIndex
      var header =
        "@@ -\(range(oldFirst, oldCount)) +\(range(newFirst, newCount)) @@"
      if !section.isEmpty { header += " " + section }
      lines.append(header)
      for operation in slice {
        switch operation.kind {
        case .same: lines.append(" " + old[operation.oldIndex])
        case .removed: lines.append("-" + old[operation.oldIndex])
        case .added: lines.append("+" + new[operation.newIndex])
        }
      }
    }
    return lines
  }

  /// `diff -u`'s range: `start` for one line, `start,count` otherwise, and for no lines the
  /// line before the place (`5,0`: after line 5).
  static func range(_ start: Int, _ count: Int) -> String {
    switch count {
    case 0: return "\(start - 1),0"
    case 1: return "\(start)"
    default: return "\(start),\(count)"
    }
  }

  struct Edit: Equatable {
    enum Kind { case same, removed, added }
    var kind: Kind
    /// For `added`, the place in `old` it comes before; otherwise the line of `old`.
    var oldIndex: Int
    /// For `removed`, the place in `new` it comes before; otherwise the line of `new`.
    var newIndex: Int
  }

  /// The edit script: every line of `old` and `new` once, in order.
  static func edits(from old: [String], to new: [String]) -> [Edit] {
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in new.difference(from: old) {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var edits: [Edit] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < old.count || newIndex < new.count {
      if oldIndex < old.count && removed.contains(oldIndex) {
        edits.append(Edit(kind: .removed, oldIndex: oldIndex, newIndex: newIndex))
        oldIndex += 1
      } else if newIndex < new.count && inserted.contains(newIndex) {
        edits.append(Edit(kind: .added, oldIndex: oldIndex, newIndex: newIndex))
        newIndex += 1
      } else {
        edits.append(Edit(kind: .same, oldIndex: oldIndex, newIndex: newIndex))
        oldIndex += 1
        newIndex += 1
      }
    }
    return edits
  }
}
