import Mustache
import Synchronization

/// The theme's EPUB templates and stylesheet, compiled once and shared by every book of a build.
///
/// Templates receive markup that ``Markup`` has already escaped, so they use triple braces; a value in
/// double braces would be escaped twice, which is ugly but never unsafe.
struct EPUBTemplates: Sendable {
    /// The theme files the templates come from.
    static let paths = ["epub/article.xhtml.mustache", "epub/title.xhtml.mustache", "epub/cover.xhtml.mustache",
                        "epub/cover.svg.mustache", "epub/style.css"]

    var article: MustacheTemplate
    var titlePage: MustacheTemplate
    var coverPage: MustacheTemplate
    var coverImage: MustacheTemplate
    var stylesheet: [UInt8]

    /// Compiles the templates of `theme`; a missing or broken template is a writer error naming the file.
    init(theme: Theme) throws {
        func template(_ path: String) throws -> MustacheTemplate {
            guard let text = theme.text(path) else {
                throw WriterError(format: "epub", message: "the theme has no \(path); add it or remove the override that hides it")
            }
            do {
                return try MustacheTemplate(string: text)
            } catch {
                throw WriterError(format: "epub", message: "the theme's \(path) is not a valid Mustache template: \(error)")
            }
        }
        article = try template(Self.paths[0])
        titlePage = try template(Self.paths[1])
        coverPage = try template(Self.paths[2])
        coverImage = try template(Self.paths[3])
        stylesheet = theme.files[Self.paths[4]] ?? []
    }

    // MARK: - Once per build

    /// The last theme's EPUB files and their compiled templates. Books of one build share one theme, so
    /// this compiles once per build; comparing the files is cheap because equal arrays share storage.
    private static let cache = Mutex<(files: [[UInt8]?], templates: EPUBTemplates)?>(nil)

    /// The compiled templates of `theme`, from the cache when its EPUB files are unchanged.
    static func compiled(for theme: Theme) throws -> EPUBTemplates {
        let files = paths.map { theme.files[$0] }
        if let cached = cache.withLock({ $0 }), cached.files == files { return cached.templates }
        let templates = try EPUBTemplates(theme: theme)
        cache.withLock { $0 = (files, templates) }
        return templates
    }
}
