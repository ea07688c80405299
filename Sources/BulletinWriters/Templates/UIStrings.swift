import BulletinModel
import Synchronization

/// The words a theme's pages and books are made of in one language: labels, headings, messages, counted
/// phrases and dates, read from the theme's `strings/<language>.json`.
///
/// A file holds a JSON object. A string value is a text; `{name}` in it stands for a value the page
/// fills in (`"publishedBy": "Published by {publisher}."`). An object value is a counted phrase, by the
/// language's plural categories (`"article": {"one": "{count} article", "other": "{count} articles"}`,
/// with `zero`, `two`, `few` and `many` where the language has them; ``PluralRules``). `months` lists
/// the twelve month names as a date uses them, and `date` places them (`"{day} {month} {year}"`).
///
/// The strings of a language are found from its tag: the file of the whole tag (`pt-BR`), else of its
/// language (`pt`), else English. A key a file leaves out comes from the file beneath it: a theme's file
/// from Bulletin's own for the same tag, a regional tag's from its language's, any language's from
/// English, so a theme may translate or change part of them. Templates read them as `{{t.<key>}}`; writers use them for what they word themselves.
public struct UIStrings: Sendable {
    /// The tag of the file the strings came from (`en` when none matched the language asked for).
    public let language: String
    private let texts: [String: String]
    /// For each key, the layer of the file that gives it: 0 for the lowest (English), one more for each
    /// file read over it; for ``text(_:variant:_:)``.
    private let layerOfKey: [String: Int]
    /// How many files these strings are read from, one over another.
    private let layers: Int
    private let counted: [String: [PluralCategory: String]]
    /// How ``language`` counts, for ``counted(_:_:)``.
    private let pluralRule: PluralRules.Rule
    private let months: [String]
    /// Every text, escaped, as the template value `t`.
    let templateValue: TemplateValue

    /// Strings from the entries of the file for `language`; keys it lacks come from `fallback`.
    init(language: String, entries: [StringsFile.Entry], fallback: UIStrings?) throws(StringsFile.Mistake) {
        self.language = language
        pluralRule = PluralRules.Rule(language: language)
        var texts = fallback?.texts ?? [:]
        var counted = fallback?.counted ?? [:]
        var months = fallback?.months ?? []
        for entry in entries {
            switch entry.value {
            case .text(let text) where entry.key != "months":
                texts[entry.key] = text
            case .forms(let forms) where entry.key != "months":
                var categories: [PluralCategory: String] = [:]
                for form in forms {
                    guard let category = PluralCategory(rawValue: form.name) else {
                        throw StringsFile.Mistake(message: "'\(form.name)' is not a plural category (zero, one, two, few, many, other)", at: form.at)
                    }
                    categories[category] = form.text
                }
                guard categories[.other] != nil else {
                    throw StringsFile.Mistake(message: "'\(entry.key)': a counted phrase needs its 'other' form", at: entry.at)
                }
                counted[entry.key] = categories
            case .list(let names) where entry.key == "months" && names.count == 12:
                months = names
            case .list, .text, .forms:
                throw StringsFile.Mistake(message: entry.key == "months" ? "'months' lists the twelve month names"
                                          : "'\(entry.key)': a list is only for 'months'; a value is a text or an object of plural forms",
                                          at: entry.at)
            }
        }
        self.texts = texts
        let layer = fallback?.layers ?? 0
        layers = layer + 1
        layerOfKey = (fallback?.layerOfKey ?? [:]).merging(entries.map { ($0.key, layer) }) { $1 }
        self.counted = counted
        self.months = months
        templateValue = .constant(key: language, TemplateValues(distinct: texts.sorted { $0.key < $1.key }.map {
            (name: $0.key, value: .text(Markup.attribute($0.value)))
        }))
    }

    /// The text of `key`, its `{name}` places filled from `values` as given (escape them after, not before).
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(texts[key] ?? key, values)
    }

    /// The text of `variant`, a particular wording of `key` for a case that reads better apart ("entityPageRangeOne",
    /// a page of one article, of "entityPageRange"), or of `key` when `variant` is nil; `values` fills either.
    ///
    /// Where a file words `key` but not `variant` (a theme's translation made before the variant was), it is
    /// `key`'s wording in that file rather than `variant`'s of a file beneath it (English).
    public func text(_ key: String, variant: String?, _ values: [String: String]) -> String {
        guard let variant else { return text(key, values) }
        let wordsVariant = (layerOfKey[variant] ?? -1) >= (layerOfKey[key] ?? -1)
        return text(wordsVariant ? variant : key, values)
    }

    /// An issue's title, "Monitor — Volume 6, Issue 23", as pages, books and lists name it.
    public func title(of issue: Issue) -> String {
        text("issueTitle", ["publication": issue.publication, "volume": String(issue.volume), "issue": String(issue.number)])
    }

    /// Whether these are words of `language`: of its file, or of its first subtag's. Not when the theme has
    /// none for it and they are the English they fall back to.
    func speak(_ language: String) -> Bool {
        func primary(_ tag: String) -> Substring { Substring(tag.lowercased()).prefix { $0 != "-" } }
        return primary(self.language) == primary(language)
    }

    /// The language to mark these words with inside text in `language`: nil when they are its words, else
    /// theirs (`en`), for a reader to speak them in the right voice.
    func markedLanguage(in language: String) -> String? {
        speak(language) ? nil : self.language
    }

    /// The counted phrase `key` for `count` ("3 articles"), in the form the language's plural rules choose.
    public func counted(_ count: Int, _ key: String) -> String {
        guard let forms = counted[key] else { return "\(count) \(key)" }
        let form = forms[pluralRule.category(of: count)] ?? forms[.other]!
        return Self.fill(form, ["count": String(count)])
    }

    /// The value of `key` as its file gives it: a text, or a counted phrase's forms by category; nil when none.
    func raw(_ key: String) -> Any? {
        if let text = texts[key] { return text }
        return counted[key].map { forms in Dictionary(uniqueKeysWithValues: forms.map { ($0.key.rawValue, $0.value) }) }
    }

    /// `2026-01-12` as the language writes a date (`12 January 2026`); anything else as given. The year is
    /// worded as it is written, without the zeros ISO 8601 pads it with: `0044-03-15` is `15 March 44`.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), year >= 0, let month = Int(parts[1]), (1...12).contains(month),
              let day = Int(parts[2]), months.count == 12
        else { return iso }
        return text("date", ["day": String(day), "month": months[month - 1], "year": String(year)])
    }

    /// `text` with each `{name}` that `values` names replaced by its value, read as bytes: pages fill a
    /// few texts each, and a large archive has tens of thousands of pages.
    private static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty else { return text }
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(decoding: bytes[(index + 1)..<close], as: UTF8.self)] {
                result += value.utf8
                index = close + 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// The strings of a theme in every language it has a file for (`strings/<tag>.json`), each over the files
/// beneath it: Bulletin's own file for the tag when the theme's replaced it, its language's for a regional
/// tag, English.
struct ThemeStrings: Sendable {
    /// By the lowercased tag of their file.
    private let byTag: [String: UIStrings]
    private let english: UIStrings

    /// Reads every strings file of `theme`; a file that cannot be read is an error naming it.
    init(theme: Theme) throws {
        guard theme.files["strings/en.json"] != nil else {
            throw WriterError(format: "theme", message: "the theme has no strings/en.json (and the default theme is missing it too)")
        }
        english = try Self.layers(of: "strings/en.json", tag: "en", in: theme, over: nil)
        var byTag: [String: UIStrings] = [:]
        // A language (`pt`) before its regional tags (`pt-BR`), which are read over it.
        let paths = theme.files.keys.filter { $0.hasPrefix("strings/") && $0.hasSuffix(".json") && $0 != "strings/en.json" }
            .sorted { ($0.count { $0 == "-" }, $0) < ($1.count { $0 == "-" }, $1) }
        for path in paths {
            let tag = String(path.dropFirst("strings/".count).dropLast(".json".count))
            let primary = String(tag.lowercased().prefix { $0 != "-" })
            let beneath = primary == tag.lowercased() ? english : byTag[primary] ?? english
            byTag[tag.lowercased()] = try Self.layers(of: path, tag: tag, in: theme, over: beneath)
        }
        self.byTag = byTag
    }

    /// The last theme's strings files and their strings: the site, EPUB and feed writers of a build share one
    /// theme, and each would read its twelve files again.
    private static let last = Mutex<(files: [(String, [UInt8])], bundled: [String: [UInt8]], strings: ThemeStrings)?>(nil)

    /// The strings of `theme`, read again only when its strings files differ from the last theme's.
    static func of(_ theme: Theme) throws -> ThemeStrings {
        let files = theme.files.filter { $0.key.hasPrefix("strings/") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        // Read while the lock is held: writers that start together wait for one reading, where each used
        // to find nothing kept and read the files itself.
        return try last.withLock { last in
            if let last, last.files.elementsEqual(files, by: { $0.0 == $1.0 && $0.1 == $1.1 }), last.bundled == theme.bundledStrings {
                return last.strings
            }
            let strings = try ThemeStrings(theme: theme)
            last = (files, theme.bundledStrings, strings)
            return strings
        }
    }

    /// The strings of the theme's file at `path`, over Bulletin's own file there when the theme's replaced
    /// it, over `beneath`.
    private static func layers(of path: String, tag: String, in theme: Theme, over beneath: UIStrings?) throws -> UIStrings {
        let bundled = try theme.bundledStrings[path].map { try read($0, tag: tag, path: path, theme: Theme(files: [:]), fallback: beneath) }
        return try read(theme.files[path]!, tag: tag, path: path, theme: theme, fallback: bundled ?? beneath)
    }

    /// The strings for `language` (a BCP 47 tag): its file's, else its first subtag's, else English.
    func strings(for language: String) -> UIStrings {
        let tag = language.lowercased()
        return byTag[tag] ?? byTag[String(tag.prefix { $0 != "-" })] ?? english
    }

    /// The strings of the file at `path`; a mistake in it is an error with a diagnostic at its line and column.
    private static func read(_ bytes: [UInt8], tag: String, path: String, theme: Theme, fallback: UIStrings?) throws -> UIStrings {
        do {
            return try UIStrings(language: tag, entries: StringsFile.entries(of: bytes), fallback: fallback)
        } catch {
            let file = theme.origin(of: path)
            let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let line = lines.indices.contains(error.at.line - 1) ? String(lines[error.at.line - 1]) : nil
            let diagnostic = Diagnostic(id: "theme.strings", severity: .error, message: error.message,
                                        location: SourceLocation(path: file, line: error.at.line, column: error.at.column), sourceLine: line,
                                        fix: "correct the theme's \(path) at the place shown (see the default theme's README)")
            throw WriterError(format: "theme", message: "the theme's \(path) cannot be read", diagnostics: [diagnostic])
        }
    }
}
