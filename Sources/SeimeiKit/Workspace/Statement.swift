import Foundation

/// A public statement held in the workspace.
///
/// The original text is kept exactly as loaded, for quoting. Everything else is derived from it
/// as offsets into it (Unicode scalars): the normalised view for matching, and the paragraphs,
/// sentences and tokens of the segmentation. Only the text, metadata, provenance and notes are
/// saved; the rest is computed again when a workspace is opened.
public struct Statement: Sendable {
  /// Unique name in the workspace, used to refer to the statement in commands.
  public var name: String
  public var metadata: Metadata
  public var provenance: Provenance
  /// An analyst's notes, in the order they were added.
  public var notes: [String]

  /// The original text, exactly as decoded (line ends made LF; front matter and markup removed).
  public let text: String
  public let language: Language
  public let normalized: NormalizedText
  public let segmentation: Segmentation
  public let index: ScalarIndex

  public init(
    name: String, text: String, language: Language? = nil, metadata: Metadata = Metadata(),
    provenance: Provenance = Provenance(), notes: [String] = []
  ) {
    self.name = name
    self.text = text
    self.metadata = metadata
    self.provenance = provenance
    self.notes = notes
    let language = language ?? LanguageDetector.detect(text)
    self.language = language
    self.normalized = NormalizedText(text)
    self.segmentation = Segmenter.segment(text, language: language)
    self.index = ScalarIndex(text)
  }

  /// The original text of a range.
  public func text(of range: TextRange) -> Substring { index.slice(range) }

  /// User-perceived characters, line breaks not counted.
  public var characterCount: Int {
    var count = 0
    for character in text where !character.isNewline { count += 1 }
    return count
  }

  /// Word tokens: English words, or ICU dictionary words (morphemes) in Japanese and Chinese.
  public var tokenCount: Int { segmentation.tokens.count }

  /// What tokens are called in this statement's language.
  public var tokenUnit: String { language == .ja || language == .zh ? "morphemes" : "words" }

  /// Descriptive metadata: from the command line, front matter, JSON fields or HTML meta tags.
  public struct Metadata: Codable, Sendable, Equatable {
    public var title: String?
    public var issuer: String?
    /// YYYY-MM-DD.
    public var date: String?
    public var url: String?
    /// The name of the statement this one translates.
    public var translationOf: String?
    /// Any other fields, by key.
    public var extra: [String: String]

    public init(
      title: String? = nil, issuer: String? = nil, date: String? = nil, url: String? = nil,
      translationOf: String? = nil, extra: [String: String] = [:]
    ) {
      self.title = title
      self.issuer = issuer
      self.date = date
      self.url = url
      self.translationOf = translationOf
      self.extra = extra
    }

    enum CodingKeys: String, CodingKey {
      case title, issuer, date, url
      case translationOf = "translation_of"
      case extra
    }
  }

  /// Where the text came from, exactly.
  public struct Provenance: Codable, Sendable, Equatable {
    /// The path or URL it was loaded from.
    public var source: String
    /// text, markdown, html or json.
    public var format: String
    /// The encoding the bytes were decoded from.
    public var encoding: String
    /// SHA-256 of the source bytes, in hex.
    public var sha256: String
    public var byteCount: Int
    public var loadedAt: Date
    /// Invalid byte sequences replaced with U+FFFD while decoding.
    public var replacements: Int

    public init(
      source: String = "", format: String = "text", encoding: String = "UTF-8",
      sha256: String = "", byteCount: Int = 0, loadedAt: Date = Date(), replacements: Int = 0
    ) {
      self.source = source
      self.format = format
      self.encoding = encoding
      self.sha256 = sha256
      self.byteCount = byteCount
      self.loadedAt = loadedAt
      self.replacements = replacements
    }

    enum CodingKeys: String, CodingKey {
      case source, format, encoding, sha256
      case byteCount = "bytes"
      case loadedAt = "loaded_at"
      case replacements
    }
  }
}
