import Synchronization

/// The theme's EPUB templates and stylesheet, compiled once and shared by every book of a build, with
/// the files every book holds alike deflated once.
///
/// Like the site's, the templates print values as they are (``ThemeTemplates``): `{{name}}` and
/// `{{{name}}}` give the same markup, which ``Markup`` has already escaped.
struct EPUBTemplates: Sendable {
    /// The theme files the templates come from.
    static let paths = ["epub/article.xhtml.mustache", "epub/title.xhtml.mustache", "epub/cover.xhtml.mustache",
                        "epub/cover.svg.mustache", "epub/style.css"]

    /// The compiled templates, by file name without `.mustache` (`article.xhtml`).
    let templates: ThemeTemplates
    /// The stylesheet, deflated once for every book.
    let stylesheet: ZIPWriter.DeflatedContent
    /// `META-INF/container.xml`, the same in every book, deflated once too.
    let containerXML: ZIPWriter.DeflatedContent
    /// The theme's words in each language it has (``UIStrings``).
    let strings: ThemeStrings
    /// Whether every template and the stylesheet are Bulletin's own, none read from a theme folder.
    let areBundled: Bool

    /// Compiles the templates of `theme`; a missing or broken template is a writer error naming the file.
    init(theme: Theme) throws {
        var sources: [String: String] = [:]
        for path in Self.paths where path.hasSuffix(".mustache") {
            guard let text = theme.text(path) else {
                throw WriterError(format: "epub", message: "the theme has no \(path); add it or remove the override that hides it")
            }
            sources[String(path.dropFirst("epub/".count).dropLast(".mustache".count))] = text
        }
        templates = try ThemeTemplates(sources, format: "epub", path: { "epub/\($0).mustache" }, origin: theme.origin(of:))
        stylesheet = try ZIPWriter.DeflatedContent(theme.files[Self.paths[4]] ?? [])
        containerXML = try ZIPWriter.DeflatedContent(Array(EPUBContainer.containerXML.utf8))
        strings = try ThemeStrings.of(theme)
        areBundled = Self.paths.allSatisfy { theme.origins[$0] == nil }
    }

    /// An article's document.
    func article(_ values: TemplateValues) -> [UInt8] { templates.renderUTF8("article.xhtml", values) }
    /// An issue's title page.
    func titlePage(_ values: TemplateValues) -> [UInt8] { templates.renderUTF8("title.xhtml", values) }
    /// The cover page.
    func coverPage(_ values: TemplateValues) -> [UInt8] { templates.renderUTF8("cover.xhtml", values) }
    /// The cover image.
    func coverImage(_ values: TemplateValues) -> [UInt8] { templates.renderUTF8("cover.svg", values) }

    // MARK: - Once per build

    /// The last theme's EPUB and strings files and their compiled templates. Books of one build share one
    /// theme, so this compiles once per build; comparing the files is cheap because equal arrays share storage.
    private static let cache = Mutex<(files: [[UInt8]?], templates: EPUBTemplates)?>(nil)

    /// The compiled templates of `theme`, from the cache when its EPUB files and its words are unchanged.
    static func compiled(for theme: Theme) throws -> EPUBTemplates {
        let strings = theme.files.filter { $0.key.hasPrefix("strings/") }.sorted { $0.key < $1.key }
        let files = paths.map { theme.files[$0] } + strings.flatMap { [Array($0.key.utf8), $0.value] }
        if let cached = cache.withLock({ $0 }), cached.files == files { return cached.templates }
        let templates = try EPUBTemplates(theme: theme)
        cache.withLock { $0 = (files, templates) }
        return templates
    }
}
