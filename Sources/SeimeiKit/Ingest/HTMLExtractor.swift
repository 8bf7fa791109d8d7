import CLibXML2

/// The readable text of a web page, with its title and descriptive metadata.
public struct HTMLDocument: Sendable, Equatable {
  /// The main text: paragraphs separated by one blank line, blanks inside them collapsed.
  public var text: String
  /// The page's `<title>` (or `og:title` when it has none), blanks collapsed.
  public var title: String?
  /// What the page says about itself, by key: `date` (YYYY-MM-DD), `author`, `description`,
  /// `language` (the `<html lang>` tag as written) and `url` (canonical link or `og:url`).
  public var metadata: [String: String]

  public init(text: String, title: String? = nil, metadata: [String: String] = [:]) {
    self.text = text
    self.title = title
    self.metadata = metadata
  }
}

/// Why no text could be taken from a page.
public enum HTMLError: Error, Equatable, CustomStringConvertible {
  /// The page has no visible text in its main content.
  case noText

  public var description: String {
    switch self {
    case .noText: "no text found in the page"
    }
  }
}

/// Takes the statement text out of a saved web page, with libxml2's forgiving HTML parser.
///
/// The text comes from the page's `<main>` elements, or else its outermost `<article>`s in order,
/// or else its `<body>` (each tried in turn while it gives no text). Page furniture and anything
/// hidden are left out: `script`, `style`, `noscript`, `template`, `nav`, `header`, `footer`,
/// `aside`, `form`, `button`, `iframe`, `svg` and a few like them; elements whose `role` is
/// navigation, banner, contentinfo, search or dialog; and elements with a `hidden` attribute,
/// `aria-hidden="true"` or an inline `display:none` or `visibility:hidden`. A `<form>` that
/// wraps the page's structure (`main`, `article`, `nav`, `header`, `footer` or `h1` inside it,
/// as in ASP.NET pages) is not furniture and is kept.
///
/// Block elements (paragraphs, headings, list items, `div`, `br`, table rows, block quotes,
/// sections…) end paragraphs; table cells in a row are joined with a space. Inside a paragraph,
/// runs of blanks become one space, and none is added where the source had none, so
/// `外務<b>報道官</b>談話` stays `外務報道官談話`. A line break in the source between two
/// East Asian wide characters (kana, kanji, full-width forms) is dropped rather than made a space,
/// as CSS Text prescribes, so Japanese wrapped in the HTML source is not split.
public enum HTMLExtractor {
  /// Extracts the text, title and metadata of a page.
  public static func extract(_ html: String) throws(HTMLError) -> HTMLDocument {
    _ = initialized
    var html = html
    let parsed: HTMLDocument? = html.withUTF8 { buffer in
      guard buffer.count > 0, buffer.count < Int(Int32.max) else { return nil }
      let options =
        Int32(HTML_PARSE_RECOVER.rawValue) | Int32(HTML_PARSE_NOERROR.rawValue)
        | Int32(HTML_PARSE_NOWARNING.rawValue) | Int32(HTML_PARSE_NONET.rawValue)
        | Int32(HTML_PARSE_IGNORE_ENC.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
      let document = buffer.withMemoryRebound(to: CChar.self) { chars in
        htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
      }
      guard let document else { return nil }
      defer { xmlFreeDoc(document) }
      guard let root = xmlDocGetRootElement(document) else { return nil }
      return extract(root: root)
    }
    guard let parsed, !parsed.text.isEmpty else { throw .noText }
    return parsed
  }

  /// libxml2 wants `xmlInitParser` once before use from several threads.
  private static let initialized: Void = xmlInitParser()

  private typealias Node = UnsafeMutablePointer<xmlNode>

  private static func extract(root: Node) -> HTMLDocument {
    var mains: [Node] = []
    var articles: [Node] = []
    var bodies: [Node] = []
    var head = HeadScan()
    walk(root) { node in
      guard node.pointee.type == XML_ELEMENT_NODE else { return false }
      let name = elementName(node)
      head.visit(node, name: name)
      switch name {
      case "main" where !isExcluded(node) && !hasAncestor(node, named: "main"):
        mains.append(node)
      case "article" where !isExcluded(node) && !hasAncestor(node, named: "article"):
        articles.append(node)
      case "body" where bodies.isEmpty: bodies.append(node)
      default: break
      }
      return true
    } exit: { _, _ in
    }

    var text = ""
    var roots: [Node] = []
    for candidates in [mains, articles, bodies, [root]] where !candidates.isEmpty {
      text = visibleText(of: candidates)
      roots = candidates
      if !text.isEmpty { break }
    }

    var metadata: [String: String] = [:]
    let dates = head.values(for: dateKeys) + roots.flatMap(timeValues)
    metadata["date"] = dates.lazy.compactMap(DateText.isoDate).first
    let authors = head.values(for: authorKeys).filter { !$0.hasPrefix("http") }
    metadata["author"] = (authors + head.values(for: ["og:site_name"])).first
    metadata["description"] = head.values(for: descriptionKeys).first
    metadata["language"] = head.language
    metadata["url"] = head.canonical ?? head.values(for: ["og:url"]).first
    let title = head.title ?? head.values(for: ["og:title"]).first
    return HTMLDocument(text: text, title: title, metadata: metadata)
  }

  private static let dateKeys = [
    "date", "dcterms.date", "article:published_time", "dc.date", "dcterms.issued",
    "dc.date.issued", "dcterms.created", "itemprop:datepublished",
  ]
  private static let authorKeys = ["author", "dcterms.creator", "dc.creator", "article:author"]
  private static let descriptionKeys = ["description", "og:description", "dcterms.description"]

  // MARK: - Text

  /// Elements whose content is never part of the text.
  private static let droppedElements: Set<String> = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "svg", "math", "head", "title", "object", "embed", "canvas", "select",
    "textarea", "input", "dialog", "video", "audio", "map",
  ]

  /// Elements that begin and end paragraphs.
  private static let blockElements: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
    "table", "thead", "tbody", "tfoot", "caption", "blockquote", "section", "article", "main",
    "body", "html", "pre", "hr", "address", "center", "figure", "figcaption", "fieldset",
    "legend", "details", "summary", "hgroup", "menu", "dir", "listing", "plaintext", "xmp",
  ]

  private static func visibleText(of roots: [Node]) -> String {
    var collector = TextCollector()
    for root in roots {
      collector.breakParagraph()
      walk(root) { node in
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          collector.add(text(of: node))
          return false
        case XML_ELEMENT_NODE:
          let name = elementName(node)
          if isDropped(node, name: name) { return false }
          if name == "br" {
            collector.breakParagraph()
            return false
          }
          if blockElements.contains(name) { collector.breakParagraph() }
          if name == "td" || name == "th" { collector.separateCell() }
          if name == "pre" { collector.preformatted += 1 }
          return true
        default:
          return false
        }
      } exit: { node, entered in
        guard entered, node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = elementName(node)
        if blockElements.contains(name) { collector.breakParagraph() }
        if name == "td" || name == "th" { collector.separateCell() }
        if name == "pre" { collector.preformatted -= 1 }
      }
    }
    collector.breakParagraph()
    return collector.paragraphs.joined(separator: "\n\n")
  }

  /// Builds paragraphs from text runs, collapsing blanks.
  private struct TextCollector {
    var paragraphs: [String] = []
    var current = String.UnicodeScalarView()
    /// Blanks seen since the last character, to become one space before the next one.
    var pendingSpace = false
    /// Whether those blanks included a line break (dropped between wide characters).
    var pendingLineBreak = false
    var lastScalar: Unicode.Scalar = " "
    /// Depth of `<pre>` elements: line breaks there end paragraphs.
    var preformatted = 0

    mutating func breakParagraph() {
      if !current.isEmpty { paragraphs.append(String(current)) }
      current = String.UnicodeScalarView()
      pendingSpace = false
      pendingLineBreak = false
    }

    mutating func separateCell() {
      if !current.isEmpty { pendingSpace = true }
    }

    mutating func add(_ text: String) {
      for scalar in text.unicodeScalars {
        if scalar == "\n" && preformatted > 0 {
          breakParagraph()
        } else if isBlank(scalar) {
          pendingSpace = true
          if scalar == "\n" || scalar == "\r" { pendingLineBreak = true }
        } else {
          if pendingSpace && !current.isEmpty
            && !(pendingLineBreak && isWide(lastScalar) && isWide(scalar))
          {
            current.append(" ")
          }
          pendingSpace = false
          pendingLineBreak = false
          current.append(scalar)
          lastScalar = scalar
        }
      }
    }
  }

  /// Blanks that collapse: ASCII white space and the no-break space. The ideographic space
  /// U+3000 is kept, as Japanese text uses it deliberately.
  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}": true
    default: false
    }
  }

  /// East Asian wide and half-width characters other than Hangul, for line-break removal.
  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E80...0xA4CF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFDC, 0xFFE0...0xFFE6,
      0x20000...0x3FFFD:
      true
    default: false
    }
  }

  // MARK: - Head and metadata

  /// What the whole document says about itself.
  private struct HeadScan {
    var title: String?
    var language: String?
    var canonical: String?
    /// Meta values by lowercased name, property or itemprop, in document order.
    var meta: [(key: String, value: String)] = []

    mutating func visit(_ node: Node, name: String) {
      switch name {
      case "html":
        if language == nil, let lang = attribute(node, "lang").map(collapse), !lang.isEmpty {
          language = lang
        }
      case "title":
        if title == nil && !hasAncestor(node, named: "svg") {
          let text = collapse(textContent(node))
          if !text.isEmpty { title = text }
        }
      case "meta":
        guard let content = attribute(node, "content").map(collapse), !content.isEmpty else {
          return
        }
        for key in ["name", "property"] {
          if let value = attribute(node, key) { meta.append((value.lowercased(), content)) }
        }
        if let value = attribute(node, "itemprop") {
          meta.append(("itemprop:" + value.lowercased(), content))
        }
      case "link":
        let rel = attribute(node, "rel")?.lowercased().split(separator: " ") ?? []
        if canonical == nil, rel.contains("canonical"), let href = attribute(node, "href") {
          let href = collapse(href)
          if !href.isEmpty { canonical = href }
        }
      default:
        if let value = attribute(node, "itemprop"), value.lowercased() == "datepublished" {
          let date = attribute(node, "content") ?? attribute(node, "datetime") ?? textContent(node)
          meta.append(("itemprop:datepublished", collapse(date)))
        }
      }
    }

    /// The values of the given keys, in the order of the keys, then of the document.
    func values(for keys: [String]) -> [String] {
      keys.flatMap { key in meta.filter { $0.key == key }.map(\.value) }
    }
  }

  /// The `datetime` of `<time>` elements under a root, hidden parts included.
  private static func timeValues(_ root: Node) -> [String] {
    var values: [String] = []
    walk(root) { node in
      guard node.pointee.type == XML_ELEMENT_NODE else { return false }
      if elementName(node) == "time", let value = attribute(node, "datetime") {
        values.append(value)
      }
      return true
    } exit: { _, _ in
    }
    return values
  }

  // MARK: - libxml2 tree helpers

  /// Visits the subtree at `root` in document order without recursion, so that any depth is
  /// safe: `enter` says whether to go into a node's children; `exit` follows with that answer.
  private static func walk(
    _ root: Node, enter: (Node) -> Bool, exit: (Node, Bool) -> Void
  ) {
    var node = root
    var entered = enter(node)
    while true {
      if entered, let child = node.pointee.children {
        node = child
        entered = enter(node)
        continue
      }
      exit(node, entered)
      while true {
        if node == root { return }
        if let next = node.pointee.next {
          node = next
          entered = enter(node)
          break
        }
        guard let parent = node.pointee.parent else { return }
        node = parent
        exit(node, true)
      }
    }
  }

  private static func elementName(_ node: Node) -> String {
    guard let name = node.pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  private static func text(of node: Node) -> String {
    guard let content = node.pointee.content else { return "" }
    return String(cString: content)
  }

  /// All the text under a node, as is.
  private static func textContent(_ node: Node) -> String {
    var result = ""
    walk(node) { child in
      if child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE {
        result += text(of: child)
      }
      return true
    } exit: { _, _ in
    }
    return result
  }

  /// An attribute's value; names are matched without regard to case.
  private static func attribute(_ node: Node, _ name: String) -> String? {
    var property = node.pointee.properties
    while let current = property {
      if let attributeName = current.pointee.name,
        String(cString: attributeName).lowercased() == name
      {
        var value = ""
        var child = current.pointee.children
        while let text = child {
          if let content = text.pointee.content { value += String(cString: content) }
          child = text.pointee.next
        }
        return value
      }
      property = current.pointee.next
    }
    return nil
  }

  /// Whether an element and its content are left out of the text: furniture, landmarks of page
  /// furniture (`role` navigation, banner, contentinfo, search, dialog), or hidden. A `<form>`
  /// that holds the page's main structure (as ASP.NET pages wrap everything in one) is kept.
  private static func isDropped(_ node: Node, name: String) -> Bool {
    if droppedElements.contains(name) {
      return !(name == "form" && wrapsPage(node))
    }
    if let role = attribute(node, "role")?.lowercased(), droppedRoles.contains(collapse(role)) {
      return true
    }
    return isHidden(node)
  }

  private static let droppedRoles: Set<String> = [
    "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog",
  ]

  /// Whether a form contains what only a whole page has: main content or page landmarks.
  private static func wrapsPage(_ form: Node) -> Bool {
    var found = false
    walk(form) { node in
      guard !found, node.pointee.type == XML_ELEMENT_NODE else { return false }
      if node != form, pageStructure.contains(elementName(node)) { found = true }
      return !found
    } exit: { _, _ in
    }
    return found
  }

  private static let pageStructure: Set<String> = [
    "main", "article", "nav", "header", "footer", "h1",
  ]

  private static func isHidden(_ node: Node) -> Bool {
    if attribute(node, "hidden") != nil { return true }
    if let ariaHidden = attribute(node, "aria-hidden"),
      collapse(ariaHidden).lowercased() == "true"
    {
      return true
    }
    if let style = attribute(node, "style") {
      let compact = String(style.lowercased().unicodeScalars.filter { !isBlank($0) })
      if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
    }
    if elementName(node) == "input", attribute(node, "type")?.lowercased() == "hidden" {
      return true
    }
    return false
  }

  /// Whether the node or one of its ancestors is dropped or hidden.
  private static func isExcluded(_ node: Node) -> Bool {
    var current: Node? = node
    while let element = current, element.pointee.type == XML_ELEMENT_NODE {
      if isDropped(element, name: elementName(element)) { return true }
      current = element.pointee.parent
    }
    return false
  }

  private static func hasAncestor(_ node: Node, named name: String) -> Bool {
    var current = node.pointee.parent
    while let element = current, element.pointee.type == XML_ELEMENT_NODE {
      if elementName(element) == name { return true }
      current = element.pointee.parent
    }
    return false
  }

  /// Blanks collapsed to single spaces and trimmed.
  static func collapse(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pending = false
    for scalar in text.unicodeScalars {
      if isBlank(scalar) {
        pending = !result.isEmpty
      } else {
        if pending { result.append(" ") }
        pending = false
        result.append(scalar)
      }
    }
    return String(result)
  }
}

/// Dates as written on pages and in metadata, read as ISO 8601 calendar dates.
enum DateText {
  /// `YYYY-MM-DD` from the start of `text`: ISO dates and date-times, `YYYY/M/D`, `YYYY.M.D`,
  /// `YYYYMMDD`, `YYYY年M月D日` and the Japanese eras 令和 and 平成 (`令和6年5月1日`, `令和元年…`),
  /// in ASCII or full-width digits. Nil when it is none of these or not a real date.
  static func isoDate(_ text: String) -> String? {
    var scalars: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      if (0xFF10...0xFF19).contains(scalar.value) {
        scalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
      } else {
        scalars.append(scalar)
      }
    }
    while let first = scalars.first, first == " " || first == "\t" || first == "\n" {
      scalars.removeFirst()
    }
    var index = 0
    func number(maxDigits: Int) -> Int? {
      var value = 0
      var digits = 0
      while index < scalars.count, digits < maxDigits, let digit = digitValue(scalars[index]) {
        value = value * 10 + digit
        digits += 1
        index += 1
      }
      return digits == 0 ? nil : value
    }
    func skip(_ accepted: Set<Unicode.Scalar>) -> Bool {
      guard index < scalars.count, accepted.contains(scalars[index]) else { return false }
      index += 1
      return true
    }

    var yearOffset = 0
    let era = String(String.UnicodeScalarView(scalars.prefix(2)))
    if era == "令和" || era == "平成" {
      yearOffset = era == "令和" ? 2018 : 1988
      index = 2
    }
    let year: Int
    if yearOffset > 0 {
      if index < scalars.count && scalars[index] == "元" {
        year = 1 + yearOffset
        index += 1
      } else {
        guard let eraYear = number(maxDigits: 2) else { return nil }
        year = eraYear + yearOffset
      }
      guard skip(["年"]) else { return nil }
    } else {
      let start = index
      guard let value = number(maxDigits: 8) else { return nil }
      if index - start == 8 {
        return validated(value / 10000, value / 100 % 100, value % 100)
          .flatMap { date in isDateEnd(scalars, index) ? date : nil }
      }
      guard index - start == 4 else { return nil }
      year = value
      guard skip(["-", "/", ".", "年"]) else { return nil }
    }
    guard let month = number(maxDigits: 2), skip(["-", "/", ".", "月"]),
      let day = number(maxDigits: 2), isDateEnd(scalars, index)
    else { return nil }
    return validated(year, month, day)
  }

  private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    (0x30...0x39).contains(scalar.value) ? Int(scalar.value - 0x30) : nil
  }

  private static func isDateEnd(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    index >= scalars.count || digitValue(scalars[index]) == nil
  }

  /// The date as `YYYY-MM-DD` if it exists in the Gregorian calendar.
  static func validated(_ year: Int, _ month: Int, _ day: Int) -> String? {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= days[month - 1] else { return nil }
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }
}
