import BulletinModel
import Synchronization

/// The site templates of one theme (`site/*.mustache`), compiled once and shared by every page of a build.
struct SiteTemplates: Sendable {
    /// The compiled templates, by name (`article` for `site/article.mustache`).
    let templates: ThemeTemplates
    /// List items already rendered, shared by every page of a build that uses these templates.
    let renderedItems = RenderedItems()
    /// The theme's words in each language it has (``UIStrings``).
    let strings: ThemeStrings

    /// Every template the site writer renders.
    static let required = ["layout", "home", "publication", "volume", "issue", "article", "entities", "entity", "entity-article",
                           "article-entity", "issue-entity", "search", "404"]

    /// Compiles the theme's `site/*.mustache` files.
    init(theme: Theme) throws {
        var sources: [String: String] = [:]
        for (path, bytes) in theme.files where path.hasPrefix("site/") && path.hasSuffix(".mustache") {
            sources[String(path.dropFirst("site/".count).dropLast(".mustache".count))] = String(decoding: bytes, as: UTF8.self)
        }
        // The index of entities lists every one: a page of hundreds of kilobytes at 10,000 articles.
        templates = try ThemeTemplates(sources, format: "site", path: { "site/\($0).mustache" }, origin: theme.origin(of:),
                                       splitting: ["entities": ["groups", "entities"]])
        strings = try ThemeStrings.of(theme)
        for required in Self.required where !templates.names.contains(required) {
            throw WriterError(format: "site", message: "the theme has no site/\(required).mustache (and the default theme is missing it too)")
        }
    }

    /// Renders the template `name` with `values` (escaped strings, fragments, numbers, flags, lists).
    func render(_ name: String, _ values: TemplateValues) -> String {
        templates.render(name, values)
    }

    /// Whether the template `name` (or a partial it includes) can print or test the value `value`: false
    /// only when splicing is on and no tag names it, so a page can leave out a value its theme never uses.
    func mentions(_ value: String, in name: String) -> Bool {
        templates.skeletons?.names[name].map { $0.contains(value) } ?? true
    }

    /// ``render(_:_:)`` as UTF-8, for a page written straight to a file.
    func renderUTF8(_ name: String, _ values: TemplateValues) -> [UInt8] {
        templates.renderUTF8(name, values)
    }
}

/// Rendered list items by key, for items that are the same on many pages (an entity in article pages'
/// lists), shared by the page jobs of a build, which run in parallel.
///
/// A key names the item template and holds every value the item is rendered from, so an item stays
/// right across the builds a process runs with one theme; the store is emptied when it grows past
/// ``limit`` items. Items are filed under their entity's id, a few to an entity, so the store's table
/// has a slot for each entity rather than for each of the many more items.
final class RenderedItems: Sendable {
    /// An entity's item: its template, the path from the page to the site's root, the language of its
    /// words, and the entity as listed.
    struct Key: Equatable, Sendable {
        var template: String
        var root: String
        var language: String
        var entity: EntityCount
    }

    /// An item and its key, kept by reference: looking through an entity's entries then retains no strings.
    private final class Entry: Sendable {
        let key: Key
        let item: String

        init(key: Key, item: String) {
            self.key = key
            self.item = item
        }
    }

    private let store = Mutex<(items: [String: [Entry]], count: Int)>(([:], 0))
    /// Most items kept: about the items of a 100,000-article archive.
    static let limit = 1_000_000

    /// The item stored under `key`, rendered by `render` and stored on first use.
    func item(_ key: Key, render: () -> String) -> String {
        let id = key.entity.id
        if let hit = store.withLock({ $0.items[id]?.first { $0.key == key } }) { return hit.item }
        let item = render()
        store.withLock { store in
            if store.count >= Self.limit { store = ([:], 0) }
            // Another page job may have stored the same item meanwhile.
            guard store.items[id]?.contains(where: { $0.key == key }) != true else { return }
            store.items[id, default: []].append(Entry(key: key, item: item))
            store.count += 1
        }
        return item
    }
}

/// Compiled templates for the themes a writer has seen, so each theme is compiled once, not once per page.
final class SiteTemplateCache: Sendable {
    private let entries = Mutex<[(theme: Theme, templates: SiteTemplates)]>([])

    /// The compiled templates of `theme`, compiling them on first use.
    func templates(for theme: Theme) throws -> SiteTemplates {
        try entries.withLock { entries in
            // Comparing themes is cheap within a build: every call shares the same file buffers.
            if let hit = entries.first(where: { $0.theme == theme }) { return hit.templates }
            let templates = try SiteTemplates(theme: theme)
            entries.append((theme, templates))
            if entries.count > 4 { entries.removeFirst() }
            return templates
        }
    }
}
