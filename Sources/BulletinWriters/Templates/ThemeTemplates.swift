import BulletinModel
import Mustache
import Synchronization

/// A theme's Mustache templates of one kind (the site's, the EPUB's), compiled once and shared by
/// every page of a build.
///
/// Every value a writer hands a template is already escaped by ``Markup`` (text and attribute values) or
/// built by ``MarkupBuilder`` (fragments). Templates are therefore compiled with a content type that escapes
/// nothing, so `{{name}}` and `{{{name}}}` print the same safe markup and a theme cannot un-escape a value.
/// Because values are printed as they are, pages of one shape are spliced (``TemplateSkeletons``).
struct ThemeTemplates: Sendable {
    /// The compiled templates, by name; partials resolve here too.
    let library: MustacheLibrary
    /// Template names.
    let names: Set<String>
    /// Outputs cut at their values, by template and shape of values; nil when a template could print a
    /// value other than verbatim, so splicing would not give what the template gives.
    let skeletons: TemplateSkeletons?
    /// Templates cut around the sections that repeat over long lists, rendered piece by piece, by template;
    /// only where the templates are spliced (see ``SplitTemplate``).
    private let splits: [String: SplitTemplate]
    /// Whether each split renders what its template renders, by template, once checked.
    private let splitVerdicts = SplitVerdicts()

    /// The verdicts, shared by the page jobs of a build, which run in parallel.
    private final class SplitVerdicts: Sendable {
        let byTemplate = Mutex<[String: Bool]>([:])
    }

    /// The content type of Bulletin's templates: values arrive escaped.
    private struct PreEscaped: MustacheContentType {
        func escapeText(_ text: String) -> String { text }
    }

    private static let contentTypeName = "BULLETIN_PRE_ESCAPED"
    /// The tag every template is compiled after, on its first line.
    private static let contentTypeTag = "{{% CONTENT_TYPE: \(contentTypeName) }}"

    private static let registration: Void = MustacheContentTypes.register(PreEscaped(), named: contentTypeName)

    /// What the template engine's error compiling `text` says, at the line and column of the theme's file
    /// (the content type tag put before the first line taken off again).
    static func diagnostic(for error: any Error, compiling text: String, in file: String) -> Diagnostic {
        guard let error = error as? MustacheTemplate.ParserError else {
            return Diagnostic(id: "theme.template", severity: .error, message: "the template cannot be compiled: \(error)", location: nil)
        }
        // The parser finds a section unclosed at the end of the text, and a stray close where it stands as
        // a misnamed one: the tag at fault is found by pairing the template's tags.
        switch (error.error as? MustacheTemplate.Error, unpaired(in: text)) {
        case (.expectedSectionEnd?, .unclosed(let tag, let name)?):
            return tagDiagnostic(tag, in: text, file: file, message: "a section is not closed",
                                 fix: "close '{{\(tag.drop { $0 == " " }.prefix(1))\(name)}}' with '{{/\(name)}}'")
        case (.sectionCloseNameIncorrect?, .closesNothing(let tag, let name)?):
            return tagDiagnostic(tag, in: text, file: file, message: "'{{/\(name)}}' closes no section: none is open here",
                                 fix: "remove it, or open the section with '{{#\(name)}}' before it")
        default: break
        }
        let context = error.context
        var line = context.line
        var column = context.columnNumber
        if context.lineNumber == 1, line.hasPrefix(contentTypeTag) {
            line = String(line.dropFirst(contentTypeTag.count))
            column = max(1, column - contentTypeTag.count)
        }
        let (message, fix): (String, String) = switch error.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: ("a section is closed with another name than it was opened with",
                                           "close '{{#name}}' or '{{^name}}' with '{{/name}}'")
        case .unfinishedName?: ("a tag is not finished", "end the tag with '}}' ('}}}' after '{{{')")
        case .expectedSectionEnd?: ("a section is not closed", "close '{{#name}}' or '{{^name}}' with '{{/name}}'")
        case .invalidSetDelimiter?: ("a delimiter change is badly formed", "write it as '{{=<% %>=}}'")
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: settingTag
        // The parser's own error when a tag runs to the end of the text.
        case nil where "\(error.error)" == "overflow": ("the template ends inside a tag", "end the tag with '}}' ('}}}' after '{{{')")
        default: ("the template cannot be compiled: \(error.error)", "correct the template at the place shown")
        }
        return Diagnostic(id: "theme.template", severity: .error, message: message,
                          location: SourceLocation(path: file, line: context.lineNumber, column: column), sourceLine: line, fix: fix)
    }

    /// A `{{% …}}` tag: values arrive escaped, and a content type would escape them again.
    private static let settingTag = (message: "a '{{% …}}' tag is not one Bulletin's templates take",
                                     fix: "remove the '{{% …}}' tag: values arrive escaped, and a content type would escape them again")

    /// The diagnostic for the `{{% …}}` tag `tag` (a slice of `text`, between its braces) in `file`.
    private static func settingTagDiagnostic(_ tag: Substring, in text: String, file: String) -> Diagnostic {
        tagDiagnostic(tag, in: text, file: file, message: settingTag.message, fix: settingTag.fix)
    }

    /// The diagnostic `message` and `fix` at the tag `tag` (a slice of `text`, between its braces) in `file`.
    private static func tagDiagnostic(_ tag: Substring, in text: String, file: String, message: String, fix: String) -> Diagnostic {
        // At the tag's opening delimiter, whatever the template set it to.
        let start = TemplateTag.scan(text).first { $0.body.startIndex == tag.startIndex }?.start ?? tag.startIndex
        let before = text[..<start]
        let lineStart = before.lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.startIndex
        let lineEnd = text[lineStart...].firstIndex(where: \.isNewline) ?? text.endIndex
        let location = SourceLocation(path: file, line: before.count(where: \.isNewline) + 1,
                                      column: text.distance(from: lineStart, to: before.endIndex) + 1)
        return Diagnostic(id: "theme.template", severity: .error, message: message, location: location,
                          sourceLine: String(text[lineStart..<lineEnd]), fix: fix)
    }

    /// The name of the template a `{{> name}}` or `{{< name}}` tag includes; nil for any other tag, and for
    /// one that names it by a value (`{{>*name}}`), known only when rendered.
    private static func includedName(_ tag: Substring) -> Substring? {
        guard includesTemplate(tag) else { return nil }
        let name = tag.drop { $0 == " " }.dropFirst().drop { $0 == " " }
        guard name.first != "*" else { return nil }
        return name.prefix { $0 != " " && $0 != "}" }
    }

    /// Compiles `sources` (template text by name); a template that does not compile is an error of
    /// `format` naming `path(name)`, the theme-relative path, with a diagnostic at the line and column of
    /// the file `origin` gives for that path. `splitting` names, by template, the lists whose sections are
    /// rendered element by element, outermost first (see ``SplitTemplate``).
    init(_ sources: [String: String], format: String, path: (String) -> String, origin: (String) -> String = { $0 },
         splitting: [String: [String]] = [:]) throws {
        _ = Self.registration
        var library = MustacheLibrary()
        var splices = true
        var mentioned: [String: Set<String>] = [:]
        var including: [String] = []
        var includes: [String: [(name: String, tag: Substring, depth: Int)]] = [:]
        var sectionDepths: [String: Int] = [:]
        // In name order, so that of several templates in error the same one is reported every time.
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let tags = Self.tags(of: text)
            // A content type tag would escape the values again: they arrive escaped.
            if let tag = tags.first(where: { $0.first == "%" }) {
                throw WriterError(format: format, message: "the theme's \(path(name)) is not a valid Mustache template",
                                  diagnostics: [Self.settingTagDiagnostic(tag, in: text, file: origin(path(name)))])
            }
            // The engine renders a template it does not have as nothing: a misspelt name would lose part
            // of every page without a word.
            if let missing = tags.first(where: { tag in Self.includedName(tag).map { !sources.keys.contains(String($0)) } ?? false }) {
                let included = Self.includedName(missing) ?? missing
                throw WriterError(format: format, message: "the theme's \(path(name)) includes a template it does not have",
                                  diagnostics: [Self.tagDiagnostic(missing, in: text, file: origin(path(name)),
                                      message: included.isEmpty ? "the tag names no template to include" : "there is no template '\(included)' to include",
                                      fix: "name one of the templates: \(sources.keys.sorted().joined(separator: ", "))")])
            }
            // A template named by a value is chosen by the archive's text: a title or section naming the template
            // itself would include it again without end, and the engine does not stop (a crash, its stack spent).
            if let dynamic = tags.first(where: { tag in
                Self.includesTemplate(tag) && tag.drop(while: { $0 == " " }).dropFirst().drop(while: { $0 == " " }).first == "*"
            }) {
                throw WriterError(format: format, message: "the theme's \(path(name)) includes a template named by a value",
                                  diagnostics: [Self.tagDiagnostic(dynamic, in: text, file: origin(path(name)),
                                      message: "a template named by a value is not one Bulletin's templates take: the value, text from a source, could name any template, this one among them",
                                      fix: "name the template to include: '{{> name}}'")])
            }
            // The engine reads and renders a section inside another by calling itself: nested a few hundred
            // deep they spend its stack (a crash), so a section past `nestingLimit` is an error at its tag.
            var depth = 0
            var deepest = 0
            var included: [(name: String, tag: Substring, depth: Int)] = []
            for tag in tags {
                if let name = Self.includedName(tag) { included.append((String(name), tag, depth)) }
                switch tag.first(where: { $0 != " " }) {
                case "#", "^", "$", "<": depth += 1
                case "/": depth -= 1
                default: break
                }
                deepest = max(deepest, depth)
                if depth > Self.nestingLimit {
                    throw WriterError(format: format, message: "the theme's \(path(name)) nests sections too deep",
                                      diagnostics: [Self.tagDiagnostic(tag, in: text, file: origin(path(name)),
                                          message: "sections nest more than \(Self.nestingLimit) deep here, more than the template engine can follow",
                                          fix: "close sections before opening others")])
                }
            }
            includes[name] = included
            sectionDepths[name] = deepest
            splices = splices && Self.printsValuesVerbatim(text, tags: tags)
            mentioned[name] = Self.names(in: tags)
            if tags.contains(where: Self.includesTemplate) { including.append(name) }
            do {
                library.register(try MustacheTemplate(string: Self.contentTypeTag + text), named: name)
            } catch {
                throw WriterError(format: format, message: "the theme's \(path(name)) is not a valid Mustache template",
                                  diagnostics: [Self.diagnostic(for: error, compiling: text, in: origin(path(name)))])
            }
        }
        if let cycle = Self.includeCycle(includes) {
            let name = cycle[0].name
            let text = sources[name] ?? ""
            let chain = (cycle.map(\.name) + [name]).joined(separator: " → ")
            throw WriterError(format: format, message: "the theme's \(path(name)) includes itself",
                              diagnostics: [Self.tagDiagnostic(cycle[0].tag, in: text, file: origin(path(name)),
                                  message: "the template includes itself (\(chain)), and would be rendered without end",
                                  fix: "include a template only from templates it does not itself include")])
        }
        // Included templates render inside the including one, inside its sections: they all count as nested.
        var nesting: [String: Int] = [:]
        func nested(_ name: String) -> Int {
            if let known = nesting[name] { return known }
            let depth = (includes[name] ?? []).map { $0.depth + 1 + nested($0.name) }.reduce(sectionDepths[name] ?? 0, max)
            nesting[name] = depth
            return depth
        }
        if let name = sources.keys.sorted().first(where: { nested($0) > Self.nestingLimit }),
           let tag = includes[name]?.first(where: { $0.depth + 1 + nested($0.name) > Self.nestingLimit }) {
            throw WriterError(format: format, message: "the theme's \(path(name)) nests templates too deep",
                              diagnostics: [Self.tagDiagnostic(tag.tag, in: sources[name] ?? "", file: origin(path(name)),
                                  message: "sections and the templates included in them nest more than \(Self.nestingLimit) deep from here, more than the template engine can follow",
                                  fix: "include fewer templates within each other, or within fewer sections")])
        }
        // Pieces the engine cannot compile on their own leave their template whole.
        var splits: [String: SplitTemplate] = [:]
        for (name, lists) in splitting where splices {
            guard let text = sources[name], let (split, pieces) = SplitTemplate.cut(text, named: name, at: lists),
                  let compiled = try? pieces.map({ try MustacheTemplate(string: Self.contentTypeTag + ($0.startsLine ? "\n" : "") + $0.text) })
            else { continue }
            for (piece, template) in zip(pieces, compiled) {
                library.register(template, named: piece.name)
                mentioned[piece.name] = Self.names(in: Self.tags(of: piece.text))
            }
            splits[name] = split
        }
        self.splits = splits
        self.library = library
        names = Set(sources.keys)
        // A template that includes others (`{{> name}}`, `{{< name}}`) may look up any name they mention.
        let all = mentioned.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for name in including { mentioned[name] = all }
        skeletons = splices ? TemplateSkeletons(names: mentioned) : nil
    }

    /// How deep sections may nest in a template, and templates include each other: real templates nest a few
    /// deep, and the engine, which calls itself for each, spent its stack between 400 and 700 in a debug build.
    static let nestingLimit = 100

    /// The first cycle of templates including each other (`{{> name}}`, `{{< name}}`), looked for in name order:
    /// each template of it, with its tag that includes the next (the last includes the first); nil when there
    /// is none. The engine follows includes without a limit, so a cycle never ends: every value Bulletin hands
    /// a template is a finite tree whose names do not repeat below themselves, and a name looked up inside a
    /// section is found again in the context around it.
    static func includeCycle(_ includes: [String: [(name: String, tag: Substring, depth: Int)]]) -> [(name: String, tag: Substring)]? {
        var done: Set<String> = []
        var path: [(name: String, tag: Substring)] = []
        var onPath: Set<String> = []
        func visit(_ name: String) -> [(name: String, tag: Substring)]? {
            guard !done.contains(name) else { return nil }
            onPath.insert(name)
            for include in includes[name] ?? [] {
                path.append((name, include.tag))
                if onPath.contains(include.name) {
                    return Array(path[(path.firstIndex { $0.name == include.name } ?? 0)...])
                }
                if let cycle = visit(include.name) { return cycle }
                path.removeLast()
            }
            onPath.remove(name)
            done.insert(name)
            return nil
        }
        for name in includes.keys.sorted() {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }

    /// Renders the template `name` with `values` (escaped strings, fragments, numbers, flags, lists).
    func render(_ name: String, _ values: TemplateValues) -> String {
        if let split = splits[name], let skeletons, splitRendersLikeWhole(split, values, skeletons) {
            return String(decoding: render(split, values, skeletons), as: UTF8.self)
        }
        let direct = directRendering(name)
        return skeletons?.render(name, values, with: direct) ?? direct(values)
    }

    /// ``render(_:_:)`` as UTF-8, for a document written straight to a file.
    func renderUTF8(_ name: String, _ values: TemplateValues) -> [UInt8] {
        if let split = splits[name], let skeletons, splitRendersLikeWhole(split, values, skeletons) { return render(split, values, skeletons) }
        return renderPiece(name, values)
    }

    /// The template (or piece) `name`, spliced where its shape has a skeleton.
    private func renderPiece(_ name: String, _ values: TemplateValues) -> [UInt8] {
        let direct = directRendering(name)
        return skeletons?.renderUTF8(name, values, with: direct) ?? Array(direct(values).utf8)
    }

    // MARK: - Split templates

    /// Whether the template `name` is rendered piece by piece (see ``SplitTemplate``): false when it is not
    /// cut, or its cut did not render what it does; nil until the cut is checked.
    func rendersInPieces(_ name: String) -> Bool? {
        guard splits[name] != nil else { return false }
        return splitVerdicts.byTemplate.withLock { $0[name] }
    }

    /// The pieces of `split` rendered for `values`: the text before the list's section, each element's
    /// body, the text after; the whole piece when the list's value is not a list.
    private func render(_ split: SplitTemplate, _ values: TemplateValues, _ skeletons: TemplateSkeletons) -> [UInt8] {
        var output: [UInt8] = []
        render(split, values, skeletons, into: &output)
        return output
    }

    private func render(_ split: SplitTemplate, _ values: TemplateValues, _ skeletons: TemplateSkeletons, into output: inout [UInt8]) {
        guard case .list(let elements)? = values[split.list] else { return output.append(contentsOf: renderPiece(split.whole, values)) }
        // The text around the section only tests the list for being empty (`{{^list}}`), which a flag answers.
        var around = values
        around[split.list] = .flag(!elements.isEmpty)
        output.append(contentsOf: renderPiece(split.head, around))
        // An element's body looks up what the element does not have in the values around it, as in place.
        let inherited = TemplateValues(distinct: values.members.filter { split.bodyNames.contains($0.name) })
        for element in elements {
            var item = element
            item.add(missingFrom: inherited)
            switch split.body {
            case .template(let body): output.append(contentsOf: renderPiece(body, item))
            case .split(let inner): render(inner, item, skeletons, into: &output)
            }
        }
        output.append(contentsOf: renderPiece(split.tail, around))
    }

    /// Whether `split` renders what its template does, checked the first time on `values` cut to two
    /// elements of each list (and again until a check has two at every level): the cut reads the template
    /// as the engine does, and the check is there for a reading it gets wrong.
    private func splitRendersLikeWhole(_ split: SplitTemplate, _ values: TemplateValues, _ skeletons: TemplateSkeletons) -> Bool {
        if let verdict = splitVerdicts.byTemplate.withLock({ $0[split.whole] }) { return verdict }
        let sample = Self.sample(values, split)
        let same = render(split, sample.values, skeletons) == Array(directRendering(split.whole)(sample.values).utf8)
        if sample.full || !same { splitVerdicts.byTemplate.withLock { $0[split.whole] = same } }
        return same
    }

    /// `values` with each list `split` repeats over cut to its first two elements, and whether every level
    /// of the cut has two.
    private static func sample(_ values: TemplateValues, _ split: SplitTemplate) -> (values: TemplateValues, full: Bool) {
        guard case .list(let elements)? = values[split.list] else { return (values, false) }
        var kept = Array(elements.prefix(2))
        var full = kept.count == 2
        if case .split(let inner) = split.body {
            let samples = kept.map { sample($0, inner) }
            kept = samples.map(\.values)
            full = full && samples.contains(where: \.full)
        }
        var sampled = values
        sampled[split.list] = .list(kept)
        return (sampled, full)
    }

    /// The template `name` rendered by the template engine, without splicing.
    private func directRendering(_ name: String) -> (TemplateValues) -> String {
        let library = library
        return { values in library.render(values.engineContext, withTemplate: name) ?? "" }
    }

    // MARK: - Reading templates

    /// Whether every tag of `template` prints a value as it is or tests it: no transform (`{{upper(x)}}`),
    /// no partial named by a value (`{{>*x}}`), no change of delimiters (which could hide either), and
    /// no character that ``TemplateSkeletons`` uses for its markers.
    static func printsValuesVerbatim(_ template: String, tags: [Substring]) -> Bool {
        tags.allSatisfy { tag in
            let tag = tag.drop { $0 == " " || $0 == "{" }
            return !(tag.contains("(") || tag.hasPrefix("=") || tag.hasPrefix(">*") || tag.hasPrefix("<*") || tag.hasPrefix("$*"))
        } && !template.unicodeScalars.contains { $0 == "\u{E000}" || $0 == "\u{E001}" }
    }

    /// Every word inside `tags`: all the names they can look up, and some more.
    static func names(in tags: [Substring]) -> Set<String> {
        var names: Set<String> = []
        for tag in tags {
            for word in tag.split(whereSeparator: { " \t\n{}&#^/><$!%().=*".contains($0) }) { names.insert(String(word)) }
        }
        return names
    }

    /// A section tag of a template that pairs with none: an opening one never closed (the innermost), or a
    /// closing one with nothing open.
    enum Unpaired {
        case unclosed(Substring, name: Substring)
        case closesNothing(Substring, name: Substring)
    }

    /// The first closing tag of `template` with no section open, else the innermost section left open; nil
    /// when every section pairs, when one is closed with another name, or when the delimiters change (the
    /// tags are then not all `{{…}}`).
    static func unpaired(in template: String) -> Unpaired? {
        var open: [(tag: Substring, name: Substring)] = []
        for tag in tags(of: template) {
            let body = tag.drop { $0 == " " }
            guard let sigil = body.first else { continue }
            if sigil == "=" { return nil }
            let name = body.dropFirst().drop { $0 == " " }.prefix { $0 != " " }
            switch sigil {
            case "#", "^", "$", "<": open.append((tag, name))
            case "/":
                guard let innermost = open.popLast() else { return .closesNothing(tag, name: name) }
                // A close of another name is the parser's own error, found where it stands.
                if innermost.name != name { return nil }
            default: break
            }
        }
        return open.last.map { .unclosed($0.tag, name: $0.name) }
    }

    /// Whether `tag` is a partial (`> name`) or a parent (`< name`), which brings in another template's tags.
    private static func includesTemplate(_ tag: Substring) -> Bool {
        let sigil = tag.first { $0 != " " }
        return sigil == ">" || sigil == "<"
    }

    /// The text between the delimiters of each tag, read with the delimiters the template sets, as the
    /// engine and ``TemplateTag/all(in:)`` read them (``TemplateTag/scan(_:)``).
    static func tags(of template: String) -> [Substring] {
        TemplateTag.scan(template).map(\.body)
    }
}
