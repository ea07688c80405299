import Mustache
import Synchronization

/// The site templates of one theme, compiled once and shared by every page of a build.
///
/// Every value the writer hands a template is already escaped by ``Markup`` (text and attribute values) or
/// built by ``MarkupBuilder`` (fragments). Templates are therefore compiled with a content type that escapes
/// nothing, so `{{name}}` and `{{{name}}}` print the same safe markup and a theme cannot un-escape a value.
struct SiteTemplates: Sendable {
    /// The compiled templates, by name (`article` for `site/article.mustache`); partials resolve here too.
    let library: MustacheLibrary
    /// Template names.
    let names: Set<String>
    /// List items already rendered, shared by every page of a build that uses these templates.
    let renderedItems = RenderedItems()
    /// Outputs cut at their values, by template and shape of values; nil when a template could print a
    /// value other than verbatim, so splicing would not give what the template gives.
    let skeletons: TemplateSkeletons?

    /// The content type of Bulletin's templates: values arrive escaped.
    private struct PreEscaped: MustacheContentType {
        func escapeText(_ text: String) -> String { text }
    }

    private static let contentTypeName = "BULLETIN_PRE_ESCAPED"
    private static let registration: Void = MustacheContentTypes.register(PreEscaped(), named: contentTypeName)

    /// Compiles the theme's `site/*.mustache` files.
    init(theme: Theme) throws {
        _ = Self.registration
        var library = MustacheLibrary()
        var names: Set<String> = []
        var splices = true
        var mentioned: [String: Set<String>] = [:]
        var including: [String] = []
        for (path, bytes) in theme.files where path.hasPrefix("site/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("site/".count).dropLast(".mustache".count))
            let text = String(decoding: bytes, as: UTF8.self)
            splices = splices && Self.printsValuesVerbatim(text)
            mentioned[name] = Self.names(in: text)
            if Self.tags(of: text).contains(where: Self.includesTemplate) { including.append(name) }
            let source = "{{% CONTENT_TYPE: \(Self.contentTypeName) }}" + text
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch {
                throw WriterError(format: "site", message: "the theme's \(path) is not a valid Mustache template: \(error)")
            }
            names.insert(name)
        }
        for required in ["layout", "home", "publication", "volume", "issue", "article", "entities", "entity", "entity-article", "article-entity", "issue-entity", "search", "404"]
        where !names.contains(required) {
            throw WriterError(format: "site", message: "the theme has no site/\(required).mustache (and the default theme is missing it too)")
        }
        self.library = library
        self.names = names
        // A template that includes others (`{{> name}}`, `{{< name}}`) may look up any name they mention.
        let all = mentioned.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for name in including { mentioned[name] = all }
        skeletons = splices ? TemplateSkeletons(names: mentioned) : nil
    }

    /// Renders the template `name` with `values` (escaped strings, fragments, numbers, flags, lists).
    func render(_ name: String, _ values: [String: Any]) -> String {
        let library = library
        let direct = { (values: [String: Any]) in library.render(SafeHTML.wrapping(values), withTemplate: name) ?? "" }
        return skeletons?.render(name, values, with: direct) ?? direct(values)
    }

    /// Whether every tag of `template` prints a value as it is or tests it: no transform (`{{upper(x)}}`),
    /// no partial named by a value (`{{>*x}}`), no change of delimiters (which could hide either), and
    /// no character that ``TemplateSkeletons`` uses for its markers.
    static func printsValuesVerbatim(_ template: String) -> Bool {
        tags(of: template).allSatisfy { tag in
            let tag = tag.drop { $0 == " " || $0 == "{" }
            return !(tag.contains("(") || tag.hasPrefix("=") || tag.hasPrefix(">*") || tag.hasPrefix("<*") || tag.hasPrefix("$*"))
        } && !template.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" }
    }

    /// Every word inside the tags of `template`: all the names it can look up, and some more.
    static func names(in template: String) -> Set<String> {
        var names: Set<String> = []
        for tag in tags(of: template) {
            for word in tag.split(whereSeparator: { " \t\n{}&#^/><$!%().=*".contains($0) }) { names.insert(String(word)) }
        }
        return names
    }

    /// Whether `tag` is a partial (`> name`) or a parent (`< name`), which brings in another template's tags.
    private static func includesTemplate(_ tag: Substring) -> Bool {
        let sigil = tag.first { $0 != " " }
        return sigil == ">" || sigil == "<"
    }

    /// The text between each `{{` and the `}}` after it.
    private static func tags(of template: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            tags.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return tags
    }
}

/// Rendered list items by key, for items that are the same on many pages (an entity in article pages'
/// lists, an article in entity pages' lists), shared by the page jobs of a build, which run in parallel.
///
/// A key starts with the item template's name and holds every value the item is rendered from, so an
/// item stays right across the builds a process runs with one theme; the store is emptied when it grows
/// past ``limit`` items.
final class RenderedItems: Sendable {
    private let items = Mutex<[String: String]>([:])
    /// Most items kept: about the items of a 100,000-article archive.
    static let limit = 1_000_000

    /// The item stored under `key`, rendered by `render` and stored on first use.
    func item(_ key: String, render: () -> String) -> String {
        if let hit = items.withLock({ $0[key] }) { return hit }
        let item = render()
        items.withLock { items in
            if items.count >= Self.limit { items.removeAll() }
            items[key] = item
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
