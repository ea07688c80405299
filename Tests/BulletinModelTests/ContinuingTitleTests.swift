@testable import BulletinModel
import Testing

@Suite("Summaries under derived titles")
struct ContinuingTitleTests {
    static func metadata(title: String, derived: Bool) -> ArticleMetadata {
        ArticleMetadata(id: "a", slug: "a", title: title, titleIsDerived: derived, publication: "Monitor", volume: 1, issue: 1,
                        language: "en", source: SourceInfo(path: "a.txt", format: "text", sha256: ""), wordCount: 0)
    }

    static let summary = "Moscow’s budding efforts to improve ties with the West are apparently extending also to its "
        + "long-frozen relations with NATO. Top Russian officials have indicated  in recent days that Moscow is prepared."

    @Test("a title cut from the summary's first sentence: the summary goes on where the title stopped")
    func cutTitle() {
        let title = "Moscow’s budding efforts to improve ties with the West are apparently extending…"
        #expect(Self.metadata(title: title, derived: true).continuingTitle(Self.summary)
            == "…also to its long-frozen relations with NATO. Top Russian officials have indicated in recent days that Moscow is prepared.")
        // The same words under a title the source gave are the summary as written.
        #expect(Self.metadata(title: title, derived: false).continuingTitle(Self.summary) == Self.summary)
    }

    @Test("a title that is the whole first sentence: the summary goes on at the next sentence, or is left out")
    func wholeSentence() {
        let title = "Moscow’s budding efforts to improve ties with the West are apparently extending also to its long-frozen relations with NATO"
        #expect(Self.metadata(title: title, derived: true).continuingTitle(Self.summary)
            == "Top Russian officials have indicated in recent days that Moscow is prepared.")
        #expect(Self.metadata(title: "Talks resume", derived: true).continuingTitle("Talks resume.") == nil)
        #expect(Self.metadata(title: "Talks resume…", derived: true).continuingTitle("Talks resume") == nil)
    }

    @Test("a summary that does not open with the title's words, or only with part of a word, is kept whole")
    func otherText() {
        #expect(Self.metadata(title: "Talks resume…", derived: true).continuingTitle("Envoys met in Kyiv.") == "Envoys met in Kyiv.")
        #expect(Self.metadata(title: "Talks resume…", derived: true).continuingTitle("Talks resumed on Monday.") == "Talks resumed on Monday.")
        #expect(Self.metadata(title: "Talks resume…", derived: true).continuingTitle("Talks resume, envoys say.") == "…envoys say.")
        #expect(Self.metadata(title: "", derived: true).continuingTitle("Talks.") == "Talks.")
        #expect(Self.metadata(title: "…", derived: true).continuingTitle("Talks.") == "Talks.")
        // A title ending in a letter that the text goes on to mark ("e" then a combining acute) stops inside a character.
        #expect(Self.metadata(title: "Cafe…", derived: true).continuingTitle("Cafe\u{301} society reopens.") == "Cafe\u{301} society reopens.")
        #expect(Self.metadata(title: "Café…", derived: true).continuingTitle("Café society reopens.") == "…society reopens.")
    }

    @Test("the title is found at the opening of texts with white space of every kind, as in the whole text collapsed first")
    func whiteSpaceOpenings() {
        let pieces = ["Talks", "resume", "Talks resume", "é", "e\u{301}", "…", ",", " ", "  ", "\t", "\n ", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2026}x", "."]
        var texts: [String] = [""]
        for _ in 0..<3 { texts = texts.flatMap { text in pieces.map { text + $0 } } }
        let stems = ["Talks", "Talks resume", "Talks resume ", "é", "e\u{301}", "resume,", ". Talks", "…Talks", "Talks\u{A0}resume", " "]
        for stem in stems {
            for text in texts.map({ $0 + " on Monday." }) + texts {
                let expected = text.collapsingWhitespace.utf8.starts(with: stem.utf8)
                let found = Array(text.utf8).withUnsafeBufferPointer { text in
                    Array(stem.utf8).withUnsafeBufferPointer { ArticleMetadata.collapsed(text, startsWith: $0) }
                }
                #expect(found == expected, "stem \(stem.debugDescription), text \(text.debugDescription)")
            }
        }
    }
}
