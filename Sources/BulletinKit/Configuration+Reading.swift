import BulletinModel
import BulletinTransforms
import Foundation
import Yams

/// Reading `bulletin.yml`: every problem is a diagnostic with the file, line and column it is at.
extension Configuration {
    /// Reads YAML, reporting a problem with its line and column; fields it does not know are left out
    /// (``read(_:path:)`` also reports them).
    public static func parse(_ text: String, path: String) throws -> Configuration {
        try read(text, path: path).configuration
    }

    /// Reads YAML: the configuration, and a warning for each field it does not know (a misspelt
    /// `baseUrl:` would otherwise be left out without a word). Text that is not YAML, a value of the
    /// wrong type and a base URL that is not a web address are errors.
    public static func read(_ text: String, path: String) throws -> (configuration: Configuration, warnings: [Diagnostic]) {
        let document = Document(text: text, path: path)
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { return (Configuration(), []) }
            root = composed
        } catch let error as YamlError {
            throw document.error("config.syntax", "the configuration is not valid YAML: \(Self.problem(of: error))",
                                 at: Self.mark(of: error), fix: "correct the YAML at the place shown")
        }
        guard root.mapping != nil else {
            if root.scalar?.string.isBlank == true || root.null != nil { return (Configuration(), []) }
            throw document.error("config.not-a-mapping", "the configuration is not a list of fields", at: root.mark,
                                 fix: "write one field a line, such as 'title: Monitor'")
        }
        var configuration: Configuration
        do {
            configuration = try YAMLDecoder().decode(Configuration.self, from: root)
        } catch let error as DecodingError {
            let (field, message) = Self.problem(of: error)
            throw document.error("config.type", message, at: Self.node(at: field, in: root)?.mark ?? root.mark,
                                 fix: "write '\(Self.name(of: field))' as the README's example configuration does")
        }
        if let baseURL = configuration.baseURL, !Self.isWebAddress(baseURL) {
            throw document.error("config.base-url", "baseURL '\(baseURL)' is not an absolute http or https address without a query or fragment",
                                 at: root.mapping?["baseURL"]?.mark, fix: "set baseURL to the address the site is published at, such as https://example.org/bulletin/")
        }
        var warnings: [Diagnostic] = []
        if let language = configuration.language {
            switch LanguageTag.read(language) {
            case .tag(let tag):
                configuration.language = tag
            case .corrected(let tag):
                configuration.language = tag
                warnings.append(document.diagnostic("config.language-corrected", .warning, "the language '\(language)' is read as the tag '\(tag)'",
                                                    at: root.mapping?["language"]?.mark, fix: "write the tag itself: 'language: \(tag)'"))
            case .invalid:
                throw document.error("config.language", "language '\(language)' is not a language tag",
                                     at: root.mapping?["language"]?.mark, fix: "write a BCP 47 language tag, such as 'language: ru' or 'language: en-GB'")
            }
        }
        Self.unknownFields(in: root, known: Self.fields, at: "", into: &warnings, document: document)
        Self.recordLocations(of: root, at: "", in: path, into: &configuration.locations)
        return (configuration, warnings)
    }

    /// Records where each value under `node` is, by its field's name (``name(of:)``'s form).
    private static func recordLocations(of node: Node, at name: String, in path: String, into locations: inout [String: SourceLocation]) {
        if !name.isEmpty, let mark = node.mark { locations[name] = SourceLocation(path: path, line: mark.line, column: mark.column) }
        if let mapping = node.mapping {
            for (key, value) in mapping {
                recordLocations(of: value, at: (name.isEmpty ? "" : name + ".") + (key.string ?? ""), in: path, into: &locations)
            }
        } else if let sequence = node.sequence {
            for (index, item) in sequence.enumerated() { recordLocations(of: item, at: name + "[\(index)]", in: path, into: &locations) }
        }
    }

    /// The fields each part of the configuration has, by name: every stored property of the types it
    /// decodes to, so a field added to them is known here without being listed again.
    private indirect enum Fields: Sendable {
        case any
        case mapping([String: Fields])
        case list(Fields)

        init(of value: Any, nested: [String: Fields] = [:]) {
            var fields: [String: Fields] = [:]
            // `locations` is where the fields were read, not a field.
            for case let (label?, _) in Mirror(reflecting: value).children where !(value is Configuration && label == "locations") {
                fields[label] = nested[label] ?? .any
            }
            self = .mapping(fields)
        }
    }

    private static let fields = Fields(of: Configuration(), nested: [
        "text": Fields(of: TextSettings()),
        "feeds": Fields(of: FeedSettings()),
        "site": Fields(of: SiteSettings()),
        "epub": Fields(of: EPUBSettings()),
        "summaries": Fields(of: SummarySettings()),
        "entities": Fields(of: EntityDictionary(), nested: [
            "add": .list(Fields(of: EntityDictionary.Addition(name: "", type: .person))),
            "merge": .list(Fields(of: EntityDictionary.Merge(into: "", from: []))),
            "rename": .list(Fields(of: EntityDictionary.Rename(id: "", name: ""))),
        ]),
    ])

    /// Adds a warning for each key of `node` that `known` does not have, and looks inside those it has.
    private static func unknownFields(in node: Node, known: Fields, at prefix: String, into warnings: inout [Diagnostic], document: Document) {
        switch (known, node) {
        case (.mapping(let fields), .mapping(let mapping)):
            for (key, value) in mapping {
                let name = key.string ?? ""
                if let inner = fields[name] {
                    unknownFields(in: value, known: inner, at: prefix + name + ".", into: &warnings, document: document)
                    continue
                }
                let near = fields.keys.sorted().min { Self.distance($0.lowercased(), name.lowercased()) < Self.distance($1.lowercased(), name.lowercased()) }
                    .flatMap { Self.distance($0.lowercased(), name.lowercased()) <= 2 ? $0 : nil }
                warnings.append(document.diagnostic(
                    "config.unknown-field", .warning, "unknown field '\(prefix + name)' is left out",
                    at: key.mark, fix: near.map { "did you mean '\(prefix + $0)'?" }
                        ?? "known fields here: \(fields.keys.sorted().map { prefix + $0 }.joined(separator: ", "))"))
            }
        case (.list(let element), .sequence(let sequence)):
            for (index, item) in sequence.enumerated() {
                unknownFields(in: item, known: element, at: "\(prefix.dropLast())[\(index)].", into: &warnings, document: document)
            }
        default:
            break
        }
    }

    /// The edit distance between two short names: insertions, deletions and substitutions.
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The node a decoding error's coding path leads to, as far as it leads.
    private static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let value = node.mapping?[key.stringValue] {
                node = value
            } else {
                break
            }
        }
        return node
    }

    private static func problem(of error: DecodingError) -> (path: [any CodingKey], message: String) {
        switch error {
        case .typeMismatch(let type, let context):
            (context.codingPath, "'\(Self.name(of: context.codingPath))' should be \(Self.kind(of: type))")
        case .valueNotFound(let type, let context):
            (context.codingPath, "'\(Self.name(of: context.codingPath))' should be \(Self.kind(of: type)), and is empty")
        case .keyNotFound(let key, let context):
            (context.codingPath, "'\(Self.name(of: context.codingPath + [key]))' is missing")
        case .dataCorrupted(let context):
            (context.codingPath, "'\(Self.name(of: context.codingPath))' has a value that cannot be read: \(context.debugDescription)")
        @unknown default:
            ([], "the configuration cannot be read: \(error)")
        }
    }

    /// A field's name as the file writes it: `entities.add[0].type`.
    private static func name(of path: [any CodingKey]) -> String {
        var name = ""
        for key in path {
            if let index = key.intValue { name += "[\(index)]"; continue }
            name += (name.isEmpty ? "" : ".") + key.stringValue
        }
        return name
    }

    /// The kind of value a type is, in words.
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") || name.hasPrefix("[") || name.contains("Sequence") ? "a list" : "a group of fields"
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "a field is given twice: \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }

    private static func mark(of error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        case .duplicatedKeysInMapping(_, let context): context.mark
        default: nil
        }
    }

    /// True for an absolute http or https URL with a host and neither query nor fragment (page paths are
    /// appended to it): what feeds, the sitemap and canonical links need.
    static func isWebAddress(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil else { return false }
        return true
    }

    /// The configuration file's text, for diagnostics that show the line they are about.
    private struct Document {
        let lines: [Substring]
        let path: String

        init(text: String, path: String) {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            self.path = path
        }

        func diagnostic(_ id: String, _ severity: Diagnostic.Severity, _ message: String, at mark: Mark?, fix: String?) -> Diagnostic {
            let location = mark.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
            let line = mark.flatMap { $0.line >= 1 && $0.line <= lines.count ? String(lines[$0.line - 1]) : nil }
            return Diagnostic(id: id, severity: severity, message: message, location: location,
                              sourceLine: line.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }, fix: fix)
        }

        func error(_ id: String, _ message: String, at mark: Mark?, fix: String) -> BulletinError {
            let diagnostic = diagnostic(id, .error, message, at: mark, fix: fix)
            return BulletinError(code: .invalidConfiguration, message: "\(path): the configuration cannot be used", diagnostics: [diagnostic])
        }
    }
}
