import BulletinModel

extension Theme {
    /// What looks mistyped in the strings files the theme's folder gives, as warnings at the line and column:
    /// a key Bulletin does not word and no template of the theme can read (`hmoe`), and a `{name}` a key does not
    /// take (`{cuont}`), which pages would print as it is. Both are compared with Bulletin's English.
    ///
    /// A file that cannot be read gives none: building stops at it with an error of its own.
    public var stringsWarnings: [Diagnostic] {
        // Most builds use a theme without strings of its own, and the templates are read only for one that has
        // some: every build waits for this check before it reads a source.
        let ownStrings = origins.keys.filter { $0.hasPrefix("strings/") && $0.hasSuffix(".json") }.sorted()
        guard !ownStrings.isEmpty,
              let englishBytes = bundledStrings["strings/en.json"] ?? files["strings/en.json"],
              let english = try? StringsFile.entries(of: englishBytes) else { return [] }
        let takes = Dictionary(english.map { ($0.key, Self.placeholders(in: $0.value)) }) { first, _ in first }
        let printed = templateStringKeys
        var warnings: [Diagnostic] = []
        for path in ownStrings {
            guard let bytes = files[path], let entries = try? StringsFile.entries(of: bytes) else { continue }
            let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            func warning(_ id: String, _ message: String, at position: StringsFile.Position, marking word: String?, fix: String) -> Diagnostic {
                let line = lines.indices.contains(position.line - 1) ? String(lines[position.line - 1]) : nil
                var column = position.column
                // At the word itself when it stands on the line after the key (a value on the key's line).
                if let line, let word {
                    let scalars = Array(line.unicodeScalars), wanted = Array(word.unicodeScalars)
                    if let start = (max(0, column - 1)..<max(0, scalars.count - wanted.count + 1)).first(where: {
                        scalars[$0..<($0 + wanted.count)].elementsEqual(wanted)
                    }) { column = start + 1 }
                }
                return Diagnostic(id: id, severity: .warning, message: message,
                                  location: SourceLocation(path: origin(of: path), line: position.line, column: column),
                                  sourceLine: line, fix: fix)
            }
            for entry in entries {
                guard let allowed = takes[entry.key] else {
                    if printed.contains(entry.key) { continue }
                    let near = Self.nearest(to: entry.key, among: takes.keys)
                    warnings.append(warning("theme.strings.unknown-key",
                        "'\(entry.key)' is not a key Bulletin words, and no template of the theme reads it ({{t.\(entry.key)}}, or {{\(entry.key)}} inside {{#t}}…{{/t}}): it is not used",
                        at: entry.at, marking: nil,
                        fix: near.map { "did you mean '\($0)'? (the keys are those of the default theme's strings/en.json)" }
                            ?? "use a key of the default theme's strings/en.json, or print it in a template"))
                    continue
                }
                let texts: [(text: String, at: StringsFile.Position)] = switch entry.value {
                case .text(let text): [(text, entry.at)]
                case .forms(let forms): forms.map { ($0.text, $0.at) }
                case .list: []
                }
                for (text, at) in texts {
                    for name in Self.placeholderNames(in: text) where !allowed.contains(name) {
                        let taken = allowed.sorted().map { "{\($0)}" }
                        let what = taken.isEmpty ? "takes no {…} value" : "takes \(Self.listed(taken))"
                        let near = Self.nearest(to: name, among: allowed).map { "write {\($0)}" }
                        warnings.append(warning("theme.strings.unknown-placeholder",
                            "'\(entry.key)' \(what): {\(name)} is printed as it is",
                            at: at, marking: "{\(name)}",
                            fix: near ?? (taken.isEmpty ? "remove {\(name)}" : "use \(Self.listed(taken, joiner: "or"))")))
                    }
                }
            }
        }
        return warnings
    }

    /// The keys the theme's templates can look up in its strings, each kind (`site/`, `epub/`) with the partials
    /// it can include (``ThemeTemplates/stringKeys(in:)``): a theme may word keys of its own.
    private var templateStringKeys: Set<String> {
        var kinds: [Substring: [String: String]] = [:]
        for (path, bytes) in files where path.hasSuffix(".mustache") {
            let kind = path.prefix { $0 != "/" }
            let name = path.dropFirst(kind.count + 1).dropLast(".mustache".count)
            kinds[kind, default: [:]][String(name)] = String(decoding: bytes, as: UTF8.self)
        }
        return kinds.values.reduce(into: Set<String>()) { $0.formUnion(ThemeTemplates.stringKeys(in: $1)) }
    }

    /// The names of the `{name}` places of every text of `value`.
    private static func placeholders(in value: StringsFile.Value) -> Set<String> {
        switch value {
        case .text(let text): Set(placeholderNames(in: text))
        case .forms(let forms): Set(forms.flatMap { placeholderNames(in: $0.text) })
        case .list: []
        }
    }

    /// The names of `text`'s `{name}` places, in order: letters, digits and underscores between braces.
    private static func placeholderNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if !name.isEmpty, after.dropFirst(name.count).first == "}" { names.append(String(name)) }
            rest = after
        }
        return names
    }

    /// The one of `candidates` at most two edits from `word` (the fewest), for a "did you mean".
    private static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.filter { $0.1 <= 2 }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance, with a swap of two neighbours counting as one edit.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    /// "{a}", "{a} and {b}", "{a}, {b} and {c}".
    private static func listed(_ items: [String], joiner: String = "and") -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(joiner) " + items.last!
    }
}
