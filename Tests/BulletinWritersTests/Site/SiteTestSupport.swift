import BulletinKit
import BulletinModel
import BulletinWriters
import Foundation

/// Builds sites in memory and hand-made archives with summaries, entities and cross-references.
enum SiteFixture {
    /// The site files (paths relative to `site/`) as text.
    static func build(
        _ archive: Archive, theme: Theme? = nil, title: String? = nil, baseURL: String? = nil, entityPageSize: Int? = nil,
        formats: [String] = ["site"]
    ) async throws -> [String: String] {
        siteFiles(try await write(archive, theme: theme, title: title, baseURL: baseURL, entityPageSize: entityPageSize, formats: formats))
    }

    /// The site's files among those a build wrote, by their paths relative to `site/`, as text.
    static func siteFiles(_ written: [String: [UInt8]]) -> [String: String] {
        var files: [String: String] = [:]
        for (path, bytes) in written where path.hasPrefix("site/") {
            files[String(path.dropFirst("site/".count))] = String(decoding: bytes, as: UTF8.self)
        }
        return files
    }

    /// Every file the build of `formats` writes, by its path in the output folder.
    static func write(
        _ archive: Archive, theme: Theme? = nil, title: String? = nil, baseURL: String? = nil, entityPageSize: Int? = nil,
        formats: [String] = ["site"]
    ) async throws -> [String: [UInt8]] {
        var configuration = Configuration()
        configuration.title = title
        configuration.baseURL = baseURL
        if let entityPageSize { configuration.site = Configuration.SiteSettings(entityPageSize: entityPageSize) }
        let sink = MemorySink()
        try await Pipeline(configuration: configuration, concurrency: 2)
            .write(archive, formats: formats, theme: try theme ?? Resources.theme(nil), to: sink)
        return sink.files
    }

    /// The example archive, loaded like a build does.
    static func example() async throws -> Archive {
        try await Pipeline(concurrency: 2).load(Resources.exampleSources).archive
    }

    static let nato = EntityMention(text: "NATO", type: .organization, entityID: "org-nato")
    static let kyiv = EntityMention(text: "Kyiv", type: .location, entityID: "loc-kyiv")

    static func article(
        _ slug: String, title: String, issue: (String, Int, Int), date: String?, blocks: [Block],
        summary: ArticleSummary? = nil, entities: [EntityCount] = [], publication: String = "Monitor"
    ) -> Article {
        let metadata = ArticleMetadata(
            id: "\(issue.0)-v\(issue.1)-i\(issue.2)-\(slug)", slug: slug, title: title, titleIsDerived: false,
            publication: publication, volume: issue.1, issue: issue.2, date: date,
            source: SourceInfo(path: "\(slug).txt", format: "text", sha256: String(repeating: "0", count: 64)),
            wordCount: blocks.map(\.plainText).joined(separator: " ").split(separator: " ").count,
            summary: summary, entities: entities)
        return Article(metadata: metadata, blocks: blocks)
    }

    /// Two issues of one publication: entities in both, summaries, a cross-reference from the second to the first.
    static func tagged() -> Archive {
        let natoCount = { (count: Int) in EntityCount(id: "org-nato", name: "NATO", type: .organization, count: count, provenance: .automatic) }
        let kyivCount = EntityCount(id: "loc-kyiv", name: "Kyiv", type: .location, count: 1, provenance: .automatic)
        let first = article("talks", title: "Talks open", issue: ("monitor", 1, 1), date: "2026-01-12", blocks: [
            .paragraph([.text("Envoys of "), .entity(nato), .text(" met in "), .entity(kyiv), .text(" on Monday "),
                        .citation(Citation(text: "(Interfax, January 11)", sources: [CitationSource(name: "Interfax", date: "January 11")])),
                        .text(".")], span: nil),
        ], summary: ArticleSummary(text: "Envoys met in Kyiv on Monday.", dek: "Envoys met in Kyiv.", origin: .generated),
           entities: [natoCount(1), kyivCount])
        let second = article("follow-up", title: "Talks continue", issue: ("monitor", 1, 2), date: "2026-01-19", blocks: [
            .paragraph([.text("The "), .entity(nato), .text(" talks went on "),
                        .crossReference(CrossReference(text: "(see the Monitor, January 12)", publication: "Monitor", date: "January 12",
                                                       target: IssueReference(id: "monitor-v1-i1", publication: "Monitor", volume: 1, issue: 1))),
                        .text(".")], span: nil),
        ], summary: ArticleSummary(text: "The talks went on.", dek: "Talks went on.", origin: .source), entities: [natoCount(2)])
        let third = article("other", title: "Other news", issue: ("monitor", 1, 2), date: "2026-01-19", blocks: [
            .paragraph([.text("Nothing about anyone.")], span: nil),
        ])
        func issue(_ number: Int, _ date: String, _ articles: [Article]) -> Issue {
            Issue(id: "monitor-v1-i\(number)", publication: "Monitor", publicationSlug: "monitor", volume: 1, number: number, date: date, articles: articles)
        }
        return Archive(publications: [
            Publication(name: "Monitor", slug: "monitor", volumes: [Volume(number: 1, issues: [issue(1, "2026-01-12", [first]), issue(2, "2026-01-19", [second, third])])]),
        ])
    }
}
