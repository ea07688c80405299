import BulletinModel
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
    /// The templates read from a theme folder, by name, with their text and the file each came from.
    /// Every document one of them makes is checked to be well-formed XML: the tests check Bulletin's own,
    /// and no other part of a build would notice a broken one before a reading system refuses the book.
    let themeFolderTemplates: [String: (text: String, file: String)]

    /// Compiles the templates of `theme`; a missing or broken template is a writer error naming the file.
    init(theme: Theme) throws {
        var sources: [String: String] = [:]
        var themeFolderTemplates: [String: (text: String, file: String)] = [:]
        for path in Self.paths where path.hasSuffix(".mustache") {
            guard let text = theme.text(path) else {
                throw WriterError(format: "epub", message: "the theme has no \(path); add it or remove the override that hides it")
            }
            let name = String(path.dropFirst("epub/".count).dropLast(".mustache".count))
            sources[name] = text
            if let file = theme.origins[path] { themeFolderTemplates[name] = (text, file) }
        }
        self.themeFolderTemplates = themeFolderTemplates
        templates = try ThemeTemplates(sources, format: "epub", path: { "epub/\($0).mustache" }, origin: theme.origin(of:))
        stylesheet = try ZIPWriter.DeflatedContent(theme.files[Self.paths[4]] ?? [])
        containerXML = try ZIPWriter.DeflatedContent(Array(EPUBContainer.containerXML.utf8))
        strings = try ThemeStrings.of(theme)
        areBundled = Self.paths.allSatisfy { theme.origins[$0] == nil }
    }

    /// An article's document, `document` in the book.
    func article(_ values: TemplateValues, document: String) throws -> [UInt8] { try render("article.xhtml", values, document: document) }
    /// An issue's title page.
    func titlePage(_ values: TemplateValues, document: String) throws -> [UInt8] { try render("title.xhtml", values, document: document) }
    /// The cover page.
    func coverPage(_ values: TemplateValues, document: String) throws -> [UInt8] { try render("cover.xhtml", values, document: document) }
    /// The cover image.
    func coverImage(_ values: TemplateValues, document: String) throws -> [UInt8] { try render("cover.svg", values, document: document) }

    /// The template `name` rendered with `values`; when it is a theme folder's, checked to be well-formed.
    private func render(_ name: String, _ values: TemplateValues, document: String) throws -> [UInt8] {
        let bytes = templates.renderUTF8(name, values)
        guard let template = themeFolderTemplates[name], let problem = XMLCheck.problem(in: bytes) else { return bytes }
        throw Self.malformed(problem, in: bytes, document: document, path: "epub/\(name).mustache", template: template)
    }

    /// The error for a document `template` made that is not well-formed: at the template's line that
    /// holds the document's line with the problem, as written, when one does (the nearest to it when
    /// several do; none when the line is made of values), else at no place, the document's line quoted.
    static func malformed(_ problem: XMLCheck.Problem, in bytes: [UInt8], document: String, path: String,
                          template: (text: String, file: String)) -> WriterError {
        let documentLines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let documentLine = problem.line <= documentLines.count ? String(documentLines[problem.line - 1]) : ""
        let templateLines = template.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let matches = templateLines.indices.filter { !documentLine.isBlank && templateLines[$0] == documentLine }
        let found = matches.min { abs($0 + 1 - problem.line) < abs($1 + 1 - problem.line) }
        let place = "line \(problem.line), column \(problem.column) of \(document)"
        let diagnostic = Diagnostic(
            id: "theme.template.not-well-formed", severity: .error,
            message: "\(path) made a document that is not well-formed XML, which a reading system refuses (\(place)): \(problem.message)",
            location: found.map { SourceLocation(path: template.file, line: $0 + 1, column: problem.column) },
            sourceLine: found.map { String(templateLines[$0]) },
            fix: found == nil ? "the document's line: \(documentLine.prefix(100))" : "correct the template at the place shown"
        )
        return WriterError(format: "epub", message: "\(path) made a document that is not well-formed XML", diagnostics: [diagnostic])
    }

    // MARK: - Once per build

    /// The last theme and its compiled templates. Books of one build share one theme, so this compiles once
    /// per build.
    private static let cache = Mutex<(theme: Theme, templates: EPUBTemplates)?>(nil)

    /// The compiled templates of `theme`, from the cache when it is the theme they were compiled from.
    ///
    /// The whole theme is compared, not only the files the templates read: every book of a build hands over
    /// the same theme value, whose dictionaries share storage, so the comparison stops at their identity,
    /// where picking out and sorting the EPUB and strings files cost every book about 50,000 instructions.
    /// A theme that differs anywhere (its site files, where a file came from) compiles again, which is
    /// right, if not needed, once per build.
    static func compiled(for theme: Theme) throws -> EPUBTemplates {
        // Compiled while the lock is held: the books that start together wait for one compilation, where
        // each used to find the cache empty and make its own.
        try cache.withLock { cached in
            if let cached, cached.theme == theme { return cached.templates }
            let templates = try EPUBTemplates(theme: theme)
            cached = (theme, templates)
            return templates
        }
    }
}
