/// The English abbreviation lexicon used to correct ICU's sentence breaks.
///
/// ICU breaks after any period followed by a space and a capital letter or digit, so "Mr. Smith",
/// "No. 5" and "Jan. 5" become two sentences each. `Segmenter` joins such pairs again when the
/// word before the break is listed here, under a rule that depends on its class.
///
/// The lexicon is data, kept in source so that the binary needs no resource files. Format, one
/// entry group a line:
///
///     class: entry entry entry …
///
/// Entries are separated by blanks, compared case-insensitively, and written with their final
/// period. Lines starting with `#` and blank lines are ignored. Classes:
///
/// - `title`: a title or honorific before a name, which never ends a sentence: the break is
///   removed whenever a letter or digit follows ("Mr. Smith", "Dr. Jones", "Amb. Lee").
/// - `number`: a word introducing a number, removed when a digit, an opening parenthesis or a
///   Roman numeral follows ("No. 5", "Art. 51", "para. 3", "Vol. IV").
/// - `month`: a month, removed when a digit follows ("Jan. 5").
/// - `general`: other abbreviations, removed when a lowercase letter or a digit follows
///   ("e.g. the", "etc. 5"); before a capital they may end a sentence ("… and so on, etc. The").
/// - `initialism`: dotted initials ("U.S.", "U.N."), removed unless the next word is one of the
///   sentence starters below ("the U.S. Government" stays one sentence, "by the U.S. The next"
///   is two). Any word shaped like dotted initials or a single capital letter with a period is
///   treated as an initialism even if not listed; the list documents the common ones.
/// - `starter`: words (without period) that typically begin a sentence, used by `initialism`.
enum Abbreviations {
  static let lexicon = """
    # Titles and honorifics.
    title: mr. mrs. ms. messrs. mmes. mme. mlle. dr. prof. st. sen. sens. rep. reps. gov.
    title: gen. lt. col. maj. capt. cmdr. adm. sgt. cpl. amb. hon. rev. fr. pres. supt. insp.
    title: h.e. h.m. h.r.h.

    # Words introducing a number.
    number: no. nos. art. arts. para. paras. sec. secs. ch. chap. chaps. vol. vols. p. pp.
    number: fig. figs. ref. res. doc. reg. regs. op. cl. sch. tab. annex. app. pt. pts.

    # Months.
    month: jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.

    # Other abbreviations.
    general: e.g. i.e. etc. cf. vs. viz. approx. esp. incl. excl. est. min. max. dept. govt.
    general: inc. ltd. co. corp. bros. jr. sr. a.m. p.m. al. ca. var. resp. fn. eds. ed.

    # Dotted initials (any other word of the same shape is treated alike).
    initialism: u.s. u.k. u.n. e.u. u.s.a. u.s.s.r. p.r.c. r.o.k. d.c. n.a.t.o. u.a.e.

    # Words that usually begin a sentence.
    starter: the this that these those it its we our us they their them he his she her i you
    starter: a an and but or so yet however moreover furthermore therefore thus hence also
    starter: in on at as by for from with to of if when while since although though after
    starter: before during today yesterday tomorrow there here such both all each every no
    starter: meanwhile nevertheless nonetheless accordingly consequently finally first second
    starter: third lastly next then instead indeed rather despite following according
    """

  enum Kind: Sendable {
    case title, number, month, general, initialism
  }

  /// Entries by lowercase spelling, with their period.
  static let entries: [String: Kind] = parsed.entries
  /// Lowercase sentence starters.
  static let starters: Set<String> = parsed.starters

  private static let parsed: (entries: [String: Kind], starters: Set<String>) = {
    var entries: [String: Kind] = [:]
    var starters: Set<String> = []
    for line in lexicon.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let colon = trimmed.firstIndex(of: ":") else { continue }
      let words = trimmed[trimmed.index(after: colon)...].split(separator: " ").map {
        $0.lowercased()
      }
      let kind: Kind
      switch trimmed[..<colon] {
      case "title": kind = .title
      case "number": kind = .number
      case "month": kind = .month
      case "general": kind = .general
      case "initialism": kind = .initialism
      case "starter":
        starters.formUnion(words)
        continue
      default: continue
      }
      for word in words { entries[word] = kind }
    }
    return (entries, starters)
  }()
}
