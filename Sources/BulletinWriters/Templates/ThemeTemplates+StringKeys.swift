extension ThemeTemplates {
    /// The keys of the theme's strings (the value `t`) that `sources`, the templates of one kind (template text
    /// by name, as they include each other), can look up, however they reach them:
    /// - `{{t.key}}`, in any tag (`{{#t.key}}`, `{{{t.key}}}`, `{{lowercased(t.key)}}`);
    /// - a name inside a `{{#t}}…{{/t}}` section, which the engine looks up in `t` first (`{{#t}}{{key}}{{/t}}`,
    ///   `{{#t}}{{#key}}…{{/key}}{{/t}}`), with the first part of a dotted name;
    /// - every name of a partial or parent included inside such a section (`{{#t}}{{> part}}{{/t}}`), and of the
    ///   partials those include, and of every template when the partial is named by a value (`{{>*name}}`);
    /// - every name inside a block (`{{$name}}…{{/name}}`) of any template when a block of that name stands
    ///   inside such a section, where an including template's block is rendered;
    /// - with the delimiters a template sets (`{{=<% %>=}}`).
    ///
    /// A name that is not a string is harmless here: it is only a key not warned of. A key no template can
    /// reach is not in the set, so a typo in a theme's strings file is still found.
    static func stringKeys(in sources: [String: String]) -> Set<String> {
        let templates = sources.mapValues(TemplateTag.all(in:))
        var keys: Set<String> = []
        var partialsInside: Set<String> = []
        var blocksInside: Set<String> = []
        var everything = false
        for tags in templates.values {
            var open: [(name: Substring, strings: Bool)] = []
            for tag in tags {
                let inside = open.contains { $0.strings }
                keys.formUnion(tag.stringKeys)
                if inside { keys.formUnion(tag.names) }
                switch tag.sigil {
                case "#", "^", "$", "<":
                    // Only a section over `t` itself puts the strings first in line; an inverted one is shown when there are none.
                    open.append((tag.name, tag.sigil == "#" && tag.name == "t"))
                    if inside, tag.sigil == "$" { blocksInside.insert(String(tag.name)) }
                    if inside, tag.sigil == "<" { partialsInside.insert(String(tag.name)) }
                case "/":
                    if let index = open.lastIndex(where: { $0.name == tag.name }) { open.removeSubrange(index...) }
                case ">" where inside:
                    if tag.name.hasPrefix("*") { everything = true } else { partialsInside.insert(String(tag.name)) }
                default:
                    break
                }
            }
        }
        // A partial reached inside the section is rendered there whole, with the partials it includes.
        var reached: Set<String> = []
        var pending = Array(everything ? Array(templates.keys) : Array(partialsInside))
        while let name = pending.popLast() {
            guard reached.insert(name).inserted, let tags = templates[name] else { continue }
            for tag in tags {
                keys.formUnion(tag.names)
                if tag.sigil == ">" || tag.sigil == "<", !tag.name.hasPrefix("*") { pending.append(String(tag.name)) }
            }
        }
        // A block of a name the section holds: any template's content for it may be rendered there.
        for tags in templates.values where !blocksInside.isEmpty {
            var blocks: [Substring] = []
            var depth = 0
            for tag in tags {
                if !blocks.isEmpty { keys.formUnion(tag.names) }
                switch tag.sigil {
                case "#", "^", "$", "<":
                    if tag.sigil == "$", blocks.isEmpty, blocksInside.contains(String(tag.name)) { blocks.append(tag.name); depth = 0 }
                    else if !blocks.isEmpty { depth += 1 }
                case "/" where !blocks.isEmpty:
                    if depth == 0 { blocks.removeAll() } else { depth -= 1 }
                default:
                    break
                }
            }
        }
        return keys
    }
}

/// One tag of a template as the engine reads it: its sigil and the names it looks up.
struct TemplateTag {
    /// `#`, `^`, `/`, `>`, `<`, `$`, `&`, `{`, or nil for a variable.
    var sigil: Character?
    /// The name after the sigil (`t`, `article.xhtml`, `*name`, `lowercased(t.key)`).
    var name: Substring

    /// The names the tag looks up in the context, by their first part (`key` of `key.part`), not the
    /// transforms it applies (`lowercased` of `lowercased(key)`) nor the implicit `.`.
    var names: [String] {
        lookups.map { String($0.prefix { $0 != "." }) }.filter { !$0.isEmpty }
    }

    /// The keys the tag names as `t.key`.
    var stringKeys: [String] {
        lookups.compactMap { name in
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count > 1 && parts[0] == "t" && !parts[1].isEmpty ? String(parts[1]) : nil
        }
    }

    /// The dotted names the tag looks up: its name, or the arguments of its transforms.
    private var lookups: [Substring] {
        // A close repeats its section's name; a partial, parent or block names a template or a block, not a value.
        switch sigil {
        case "/", "<", "$": return []
        case ">" where !name.hasPrefix("*"): return []
        default: break
        }
        let text = name.drop { $0 == "*" }
        var words: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !" \t\n()".contains(text[index]) else { index = text.index(after: index); continue }
            let end = text[index...].firstIndex { " \t\n()".contains($0) } ?? text.endIndex
            // A word before `(` is a transform, not a name.
            if text[end...].first(where: { $0 != " " }) != "(" { words.append(text[index..<end]) }
            index = end
        }
        return words
    }

    /// The tags of `template` in order, read with the delimiters it sets; comments and delimiter changes left out.
    static func all(in template: String) -> [TemplateTag] {
        scan(template).compactMap { tag in
            let trimmed = tag.body.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            guard let first = trimmed.first, first != "=", first != "!" else { return nil }
            let sigil: Character? = "#^/><$&{".contains(first) ? first : nil
            let name = (sigil == nil ? trimmed : trimmed.dropFirst()).drop { $0 == " " || $0 == "\t" }
            var end = name.endIndex
            while end > name.startIndex, " \t\n".contains(name[name.index(before: end)]) { end = name.index(before: end) }
            return TemplateTag(sigil: sigil, name: name[..<end])
        }
    }

    /// Every tag of `template` in order, comments and delimiter changes among them, as the engine reads them:
    /// with the delimiters the template sets (`{{=<% %>=}}`), and a triple mustache (`{{{name}}}`) closing with
    /// one brace more. The one reader of tags, so that what Bulletin checks of a template (a tag naming a
    /// template it does not have, a content type) and the strings keys it finds are the tags the engine renders.
    static func scan(_ template: String) -> [ScannedTag] {
        var tags: [ScannedTag] = []
        var (opening, closing) = ("{{", "}}")
        var rest = template[...]
        while let open = rest.range(of: opening) {
            var after = rest[open.upperBound...]
            let triple = opening == "{{" && after.first == "{"
            guard let close = after.range(of: triple ? "}}}" : closing) else { break }
            let body = after[..<close.lowerBound]
            tags.append(ScannedTag(body: body, start: open.lowerBound))
            after = after[close.upperBound...]
            rest = after
            let trimmed = body.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            if trimmed.first == "=" {
                // `{{=<% %>=}}`: two delimiters between the equals signs.
                let parts = trimmed.dropFirst().prefix { $0 != "=" }.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 { (opening, closing) = (String(parts[0]), String(parts[1])) }
            }
        }
        return tags
    }
}

/// One tag of a template as ``TemplateTag/scan(_:)`` finds it: the text between its delimiters, and where its
/// opening delimiter starts, both in the template's text.
struct ScannedTag {
    /// The text between the delimiters (`#items`, `{name` of `{{{name}}}`, `=<% %>=`, `! a comment`).
    var body: Substring
    /// Where the opening delimiter starts.
    var start: String.Index
}
