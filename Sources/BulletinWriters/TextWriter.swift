import BulletinModel

/// Plain text: each article and each whole issue, wrapped without splitting words or URLs.
///
/// Files: `text/<issue>.txt` (the issue) and `text/<issue>/<slug>.txt` (each article). Every word that is not the
/// source's is the theme's (``UIStrings``), as on pages and in books: an article's publication, volume and issue,
/// date, byline and section in the article's language; an issue's masthead and contents heading in the language
/// most of its articles are in.
public struct TextWriter: Writer {
    public let format = "text"
    public let summary = "plain text, wrapped at 72 columns: each issue and each article"

    /// Creates the writer.
    public init() {}

    public func write(_ issue: Issue, in archive: Archive, to sink: any OutputSink, context: WriterContext) throws {
        let width = context.settings.textWidth
        let strings = try ThemeStrings.of(context.theme)
        var whole = Array(issueHeader(issue, width: width, words: strings.strings(for: issue.dominantLanguage)).utf8)
        for article in issue.articles {
            let text = renderBytes(article, width: width, words: strings.strings(for: article.metadata.language))
            try sink.write(text, to: "text/\(issue.id)/\(article.metadata.slug).txt", format: format, issue: issue.id)
            whole.append(0x0A)
            whole.append(0x0A)
            whole.append(contentsOf: text)
        }
        try sink.write(whole, to: "text/\(issue.id).txt", format: format, issue: issue.id)
    }

    public func standalone(_ article: Article, in archive: Archive, context: WriterContext) throws -> [UInt8] {
        renderBytes(article, width: context.settings.textWidth, words: try ThemeStrings.of(context.theme).strings(for: article.metadata.language))
    }

    /// True: an issue's text is made of its own articles alone.
    public func writesIssuesAlone(context: WriterContext) -> Bool { true }

    /// None: an issue's text depends on the issue alone.
    public func dependencies(of issue: Issue, in archive: Archive, context: WriterContext) -> [UInt8]? { [] }

    /// The words under `strings/`, for labels, dates and bylines: plain text has no templates or styles.
    public func readsThemeFile(_ path: String) -> Bool { path.hasPrefix("strings/") }

    public func settingsRead(from settings: WriterSettings) -> WriterSettings {
        WriterSettings(textWidth: settings.textWidth)
    }

    /// The issue's masthead and table of contents, worded in `words`, as its book's title page is.
    func issueHeader(_ issue: Issue, width: Int, words: UIStrings) -> String {
        let title = words.title(of: issue)
        var lines = [title]
        if let date = issue.date { lines.append(EPUBBook.longDate(date, in: words)) }
        lines.append(TextWrapper.rule(of: "=", count: min(width, TextWrapper.columns(of: title))))
        lines.append("")
        lines.append(contentsOf: TextWrapper.wrap(words.text("inThisIssue"), width: width))
        lines.append("")
        for (number, article) in issue.articles.enumerated() {
            lines.append(contentsOf: TextWrapper.wrap("\(number + 1). \(article.metadata.title)", width: width, hangingIndent: 3))
        }
        return lines.joined(separator: "\n")
    }

    /// One article: title, header block, body; the header's words in `words`.
    public func render(_ article: Article, width: Int, words: UIStrings) -> String {
        String(decoding: renderBytes(article, width: width, words: words), as: UTF8.self)
    }

    /// One article as UTF-8: the body, most of it, is wrapped straight into bytes, one string per paragraph.
    func renderBytes(_ article: Article, width: Int, words: UIStrings) -> [UInt8] {
        let metadata = article.metadata
        var lines = TextWrapper.wrap(metadata.title, width: width)
        lines.append(TextWrapper.rule(of: "-", count: min(width, lines.map(TextWrapper.columns).max() ?? 0)))
        // "Monitor, Volume 6, Issue 23" on one line when it fits; else the publication's name has lines of its
        // own, wrapped, and the volume and issue the next.
        let place = words.text("volumeAndIssue", ["volume": String(metadata.volume), "issue": String(metadata.issue)])
        let separator = words.text("listSeparator")
        if TextWrapper.columns(of: metadata.publication + separator + place) <= width {
            lines.append(metadata.publication + separator + place)
        } else {
            lines.append(contentsOf: TextWrapper.wrap(metadata.publication, width: width, hangingIndent: 2))
            lines.append(place)
        }
        if let date = metadata.date { lines.append(EPUBBook.longDate(date, in: words)) }
        if !metadata.authors.isEmpty { lines.append(contentsOf: TextWrapper.wrap(words.byline(metadata.authors), width: width)) }
        if let section = metadata.section {
            lines.append(contentsOf: TextWrapper.wrap(words.text("sectionLabel", ["section": section]), width: width, hangingIndent: 2))
        }
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
            // The text pieces' bytes, gathered: joining them into a string grew it piece by piece.
            var text: [UInt8] = []
            content.forEachTextPiece { text.append(contentsOf: $0.utf8) }
            text.withUnsafeBufferPointer { TextWrapper.appendWrapped($0, width: width - indent.count, indent: indent, to: &output) }
        case .heading(_, let content):
            let prefix = String(decoding: indent, as: UTF8.self)
            let lines = TextWrapper.wrap(content.plainText, width: width - indent.count).map { prefix + $0 }
            // Never a negative count: quotes can nest deeper than the width.
            let rule = prefix + TextWrapper.rule(of: "-", count: max(0, min(width, lines.map(TextWrapper.columns).max() ?? 0) - indent.count))
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
///
/// Widths are terminal columns: a combining mark takes none, and an East Asian wide character
/// (Chinese, Japanese and Korean ideographs and syllables, fullwidth forms, most emoji) takes two. Text
/// in those scripts runs without spaces, so a line may also break between two wide characters, except
/// before the punctuation that closes a phrase ("。", "、", "」") or after one that opens it ("「").
public enum TextWrapper {
    /// `text` in lines of at most `width` columns where words allow.
    public static func wrap(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
        var lines: [String] = []
        forEachLine(text, width: width, hangingIndent: hangingIndent) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// A line of `count` copies of `character`, an ASCII rule under a title: written in place, as
    /// `String(repeating:count:)` appends the character's string once for each column.
    static func rule(of character: Unicode.Scalar, count: Int) -> String {
        precondition(character.isASCII)
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: UInt8(character.value))
            return count
        }
    }

    /// The columns `text` takes on a terminal.
    public static func columns(of text: String) -> Int {
        var total = 0
        var previous: UInt32 = 0
        var indicators = 0
        for scalar in text.unicodeScalars {
            total += joinsPrevious(scalar.value, previous: previous, indicators: &indicators) ? 0 : columns(of: scalar.value)
            previous = scalar.value
        }
        return total
    }

    /// Whether `scalar` is drawn as one with the character before it, taking no columns of its own and
    /// never parted from it: an emoji after a zero-width joiner (a family, "👩‍💻"), or the second regional
    /// indicator of a flag. `indicators` counts the regional indicators in a row so far.
    static func joinsPrevious(_ scalar: UInt32, previous: UInt32, indicators: inout Int) -> Bool {
        let isIndicator = (0x1F1E6...0x1F1FF).contains(scalar)
        indicators = isIndicator ? indicators + 1 : 0
        return previous == 0x200D || (isIndicator && indicators % 2 == 0)
    }

    /// Appends the lines of ``wrap(_:width:hangingIndent:)``, each after `indent`, separated by line feeds.
    static func appendWrapped(_ text: String, width: Int, indent: [UInt8], to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendWrapped($0, width: width, indent: indent, to: &output) }
    }

    /// Appends the lines of UTF-8 `text` wrapped, each after `indent`, separated by line feeds.
    ///
    /// The text goes from its own bytes straight to `output`, with no line buffer, and the words of a line
    /// that the text has one space apart, most of them, in one copy: the body of every article is wrapped here.
    static func appendWrapped(_ text: UnsafeBufferPointer<UInt8>, width: Int, indent: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: indent)
        // The bytes of `text` on the current line not yet copied.
        var run = 0..<0
        forEachWord(text, width: width, hangingIndent: 0) { placement, piece in
            switch placement {
            case .start:
                run = piece
                return
            case .joined:
                // Pieces of one word follow each other.
                run = run.lowerBound..<piece.upperBound
                return
            case .sameLine where piece.lowerBound == run.upperBound + 1:
                // Words end at a space, so the one byte between is one.
                run = run.lowerBound..<piece.upperBound
                return
            case .sameLine:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[run]))
                output.append(0x20)
            case .newLine:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[run]))
                output.append(0x0A)
                output.append(contentsOf: indent)
            }
            run = piece
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[run]))
    }

    /// Calls `body` with each line's bytes, in order; at least one line, empty for empty text.
    private static func forEachLine(_ text: String, width: Int, hangingIndent: Int, _ body: (ArraySlice<UInt8>) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(width + 16)
        var text = text
        text.withUTF8 { bytes in
            forEachWord(bytes, width: width, hangingIndent: hangingIndent) { placement, piece in
                switch placement {
                case .start, .joined: break
                case .sameLine: current.append(0x20)
                case .newLine:
                    body(current[...])
                    current.removeAll(keepingCapacity: true)
                    current.append(contentsOf: repeatElement(0x20, count: hangingIndent))
                }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[piece]))
            }
        }
        body(current[...])
    }

    /// Where greedy wrapping puts a piece of text: first of the text, after a space on the current line,
    /// straight after the piece before it (a break between wide characters not taken), or first on a new line.
    private enum Placement {
        case start, sameLine, joined, newLine
    }

    /// Calls `body` with the place in `bytes`, UTF-8 text, of every piece of it (a run between spaces, or
    /// part of one where a line may break between wide characters) and where it goes when lines hold at
    /// most `width` columns and lines after the first begin `hangingIndent` in.
    private static func forEachWord(
        _ bytes: UnsafeBufferPointer<UInt8>, width: Int, hangingIndent: Int, _ body: (Placement, Range<Int>) -> Void
    ) {
        var started = false
        var lineWidth = 0
        func place(_ start: Int, _ end: Int, columns: Int, joined: Bool) {
            let piece = start..<end
            if !started {
                started = true
                lineWidth = columns
                body(.start, piece)
            } else if lineWidth + (joined ? 0 : 1) + columns <= width {
                lineWidth += (joined ? 0 : 1) + columns
                body(joined ? .joined : .sameLine, piece)
            } else {
                lineWidth = hangingIndent + columns
                body(.newLine, piece)
            }
        }
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x20 { index += 1; continue }
            let start = index
            // Below U+0300, in the Cyrillic letters after it and in the dashes and quotes of typeset
            // text, every scalar takes one column: most words are measured by counting lead bytes, and
            // their ASCII letters, a byte each, eight at a time.
            index = asciiRunEnd(bytes, from: index)
            var count = index - start
            var plain = true
            while index < bytes.count, bytes[index] != 0x20 {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 { count += 1 }
                if byte == 0xCC || byte == 0xCD || byte >= 0xD2, !isNarrowPunctuation(bytes, at: index) { plain = false }
                index += 1
            }
            if plain {
                place(start, index, columns: count, joined: false)
                continue
            }
            // Measured scalar by scalar, and split where a line may break between wide characters.
            var pieceStart = start
            var pieceColumns = 0
            var joined = false
            var previous: UInt32 = 0
            var indicators = 0
            var position = start
            while position < index {
                let (scalar, length) = decode(bytes, at: position)
                let joins = joinsPrevious(scalar, previous: previous, indicators: &indicators)
                let columns = joins ? 0 : columns(of: scalar)
                if position > pieceStart, !joins, breaks(between: previous, and: scalar) {
                    place(pieceStart, position, columns: pieceColumns, joined: joined)
                    joined = true
                    pieceStart = position
                    pieceColumns = 0
                }
                pieceColumns += columns
                previous = scalar
                position += length
            }
            place(pieceStart, index, columns: pieceColumns, joined: joined)
        }
    }

    /// Where the ASCII bytes other than spaces from `index` on end, read eight at a time: at a space or a
    /// byte that is not ASCII, or where fewer than eight bytes are left to read.
    @inline(__always)
    private static func asciiRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = index
        while index + 8 <= bytes.count {
            let word = UTF8Scalar.word(bytes, at: index)
            // High bits on the bytes that are not ASCII and, by "has a zero byte" on the word less spaces,
            // on the first space (borrows make false ones only above it): the lowest marks where the run ends.
            let spaces = word ^ (ones &* 0x20)
            let stops = (word | ((spaces &- ones) & ~spaces)) & highs
            if stops != 0 { return index + stops.trailingZeroBitCount / 8 }
            index += 8
        }
        return index
    }

    /// Whether the scalar whose UTF-8 starts at `index` of `bytes` is one of U+2000-U+203F, the spaces,
    /// dashes, quotes and ellipsis of General Punctuation, but for the zero-width U+200B-U+200F: one column
    /// each, joined to nothing and never beside a wide character, they measure as letters do.
    @inline(__always)
    private static func isNarrowPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && !(0x8B...0x8F).contains(bytes[index + 2])
    }

    /// The scalar whose UTF-8 starts at `index` of `bytes` (valid UTF-8, as a String's storage is), and its length.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func continuation(_ offset: Int) -> UInt32 { index + offset < bytes.count ? UInt32(bytes[index + offset] & 0x3F) : 0 }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    /// Terminal columns of one scalar: 0 for combining marks, joiners and emoji skin tones, 2 for East
    /// Asian wide and fullwidth characters, 1 for the rest.
    static func columns(of scalar: UInt32) -> Int {
        switch scalar {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F, 0x1AB0...0x1AFF,
             0x1DC0...0x1DFF, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0x1F3FB...0x1F3FF,
             0xE0100...0xE01EF:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F1E6...0x1F1FF,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// True when a line may break between `before` and `after`, two characters of one run without spaces:
    /// beside a wide character, unless `after` closes a phrase or `before` opens one, or both are Hangul,
    /// which parts its words with spaces as Latin script does.
    private static func breaks(between before: UInt32, and after: UInt32) -> Bool {
        guard columns(of: before) == 2 || columns(of: after) == 2, columns(of: after) != 0 else { return false }
        if isHangul(before), isHangul(after) { return false }
        switch after {
        // Closing punctuation and marks that never start a line.
        case 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x309B...0x309E,
             0x30FB...0x30FE, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
             0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0x2019, 0x201D:
            return false
        default:
            break
        }
        switch before {
        // Opening punctuation that never ends a line.
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0xFF08, 0xFF3B, 0xFF5B,
             0x28, 0x5B, 0x7B, 0x2018, 0x201C:
            return false
        default:
            return true
        }
    }

    /// Hangul syllables and jamo.
    private static func isHangul(_ scalar: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(scalar) || (0x1100...0x11FF).contains(scalar) || (0x3130...0x318F).contains(scalar)
    }
}
