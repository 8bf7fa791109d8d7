import Foundation

/// English word forms for the cue lexicon: a cue is written once, in its base form, and flagged
/// `v` (verb) or `n` (noun); the matcher looks for every form generated here.
///
/// The rules over-generate on purpose: a form that is not an English word (`regreted` beside
/// `regretted`, `criticize` beside `criticise`) never occurs in a text, so it costs nothing, while
/// a missing form loses a claim. Irregular verbs come from a small table.
enum CueInflection {
  /// Every form of a cue's words: `text` is one alternative of the cue (normalised, gap parts
  /// joined by `" ... "`). `verb` inflects the word marked with a trailing `+`, else the first
  /// word; `noun` the marked word, else the last. Spelling variants (British and American,
  /// hyphens, apostrophes) are added for every word. The base form comes first.
  static func forms(of text: String, verb: Bool, noun: Bool) -> [String] {
    var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    var marked: Int?
    for (index, word) in words.enumerated() where word.count > 1 && word.hasSuffix("+") {
      marked = index
      words[index] = String(word.dropLast())
    }
    let contentIndices = words.indices.filter { words[$0] != "..." }
    var phrases: [[String]] = [words]
    if let first = contentIndices.first, let last = contentIndices.last {
      var targets: [(index: Int, forms: [String])] = []
      if verb {
        let index = marked ?? first
        targets.append((index, verbForms(words[index])))
      }
      if noun {
        let index = marked ?? last
        targets.append((index, nounForms(words[index])))
      }
      for target in targets {
        for form in target.forms where form != words[target.index] {
          var phrase = words
          phrase[target.index] = form
          phrases.append(phrase)
        }
      }
    }
    var result: [String] = []
    var seen: Set<String> = []
    for phrase in phrases {
      for variant in spellingVariants(of: phrase) where seen.insert(variant).inserted {
        result.append(variant)
      }
    }
    return result
  }

  // MARK: - Verbs

  /// Irregular verbs: base form and its other forms (past, past participle).
  static let irregularVerbs: [String: [String]] = [
    "be": ["is", "are", "am", "was", "were", "been", "being"],
    "have": ["has", "had", "having"],
    "do": ["does", "did", "done", "doing"],
    "say": ["said"], "pay": ["paid"], "lay": ["laid"], "make": ["made"], "deal": ["dealt"],
    "take": ["took", "taken"], "steal": ["stole", "stolen"], "break": ["broke", "broken"],
    "hold": ["held"], "keep": ["kept"], "stand": ["stood"], "lead": ["led"],
    "seek": ["sought"], "bring": ["brought"], "go": ["went", "gone"], "give": ["gave", "given"],
    "find": ["found"], "get": ["got", "gotten"], "send": ["sent"], "buy": ["bought"],
    "put": ["put"], "set": ["set"], "run": ["ran"], "speak": ["spoke", "spoken"],
    "tell": ["told"], "write": ["wrote", "written"], "draw": ["drew", "drawn"],
    "spend": ["spent"], "lose": ["lost"], "build": ["built"], "know": ["knew", "known"],
    "show": ["shown"], "begin": ["began", "begun"], "choose": ["chose", "chosen"],
    "meet": ["met"], "leave": ["left"], "feel": ["felt"], "mean": ["meant"],
    "come": ["came"], "see": ["saw", "seen"], "shut": ["shut"], "hit": ["hit"], "cut": ["cut"],
    "let": ["let"], "freeze": ["froze", "frozen"], "fight": ["fought"], "bear": ["bore", "borne"],
    "strike": ["struck", "stricken"], "think": ["thought"], "sell": ["sold"],
    "hide": ["hid", "hidden"], "shake": ["shook", "shaken"], "forbid": ["forbade", "forbidden"],
    "undergo": ["underwent", "undergone"],
  ]

  /// Irregular verbs that keep their forms under a prefix: undertake, withdraw, uphold.
  static let prefixableVerbs = ["take", "draw", "hold", "stand", "come", "go", "write", "see"]

  /// The base form, third person singular, past tense and participle, and the -ing form.
  static func verbForms(_ word: String) -> [String] {
    guard isLatinWord(word) else { return [word] }
    var forms = [word, thirdPerson(word)]
    forms += pastForms(word)
    forms += ingForms(word)
    if let irregular = irregularVerbs[word] {
      forms += irregular
    } else if let base = prefixableVerbs.first(where: {
      word.hasSuffix($0) && word.count > $0.count
    }),
      let irregular = irregularVerbs[base]
    {
      let prefix = String(word.dropLast(base.count))
      forms += irregular.map { prefix + $0 }
    }
    return unique(forms)
  }

  static func thirdPerson(_ word: String) -> String {
    if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
      || word.hasSuffix("sh") || word.hasSuffix("o")
    {
      return word + "es"
    }
    if endsInConsonantY(word) { return String(word.dropLast()) + "ies" }
    return word + "s"
  }

  static func pastForms(_ word: String) -> [String] {
    if word.hasSuffix("e") { return [word + "d"] }
    if endsInConsonantY(word) { return [String(word.dropLast()) + "ied"] }
    var forms = [word + "ed"]
    if let last = word.last, endsInConsonantVowelConsonant(word) {
      forms.append(word + String(last) + "ed")
    }
    return forms
  }

  static func ingForms(_ word: String) -> [String] {
    if word.hasSuffix("ie") { return [String(word.dropLast(2)) + "ying"] }
    if word.hasSuffix("e") && !word.hasSuffix("ee") && !word.hasSuffix("ye")
      && !word.hasSuffix("oe") && word.count > 2
    {
      return [String(word.dropLast()) + "ing"]
    }
    var forms = [word + "ing"]
    if let last = word.last, endsInConsonantVowelConsonant(word) {
      forms.append(word + String(last) + "ing")
    }
    return forms
  }

  // MARK: - Nouns

  /// The singular and the plural (both plurals where English hesitates: -os/-oes, -fs/-ves).
  static func nounForms(_ word: String) -> [String] {
    guard isLatinWord(word) else { return [word] }
    var forms = [word]
    if word.hasSuffix("is") && word.count > 3 {
      forms.append(String(word.dropLast(2)) + "es")  // analysis → analyses
    } else if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z")
      || word.hasSuffix("ch") || word.hasSuffix("sh")
    {
      forms.append(word + "es")
    } else if endsInConsonantY(word) {
      forms.append(String(word.dropLast()) + "ies")
    } else if word.hasSuffix("o") {
      forms += [word + "s", word + "es"]
    } else if word.hasSuffix("fe") {
      forms += [word + "s", String(word.dropLast(2)) + "ves"]
    } else if word.hasSuffix("f") {
      forms += [word + "s", String(word.dropLast()) + "ves"]
    } else {
      forms.append(word + "s")
    }
    return unique(forms)
  }

  // MARK: - Spelling

  /// The phrase joined, with every combination of its words' spelling variants and of the two
  /// apostrophes.
  static func spellingVariants(of words: [String]) -> [String] {
    var phrases = [""]
    for (index, word) in words.enumerated() {
      let variants = wordVariants(word)
      var next: [String] = []
      for phrase in phrases {
        for variant in variants { next.append(index == 0 ? variant : phrase + " " + variant) }
      }
      phrases = next
    }
    var result = phrases
    for phrase in phrases where phrase.contains("'") {
      result.append(phrase.replacingOccurrences(of: "'", with: "\u{2019}"))
    }
    return unique(result)
  }

  /// British and American spellings (-ise/-ize, -yse/-yze, -our/-or, -fence/-fense) and the
  /// three ways of writing a hyphenated compound (like-minded, like minded, likeminded).
  static func wordVariants(_ word: String) -> [String] {
    guard word != "..." else { return [word] }
    var variants = [word]
    for (from, to) in [("is", "iz"), ("iz", "is"), ("ys", "yz"), ("yz", "ys")] {
      for suffix in ["e", "ed", "es", "ing", "ation", "ations", "er", "ers"] {
        let ending = from + suffix
        if word.hasSuffix(ending) && word.count - ending.count >= 3 {
          variants.append(String(word.dropLast(ending.count)) + to + suffix)
        }
      }
    }
    if let range = word.range(of: "our"),
      word.distance(from: word.startIndex, to: range.lowerBound) >= 3
    {
      variants.append(word.replacingCharacters(in: range, with: "or"))
    }
    if word.hasSuffix("fence") && word.count > 5 {
      variants.append(String(word.dropLast(2)) + "se")
    }
    for variant in variants where variant.contains("-") && variant.count > 2 {
      variants.append(variant.replacingOccurrences(of: "-", with: " "))
      variants.append(variant.replacingOccurrences(of: "-", with: ""))
    }
    return unique(variants)
  }

  // MARK: - Letters

  static func isLatinWord(_ word: String) -> Bool {
    !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
  }

  static func isVowel(_ character: Character) -> Bool { "aeiou".contains(character) }

  static func endsInConsonantY(_ word: String) -> Bool {
    let letters = Array(word)
    guard letters.count >= 2, letters[letters.count - 1] == "y" else { return false }
    return !isVowel(letters[letters.count - 2])
  }

  /// Consonant, vowel, consonant (not w, x or y) at the end: the final consonant may double
  /// (regret → regretted, deter → deterred); both spellings are generated.
  static func endsInConsonantVowelConsonant(_ word: String) -> Bool {
    let letters = Array(word)
    guard letters.count >= 3 else { return false }
    let (a, b, c) = (
      letters[letters.count - 3], letters[letters.count - 2], letters[letters.count - 1]
    )
    return !isVowel(a) && isVowel(b) && !isVowel(c) && !"wxy".contains(c)
  }

  static func unique(_ forms: [String]) -> [String] {
    var seen: Set<String> = []
    return forms.filter { seen.insert($0).inserted }
  }
}
