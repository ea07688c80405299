import BulletinModel

/// Plain text: each article and each whole issue, wrapped without splitting words or URLs.
///
/// Files: `text/<issue>.txt` (the issue) and `text/<issue>/<slug>.txt` (each article).
public struct TextWriter: Writer {
    public let format = "text"
    public let summary = "plain text, wrapped at 72 columns: each issue and each article"

    /// Creates the writer.
    public init() {}

    public func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let width = context.settings.textWidth
        var whole = issueHeader(issue, width: width)
        for article in issue.articles {
            let text = render(article, width: width)
            try sink.write(Array(text.utf8), to: "text/\(issue.id)/\(article.metadata.slug).txt", format: format, issue: issue.id)
            whole += "\n\n" + text
        }
        try sink.write(Array(whole.utf8), to: "text/\(issue.id).txt", format: format, issue: issue.id)
    }

    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        Array(render(article, width: context.settings.textWidth).utf8)
    }

    /// The issue's masthead and table of contents.
    func issueHeader(_ issue: Issue, width: Int) -> String {
        var lines = [issue.displayTitle]
        if let date = issue.date { lines.append(date) }
        lines.append(String(repeating: "=", count: min(width, issue.displayTitle.count)))
        lines.append("")
        for (number, article) in issue.articles.enumerated() {
            lines.append(contentsOf: TextWrapper.wrap("\(number + 1). \(article.metadata.title)", width: width, hangingIndent: 3))
        }
        return lines.joined(separator: "\n")
    }

    /// One article: title, header block, body.
    public func render(_ article: Article, width: Int) -> String {
        let metadata = article.metadata
        var lines = TextWrapper.wrap(metadata.title, width: width)
        lines.append(String(repeating: "-", count: min(width, lines.map(\.count).max() ?? 0)))
        lines.append("Publication: \(metadata.publication)  Volume: \(metadata.volume)  Issue: \(metadata.issue)")
        if let date = metadata.date { lines.append("Date: \(date)") }
        if !metadata.authors.isEmpty { lines.append(contentsOf: TextWrapper.wrap("By " + metadata.authors.joined(separator: ", "), width: width)) }
        if let section = metadata.section { lines.append("Section: \(section)") }
        lines.append("")
        lines.append(body(article.blocks, width: width))
        return lines.joined(separator: "\n") + "\n"
    }

    func body(_ blocks: [Block], width: Int, indent: String = "") -> String {
        blocks.map { block(in: $0, width: width, indent: indent) }.joined(separator: "\n\n")
    }

    private func block(in block: Block, width: Int, indent: String) -> String {
        switch block {
        case .paragraph(let content, _):
            return TextWrapper.wrap(content.plainText, width: width - indent.count).map { indent + $0 }.joined(separator: "\n")
        case .heading(_, let content):
            let lines = TextWrapper.wrap(content.plainText, width: width - indent.count).map { indent + $0 }
            return (lines + [indent + String(repeating: "-", count: min(width, lines.map(\.count).max() ?? 0) - indent.count)]).joined(separator: "\n")
        case .blockQuote(let blocks):
            return body(blocks, width: width, indent: indent + "    ")
        case .list(let ordered, let items):
            return items.enumerated().map { number, item in
                let marker = ordered ? "\(number + 1). " : "* "
                let inner = body(item, width: width, indent: indent + String(repeating: " ", count: marker.count))
                return indent + marker + inner.dropFirst(indent.count + marker.count)
            }.joined(separator: "\n")
        case .rule:
            return indent + "* * *"
        }
    }
}

/// Greedy word wrapping that never splits a word or URL: a word longer than the line stands alone.
public enum TextWrapper {
    /// `text` in lines of at most `width` characters where words allow.
    ///
    /// Works on UTF-8 bytes: words are runs between spaces, and a word's width is its number of Unicode
    /// scalars, which approximates columns well for the Latin, Cyrillic and Greek text bulletins carry.
    public static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var current: [UInt8] = []
        var currentCount = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x20 { index += 1; continue }
            let start = index
            var count = 0
            while index < bytes.count, bytes[index] != 0x20 {
                if bytes[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            let word = bytes[start..<index]
            if currentCount == 0 {
                if !lines.isEmpty { current.append(contentsOf: repeatElement(0x20, count: hangingIndent)) }
                current.append(contentsOf: word)
                currentCount = (lines.isEmpty ? 0 : hangingIndent) + count
            } else if currentCount + 1 + count <= width {
                current.append(0x20)
                current.append(contentsOf: word)
                currentCount += 1 + count
            } else {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                current.append(contentsOf: repeatElement(0x20, count: hangingIndent))
                current.append(contentsOf: word)
                currentCount = hangingIndent + count
            }
        }
        if currentCount > 0 || lines.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }
}
