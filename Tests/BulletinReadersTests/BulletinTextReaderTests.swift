import BulletinModel
import BulletinReaders
import BulletinTestSupport
import Foundation
import Testing

@Suite("Bulletin text reader")
struct BulletinTextReaderTests {
    let reader = BulletinTextReader()

    func read(_ text: String, path: String = "a.txt") -> ReadResult {
        reader.read(Array(text.utf8), path: path)
    }

    func only(_ result: ReadResult, _ id: String) -> Diagnostic? {
        result.diagnostics.first { $0.id == id }
    }

    @Test("reads the real sample: Monitor 6/23, four paragraphs, a citation and a cross-reference")
    func realSample() throws {
        let bytes = TestSupport.bytes(TestPaths.sampleBulletin)
        let result = reader.read(bytes, path: "monitor-v6-i23.txt")
        #expect(result.diagnostics.isEmpty)
        let article = try #require(result.article)
        #expect(article.publication == "Monitor")
        #expect(article.volume == 6)
        #expect(article.issue == 23)
        #expect(article.blocks.count == 4)
        let inlines = article.blocks.flatMap { block -> [Inline] in
            if case .paragraph(let content, _) = block { return content }
            return []
        }
        let citations = inlines.compactMap { inline -> Citation? in if case .citation(let c) = inline { return c }; return nil }
        let references = inlines.compactMap { inline -> CrossReference? in if case .crossReference(let r) = inline { return r }; return nil }
        #expect(citations == [Citation(text: "(Russian agencies, February 1)", sources: [CitationSource(name: "Russian agencies", date: "February 1")])])
        #expect(references == [CrossReference(text: "(see the Monitor, January 17)", publication: "Monitor", date: "January 17")])
        let sourceWords = TestSupport.bodyWords(ofSource: String(decoding: bytes, as: UTF8.self))
        #expect(TestSupport.words(article.blocks.map(\.plainText).joined(separator: " ")) == sourceWords)
        #expect(article.source.sha256 == SHA256.hex(of: bytes))
    }

    @Test("accepts header fields in any order, on one line or split over several")
    func headerLayouts() throws {
        let layouts = [
            "Publication: Monitor Volume: 6 Issue: 23\n\nText.",
            "Issue: 23 Volume: 6 Publication: Monitor\n\nText.",
            "Publication: Monitor\nVolume: 6\nIssue: 23\n\nText.",
            "publication: Monitor\r\nVOLUME:\t6\r\nIssue: 23   \r\n\r\nText.",
            "\u{FEFF}Publication: Monitor Volume: 6\nIssue: 23\n\nText.",
        ]
        for text in layouts {
            let result = read(text)
            #expect(result.diagnostics.isEmpty, "\(text.debugDescription): \(result.diagnostics.map(\.summary))")
            let article = try #require(result.article)
            #expect(article.publication == "Monitor" && article.volume == 6 && article.issue == 23)
        }
    }

    @Test("keeps publication names with spaces and reads extra fields")
    func extraFields() throws {
        let result = read("Publication: Prism Weekly Volume: 2 Issue: 1\nDate: February 2, 2000\nTitle: A: B\nAuthor: A. Writer; B. Writer\nOrder: 3\nSummary: Short.\n\nBody text here.")
        let article = try #require(result.article)
        #expect(article.publication == "Prism Weekly")
        #expect(article.date == "2000-02-02")
        #expect(article.title == "A: B")
        #expect(article.authors == ["A. Writer", "B. Writer"])
        #expect(article.order == 3)
        #expect(article.summary == "Short.")
    }

    @Test("joins soft-wrapped lines and splits paragraphs at blank lines, with spans")
    func paragraphs() throws {
        let result = read("Publication: M Volume: 1 Issue: 1\n\nOne\n\ttwo  three\n \nFour\n")
        let article = try #require(result.article)
        #expect(article.blocks.map(\.plainText) == ["One two three", "Four"])
        guard case .paragraph(_, let span) = article.blocks[0] else { Testing.Issue.record("not a paragraph"); return }
        #expect(span == SourceSpan(startLine: 3, startColumn: 1, endLine: 4, endColumn: 11))
    }

    @Test("a paragraph's soft-wrapped lines collapse as joining and collapsing them would, Unicode spaces included")
    func paragraphWhitespace() throws {
        let paragraphs = [
            ["One", "\ttwo  three "],
            ["  lead", "trail  "],
            ["a\u{A0}\u{A0}b", "\u{2028}c\u{3000}", "d\u{85}"],
            ["Zürich —", "“quoted”\u{202F}text", "\u{1680}end"],
            ["x"],
        ]
        for lines in paragraphs {
            let text = "Publication: M Volume: 1 Issue: 1\n\n" + lines.joined(separator: "\n") + "\n"
            let article = try #require(read(text).article)
            #expect(article.blocks.map(\.plainText) == [lines.joined(separator: " ").collapsingWhitespace], "\(lines)")
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var id: String
        var severity: Diagnostic.Severity
        var line: Int
        var column: Int
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no header", bytes: Array("Just some text.\n\nMore.".utf8), id: "reader.text.missing-header", severity: .error, line: 1, column: 1),
        Case(name: "non-numeric volume", bytes: Array("Publication: Monitor Volume: six Issue: 23\n\nText.".utf8), id: "reader.text.invalid-volume", severity: .error, line: 1, column: 30),
        Case(name: "missing issue", bytes: Array("Publication: Monitor Volume: 6\n\nText.".utf8), id: "reader.text.missing-issue", severity: .error, line: 1, column: 1),
        Case(name: "empty body", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\n\n\n".utf8), id: "reader.text.empty-body", severity: .error, line: 2, column: 1),
        Case(name: "empty file", bytes: [], id: "reader.text.empty-file", severity: .error, line: 1, column: 1),
        Case(name: "binary file", bytes: [0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00, 0x00, 0x01], id: "reader.text.binary", severity: .error, line: 2, column: 1),
        Case(name: "invalid UTF-8", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\n\nCaf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94], id: "reader.text.invalid-utf8", severity: .warning, line: 3, column: 4),
        Case(name: "unknown field", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\nColour: blue\n\nText.".utf8), id: "reader.text.unknown-field", severity: .warning, line: 2, column: 1),
        Case(name: "invalid date", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\nDate: 2000-02-30\n\nText.".utf8), id: "reader.text.invalid-date", severity: .error, line: 2, column: 7),
        Case(name: "weekday of another date", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\nDate: Wednesday, May 4, 2000\n\nText.".utf8), id: "reader.text.invalid-date", severity: .error, line: 2, column: 7),
        Case(name: "conflicting field", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\nVolume: 7\n\nText.".utf8), id: "reader.text.conflicting-field", severity: .error, line: 2, column: 1),
        Case(name: "control character", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\n\nA\u{07}b".utf8), id: "reader.text.control-character", severity: .warning, line: 3, column: 2),
        Case(name: "noncharacter", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\n\nAb \u{10FFFF}c\u{FFFE}".utf8), id: "reader.text.noncharacter", severity: .warning, line: 3, column: 4),
        Case(name: "C1 control character", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\n\nAb\u{9B}c".utf8), id: "reader.text.control-character", severity: .warning, line: 3, column: 3),
        Case(name: "volume too large", bytes: Array("Publication: Monitor Volume: 99999999999999999999 Issue: 23\n\nText.".utf8), id: "reader.text.invalid-volume", severity: .error, line: 1, column: 30),
        Case(name: "language name", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\nLanguage: Russian\n\nText.".utf8), id: "reader.text.language-corrected", severity: .warning, line: 2, column: 11),
        Case(name: "not a language", bytes: Array("Publication: Monitor Volume: 6 Issue: 23\nLanguage: Klingonese\n\nText.".utf8), id: "reader.text.invalid-language", severity: .warning, line: 2, column: 11),
    ]

    @Test("authors are parted by ';' or ',', a suffix after a comma staying with its name", arguments: [
        ("Ann Smith", ["Ann Smith"]), ("Ann Smith; Bo Li", ["Ann Smith", "Bo Li"]), ("Ann Smith, Bo Li", ["Ann Smith", "Bo Li"]),
        ("Ann Smith, Jr.", ["Ann Smith, Jr."]), ("Ann Smith, Jr., Bo Li, PhD", ["Ann Smith, Jr.", "Bo Li, PhD"]),
        ("Ann Smith, III; Bo Li", ["Ann Smith, III", "Bo Li"]), (" ; , ", []), ("Jr.", ["Jr."]),
    ])
    func authors(_ value: String, _ expected: [String]) throws {
        #expect(BulletinTextReader.authors(in: value) == expected)
        let article = try #require(read("Publication: Monitor Volume: 6 Issue: 23\nAuthor: \(value)\n\nText.").article)
        #expect(article.authors == expected)
    }

    @Test("text straight after the header is warned of, and a dateline like a field just before it is the text's first line")
    func noBlankLineAfterHeader() throws {
        let result = read("Publication: Monitor Volume: 1 Issue: 1\nWashington: The president said on Monday\nthat talks would resume.\n")
        let article = try #require(result.article)
        #expect(article.blocks.map(\.plainText) == ["Washington: The president said on Monday that talks would resume."])
        #expect(article.extraFields.isEmpty)
        #expect(result.diagnostics.map(\.id) == ["reader.text.no-blank-line"])
        #expect(result.diagnostics.first?.location?.line == 2)
        #expect(result.diagnostics.first?.message.contains("'Washington: The president said on Monday' is read as the text's first line") == true)

        // Known fields stay the header's; text right after them is only warned of.
        let plain = read("Publication: Monitor Volume: 1 Issue: 1\nDate: 2000-02-02\nThe text.\n")
        #expect(plain.article?.date == "2000-02-02")
        #expect(plain.article?.blocks.map(\.plainText) == ["The text."])
        #expect(plain.diagnostics.map(\.id) == ["reader.text.no-blank-line"])
        #expect(plain.diagnostics.first?.location?.line == 3)

        // An unknown field before a blank line stays a field, with its warning.
        let field = read("Publication: Monitor Volume: 1 Issue: 1\nDesk: Moscow\n\nThe text.\n")
        #expect(field.article?.extraFields == [HeaderField(key: "Desk", value: "Moscow")])
        #expect(field.diagnostics.map(\.id) == ["reader.text.unknown-field"])
    }

    @Test("every Author and Authors field adds its names, in the order written, each name once")
    func severalAuthorFields() throws {
        for header in ["Author: Anna Politkovskaya\nAuthors: Pavel Felgenhauer; Anna Politkovskaya",
                       "Author: Anna Politkovskaya\nAuthor: Pavel Felgenhauer"] {
            let result = read("Publication: Monitor Volume: 6 Issue: 23\n\(header)\n\nText.")
            #expect(result.diagnostics.isEmpty)
            #expect(result.article?.authors == ["Anna Politkovskaya", "Pavel Felgenhauer"], "\(header)")
        }
        let reversed = read("Publication: Monitor Volume: 6 Issue: 23\nAuthors: Pavel Felgenhauer\nAuthor: Anna Politkovskaya\n\nText.")
        #expect(reversed.article?.authors == ["Pavel Felgenhauer", "Anna Politkovskaya"])
    }

    @Test("a number too large for a volume or issue is told so, not called a non-number")
    func largeNumbers() throws {
        let result = read("Publication: Monitor Volume: 99999999999999999999 Issue: -1\n\nText.")
        #expect(result.diagnostics.map(\.message) == ["Volume 99999999999999999999 is too large (at most 999999)", "Issue must be a whole number, not '-1'"])
    }

    @Test("a language is kept as a tag: a name or underscores read as the tag, anything else left to the archive's")
    func languages() throws {
        for (given, expected) in [("ru", "ru"), ("en_gb", "en-GB"), ("Russian", "ru"), ("Klingonese", nil), ("", nil)] as [(String, String?)] {
            let article = try #require(read("Publication: Monitor Volume: 6 Issue: 23\nLanguage: \(given)\n\nText.").article)
            #expect(article.language == expected, "\(given)")
        }
    }

    @Test("finds a line's first and last text columns in characters, whatever the line holds", arguments: [
        "plain words", "  indented and trailing \t ", "", "   ", "“Quoted” — dashes… and\u{00A0}no-break\u{00A0}", "\u{2003}em spaces\u{2003}",
        "café ÿ ʒ", "e\u{0301} combining", "a\u{200D}b joiner", "🗞 emoji", "日本語 text", "\u{2028}separator", "\u{0085}next line",
        "   a line of plain words, longer than eight bytes at either end  ", "\u{A0}“Quoted” text over eight bytes long… ends here\u{2003} ",
    ])
    func textColumns(_ line: String) {
        let text = line[...]
        let first = text.firstIndex { !$0.isWhitespace }.map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1
        let last = text.lastIndex { !$0.isWhitespace }.map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1
        let columns = BulletinTextReader.textColumns(of: text)
        #expect(columns.first == first && columns.last == last)
    }

    @Test("finds a line end wherever it falls among the eight bytes read at once", arguments: 0...17)
    func lineEndOffsets(_ length: Int) throws {
        let first = String(repeating: "x", count: length)
        for end in ["\n", "\r\n", "\r"] {
            let text = "Publication: Monitor Volume: 6 Issue: 23\(end)\(end)\(first)\(end)wrapped text\(end)\(end)Second paragraph."
            let article = try #require(read(text).article)
            let spans = article.blocks.compactMap { block -> SourceSpan? in
                guard case .paragraph(_, let span) = block else { return nil }
                return span
            }
            #expect(article.blocks.first?.plainText == (length == 0 ? "wrapped text" : "\(first) wrapped text"))
            #expect(spans.map(\.startLine) == [length == 0 ? 4 : 3, 6] && spans.map(\.endLine) == [4, 6])
        }
    }

    @Test("finds citations and cross-references wherever their parentheses fall, nested ones from the innermost", arguments: 0...9)
    func parenthesesOffsets(_ length: Int) {
        let lead = String(repeating: "w", count: length)
        let inlines = BulletinConventions.inlines(in: "\(lead) (Interfax, May 3) said ) (( (see the Monitor, May 4) end (")
        let conventions = inlines.compactMap { inline -> String? in
            switch inline {
            case .citation(let citation): "citation \(citation.text)"
            case .crossReference(let reference): "reference \(reference.text)"
            default: nil
            }
        }
        #expect(conventions == ["citation (Interfax, May 3)", "reference (see the Monitor, May 4)"])
        #expect(inlines.map(\.plainText).joined() == "\(lead) (Interfax, May 3) said ) (( (see the Monitor, May 4) end (")
    }

    @Test("reads LF, CRLF and lone CR line ends alike, with or without a final line end", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) throws {
        let lines = ["Publication: Monitor Volume: 6 Issue: 23", "", "First line", "soft-wrapped (Reuters, May 1).", "", "", "  Second \u{0301}paragraph.", ""]
        let expected = try #require(read(lines.joined(separator: "\n")).article)
        for text in [lines.joined(separator: end), lines.dropLast().joined(separator: end)] {
            let article = try #require(read(text).article)
            #expect(article.blocks == expected.blocks)
        }
        #expect(expected.blocks.count == 2)
        #expect(expected.blocks.first?.plainText == "First line soft-wrapped (Reuters, May 1).")
        guard case .paragraph(_, let span) = expected.blocks[1] else { Testing.Issue.record("a paragraph"); return }
        #expect(span == SourceSpan(startLine: 7, startColumn: 3, endLine: 7, endColumn: 19))
    }

    @Test("reports malformed input with id, severity, line and column", arguments: cases)
    func malformed(_ testCase: Case) throws {
        let result = reader.read(testCase.bytes, path: "bad.txt")
        let diagnostic = try #require(result.diagnostics.first { $0.id == testCase.id }, "\(result.diagnostics.map(\.summary))")
        #expect(diagnostic.severity == testCase.severity)
        #expect(diagnostic.location == SourceLocation(path: "bad.txt", line: testCase.line, column: testCase.column))
        #expect(diagnostic.fix != nil)
        #expect(result.article == nil || testCase.severity == .warning)
    }

    @Test("decodes invalid UTF-8 as Windows-1252 without dropping a byte")
    func windows1252() throws {
        let bytes = Array("Publication: Monitor Volume: 6 Issue: 23\n\nCaf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80]
        let article = try #require(reader.read(bytes, path: "x.txt").article)
        #expect(article.blocks.map(\.plainText) == ["Café “q” €"])
    }

    @Test("reports every error of a file, not just the first")
    func everyError() {
        let result = read("Publication: Monitor Volume: x Issue: y\n\n")
        #expect(Set(result.diagnostics.map(\.id)) == ["reader.text.invalid-volume", "reader.text.invalid-issue", "reader.text.empty-body"])
    }
}

@Suite("Bulletin conventions")
struct BulletinConventionsTests {
    @Test("recognises citations with one or several sources")
    func citations() {
        let inlines = BulletinConventions.inlines(in: "A (Interfax, January 31; Reuters, February 1, 2000). B (a remark, not a citation).")
        guard case .citation(let citation) = inlines[1] else { Testing.Issue.record("\(inlines)"); return }
        #expect(citation.sources == [CitationSource(name: "Interfax", date: "January 31"), CitationSource(name: "Reuters", date: "February 1, 2000")])
        #expect(inlines.plainText == "A (Interfax, January 31; Reuters, February 1, 2000). B (a remark, not a citation).")
        #expect(inlines.count == 3)
    }

    @Test("recognises cross-references with or without 'the' and 'also'")
    func crossReferences() {
        for (text, publication) in [("(see the Monitor, January 17)", "Monitor"), ("(see also Prism, March 3)", "Prism"), ("(See the Jamestown Monitor, Jan. 5)", "Jamestown Monitor")] {
            let inlines = BulletinConventions.inlines(in: "X \(text).")
            guard case .crossReference(let reference) = inlines[1] else { Testing.Issue.record("\(inlines)"); continue }
            #expect(reference.publication == publication)
            #expect(reference.text == text)
        }
    }

    @Test("a parenthetical naming several issues, or sources and then issues, is a node a part, the rest staying text", arguments: [
        ("(see the Monitor, January 12; Prism, January 16)", [nil, "Monitor", "; ", "Prism", ")"]),
        ("(see the Monitor, January 12;  see also Prism, January 16 )", [nil, "Monitor", ";  ", "Prism", " )"]),
        ("(Interfax, January 31; Reuters, February 1; see the Monitor, January 12)",
         [nil, "Interfax|Reuters", "; ", "Monitor", ")"]),
        ("(Interfax, January 31; see the Monitor, January 12; Prism, March 3)", [nil, "Interfax", "; ", "Monitor", "; ", "Prism", ")"]),
    ] as [(String, [String?])])
    func severalReferences(text: String, expected: [String?]) {
        let inlines = BulletinConventions.inlines(in: "X \(text).")
        #expect(inlines.plainText == "X \(text).")
        // Each node by the publication or sources it names; text between them as it is.
        let shape: [String?] = inlines.dropFirst().dropLast().map { inline in
            switch inline {
            case .crossReference(let reference): reference.publication
            case .citation(let citation): citation.sources.map(\.name).joined(separator: "|")
            case .text(let text): text
            default: "?"
            }
        }
        #expect(inlines.first == .text("X ("))
        #expect(inlines.last == .text(expected.last!! + "."), "\(inlines)")
        #expect(shape == Array(expected.dropFirst().dropLast()), "\(inlines)")
        // A part that says nothing of a source or an issue leaves the whole parenthetical text.
        #expect(BulletinConventions.inlines(in: "X (see the Monitor, January 12; and more)") == [.text("X (see the Monitor, January 12; and more)")])
    }

    @Test("reads dates: month names capitalised or in capitals, abbreviated with a dot, day ranges, 'and', a year", arguments: [
        ("February 1", 2, 1), ("FEB. 29", 2, 29), ("Jan 017", 1, 17), ("Feb. 1-2", 2, 1), ("March 3\u{2013}4", 3, 3),
        ("January 17, 2000", 1, 17), ("February 1 AND 3", 2, 1), ("Sept 30", 9, 30),
    ])
    func dates(text: String, month: Int, day: Int) {
        #expect(WrittenDate.monthAndDay(text)?.month == month)
        #expect(WrittenDate.monthAndDay(text)?.day == day)
    }

    @Test("reads Russian dates, day first: a month's genitive as dates use it, or its nominative, in any case", arguments: [
        ("3 мая", 5, 3), ("3 МАЯ", 5, 3), ("31 декабря 1999", 12, 31), ("1-2 февраля", 2, 1), ("3\u{2013}4 марта", 3, 3),
        ("1 и 3 сентября", 9, 1), ("12 января 2000 г.", 1, 12), ("7 ноябрь", 11, 7), ("15 Март", 3, 15), ("30 июня 1996 года", 6, 30),
    ])
    func russianDates(text: String, month: Int, day: Int) {
        #expect(WrittenDate.monthAndDay(text)?.month == month)
        #expect(WrittenDate.monthAndDay(text)?.day == day)
    }

    @Test("a Russian article's trailing citation is a citation, and a Russian Date field a date")
    func russianCitation() {
        let inlines = BulletinConventions.inlines(in: "Переговоры продолжатся (Интерфакс, 3 мая).")
        #expect(inlines == [
            .text("Переговоры продолжатся "),
            .citation(Citation(text: "(Интерфакс, 3 мая)", sources: [CitationSource(name: "Интерфакс", date: "3 мая")])),
            .text("."),
        ])
        let several = BulletinConventions.inlines(in: "(ИТАР-ТАСС, 1 и 2 апреля; Коммерсантъ, 3 апреля 2000 г.)")
        guard case .citation(let citation) = several.first else { Testing.Issue.record("\(several)"); return }
        #expect(citation.sources.map(\.date) == ["1 и 2 апреля", "3 апреля 2000 г."])
        #expect(DateParser.isoDate(from: "3 мая 2000") == "2000-05-03")
        #expect(DateParser.isoDate(from: "3 мая 2000 г.") == "2000-05-03")
        #expect(DateParser.isoDate(from: "12 Январь 2026") == "2026-01-12")
        #expect(DateParser.isoDate(from: "30 февраля 2000") == nil)
        // No capitalised French month (French writes "janvier") is taken for one, nor a Russian month before its day.
        for text in ["3 мая май", "мая 3", "3 маяк", "3 Janvier", "3 травняк"] { #expect(WrittenDate.monthAndDay(text) == nil, "\(text)") }
    }

    @Test("reads English dates day first, the month capitalised", arguments: [
        ("3 May", 5, 3), ("3-4 May", 5, 3), ("3 May 2000", 5, 3), ("1 and 3 June", 6, 1), ("3 Sept.", 9, 3), ("31 DECEMBER 1999", 12, 31),
    ])
    func englishDayFirstDates(text: String, month: Int, day: Int) {
        #expect(WrittenDate.monthAndDay(text)?.month == month)
        #expect(WrittenDate.monthAndDay(text)?.day == day)
    }

    @Test("reads Ukrainian dates, day first: a month's genitive or nominative, 'і', 'й' or 'та', a year and 'р.' or 'року'", arguments: [
        ("3 травня", 5, 3), ("1 і 2 квітня", 4, 1), ("1 та 2 квітня", 4, 1), ("3 травня 2000 р.", 5, 3), ("15 Листопад", 11, 15),
        ("30 червня 1996 року", 6, 30), ("12 січня", 1, 12), ("28 лютого", 2, 28), ("3\u{2013}4 грудня", 12, 3),
    ])
    func ukrainianDates(text: String, month: Int, day: Int) {
        #expect(WrittenDate.monthAndDay(text)?.month == month)
        #expect(WrittenDate.monthAndDay(text)?.day == day)
    }

    @Test("reads a date of six or more words", arguments: [
        ("1 и 3 сентября 2000 г.", 9, 1), ("1, 2 и 3 сентября 2000 г.", 9, 1), ("1 і 3 вересня 2000 р.", 9, 1),
        ("1 and 3 May 2000", 5, 1), ("February 1, 2 and 3, 2000", 2, 1),
    ])
    func longDates(text: String, month: Int, day: Int) {
        #expect(WrittenDate.monthAndDay(text)?.month == month)
        #expect(WrittenDate.monthAndDay(text)?.day == day)
        #expect(BulletinConventions.inlines(in: "(Agency, \(text))").count == 1, "\(text)")
    }

    @Test("refuses day-first phrases that are not dates", arguments: [
        "3 may", "3 Mayday", "3 May protesters", "3 4 May", "1 or 3 May", "1 и 3 травня", "1 and 3 мая", "1 і 3 мая",
        "3 May 2000 г.", "3 травня 2000 г.", "1 и 2 и 3 и 4 и 5 сентября", "May", "3 травня р. 2000",
    ])
    func notDayFirstDates(text: String) {
        #expect(WrittenDate.monthAndDay(text) == nil)
    }

    @Test("an English day-first citation is a citation, and ordinary parentheticals stay text")
    func englishDayFirstCitation() {
        for (source, name, date) in [("(Reuters, 3 May)", "Reuters", "3 May"), ("(Interfax, 3 May 2000)", "Interfax", "3 May 2000"),
                                     ("(ITAR-TASS, 3-4 May)", "ITAR-TASS", "3-4 May")] {
            #expect(BulletinConventions.inlines(in: "Talks go on \(source).")
                == [.text("Talks go on "), .citation(Citation(text: source, sources: [CitationSource(name: name, date: date)])), .text(".")])
        }
        let several = BulletinConventions.inlines(in: "(Interfax, 3 May; Reuters, May 4, 2000)")
        guard case .citation(let citation) = several.first else { Testing.Issue.record("\(several)"); return }
        #expect(citation.sources.map(\.date) == ["3 May", "May 4, 2000"])
        for text in ["(3 May protesters were arrested)", "(May 3 was a holiday)", "(12)", "(In 1999, 3 May was a holiday)",
                     "(Of the 12, 3 may)", "(3, May)", "(of 12, 3 may leave)", "(1, 2, 3)"] {
            #expect(BulletinConventions.inlines(in: "Text \(text).") == [.text("Text \(text).")], "\(text)")
        }
    }

    @Test("a Ukrainian article's citation is a citation, and a Ukrainian Date field a date")
    func ukrainianCitation() {
        #expect(BulletinConventions.inlines(in: "Переговори тривають (УНІАН, 3 травня).") == [
            .text("Переговори тривають "),
            .citation(Citation(text: "(УНІАН, 3 травня)", sources: [CitationSource(name: "УНІАН", date: "3 травня")])),
            .text("."),
        ])
        #expect(DateParser.isoDate(from: "3 травня 2000") == "2000-05-03")
        #expect(DateParser.isoDate(from: "3 травня 2000 р.") == "2000-05-03")
        #expect(DateParser.isoDate(from: "2 лютого 2000 року") == "2000-02-02")
        #expect(DateParser.isoDate(from: "12 Січень 2026") == "2026-01-12")
        #expect(DateParser.isoDate(from: "29 лютого 2001") == nil)
    }

    @Test("reads French, Italian, Spanish, Portuguese, Dutch and Polish dates day first, the month in lower case, French '1er' and 'le', and German ones with the ordinal dot and a capitalised month", arguments: [
        ("3 mai", 5, 3), ("3 et 4 mai 2000", 5, 3), ("15 août", 8, 15), ("15 aout", 8, 15), ("3 maggio 2000", 5, 3),
        ("3 de mayo", 5, 3), ("3 y 4 de mayo de 2000", 5, 3), ("3 de maio de 2000", 5, 3), ("3 de março", 3, 3), ("3 mei", 5, 3),
        ("1 en 2 mei 2000", 5, 1), ("3 maja 2000 r.", 5, 3), ("1 i 2 października", 10, 1), ("3 de abril", 4, 3),
        // French: the first day as an ordinal, and "le" before the day.
        ("1er mai", 5, 1), ("1er et 2 mai 2000", 5, 1), ("1\u{1D49}\u{02B3} mai", 5, 1), ("le 3 mai 2000", 5, 3),
        ("Le 1er janvier", 1, 1), ("le 3-4 mai", 5, 3),
        // German: every day with its dot; months in full, Austrian or abbreviated.
        ("3. Mai", 5, 3), ("3.\u{2013}4. Mai", 5, 3), ("3.-4. Mai 2000", 5, 3), ("3./4. Mai", 5, 3), ("1. und 2. März", 3, 1),
        ("1., 2. und 3. Juni 2000", 6, 1), ("3. bis 5. Mai", 5, 3), ("15. Jänner", 1, 15), ("3. Sept.", 9, 3),
        ("3. Dez. 2000", 12, 3), ("31. Dezember 1999", 12, 31), ("3. MÄRZ", 3, 3), ("3. Maerz", 3, 3), ("7. Okt.", 10, 7),
        ("1. Januar", 1, 1), ("28. Februar", 2, 28), ("3. Juli", 7, 3), ("3. August", 8, 3), ("3. November", 11, 3),
    ])
    func otherDayFirstDates(text: String, month: Int, day: Int) {
        #expect(WrittenDate.monthAndDay(text)?.month == month, "\(text)")
        #expect(WrittenDate.monthAndDay(text)?.day == day, "\(text)")
    }

    @Test("refuses other languages' months written otherwise than their dates write them", arguments: [
        "3 Mars", "3 Mai", "3 mayo", "3 de Mayo", "3 maio", "3 de mayo 2000", "1 and 3 mai", "1 et 3 May", "3 mai 2000 г.",
        "3 mai de 2000", "3 de mayo de", "3 maja r. 2000", "3 de mai", "1 y 3 maggio", "3 abril",
        "2er mai", "1er May", "1er maggio", "1er de mayo", "le 3 May", "le 3 maggio", "la 3 mai", "le mai", "1 er mai", "le le 3 mai",
        "3. mai", "3. May", "3.4. Mai", "3.. Mai", "3. und 4 Mai", "3 und 4. Mai", "3. and 4. Mai", "3. et 4. Mai",
        "Mai 3.", "3. Mai 2000 г.", "3. de Mai", "May 3.", "3. Maiden", "1er Mai",
    ])
    func notOtherDayFirstDates(text: String) {
        #expect(WrittenDate.monthAndDay(text) == nil, "\(text)")
    }

    @Test("other languages' day-first citations and Date fields are read; English words like them stay text")
    func otherLanguagesCitations() {
        for (source, date) in [("(AFP, 3 mai)", "3 mai"), ("(EFE, 3 de mayo de 2000)", "3 de mayo de 2000"), ("(PAP, 3 maja)", "3 maja")] {
            guard case .citation(let citation) = BulletinConventions.inlines(in: source).first else { Testing.Issue.record("\(source)"); continue }
            #expect(citation.sources.map(\.date) == [date])
        }
        for text in ["(Of the 12, 3 Mars)", "(Lettuce, 2 mayo)", "(Deals, 3 Mayo)"] {
            #expect(BulletinConventions.inlines(in: text) == [.text(text)], "\(text)")
        }
        for (text, iso) in [("3 mai 2000", "2000-05-03"), ("3 de mayo de 2000", "2000-05-03"), ("3 maja 2000 r.", "2000-05-03"),
                            ("3 mei 2000", "2000-05-03"), ("31 dicembre 1999", "1999-12-31")] {
            #expect(DateParser.isoDate(from: text) == iso, "\(text)")
        }
        for text in ["3-4 mai 2000", "1 et 3 mai 2000", "3 mai", "31 juin 2000", "1 и 3 сентября 2000 г."] {
            #expect(DateParser.isoDate(from: text) == nil, "\(text)")
        }
    }

    @Test("reads a Date field's calendar date, alone or with a time as ISO 8601 gives it", arguments: [
        ("2000-02-02", "2000-02-02"), ("February 2, 2000", "2000-02-02"), ("2 Feb 2000", "2000-02-02"),
        ("2000-02-02T10:30:00Z", "2000-02-02"), ("2000-02-02 23:59", "2000-02-02"), ("2000-02-02T23:30:00.250-05:00", "2000-02-02"),
        ("2000-02-02T10:30+0300", "2000-02-02"), ("2000-02-30T10:30Z", nil), ("2000-02-02T24:00", nil), ("2000-02-02T10:61", nil),
        ("2000-02-02T10", nil), ("2000-02-02Tnoon", nil), ("2000-02-02 at 10:30", nil),
        ("-0044-03-15", nil), ("2000--02--02", nil), ("2000-+2-+2", nil), ("February +2, 2000", nil), ("2 February -2000", nil),
    ] as [(String, String?)])
    func fieldDates(text: String, expected: String?) {
        #expect(DateParser.isoDate(from: text) == expected)
    }

    @Test("refuses what is not a month and day", arguments: [
        "February", "Febr 1", "February 0", "February 32", "February 99999999999999999999", "February 1st",
        "February 1 or 3", "February 1 2 3 4 5", "F\u{E9}vrier 1", "February \u{0661}",
    ])
    func notDates(text: String) {
        #expect(WrittenDate.monthAndDay(text) == nil)
    }

    @Test("limits names by characters, not bytes, and wants a capital letter to start a publication")
    func nameLimits() {
        // 60 Cyrillic letters are 120 bytes: within the 80 characters a source's name may have.
        let longName = String(repeating: "\u{0416}", count: 60)
        guard case .citation(let citation) = BulletinConventions.inlines(in: "(\(longName), May 1)")[0] else {
            Testing.Issue.record("a 60-character name is a source")
            return
        }
        #expect(citation.sources == [CitationSource(name: longName, date: "May 1")])
        #expect(BulletinConventions.inlines(in: "(\(String(repeating: "a", count: 81)), May 1)").count == 1)
        guard case .crossReference(let reference) = BulletinConventions.inlines(in: "(see \u{00C9}cho, May 1)")[0] else {
            Testing.Issue.record("a publication may start with a capital letter outside ASCII")
            return
        }
        #expect(reference.publication == "\u{00C9}cho")
        // Not a cross-reference, and no citation of a source named "see the monitor": text.
        #expect(BulletinConventions.inlines(in: "(see the monitor, May 1)") == [.text("(see the monitor, May 1)")])
        #expect(BulletinConventions.inlines(in: "(Interfax, May 1; see 🎉, May 2)") == [.text("(Interfax, May 1; see 🎉, May 2)")])
        // A source whose name starts with the letters, not the word, is one.
        guard case .citation = BulletinConventions.inlines(in: "(Seeker Daily, May 1)")[0] else {
            Testing.Issue.record("'Seeker Daily' is a source")
            return
        }
    }

    @Test("reads a combining mark after a space or comma as a character of its own")
    func combiningMarks() {
        // The mark opens the date, which is then no date: the parenthetical stays text.
        #expect(BulletinConventions.inlines(in: "(Reuters, \u{0301}May 1)").count == 1)
        guard case .text = BulletinConventions.inlines(in: "(Reuters, \u{0301}May 1)")[0] else {
            Testing.Issue.record("no citation")
            return
        }
        // The mark ends the name, which keeps it.
        guard case .citation(let citation) = BulletinConventions.inlines(in: "(Reuters \u{0301}, May 1)")[0] else {
            Testing.Issue.record("a citation")
            return
        }
        #expect(citation.sources == [CitationSource(name: "Reuters \u{0301}", date: "May 1")])
    }

    @Test("leaves nested and unbalanced parentheses as text")
    func unbalanced() {
        for text in ["a (b (Reuters, May 1) c", "a (b", "a ) b", "(see, the)"] {
            #expect(BulletinConventions.inlines(in: text).plainText == text)
        }
    }
}
