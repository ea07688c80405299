import BulletinKit
import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Foundation
import Testing

@Suite("Plain-text writer")
struct TextWriterTests {
    @Test("wraps at the width without splitting words or URLs", arguments: [20, 40, 72])
    func wrapping(width: Int) {
        let text = "A long sentence with https://example.org/a/very/long/path/that/is/longer/than/the/line?x=1 and words."
        let lines = TextWrapper.wrap(text, width: width)
        for line in lines where line.count > width {
            #expect(!line.contains(" "), "line over \(width) with a space: \(line)")
        }
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.contains { $0.contains("https://example.org/a/very/long/path/that/is/longer/than/the/line?x=1") })
    }

    @Test("wrapping into bytes gives the lines of wrap, each after the indent", arguments: [-1, 0, 1, 9, 40, 68])
    func wrappingIntoBytes(width: Int) throws {
        let sample = try String(contentsOf: TestPaths.sampleBulletin, encoding: .utf8)
        let texts = sample.split(separator: "\n").map(String.init) + [
            "", "   ", "one", "  two  spaced   words  ", "Zürich naïve façade Αθήνα 東京 — «quoted» words beyond the width",
            String(repeating: "x", count: 90) + " short " + String(repeating: "é", count: 70),
        ]
        for text in texts {
            for indent in [[], Array("    ".utf8)] {
                var output: [UInt8] = []
                TextWrapper.appendWrapped(text, width: width, indent: indent, to: &output)
                let prefix = String(decoding: indent, as: UTF8.self)
                let expected = TextWrapper.wrap(text, width: width).map { prefix + $0 }.joined(separator: "\n")
                #expect(String(decoding: output, as: UTF8.self) == expected)
            }
        }
    }

    @Test("every word of the sample reaches the text and JSON formats, in order")
    func sampleWords() async throws {
        let bytes = TestSupport.bytes(TestPaths.sampleBulletin)
        let sourceWords = TestSupport.bodyWords(ofSource: String(decoding: bytes, as: UTF8.self))
        let file = SourceFile(path: "monitor-v6-i23.txt", bytes: bytes)
        let (text, _) = try await Converter().convert(file, to: "text")
        let textWords = TestSupport.words(String(decoding: text, as: UTF8.self))
        #expect(TestSupport.containsInOrder(sourceWords, in: textWords))
        #expect(String(decoding: text, as: UTF8.self).contains("(Russian agencies, February 1)."))

        let (json, _) = try await Converter().convert(file, to: "json")
        let document = try JSONDecoder().decode(IssueDocument.self, from: Data(json))
        #expect(document.schemaVersion == 1)
        let article = try #require(document.issue.articles.first)
        #expect(TestSupport.words(article.plainText) == sourceWords)
        #expect(article.metadata.titleIsDerived)
        #expect(article.metadata.wordCount == sourceWords.count)
    }
}

@Suite("Plain-text layout")
struct TextLayoutTests {
    @Test("widths are terminal columns: wide characters take two, combining marks none, and lines break between ideographs")
    func columns() {
        #expect(TextWrapper.columns(of: "北京会谈 结束 👍🏽 e\u{301}te\u{301}") == 8 + 1 + 4 + 1 + 2 + 1 + 3)
        let chinese = String(repeating: "北京会谈结束，双方同意继续对话。", count: 8)
        let lines = TextWrapper.wrap(chinese, width: 20)
        #expect(lines.count > 1 && lines.allSatisfy { TextWrapper.columns(of: $0) <= 20 })
        #expect(lines.joined() == chinese)
        // A line never starts with the punctuation that closes a phrase.
        #expect(lines.allSatisfy { !($0.hasPrefix("，") || $0.hasPrefix("。")) })
        // Latin text still breaks at spaces only, whatever its accents.
        #expect(TextWrapper.wrap("Cafe\u{301} cafe\u{301} cafe\u{301}", width: 10) == ["Cafe\u{301} cafe\u{301}", "cafe\u{301}"])
    }

    @Test("words of narrow scalars, counted by lead bytes and ASCII words, wrap as when each is measured scalar by scalar")
    func narrowWordsMeasured() {
        // Scalars of one column and of none, from the byte ranges the count by lead bytes takes or leaves:
        // ASCII, Latin, Cyrillic, every scalar of U+2000-U+203F (the zero-width ones among them) and combining marks.
        let narrow: [Unicode.Scalar] = ["a", "Z", "7", ".", "é", "ß", "Ω", "ж", "Я", "\u{2FF}", "\u{300}", "\u{301}", "\u{36F}", "\u{483}"]
            + (0x2000...0x203F).map { Unicode.Scalar($0)! }.filter { $0 != " " }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<400 {
            // Half the scalars ASCII, so that runs of them as long as a word read at once, and longer, are met.
            let words = (0..<(1 + next(30))).map { _ in
                String(String.UnicodeScalarView((0..<(1 + next(20))).map { _ in
                    next(2) == 0 ? Unicode.Scalar(UInt8(0x21 + next(0x5E))) : narrow[next(narrow.count)]
                }))
            }
            let width = 1 + next(40)
            // Greedy wrapping with every word measured by columns(of:), one scalar at a time.
            var expected: [String] = []
            var line = "", lineColumns = 0
            for word in words {
                let columns = TextWrapper.columns(of: word)
                if line.isEmpty && expected.isEmpty {
                    (line, lineColumns) = (word, columns)
                } else if lineColumns + 1 + columns <= width {
                    (line, lineColumns) = (line + " " + word, lineColumns + 1 + columns)
                } else {
                    expected.append(line)
                    (line, lineColumns) = (word, columns)
                }
            }
            expected.append(line)
            let text = words.joined(separator: " ")
            #expect(TextWrapper.wrap(text, width: width) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("Korean breaks at its spaces; an emoji joined by ZWJ and a flag are one character two columns wide, never parted")
    func hangulAndEmoji() {
        #expect(TextWrapper.wrap("가나다라마바사 문단입니다 서울에서.", width: 20) == ["가나다라마바사", "문단입니다 서울에서."])
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(TextWrapper.columns(of: family) == 2 && TextWrapper.columns(of: "🇺🇦🇵🇱") == 4)
        let run = String(repeating: family, count: 30)
        let lines = TextWrapper.wrap(run, width: 20)
        #expect(lines.joined() == run)
        #expect(lines.dropLast().allSatisfy { $0 == String(repeating: family, count: 10) }, "\(lines.map(TextWrapper.columns))")
        let flags = String(repeating: "🇺🇦", count: 15)
        #expect(TextWrapper.wrap(flags, width: 20).allSatisfy { $0.unicodeScalars.count % 2 == 0 })
    }

    @Test("a long publication name puts the metadata on lines of their own, wrapped")
    func longMetadata() throws {
        var article = Self.article([.paragraph([.text("Text.")], span: nil)])
        article.metadata.publication = "Eurasia Daily Monitor & Review of the Commonwealth Affairs"
        article.metadata.title = "会谈 结束"
        let lines = TextWriter().render(article, width: 40, words: try Self.english()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "---------")
        #expect(lines[2...4] == ["Eurasia Daily Monitor & Review of the", "  Commonwealth Affairs", "Volume 1, Issue 1"])
    }

    @Test("the labels are the theme's words in the article's language, the issue's in the issue's; the body's words stay in order")
    func worded() async throws {
        let french = """
            Publication: Monitor Volume: 6 Issue: 3
            Title: Les pourparlers reprennent
            Date: 2026-01-12
            Author: Anne Martin
            Section: Europe
            Language: fr

            Les envoyés se sont rencontrés lundi à Kyiv.
            """
        let russian = """
            Publication: Monitor Volume: 6 Issue: 3
            Title: Переговоры возобновились
            Date: 2026-01-12
            Language: ru

            Посланники встретились в Киеве в понедельник.
            """
        let output = TestSupport.temporaryFolder()
        let sources = [TestSupport.source(french, path: "fr.txt"), TestSupport.source(russian, path: "ru.txt"),
                       TestSupport.source(russian.replacingOccurrences(of: "Переговоры", with: "Встреча").replacingOccurrences(of: "Посланники", with: "Министры"), path: "ru2.txt")]
        _ = try await Pipeline(concurrency: 2).build(sources, output: output, formats: ["text"], theme: Resources.theme(nil))
        func text(_ path: String) -> String { String(decoding: TestSupport.bytes(output.appendingPathComponent(path)), as: UTF8.self) }
        let article = text("text/monitor-v6-i3/les-pourparlers-reprennent.txt")
        #expect(article == """
            Les pourparlers reprennent
            --------------------------
            Monitor, Volume 6, numéro 3
            12 janvier 2026
            Par Anne Martin
            Rubrique\u{A0}: Europe

            Les envoyés se sont rencontrés lundi à Kyiv.

            """)
        // The issue is mostly Russian: its masthead and contents heading are, and each article keeps its own words.
        let issue = text("text/monitor-v6-i3.txt")
        #expect(issue.hasPrefix("Monitor — том 6, выпуск 3\n12 января 2026 г.\n=========================\n\nВ этом выпуске\n\n1. "), "\(issue)")
        #expect(issue.contains("Monitor, Том 6, выпуск 3\n12 января 2026 г.\n\nПосланники"))
        #expect(issue.contains(article))
        // English labels, as they were ("Volume" is French too).
        for english in ["Publication:", "Volume:", "Issue", "Issue:", "Date:", "Section:", "By", "Contents", "In"] {
            #expect(!TestSupport.words(issue).contains(english), "\(english)")
        }
        let words = TestSupport.words(issue)
        for source in [french, russian] { #expect(TestSupport.containsInOrder(TestSupport.bodyWords(ofSource: source), in: words)) }
    }

    /// The default theme's English words, for bylines.
    static func english() throws -> UIStrings {
        try ThemeStrings(theme: Resources.theme(nil)).strings(for: "en")
    }

    static func article(_ blocks: [Block]) -> Article {
        let metadata = ArticleMetadata(
            id: "x-v1-i1-a", slug: "a", title: "Nested blocks", titleIsDerived: false, publication: "X", volume: 1, issue: 1,
            date: nil, authors: [], language: "en", section: nil, order: nil,
            source: SourceInfo(path: "a.txt", format: "text", sha256: String(repeating: "0", count: 64)), wordCount: 0,
            summary: nil, entities: [], extraFields: [])
        return Article(metadata: metadata, blocks: blocks)
    }

    @Test("quotes, lists, headings and rules are indented and wrapped as laid out")
    func nested() throws {
        let words: Block = .paragraph([.text("one two three four five six")], span: nil)
        let blocks: [Block] = [
            words,
            .heading(level: 2, [.text("A heading")]),
            .blockQuote([words, .rule]),
            .list(ordered: true, items: [[words, .heading(level: 3, [.text("Sub")])], [], [.blockQuote([words])]]),
            .list(ordered: false, items: [[.paragraph([.text("dot")], span: nil)]]),
            .paragraph([], span: nil),
        ]
        let text = TextWriter().render(Self.article(blocks), width: 16, words: try Self.english())
        #expect(text == """
            Nested blocks
            -------------
            X
            Volume 1, Issue 1

            one two three
            four five six

            A heading
            ---------

                one two
                three four
                five six

                * * *

            1. one two three
               four five six

               Sub
               ---
            2. 
            3.     one two
                   three
                   four five
                   six

            * dot



            """)
    }

    @Test("quotes nested deeper than the width neither crash nor lose words")
    func deeperThanWidth() throws {
        var block: Block = .heading(level: 2, [.text("deep heading")])
        for _ in 0..<8 { block = .blockQuote([block, .paragraph([.text("deep words")], span: nil)]) }
        let text = TextWriter().render(Self.article([block]), width: 20, words: try Self.english())
        #expect(TestSupport.words(text).filter { $0 == "deep" }.count == 9)
    }
}
