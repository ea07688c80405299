import BulletinKit
import BulletinModel
import BulletinWriters
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small archives built by hand, with summaries, entities and authors, and helpers to write and read their feeds.
enum FeedFixtures {
    /// An article of `publication`, volume 1.
    static func article(
        _ publication: String, issue: Int, slug: String, title: String, date: String?, authors: [String] = [],
        summary: String? = nil, entities: [EntityCount] = [], blocks: [Block]
    ) -> Article {
        let publicationSlug = Slug.make(publication)
        let id = "\(publicationSlug)-v1-i\(issue)-" + String(SHA256.hex(of: Array((title + slug).utf8)).prefix(12))
        return Article(
            metadata: ArticleMetadata(
                id: id, slug: slug, title: title, titleIsDerived: false, publication: publication, volume: 1, issue: issue,
                date: date, authors: authors, source: SourceInfo(path: "\(slug).txt", format: "text", sha256: String(repeating: "0", count: 64)),
                wordCount: blocks.map(\.plainText.wordCount).reduce(0, +),
                summary: summary.map { ArticleSummary(text: $0, dek: $0, origin: .generated) }, entities: entities
            ),
            blocks: blocks
        )
    }

    /// A paragraph of plain text.
    static func paragraph(_ inlines: Inline...) -> Block {
        .paragraph(inlines, span: nil)
    }

    /// Groups articles into issues and publications, in the order given.
    static func archive(_ articles: [Article]) -> Archive {
        var publications: [String: [Int: [Article]]] = [:]
        var names: [String: String] = [:]
        for article in articles {
            let slug = Slug.make(article.metadata.publication)
            names[slug] = article.metadata.publication
            publications[slug, default: [:]][article.metadata.issue, default: []].append(article)
        }
        return Archive(publications: publications.keys.sorted().map { slug in
            let issues = publications[slug]!.keys.sorted().map { number in
                let members = publications[slug]![number]!
                return Issue(
                    id: "\(slug)-v1-i\(number)", publication: names[slug]!, publicationSlug: slug, volume: 1, number: number,
                    date: members.compactMap(\.metadata.date).min(), articles: members
                )
            }
            return Publication(name: names[slug]!, slug: slug, volumes: [Volume(number: 1, issues: issues)])
        })
    }

    /// The golden archive: two publications, five articles, one undated, one with a linked cross-reference.
    static var small: Archive {
        let nato = EntityCount(id: "org-nato", name: "NATO", type: .organization, count: 2, provenance: .automatic)
        let kyiv = EntityCount(id: "loc-kyiv", name: "Kyiv", type: .location, count: 1, provenance: .automatic)
        return archive([
            article("Monitor", issue: 1, slug: "gas-talks", title: "Gas talks resume", date: "2026-01-12", authors: ["Staff"],
                    summary: "Negotiators met in Moscow for a third round.", entities: [kyiv],
                    blocks: [paragraph(.text("Negotiators from "), .entity(EntityMention(text: "Kyiv", type: .location, entityID: "loc-kyiv")),
                                       .text(" met in Moscow "), .citation(Citation(text: "(Interfax, January 10)", sources: [])), .text("."))]),
            article("Monitor", issue: 1, slug: "minsk", title: "Minsk waits", date: "2026-01-12",
                    blocks: [paragraph(.text("Lukashenko told the council that Minsk would wait.")), paragraph(.emphasis([.text("More later.")]))]),
            article("Monitor", issue: 2, slug: "mediators", title: "Mediators return", date: "2026-01-19", authors: ["A. Writer", "B. Writer"],
                    entities: [nato, kyiv],
                    blocks: [paragraph(.text("Envoys arrived "), .crossReference(CrossReference(
                        text: "(see the Monitor, January 12)", publication: "Monitor", date: "January 12",
                        target: IssueReference(id: "monitor-v1-i1", publication: "Monitor", volume: 1, issue: 1))), .text("."))]),
            article("Prism", issue: 4, slug: "caspian", title: "Caspian states to meet", date: "2026-01-16", summary: "A summit in Baku.",
                    entities: [nato], blocks: [paragraph(.text("The five Caspian states will meet in Baku."))]),
            article("Prism", issue: 5, slug: "notes", title: "Editors’ note", date: nil,
                    blocks: [paragraph(.text("An undated note from the editors & friends."))]),
        ])
    }

    /// Every feed document the writer makes of `archive`, by path.
    static func write(_ archive: Archive, settings: WriterSettings) throws -> [String: [UInt8]] {
        let sink = MemorySink()
        try FeedWriter().writeArchive(archive, to: sink, context: WriterContext(settings: settings, theme: Resources.theme(nil)))
        return sink.files
    }

    /// A JSON object, or an error when the bytes are missing or not one.
    static func jsonObject(_ bytes: [UInt8]?) throws -> [String: Any] {
        guard let bytes, let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw FixtureError.notAJSONObject
        }
        return object
    }

    /// What the helpers throw.
    enum FixtureError: Error {
        case notAJSONObject
    }

    /// True when `bytes` is a well-formed XML document, by Foundation's parser.
    static func isWellFormedXML(_ bytes: [UInt8]) -> Bool {
        XMLParser(data: Data(bytes)).parse()
    }

    /// The text of every `<tag>` element, in document order (no nesting of the same tag assumed).
    static func elements(_ tag: String, in bytes: [UInt8]) -> [String] {
        let collector = ElementCollector(tag: tag)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        _ = parser.parse()
        return collector.values
    }

    /// The `href` of every `<link rel=…>` by rel, in document order.
    static func links(in bytes: [UInt8]) -> [(rel: String, href: String)] {
        let collector = ElementCollector(tag: "link")
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        _ = parser.parse()
        return collector.attributes.compactMap { attributes in
            attributes["href"].map { (attributes["rel"] ?? "alternate", $0) }
        }
    }

    private final class ElementCollector: NSObject, XMLParserDelegate {
        let tag: String
        var values: [String] = []
        var attributes: [[String: String]] = []
        private var current: String?

        init(tag: String) {
            self.tag = tag
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if name == tag {
                current = ""
                self.attributes.append(attributes)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current? += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            current? += String(decoding: block, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == tag, let value = current {
                values.append(value)
                current = nil
            }
        }
    }
}
