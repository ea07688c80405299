import BulletinKit
import BulletinModel
import BulletinTestSupport
import BulletinWriters
import Foundation
import Testing

@Suite("JSON tree serializer")
struct JSONTreeSerializerTests {
    func foundationJSON<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    @Test("compact output equals Foundation's sorted-key encoding of every example article, byte for byte")
    func matchesCodable() async throws {
        let hostile = TestSupport.source(
            "Publication: A \"quoted\" \\ pub Volume: 1 Issue: 1\nTitle: Tab\tand </script> & ]]> ‮RTL‬ 😀\nColour: x/y\n\nText with \u{07} bell, slash / and “quotes” (see the Monitor, May 2).",
            path: "hostile.txt")
        let (archive, _) = try await Pipeline().load(Resources.exampleSources + [hostile])
        for issue in archive.issues {
            for article in issue.articles {
                let record = JSONWriter.ArticleRecord(schemaVersion: 1, issue: issue.id, article: article)
                var serializer = JSONTreeSerializer(pretty: false)
                serializer.write(record)
                let same = serializer.bytes == (try foundationJSON(record))
                #expect(same, "\(article.metadata.source.path)")
            }
            var serializer = JSONTreeSerializer(pretty: false)
            serializer.write(IssueDocument(issue: issue))
            let same = serializer.bytes == (try foundationJSON(IssueDocument(issue: issue)))
            #expect(same, "\(issue.id)")
        }
    }

    @Test("control characters, quotes and backslashes are escaped as Foundation escapes them")
    func controlCharacters() async throws {
        let (archive, _) = try await Pipeline().load(Resources.exampleSources)
        var article = archive.issues[0].articles[0]
        article.metadata.title = "all: " + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + " \"q\" \\ é 😀 end"
        let record = JSONWriter.ArticleRecord(schemaVersion: 1, issue: archive.issues[0].id, article: article)
        var serializer = JSONTreeSerializer(pretty: false)
        serializer.write(record)
        #expect(serializer.bytes == (try foundationJSON(record)))
    }

    @Test("a character needing escape is found at every offset within and across eight-byte words")
    func escapesAtEveryOffset() throws {
        let specials: [Character] = ["\u{0}", "\u{1F}", "\n", "\"", "\\", "\u{7F}", "é", "😀", "/"]
        for length in 0..<20 {
            for offset in 0..<max(1, length) {
                for special in specials {
                    var characters = Array(repeating: Character("a"), count: length)
                    if length > 0 { characters[offset] = special }
                    // A second one near the end, so words with two escapes and a tail after the last word are met.
                    if length > 2 { characters[length - 2] = specials[(offset + length) % specials.count] }
                    let value = String(characters)
                    var bytes: [UInt8] = [UInt8(ascii: "[")]
                    JSONTreeSerializer.appendLiteral(value, to: &bytes)
                    bytes.append(UInt8(ascii: "]"))
                    #expect(bytes == (try foundationJSON([value])), "\(value.debugDescription)")
                }
            }
        }
    }

    @Test("compact and pretty output decode back to the same tree", arguments: [false, true])
    func roundTrip(pretty: Bool) async throws {
        let (archive, _) = try await Pipeline().load(Resources.exampleSources)
        for issue in archive.issues {
            let bytes = JSONWriter.serialize(IssueDocument(issue: issue), pretty: pretty)
            let decoded = try JSONDecoder().decode(IssueDocument.self, from: Data(bytes))
            #expect(decoded == IssueDocument(issue: issue))
            // Compact output has one line; pretty output one member or element a line.
            #expect(bytes.last == UInt8(ascii: "\n"))
            #expect(bytes.dropLast().contains(UInt8(ascii: "\n")) == pretty)
        }
    }

    @Test("an issue's digest changes exactly when its JSON document does")
    func digestFollowsJSON() async throws {
        let (archive, _) = try await Pipeline().load(Resources.exampleSources)
        let base = try #require(archive.issues.first { $0.articles.contains { !$0.metadata.entities.isEmpty } })
        // One change at a time, each to a field a writer shows; and changes that move text between fields.
        var variants: [BulletinModel.Issue] = [base]
        func variant(_ change: (inout BulletinModel.Issue) -> Void) {
            var issue = base
            change(&issue)
            variants.append(issue)
        }
        variant { $0.date = nil }
        variant { $0.date = ($0.date ?? "") + "x" }
        variant { $0.articles[0].metadata.title += " " }
        variant { $0.articles[0].metadata.summary = nil }
        variant { $0.articles[0].metadata.entities[0].count += 1 }
        variant { $0.articles[0].metadata.order = ($0.articles[0].metadata.order ?? 0) + 1 }
        variant { $0.articles[0].metadata.titleIsDerived.toggle() }
        variant { $0.articles[0].blocks.append(Block.rule) }
        variant { $0.articles[0].blocks.append(Block.paragraph([Inline.text("")], span: nil)) }
        variant { $0.articles[0].blocks.append(Block.paragraph([Inline.text(""), Inline.text("")], span: nil)) }
        variant { $0.articles[0].blocks.append(Block.paragraph([Inline.lineBreak], span: nil)) }
        variant { $0.articles[0].metadata.authors = ["A", "B"] }
        variant { $0.articles[0].metadata.authors = ["AB"] }
        variant { $0.articles[0].metadata.authors = ["A", "", "B"] }
        variant { $0.articles.swapAt(0, 1) }
        variant { $0.articles.removeLast() }
        // Each variant is numbered by the first variant with the same JSON, and by the first with the same digest.
        var firstByJSON: [[UInt8]: Int] = [:], firstByDigest: [[UInt8]: Int] = [:]
        for (index, issue) in variants.enumerated() {
            let json = JSONWriter.serialize(IssueDocument(issue: issue), pretty: false)
            let digest = JSONWriter.digest(of: issue)
            #expect(digest.count == 32)
            firstByJSON[json] = firstByJSON[json] ?? index
            firstByDigest[digest] = firstByDigest[digest] ?? index
            #expect(firstByJSON[json] == firstByDigest[digest], "variant \(index): its digest and its JSON disagree on which variant it equals")
        }
        #expect(firstByDigest.count == firstByJSON.count && firstByJSON.count > variants.count / 2)
        #expect(JSONWriter.digest(of: base) == JSONWriter.digest(of: base))
    }
}
