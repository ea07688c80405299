import Synchronization

/// Finds people, organisations, places and other proper names in news prose.
///
/// The tagger is rule based: gazetteers built from open data (see
/// `Scripts/generate-entity-lexicons.py`), orthographic and contextual cues, and
/// document-level consistency. It loads no model and reads no files at run time.
public struct EntityTagger: Sendable {
    /// Creates a tagger; the word lists are built once per process on first use.
    public init() {}

    /// Builds the word lists now rather than on first use; returns at once when another call is building
    /// them (or has), so that a second warm-up never holds a thread waiting for the first.
    public static func prepare() {
        guard !preparing.exchange(true, ordering: .relaxed) else { return }
        _ = EntityLexicon.shared
    }

    private static let preparing = Atomic<Bool>(false)

    /// Tags one document given as paragraphs; offsets are per paragraph.
    ///
    /// Document-level consistency (short forms -> full form, a name seen typed once
    /// keeps its type) applies across all paragraphs.
    public func tag(paragraphs: [String]) -> [[EntitySpan]] {
        var document = EntityDocument(paragraphs: paragraphs, lexicon: EntityLexicon.shared)
        return document.run()
    }

    /// Tags an article's title and its paragraphs as one document: the title's spans, offsets into the
    /// title, and each paragraph's.
    ///
    /// The title is read as the document's first paragraph, so a name the body types keeps its type in
    /// the title and the other way round. A title in title case ("Gazprom Resumes Talks With Kyiv"),
    /// whose capitals say nothing of names, is read as a headline in capitals is: only the names the word
    /// lists or the body know are found there.
    public func tag(title: String, paragraphs: [String]) -> (title: [EntitySpan], paragraphs: [[EntitySpan]]) {
        var document = EntityDocument(paragraphs: [title] + paragraphs, lexicon: EntityLexicon.shared)
        if EntityDocument.isTitleCase(document.paragraphs[0].tokens) { document.paragraphs[0].isHeadline = true }
        let spans = document.run()
        return (spans[0], Array(spans.dropFirst()))
    }

    /// Tags one text as one document.
    public func tag(_ text: String) -> [EntitySpan] {
        tag(paragraphs: [text])[0]
    }
}
