import BulletinModel
import BulletinTestSupport
import Foundation
@testable import BulletinWriters
import Testing

@Suite("Search index")
struct SearchIndexTests {
    @Test("the word-hash set agrees with Set through growth, clustered slots and the value zero")
    func wordHashes() {
        var hashes = WordHashes(capacity: 4)
        var reference: Set<UInt64> = []
        // A pseudo-random walk with many repeats, plus values that share their first slot.
        var state: UInt64 = 0x1234_5678
        var values: [UInt64] = [0, 1, 0, UInt64.max, 1 << 63, 1 << 62, 3 << 62]
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(state >> 50)
        }
        for value in values {
            #expect(hashes.contains(value) == reference.contains(value))
            #expect(hashes.insert(value) == reference.insert(value).inserted)
        }
        for probe in values + [2, 5, 7 << 60] {
            #expect(hashes.contains(probe) == reference.contains(probe))
        }
    }


    @Test("postings are written in the decimal digits String gives, at every length and at the powers of ten")
    func decimalDigits() {
        var values: [UInt32] = [0, 9, 10, 11, 99, 100, 101, UInt32.max, UInt32.max - 1, 4_000_000_000]
        var power: UInt32 = 1
        for _ in 0..<9 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        var state: UInt64 = 0x9E37_79B9
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(UInt32(truncatingIfNeeded: state >> 33) >> (state % 32))
        }
        for value in values {
            var out: [UInt8] = [UInt8(ascii: ",")]
            SearchIndex.appendDecimal(value, to: &out)
            #expect(out == Array(",\(value)".utf8), "\(value)")
        }
    }
    @Test("words: folded to lower case without diacritics, parted by all but letters, marks and digits, joined across pieces")
    func words() {
        let pieces = ["The Duma and the ", "DUMA", "’s vote on Zürich—ZÜRICH «Ankara» a", "b", " Vote 2000, vote €5 x×y Αθήνα Київ"]
        #expect(SearchIndex.words(pieces) == [
            "the", "duma", "and", "the", "duma", "s", "vote", "on", "zurich", "zurich", "ankara", "ab", "vote", "2000", "vote",
            "5", "x", "y", "αθηνα", "киів",
        ])
    }

    @Test("Greek final sigma folds to σ, so a word in capitals is found by the word in small letters", arguments: [
        ("ΠΟΡΤΟΣ", "πορτοσ"), ("Πόρτος", "πορτοσ"), ("πορτος", "πορτοσ"), ("ΟΔΥΣΣΕΥΣ Οδυσσεύς", "οδυσσευσ οδυσσευσ"),
    ])
    func finalSigma(text: String, folded: String) {
        #expect(SearchIndex.words([text]) == folded.split(separator: " ").map(String.init))
    }

    /// The rule by characters, as the search script applies it to a query: lower case, canonical
    /// decomposition without the combining diacritics and with final sigma as σ, then words of letters,
    /// marks and digits.
    static func referenceWords(_ text: String) -> [String] {
        let folded = String(String.UnicodeScalarView(text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x300...0x36F).contains($0.value)
        }.map { $0.value == 0x3C2 ? "\u{3C3}" : $0 }))
        var words: [String] = [], word = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                word.append(scalar)
            default:
                if !word.isEmpty { words.append(String(word)) }
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words
    }

    @Test("words of the real sample, cut into pieces at every few characters, agree with the script's rule for queries")
    func sampleWords() throws {
        let text = try String(contentsOf: TestPaths.sampleBulletin, encoding: .utf8)
            + " Zürich’s ZÜRICH naïve façade—«quoted» x×y 10÷2 ΑΘΉΝΑ Αθήνα ΠΟΡΤΟΣ Πόρτος 東京 नमस्ते İstanbul ǅemal end"
        let paragraphs = text.split(separator: "\n").map(String.init)
        for cut in [1, 3, 7, 64, 100_000] {
            var pieces: [String] = []
            for paragraph in paragraphs {
                var rest = paragraph[...]
                while !rest.isEmpty {
                    pieces.append(String(rest.prefix(cut)))
                    rest = rest.dropFirst(cut)
                }
                // A paragraph ends a word.
                pieces.append(" ")
            }
            #expect(SearchIndex.words(pieces) == Self.referenceWords(paragraphs.joined(separator: " ")), "cut \(cut)")
        }
    }

    @Test("articles are numbered newest first by their date, else their issue's; undated last; archive order among equals")
    func newestFirst() {
        func article(_ slug: String, _ date: String?) -> Article {
            SiteFixture.article(slug, title: slug, issue: ("monitor", 1, 1), date: date, blocks: [])
        }
        func issue(_ number: Int, _ date: String?, _ articles: [Article]) -> BulletinModel.Issue {
            BulletinModel.Issue(id: "monitor-v1-i\(number)", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: number,
                  date: date, articles: articles)
        }
        let issues = [
            issue(1, "1996-03-01", [article("old", "1996-03-01"), article("undated-in-dated", nil), article("late", "2003-05-02")]),
            issue(2, nil, [article("undated", nil), article("new", "2003-05-02"), article("undated-too", nil)]),
            issue(3, "2000-01-01", [article("middle", "2000-01-01")]),
        ]
        let order = SearchIndex.newestFirst(issues).map { issues[$0.issue].articles[$0.article].metadata.slug }
        #expect(order == ["late", "new", "middle", "old", "undated-in-dated", "undated", "undated-too"])
    }

    @Test("the records and postings follow the newest-first numbering")
    func recordsNewestFirst() async throws {
        func article(_ slug: String, _ date: String?) -> Article {
            SiteFixture.article(slug, title: "Duma \(slug)", issue: ("monitor", 1, 1), date: date, blocks: [])
        }
        let archive = Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
            BulletinModel.Issue(id: "monitor-v1-i1", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: 1, date: "1996-01-01",
                  articles: [article("older", "1996-01-01"), article("undated", nil), article("newer", "2003-01-01")]),
        ])])])
        let files = try await SiteFixture.build(archive)
        #expect(try SearchFiles.records(files, block: 0).map { $0["t"] } == ["Duma newer", "Duma older", "Duma undated"])
        #expect(try SearchFiles.terms(files, shard: "du")["duma"] == [0 << 3 | 1, 1 << 3 | 1, 2 << 3 | 1])
    }

    @Test("English stop words are left out of English articles alone: German 'was' and Dutch 'will' are indexed, and index.json says which words a query may leave out")
    func stopWordsByLanguage() async throws {
        func article(_ slug: String, _ language: String, _ text: String, date: String) -> Article {
            var article = SiteFixture.article(slug, title: slug.capitalized, issue: ("monitor", 1, 1), date: date,
                                              blocks: [.paragraph([.text(text)], span: nil)])
            article.metadata.language = language
            return article
        }
        func archive(_ articles: [Article]) -> Archive {
            Archive(publications: [Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [
                BulletinModel.Issue(id: "monitor-v1-i1", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: 1,
                                    date: "2026-01-01", articles: articles),
            ])])])
        }
        func summary(_ files: [String: String]) throws -> [String: Any] {
            let json = try #require(files["search/index.json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
        // Numbered newest first: the German article 0, the Dutch 1, the English 2.
        let english = article("english", "en-GB", "It was the Duma that will decide.", date: "2026-01-01")
        let german = article("german", "de", "Was die Duma will, ist klar.", date: "2026-01-03")
        let dutch = article("dutch", "nl", "Wat de Doema will, is de vraag.", date: "2026-01-02")
        let mixed = try await SiteFixture.build(archive([english, german, dutch]))
        #expect(try SearchFiles.terms(mixed, shard: "wa")["was"] == [0 << 3 | 4])
        #expect(try SearchFiles.terms(mixed, shard: "wi")["will"] == [0 << 3 | 4, 1 << 3 | 4])
        #expect(!mixed.contains { $0.key.hasPrefix("search/terms/") && $0.value.contains("\"the\"") }, "the English article's 'the'")
        #expect(try SearchFiles.terms(mixed, shard: "du")["duma"] == [0 << 3 | 4, 2 << 3 | 4])
        // No word is left out of every article, so a query drops none; English stop words are left out of some,
        // so a query asks for them without requiring them ("the duma" still finds the English article).
        #expect(try summary(mixed)["stop"] as? [String] == [])
        #expect(try summary(mixed)["optional"] as? [String] == SearchIndex.stopWordList)
        // An English archive leaves them out of every article, and a query drops them, as before.
        let englishOnly = try await SiteFixture.build(archive([english]))
        #expect(try summary(englishOnly)["stop"] as? [String] == SearchIndex.stopWordList)
        #expect(try summary(englishOnly)["optional"] as? [String] == [])
        #expect(!englishOnly.contains { $0.key.hasPrefix("search/terms/") && $0.value.contains("\"was\"") })
        // An archive without English leaves nothing out.
        let germanOnly = try await SiteFixture.build(archive([german]))
        #expect(try summary(germanOnly)["stop"] as? [String] == [])
        #expect(try SearchFiles.terms(germanOnly, shard: "wa")["was"] == [0 << 3 | 4])
    }

    @Test("shards: the first two characters of a word, named in ASCII")
    func shards() {
        #expect(SearchIndex.shardKey(Array("duma".utf8)) == Array("du".utf8))
        #expect(SearchIndex.shardKey(Array("мос".utf8)) == Array("мо".utf8))
        #expect(SearchIndex.shardKey(Array("x".utf8)) == Array("x".utf8))
        #expect(SearchIndex.shardFileName("du") == "du")
        #expect(SearchIndex.shardFileName("20") == "20")
        #expect(SearchIndex.shardFileName("мо") == "_43c__43e_")
        #expect(SearchIndex.shardFileName("東京") == "_6771__4eac_")
    }
}
