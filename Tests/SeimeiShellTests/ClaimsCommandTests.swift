import Foundation
import SeimeiKit
import Testing

@testable import SeimeiShell

@Suite struct ClaimsCommandTests {
  let english = """
    The Government of Exempla condemns in the strongest terms the cyber campaign of the Borovian \
    Intelligence Service. We call on Borovia to stop these operations.

    We will continue to work with our partners.
    """
  let japanese = "我が国は、この行為を強く非難する。我が国は強い懸念を表明する。\n"

  func shell() -> TestShell {
    let shell = TestShell(files: ["en.txt": english, "ja.txt": japanese])
    shell.run("load en.txt", "load ja.txt")
    return shell
  }

  @Test func jsonShapeWithAName() throws {
    let shell = shell()
    let text = shell.run("claims en --json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["statement"] as? String == "en")
    let claims = try #require(object["claims"] as? [[String: Any]])
    #expect(!claims.isEmpty)
    for claim in claims {
      for key in [
        "type", "sentence", "start", "end", "text", "cue", "level", "band", "confidence", "actors",
        "hedged",
      ] {
        #expect(claim.keys.contains(key), "claim has \(key)")
      }
      // start/end are the cue's offsets in the original text.
      let start = try #require(claim["start"] as? Int)
      let end = try #require(claim["end"] as? Int)
      let scalars = Array(english.unicodeScalars)
      let cue = String(String.UnicodeScalarView(scalars[start..<end]))
      #expect(cue == claim["cue"] as? String)
      #expect((claim["text"] as? String)?.contains(cue) == true)
    }
    let condemnation = try #require(claims.first { $0["type"] as? String == "condemnation" })
    #expect(condemnation["level"] as? Int == 7)
    #expect(condemnation["sentence"] as? Int == 1)
    #expect(claims.contains { $0["type"] as? String == "demand" && $0["sentence"] as? Int == 2 })
    #expect(
      claims.contains { $0["type"] as? String == "commitment" && $0["sentence"] as? Int == 3 })
    let strongest = try #require(object["strongest"] as? [String: Any])
    #expect(strongest["level"] as? Int == 7)
    #expect(strongest["sentence"] as? Int == 1)
  }

  @Test func tableViewsAndFilters() {
    let shell = shell()
    let text = shell.run("claims ja")
    #expect(text.contains("condemnation"))
    #expect(text.contains("strongest wording: level 6 «強く非難»"))
    let concernOnly = shell.run("claims ja --type concern")
    #expect(!concernOnly.contains("condemnation"))
    #expect(concernOnly.contains("concern"))
    let strong = shell.run("claims ja --min-level 5 --json")
    #expect(strong.contains(#""level" : 6"#) && !strong.contains(#""level" : 3"#))
    let overview = shell.run("claims")
    #expect(overview.hasPrefix("name"))
    #expect(overview.contains("\nen "))
    #expect(overview.contains("\nja "))
    #expect(shell.run("claims ja --type blame").contains("error:"))
    #expect(shell.run("claims ja --min-level 9").contains("--min-level must be from 1 to 7"))
  }

  @Test func lexiconListsAddsLoadsAndIsSaved() throws {
    let shell = shell()
    let listing = shell.run("lexicon --type condemnation --lang ja")
    #expect(listing.hasPrefix("cue"))
    #expect(listing.contains("非難"))
    #expect(!listing.contains(" en "))
    #expect(
      shell.run("lexicon add quarantine --lang en --type measure")
        == "added measure cue 'quarantine' (en)\n")
    #expect(
      shell.run("lexicon add x --lang fr --type measure").hasPrefix("error: cannot add 'x': "))
    #expect(shell.run("lexicon add x --type measure").contains("needs --lang"))
    #expect(shell.run("lexicon remove x").contains("not an action of lexicon"))
    TestShell.write(
      "cue\tlang\ttype\tlevel\tband\tflags\tnote\n検疫\tja\tmeasure\t-\t-\t-\tpublic health\n",
      to: shell.directory + "/health.tsv")
    #expect(shell.run("lexicon load health.tsv") == "added 1 cue from health.tsv\n")
    TestShell.write(
      "cue\tlang\ttype\tlevel\tband\tflags\tnote\n検疫\tja\tnotatype\t-\t-\t-\t\n",
      to: shell.directory + "/bad.tsv")
    #expect(shell.run("lexicon load bad.tsv").hasPrefix("error: bad.tsv: line 2: "))
    #expect(
      shell.run("lexicon load none.tsv") == "error: none.tsv: no such file or cannot read it\n")
    // Added cues are saved with the workspace and come back with it.
    shell.run("save work.json")
    let other = TestShell()
    TestShell.write(try #require(shell.read("work.json")), to: other.directory + "/work.json")
    other.run("open work.json")
    #expect(other.shell.claims.additions.cues.map(\.text).sorted() == ["quarantine", "検疫"])
    TestShell.write("The port is under quarantine.\n", to: other.directory + "/q.txt")
    other.run("load q.txt")
    #expect(other.run("claims q --json").contains(#""cue" : "quarantine""#))
  }
}
