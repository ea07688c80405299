import BulletinModel
import BulletinTransforms
import BulletinWriters
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
    /// `baseUrl:` would otherwise be left out without a word). When the file has an error (text that is
    /// not YAML, a value of the wrong type or out of range, a base URL that is not a web address, a format
    /// not in `formats`, a theme that is neither bundled nor a folder), throws with every error and
    /// warning of the file, in line order.
    public static func read(_ text: String, path: String, formats: [String] = WriterRegistry.standard.formats) throws
        -> (configuration: Configuration, warnings: [Diagnostic]) {
        let (configuration, diagnostics) = diagnose(text, path: path, formats: formats)
        try stop(on: diagnostics, path: path)
        return (configuration, diagnostics)
    }

    /// Throws when one of `diagnostics`, those of the configuration file at `path`, is an error: the
    /// configuration cannot be used.
    static func stop(on diagnostics: [Diagnostic], path: String) throws {
        guard diagnostics.contains(where: { $0.severity == .error }) else { return }
        throw BulletinError(code: .invalidConfiguration, message: "\(path): the configuration cannot be used", diagnostics: diagnostics)
    }

    /// Reads YAML: every error and warning of the file, in line order, and the configuration with each
    /// value that has an error left out (as if it were not written), so that what is right can still be
    /// used. `formats` are those a build can make.
    public static func diagnose(_ text: String, path: String, formats: [String] = WriterRegistry.standard.formats)
        -> (configuration: Configuration, diagnostics: [Diagnostic]) {
        let document = Document(text: text, path: path, formats: formats)
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { return (Configuration(), []) }
            root = composed
        } catch let error as YamlError {
            return (Configuration(), [document.diagnostic("config.syntax", .error, "the configuration is not valid YAML: \(Self.problem(of: error))",
                                                          at: Self.place(of: error), fix: "correct the YAML at the place shown")])
        } catch {
            return (Configuration(), [document.diagnostic("config.syntax", .error, "the configuration is not valid YAML: \(error)", at: nil as Mark?,
                                                          fix: "correct the YAML")])
        }
        guard root.mapping != nil else {
            if root.scalar?.string.isBlank == true || root.null != nil { return (Configuration(), []) }
            return (Configuration(), [document.diagnostic("config.not-a-mapping", .error, "the configuration is not a list of fields", at: root.mark,
                                                          fix: "write one field a line, such as 'title: Monitor'")])
        }
        var diagnostics: [Diagnostic] = []
        // Each value is read on its own, so that one mistake does not hide the next; what is read whole
        // below is only what had none.
        let readable = Self.check(root, against: Self.fields, named: "", document: document, into: &diagnostics) ?? Node([(Node, Node)]())
        var configuration = Configuration()
        do {
            configuration = try YAMLDecoder().decode(Configuration.self, from: readable)
        } catch let error as DecodingError {
            let (field, message) = Self.problem(of: error)
            diagnostics.append(document.diagnostic("config.type", .error, message, at: Self.node(at: field, in: root)?.mark ?? root.mark,
                                                   fix: "write '\(Self.name(of: field))' as the README's example configuration does"))
        } catch {
            diagnostics.append(document.diagnostic("config.type", .error, "the configuration cannot be read: \(error)", at: root.mark,
                                                   fix: "write it as the README's example configuration does"))
        }
        Self.recordLocations(of: root, at: "", in: path, into: &configuration.locations)
        return (configuration, diagnostics.sorted())
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

    /// The fields each part of the configuration has, by name, and what each holds: every stored property
    /// of the types it decodes to, so a field added to them is known here without being listed again.
    private indirect enum Fields {
        /// One value of this type (never an optional or a list), read on its own.
        case value(any Decodable.Type)
        /// A group of fields, and those of them that must be written.
        case mapping([String: Fields], required: Set<String>)
        /// A list, and what each of its items holds.
        case list(Fields)

        init(of value: Any, nested: [String: Fields] = [:]) {
            var fields: [String: Fields] = [:]
            var required: Set<String> = []
            // `locations` is where the fields were read, not a field.
            for case let (label?, child) in Mirror(reflecting: value).children where !(value is Configuration && label == "locations") {
                let type = Swift.type(of: child)
                fields[label] = nested[label] ?? Fields(holding: type)
                if !(type is any OptionalValue.Type) { required.insert(label) }
            }
            self = .mapping(fields, required: required)
        }

        /// What a value of `type` holds: a list's items, or one value read whole.
        init(holding type: Any.Type) {
            let wrapped = (type as? any OptionalValue.Type)?.wrappedType ?? type
            if let list = wrapped as? any ListValue.Type {
                self = Fields.list(Fields(holding: list.elementType))
            } else if let decodable = wrapped as? any Decodable.Type {
                self = .value(decodable)
            } else {
                // The configuration is Codable, so every field it has is.
                preconditionFailure("the configuration has a field of type \(type), which is not Decodable")
            }
        }

        /// What the fields hold, in words: "'text.width' should be a whole number".
        var kind: String {
            switch self {
            case .value(let type): Configuration.kind(of: type)
            case .mapping: "a group of fields"
            case .list: "a list"
            }
        }
    }

    /// Made for each reading: a type's metatype is not `Sendable`, so the table cannot be a constant.
    private static var fields: Fields {
        Fields(of: Configuration(), nested: [
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
    }

    /// Checks `node`, the value of the field `name`, against what `fields` says it holds, adding a
    /// diagnostic for each problem: a field it does not know, a value of the wrong type or that names
    /// nothing. Returns the node with every value that has an error left out, or nil when it is one.
    private static func check(_ node: Node, against fields: Fields, named name: String, document: Document,
                              into diagnostics: inout [Diagnostic]) -> Node? {
        func wrongType() -> Node? {
            diagnostics.append(document.diagnostic("config.type", .error, "'\(name)' should be \(fields.kind)", at: node.mark,
                                                   fix: "write '\(name)' as the README's example configuration does"))
            return nil
        }
        switch (fields, node) {
        case (.value(let type), _):
            guard let value = try? YAMLDecoder().decode(type, from: node) else { return wrongType() }
            return Self.checkValue(value, at: node, named: name, document: document, into: &diagnostics)
        case (.list(let element), .sequence(let sequence)):
            // An empty list of formats or sources would build nothing; left out, either has its default.
            if sequence.isEmpty, name == "formats" || name == "sources" {
                let (what, fix) = name == "formats"
                    ? ("format", "name one or more of \(document.formats.joined(separator: ", ")), or leave 'formats' out for all of them")
                    : ("folder", "name one or more source folders, or leave 'sources' out and give them on the command line")
                diagnostics.append(document.diagnostic("config.empty-list", .error, "'\(name)' names no \(what)", at: node.mark, fix: fix))
                return nil
            }
            let items = sequence.enumerated().compactMap { index, item in
                Self.check(item, against: element, named: "\(name)[\(index)]", document: document, into: &diagnostics)
            }
            return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        case (.mapping(let known, let required), .mapping(let mapping)):
            let prefix = name.isEmpty ? "" : name + "."
            var pairs: [(Node, Node)] = []
            var complete = true
            for (key, value) in mapping {
                let field = key.string ?? ""
                let inner = prefix + field
                guard let shape = known[field] else {
                    diagnostics.append(Self.unknownField(field, prefix: prefix, at: key, known: known.keys, document: document))
                    continue
                }
                if value.null != nil {
                    // An empty value is one not written, which only a field that must be written cannot be.
                    if required.contains(field) {
                        diagnostics.append(document.diagnostic("config.missing-field", .error, "'\(inner)' is empty", at: key.mark,
                                                               fix: "write '\(inner)' as the README's example configuration does"))
                        complete = false
                    }
                    continue
                }
                if let checked = Self.check(value, against: shape, named: inner, document: document, into: &diagnostics) {
                    pairs.append((key, checked))
                } else if required.contains(field) {
                    complete = false
                }
            }
            for field in required.sorted() where mapping[field] == nil {
                diagnostics.append(document.diagnostic("config.missing-field", .error, "'\(prefix + field)' is missing", at: node.mark,
                                                       fix: "write '\(field)' in this group, as the README's example configuration does"))
                complete = false
            }
            // A group without a field it must have cannot be used at all.
            return complete ? .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)) : nil
        default:
            return wrongType()
        }
    }

    /// The warning for a field `prefix` + `field` the configuration does not have, naming the one meant
    /// when one of `known` is near.
    private static func unknownField(_ field: String, prefix: String, at key: Node, known: some Collection<String>, document: Document) -> Diagnostic {
        let near = known.sorted().min { Self.distance($0.lowercased(), field.lowercased()) < Self.distance($1.lowercased(), field.lowercased()) }
            .flatMap { Self.distance($0.lowercased(), field.lowercased()) <= 2 ? $0 : nil }
        return document.diagnostic(
            "config.unknown-field", .warning, "unknown field '\(prefix + field)' is left out",
            at: key.mark, fix: near.map { "did you mean '\(prefix + $0)'?" } ?? "known fields here: \(known.sorted().map { prefix + $0 }.joined(separator: ", "))")
    }

    /// Checks a value of the right type for what its field needs (a number in its range, a base URL that
    /// is a web address, a language that is a tag), adding a diagnostic for each problem. Returns the
    /// node to read: the value's, corrected, or nil when it is an error.
    private static func checkValue(_ value: any Decodable, at node: Node, named name: String, document: Document,
                                   into diagnostics: inout [Diagnostic]) -> Node? {
        if let number = value as? Int {
            let (minimum, unset) = Self.numbers[name] ?? (1, "its default")
            guard number < minimum else { return node }
            diagnostics.append(document.diagnostic(
                "config.range", .error, "'\(name)' should be a whole number of \(minimum) or more, not \(number)", at: node.mark,
                fix: "write \(minimum) or more, or leave '\(name)' out for \(unset)"))
            return nil
        }
        guard var scalar = node.scalar else { return node }
        let text = scalar.string
        switch name {
        case _ where name.hasPrefix("formats[") && !document.formats.contains(text):
            diagnostics.append(document.diagnostic(
                "config.format", .error, "unknown format '\(text)'; known formats: \(document.formats.joined(separator: ", "))", at: node.mark,
                fix: "name formats from that list, or leave 'formats' out for all of them"))
            return nil
        case "theme" where !Resources.isTheme(Project.theme(text, relativeTo: document.path)):
            diagnostics.append(document.diagnostic(
                "config.theme", .error, "no theme '\(text)': it is neither a bundled theme (\(Resources.themeNames.joined(separator: ", "))) nor a folder",
                at: node.mark, fix: "name a bundled theme, or a theme folder relative to this file"))
            return nil
        case "baseURL" where !Self.isWebAddress(text):
            diagnostics.append(document.diagnostic(
                "config.base-url", .error, "baseURL '\(text)' is not an absolute http or https address without a query or fragment",
                at: node.mark, fix: "set baseURL to the address the site is published at, such as https://example.org/bulletin/"))
            return nil
        case "language":
            let reading = LanguageTag.read(text)
            switch reading {
            case .tag(let tag), .corrected(let tag):
                if reading != .tag(tag) {
                    diagnostics.append(document.diagnostic("config.language-corrected", .warning, "the language '\(text)' is read as the tag '\(tag)'",
                                                           at: node.mark, fix: "write the tag itself: 'language: \(tag)'"))
                }
                scalar.string = tag
                return .scalar(scalar)
            case .invalid:
                diagnostics.append(document.diagnostic("config.language", .error, "language '\(text)' is not a language tag",
                                                       at: node.mark, fix: "write a BCP 47 language tag, such as 'language: ru' or 'language: en-GB'"))
                return nil
            }
        default:
            return node
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
    fileprivate static func kind(of type: Any.Type) -> String {
        let type = (type as? any OptionalValue.Type)?.wrappedType ?? type
        switch type {
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "text"
        case let choice as any ConfigurationChoice.Type: return "one of \(choice.choices.joined(separator: ", "))"
        case is any ListValue.Type: return "a list"
        default: return "a group of fields"
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .reader(let problem, _, let value, _) where value >= 0:
            // libyaml's reader stops at a character YAML does not allow (a control character): name it,
            // since the line shown cannot show it.
            "\(problem) (U+\(String(repeating: "0", count: max(0, 4 - String(value, radix: 16).count)) + String(value, radix: 16, uppercase: true)))"
        case .reader(let problem, _, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "a field is given twice: \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }

    /// Where a YAML error is, as line and column (columns count Unicode scalars, as libyaml's do).
    private static func place(of error: YamlError) -> (line: Int, column: Int)? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): (mark.line, mark.column)
        case .duplicatedKeysInMapping(_, let context): (context.mark.line, context.mark.column)
        case .reader(_, let offset?, _, let yaml):
            // The reader counts its offset in characters of the text, not in lines and columns.
            yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex).map { index in
                let before = yaml[..<index].unicodeScalars
                let lineStart = before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex
                return (before.count(where: { $0 == "\n" }) + 1, before.distance(from: lineStart, to: before.endIndex) + 1)
            }
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

    /// The configuration file's text, for diagnostics that show the line they are about, and what its
    /// values are checked against.
    private struct Document {
        let lines: [Substring]
        let path: String
        /// The formats a build can make.
        let formats: [String]

        init(text: String, path: String, formats: [String]) {
            // Lines end as YAML counts them: at LF, CR LF (one Character in Swift, so never equal to "\n") or a lone CR.
            lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            self.path = path
            self.formats = formats
        }

        func diagnostic(_ id: String, _ severity: Diagnostic.Severity, _ message: String, at mark: Mark?, fix: String?) -> Diagnostic {
            diagnostic(id, severity, message, at: mark.map { ($0.line, $0.column) }, fix: fix)
        }

        func diagnostic(_ id: String, _ severity: Diagnostic.Severity, _ message: String, at place: (line: Int, column: Int)?, fix: String?) -> Diagnostic {
            let location = place.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
            let line = place.flatMap { $0.line >= 1 && $0.line <= lines.count ? String(lines[$0.line - 1]) : nil }
            return Diagnostic(id: id, severity: severity, message: message, location: location, sourceLine: line, fix: fix)
        }
    }
}

/// An optional, whatever it wraps: for telling the fields that may be left out from those that must be written.
private protocol OptionalValue {
    static var wrappedType: Any.Type { get }
}

extension Optional: OptionalValue {
    fileprivate static var wrappedType: Any.Type { Wrapped.self }
}

/// A list, whatever its items: for checking each item on its own.
private protocol ListValue {
    static var elementType: Any.Type { get }
}

extension Array: ListValue {
    fileprivate static var elementType: Any.Type { Element.self }
}

/// A value the configuration writes as one of a few words, which a message about a wrong one lists
/// (the decoder's own message names a Swift type).
private protocol ConfigurationChoice {
    static var choices: [String] { get }
}

extension EntityType: ConfigurationChoice {
    fileprivate static var choices: [String] { allCases.map(\.rawValue) }
}
