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
        var whole = Array(issueHeader(issue, width: width).utf8)
        for article in issue.articles {
            let text = renderBytes(article, width: width)
            try sink.write(text, to: "text/\(issue.id)/\(article.metadata.slug).txt", format: format, issue: issue.id)
            whole.append(0x0A)
            whole.append(0x0A)
            whole.append(contentsOf: text)
        }
        try sink.write(whole, to: "text/\(issue.id).txt", format: format, issue: issue.id)
    }

    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        renderBytes(article, width: context.settings.textWidth)
    }

    /// True: an issue's text is made of its own articles alone.
    public func writesIssuesAlone(context: WriterContext) -> Bool { true }

    /// None: an issue's text depends on the issue alone.
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? { [] }

    /// None: plain text has no theme.
    public func readsThemeFile(_ path: String) -> Bool { false }

    public func settingsRead(from settings: WriterSettings) -> WriterSettings {
        WriterSettings(textWidth: settings.textWidth)
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
        String(decoding: renderBytes(article, width: width), as: UTF8.self)
    }

    /// One article as UTF-8: the body, most of it, is wrapped straight into bytes, one string per paragraph.
    func renderBytes(_ article: Article, width: Int) -> [UInt8] {
        let metadata = article.metadata
        var lines = TextWrapper.wrap(metadata.title, width: width)
        lines.append(String(repeating: "-", count: min(width, lines.map(\.count).max() ?? 0)))
        lines.append("Publication: \(metadata.publication)  Volume: \(metadata.volume)  Issue: \(metadata.issue)")
        if let date = metadata.date { lines.append("Date: \(date)") }
        if !metadata.authors.isEmpty { lines.append(contentsOf: TextWrapper.wrap("By " + metadata.authors.joined(separator: ", "), width: width)) }
        if let section = metadata.section { lines.append("Section: \(section)") }
        var output: [UInt8] = []
        output.reserveCapacity(metadata.wordCount * 7 + 512)
        for line in lines {
            output.append(contentsOf: line.utf8)
            output.append(0x0A)
        }
        output.append(0x0A)
        appendBody(article.blocks, width: width, indent: [], to: &output)
        output.append(0x0A)
        return output
    }

    /// Appends the blocks, separated by blank lines, each line starting with `indent` (spaces).
    private func appendBody(_ blocks: [Block], width: Int, indent: [UInt8], to output: inout [UInt8]) {
        for (number, block) in blocks.enumerated() {
            if number > 0 {
                output.append(0x0A)
                output.append(0x0A)
            }
            append(block, width: width, indent: indent, to: &output)
        }
    }

    private func append(_ block: Block, width: Int, indent: [UInt8], to output: inout [UInt8]) {
        switch block {
        case .paragraph(let content, _):
            TextWrapper.appendWrapped(content.plainText, width: width - indent.count, indent: indent, to: &output)
        case .heading(_, let content):
            let prefix = String(decoding: indent, as: UTF8.self)
            let lines = TextWrapper.wrap(content.plainText, width: width - indent.count).map { prefix + $0 }
            // Never a negative count: quotes can nest deeper than the width.
            let rule = prefix + String(repeating: "-", count: max(0, min(width, lines.map(\.count).max() ?? 0) - indent.count))
            output.append(contentsOf: (lines + [rule]).joined(separator: "\n").utf8)
        case .blockQuote(let blocks):
            appendBody(blocks, width: width, indent: indent + Array("    ".utf8), to: &output)
        case .list(let ordered, let items):
            for (number, item) in items.enumerated() {
                if number > 0 { output.append(0x0A) }
                let marker = Array((ordered ? "\(number + 1). " : "* ").utf8)
                // The item's first line starts with the marker where its indentation would be.
                var inner: [UInt8] = []
                appendBody(item, width: width, indent: indent + [UInt8](repeating: 0x20, count: marker.count), to: &inner)
                output.append(contentsOf: indent)
                output.append(contentsOf: marker)
                output.append(contentsOf: inner.dropFirst(indent.count + marker.count))
            }
        case .rule:
            output.append(contentsOf: indent)
            output.append(contentsOf: "* * *".utf8)
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
        var lines: [String] = []
        forEachLine(text, width: width, hangingIndent: hangingIndent) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Appends the lines of ``wrap(_:width:hangingIndent:)``, each after `indent`, separated by line feeds.
    ///
    /// Words go from the text's own bytes straight to `output`, with no line buffer: the body of every
    /// article is wrapped here.
    static func appendWrapped(_ text: String, width: Int, indent: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: indent)
        forEachWord(text, width: width, hangingIndent: 0) { placement, word in
            switch placement {
            case .start: break
            case .sameLine: output.append(0x20)
            case .newLine:
                output.append(0x0A)
                output.append(contentsOf: indent)
            }
            output.append(contentsOf: word)
        }
    }

    /// Calls `body` with each line's bytes, in order; at least one line, empty for empty text.
    private static func forEachLine(_ text: String, width: Int, hangingIndent: Int, _ body: (ArraySlice<UInt8>) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(width + 16)
        forEachWord(text, width: width, hangingIndent: hangingIndent) { placement, word in
            switch placement {
            case .start: break
            case .sameLine: current.append(0x20)
            case .newLine:
                body(current[...])
                current.removeAll(keepingCapacity: true)
                current.append(contentsOf: repeatElement(0x20, count: hangingIndent))
            }
            current.append(contentsOf: word)
        }
        body(current[...])
    }

    /// Where greedy wrapping puts a word: first of the text, after a space on the current line, or first on a new line.
    private enum Placement {
        case start, sameLine, newLine
    }

    /// Calls `body` with every word of `text` (a run between spaces, read in place) and where it goes
    /// when lines hold at most `width` characters and lines after the first begin `hangingIndent` in.
    private static func forEachWord(
        _ text: String, width: Int, hangingIndent: Int, _ body: (Placement, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            // Zero only before the first word: every word is at least one character wide.
            var lineWidth = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 { index += 1; continue }
                let start = index
                var count = 0
                while index < bytes.count, bytes[index] != 0x20 {
                    if bytes[index] & 0xC0 != 0x80 { count += 1 }
                    index += 1
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if lineWidth == 0 {
                    lineWidth = count
                    body(.start, word)
                } else if lineWidth + 1 + count <= width {
                    lineWidth += 1 + count
                    body(.sameLine, word)
                } else {
                    lineWidth = hangingIndent + count
                    body(.newLine, word)
                }
            }
        }
    }
}
