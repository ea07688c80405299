import BulletinKit
import BulletinModel
import BulletinTestSupport
@testable import BulletinWriters
import Foundation
import Testing

@Suite("Dates as people read them")
struct DateDisplayTests {
    @Test("a year before 1000 is worded as written, unpadded, where people read it", arguments: [
        ("en", "0044-03-15", "15 March 44"), ("en", "0999-12-31", "31 December 999"), ("en", "1996-08-30", "30 August 1996"),
        ("ru", "0988-07-28", "28 июля 988 г."), ("de", "0009-09-09", "9. September 9"),
    ])
    func wordedYear(language: String, iso: String, expected: String) throws {
        let strings = try ThemeStrings(theme: Resources.theme(nil))
        #expect(strings.strings(for: language).date(iso) == expected)
    }

    @Test("every human-facing format shows 15 March 44; the machine formats keep ISO 8601's 0044-03-15")
    func earlyYearInEveryFormat() async throws {
        var configuration = Configuration()
        configuration.baseURL = "https://example.org/"
        let source = TestSupport.source("Publication: Annals Volume: 1 Issue: 1\nDate: 15 March 44\nTitle: The Ides\n\nCaesar was warned.\n",
                                        path: "ides.txt")
        let output = TestSupport.temporaryFolder()
        let report = try await Pipeline(configuration: configuration).build(
            [source], output: output, formats: ["site", "epub", "text", "json", "feeds"], theme: Resources.theme(nil))
        #expect(report.archive.articles.first?.metadata.date == "0044-03-15")
        let tree = TestSupport.tree(output)
        func text(_ path: String) -> String { String(decoding: tree[path] ?? [], as: UTF8.self) }

        // Plain text: the date worded by the theme, as in the book.
        #expect(text("text/annals-v1-i1/the-ides.txt").contains("\n15 March 44\n"))
        #expect(text("text/annals-v1-i1.txt").contains("\n15 March 44\n"))
        for (path, bytes) in tree where path.hasPrefix("text/") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("0044"), "\(path)")
        }

        // The site: worded dates unpadded; the machine-read ones (datetime, JSON-LD, Open Graph) in ISO 8601.
        let page = text("site/annals/1/1/the-ides/index.html")
        #expect(page.contains("<time datetime=\"0044-03-15\">15 March 44</time>"), "\(page)")
        #expect(!page.contains("March 0044"))
        for (path, bytes) in tree where path.hasPrefix("site/") {
            let content = String(decoding: bytes, as: UTF8.self)
            #expect(!content.contains("March 0044") && !content.contains("· 0044"), "\(path)")
        }
        #expect(text("site/search/records/0.js").contains("· 15 March 44"))

        // The book: its dateline, title page and cover worded unpadded; the package's dc:date in ISO 8601.
        let book = try #require(tree.first { $0.key.hasPrefix("epub/") && $0.key.hasSuffix(".epub") }?.value)
        let entries = Dictionary(try EPUBFixtures.entries(of: book).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { first, _ in first }
        #expect(entries["EPUB/package.opf"]?.contains("<dc:date>0044-03-15</dc:date>") == true)
        let worded = entries.filter { $0.key.hasSuffix(".xhtml") || $0.key.hasSuffix(".svg") }
        #expect(worded.values.contains { $0.contains(">15 March 44</time>") })
        #expect(worded.values.contains { $0.contains("15 March 44</text>") })
        for (path, content) in worded {
            #expect(!content.contains("March 0044"), "\(path)")
        }

        // Machine formats: ISO 8601 as the standards ask.
        #expect(text("json/annals-v1-i1.json").contains("\"date\":\"0044-03-15\""))
        #expect(text("feeds/atom.xml").contains("<published>0044-03-15T00:00:00Z</published>"))
    }
}
