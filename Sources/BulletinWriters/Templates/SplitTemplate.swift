/// A template cut around a section that repeats over a list (`{{#entities}}…{{/entities}}`): the text before
/// the section, its body, and the text after it, each compiled as a template of its own.
///
/// A page with a long list is rendered once, its shape (every list's length) its own, so
/// ``TemplateSkeletons`` never splices it and the template engine renders it at a cost per byte. Cut, the
/// text around the section has one shape, and the body is rendered element by element with the element's
/// values, whose shapes repeat: both are spliced. The pieces are the theme's own text, so the page is the
/// theme's markup, made faster.
///
/// The cut follows the engine's reading of the template: both tags of the section stand alone on their
/// lines, which the engine drops, so each piece starts at the start of a line, as it did in place, and
/// reads the same on its own. The text around the section may name the list only to test it for being
/// empty (`{{^entities}}`), which a flag answers without the list; the body must not name it at all.
struct SplitTemplate: Sendable {
    /// The piece this cuts: a template of the theme, or the body of an outer cut.
    let whole: String
    /// The list the section repeats over.
    let list: String
    /// The template of the text before the section.
    let head: String
    /// What each element of the list is rendered with.
    let body: Body
    /// The template of the text after the section.
    let tail: String
    /// The names the body's pieces mention: the values of the page around an element that it can look up.
    let bodyNames: Set<String>

    /// The body: one template, or itself cut around a list section of its own.
    indirect enum Body: Sendable {
        case template(String)
        case split(SplitTemplate)
    }

    /// A piece of a template: its name and text, compiled like the theme's templates.
    struct Piece {
        var name: String
        var text: String
        /// Whether the text starts a line after a tag the engine dropped with its line, so it is compiled
        /// with the tags it is compiled after on a line of their own (the theme's template is compiled
        /// after them on its first line).
        var startsLine: Bool
    }

    /// `text`, the template `name`, cut around the section of each list of `path` in turn (`groups`, then
    /// `entities` inside it), with the pieces to compile; nil when a section is missing, repeated at its
    /// level, not alone on its lines, or its list named otherwise than allowed (see the type's summary).
    /// `startsLine` as for ``Piece``.
    static func cut(_ text: String, named name: String, at path: [String], startsLine: Bool = false) -> (split: SplitTemplate, pieces: [Piece])? {
        guard let list = path.first,
              // The engine ends lines at "\n" and "\r\n" but tests for others too: texts with others are left whole.
              !text.contains(where: { $0.isNewline && $0 != "\n" && $0 != "\r\n" }),
              let section = section(list, in: text, startsLine: startsLine)
        else { return nil }
        let headText = String(text[..<section.start]), bodyText = String(text[section.bodyStart..<section.bodyEnd])
        let tailText = String(text[section.end...])
        let aroundTags = TemplateTag.all(in: headText) + TemplateTag.all(in: tailText)
        guard aroundTags.allSatisfy({ !$0.names.contains(list) || ($0.sigil == "^" && $0.name == list) }),
              !TemplateTag.all(in: bodyText).contains(where: { $0.names.contains(list) })
        else { return nil }
        let bodyName = name + "\u{1}" + list
        var pieces = [Piece(name: name + "\u{1}head " + list, text: headText, startsLine: startsLine),
                      Piece(name: name + "\u{1}tail " + list, text: tailText, startsLine: true),
                      Piece(name: bodyName, text: bodyText, startsLine: true)]
        let body: Body
        var bodyNames = ThemeTemplates.names(in: ThemeTemplates.tags(of: bodyText))
        if path.count > 1 {
            guard let inner = cut(bodyText, named: bodyName, at: Array(path.dropFirst()), startsLine: true) else { return nil }
            body = .split(inner.split)
            pieces += inner.pieces
            bodyNames.formUnion(inner.split.bodyNames)
        } else {
            body = .template(bodyName)
        }
        return (SplitTemplate(whole: name, list: list, head: pieces[0].name, body: body, tail: pieces[1].name, bodyNames: bodyNames), pieces)
    }

    /// Where the one section over `list` at the top level of `text` starts (its opening tag's line), its
    /// body starts and ends, and it ends (after its closing tag's line); nil unless there is exactly one,
    /// both its tags alone on their lines, and the text has only plain sections (no partial, parent,
    /// block or delimiter change, whose reading this does not follow).
    private static func section(_ list: String, in text: String, startsLine: Bool)
        -> (start: String.Index, bodyStart: String.Index, bodyEnd: String.Index, end: String.Index)? {
        var depth = 0
        var opening: (start: String.Index, end: String.Index)?
        var found: (start: String.Index, bodyStart: String.Index, bodyEnd: String.Index, end: String.Index)?
        for tag in TemplateTag.scan(text) {
            let body = tag.body.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            guard let sigil = body.first, !"><$=".contains(sigil) else { return nil }
            switch sigil {
            case "#", "^":
                if depth == 0, sigil == "#", body.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).prefix(while: { $0 != " " && $0 != "\t" && $0 != "\n" }) == list {
                    guard found == nil, opening == nil, let line = standaloneLine(of: tag, in: text, startsLine: startsLine) else { return nil }
                    opening = line
                }
                depth += 1
            case "/":
                depth -= 1
                // Sections nest (the engine compiled the text), so the close that ends the top level is the section's own.
                if depth == 0, let open = opening {
                    guard let line = standaloneLine(of: tag, in: text, startsLine: true), line.start >= open.end else { return nil }
                    found = (open.start, open.end, line.start, line.end)
                    opening = nil
                }
            default:
                break
            }
        }
        return found
    }

    /// The line of `tag` (from its start to after its line break, or the text's end) when the tag stands
    /// alone on it, as the engine reads a standalone tag: only spaces and tabs beside it, and not on the
    /// first line unless `startsLine` (the tags a template is compiled after are on its first line).
    private static func standaloneLine(of tag: ScannedTag, in text: String, startsLine: Bool) -> (start: String.Index, end: String.Index)? {
        let before = text[..<tag.start]
        let lineStart = before.lastIndex(where: \.isNewline).map { text.index(after: $0) }
        guard lineStart != nil || startsLine, before[(lineStart ?? text.startIndex)...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        var after = text[tag.body.endIndex...].dropFirst(2)
        after = after.drop { $0 == " " || $0 == "\t" }
        guard after.isEmpty || after.first!.isNewline else { return nil }
        return (lineStart ?? text.startIndex, after.isEmpty ? text.endIndex : text.index(after: after.startIndex))
    }
}
