import BulletinModel
import BulletinWriters
import Foundation
import ZIPFoundation

/// Hand-built archives for the EPUB tests, with summaries, entities and cross-references filled in.
enum EPUBFixtures {
    static func article(
        _ title: String, derived: Bool = false, publication: String = "Monitor", volume: Int = 6, issue: Int, date: String? = "2000-02-02",
        authors: [String] = [], language: String = "en", section: String? = nil, summary: String? = nil,
        entities: [EntityCount] = [], blocks: [Block]
    ) -> Article {
        let slug = Slug.make(title, fallback: "article")
        let metadata = ArticleMetadata(
            id: "\(Slug.make(publication))-v\(volume)-i\(issue)-\(slug)", slug: slug, title: title, titleIsDerived: derived,
            publication: publication, volume: volume, issue: issue, date: date, authors: authors, language: language, section: section,
            source: SourceInfo(path: "sources/\(slug).txt", format: "text", sha256: String(repeating: "0", count: 64)),
            wordCount: blocks.map(\.plainText).joined(separator: " ").split(whereSeparator: \.isWhitespace).count,
            summary: summary.map { ArticleSummary(text: $0, dek: String($0.prefix(40)), origin: .generated) }, entities: entities
        )
        return Article(metadata: metadata, blocks: blocks)
    }

    static func issue(_ articles: [Article], publication: String = "Monitor", volume: Int = 6, number: Int, date: String? = "2000-02-02") -> Issue {
        let slug = Slug.make(publication)
        return Issue(id: "\(slug)-v\(volume)-i\(number)", publication: publication, publicationSlug: slug, volume: volume, number: number,
                     date: date, articles: articles)
    }

    static let earlier = IssueReference(id: "monitor-v6-i22", publication: "Monitor", volume: 6, issue: 22)
    static let prism = IssueReference(id: "prism-v3-i4", publication: "Prism", volume: 3, issue: 4)

    /// Monitor volume 6 (issues 22 and 23) and one Prism issue.
    static var archive: BulletinModel.Archive {
        let lead = article(
            "Moscow looks west", issue: 23, authors: ["Ann Smith", "Bo Li"], section: "Russia",
            summary: "Moscow signals a thaw with NATO while the Duma debates the budget.",
            entities: [
                EntityCount(id: "org-nato", name: "NATO", type: .organization, count: 3, provenance: .automatic),
                EntityCount(id: "loc-moscow", name: "Moscow", type: .location, count: 2, provenance: .automatic),
                EntityCount(id: "misc-soviet", name: "Soviet", type: .miscellaneous, count: 9, provenance: .automatic),
                EntityCount(id: "per-putin", name: "Vladimir Putin", type: .person, count: 1, provenance: .automatic),
            ],
            blocks: [
                .paragraph([
                    .entity(EntityMention(text: "Moscow", type: .location, entityID: "loc-moscow")),
                    .text(" said on Tuesday that talks with "),
                    .entity(EntityMention(text: "NATO", type: .organization, entityID: "org-nato")),
                    .text(" would resume "),
                    .citation(Citation(text: "(Interfax, February 1)", sources: [CitationSource(name: "Interfax", date: "February 1")])),
                    .text("."),
                ], span: nil),
                .heading(level: 1, [.text("Background")]),
                .paragraph([
                    .text("The offer follows "), .emphasis([.text("weeks")]), .text(" of "), .strong([.text("pressure")]),
                    .text(" "), .crossReference(CrossReference(text: "(see the Monitor, February 1)", publication: "Monitor", date: "February 1", target: earlier)),
                    .text(", and echoes Prism "),
                    .crossReference(CrossReference(text: "(see Prism, January 16)", publication: "Prism", date: "January 16", target: prism)),
                    .text(" and an old note "),
                    .crossReference(CrossReference(text: "(see the Monitor, March 3)", publication: "Monitor", date: "March 3", target: nil)),
                    .text("; details at "), .link(Link(url: "https://example.org/a?b=1&c=2", content: [.text("the ministry")])),
                    .text("."), .lineBreak, .text("More follows."),
                ], span: nil),
                .blockQuote([.paragraph([.text("We are ready.")], span: nil)]),
                .list(ordered: false, items: [[.paragraph([.text("one")], span: nil)], [.paragraph([.text("two")], span: nil)]]),
                .rule,
            ]
        )
        let second = article(
            "Security forces in Dagestan reported two clashes with armed…", derived: true, issue: 23,
            blocks: [.paragraph([.text("Security forces in Dagestan reported two clashes with armed groups.")], span: nil)]
        )
        let old = article("Talks resume", issue: 22, date: "2000-02-01", blocks: [.paragraph([.text("Talks resumed.")], span: nil)])
        let prismArticle = article(
            "Caspian states meet", publication: "Prism", volume: 3, issue: 4, date: "2000-01-16",
            blocks: [.paragraph([.text("The five Caspian states will meet in Baku.")], span: nil)]
        )
        return BulletinModel.Archive(publications: [
            Publication(name: "Monitor", slug: "monitor", volumes: [
                Volume(number: 6, issues: [issue([old], number: 22, date: "2000-02-01"), issue([lead, second], number: 23)]),
            ]),
            Publication(name: "Prism", slug: "prism", volumes: [
                Volume(number: 3, issues: [issue([prismArticle], publication: "Prism", volume: 3, number: 4, date: "2000-01-16")]),
            ]),
        ])
    }

    static let settings = WriterSettings(baseURL: "https://bulletin.example.org/archive/", publisher: "Example Foundation", rights: "© 2000 Example Foundation")

    /// The entries of an EPUB in container order: path, stored (true) or deflated, bytes.
    static func entries(of epub: [UInt8]) throws -> [(path: String, stored: Bool, bytes: [UInt8])] {
        let archive = try ZIPFoundation.Archive(data: Data(epub), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, !entry.isCompressed, [UInt8](data))
        }
    }
}
