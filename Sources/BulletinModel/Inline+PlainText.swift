extension Inline {
    /// The text a reader sees, with citations and cross-references as written in the source.
    public var plainText: String {
        switch self {
        case .text(let text): text
        case .emphasis(let content), .strong(let content): content.plainText
        case .link(let link): link.content.plainText
        case .lineBreak: "\n"
        case .citation(let citation): citation.text
        case .crossReference(let reference): reference.text
        case .entity(let mention): mention.text
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of the inlines.
    public var plainText: String {
        var result = ""
        for inline in self { result += inline.plainText }
        return result
    }
}

extension Block {
    /// The plain text of the block; nested blocks are separated by blank lines.
    public var plainText: String {
        switch self {
        case .paragraph(let content, _), .heading(_, let content): content.plainText
        case .blockQuote(let blocks): blocks.map { $0.plainText }.joined(separator: "\n\n")
        case .list(_, let items): items.map { $0.map { $0.plainText }.joined(separator: "\n\n") }.joined(separator: "\n\n")
        case .rule: ""
        }
    }
}

extension Article {
    /// The body's plain text, blocks separated by blank lines.
    public var plainText: String {
        blocks.map { $0.plainText }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Whether the body opens with the words of its generated summary: the summarizer picked the lead, a
    /// sentence or two of it perhaps left out, and a page showing summary and body shows the same words
    /// twice, one under the other. The summary's words must come in order, whole, from the body's first
    /// word on, with at most ``summaryRepeatSlack`` of the body's words between them. An editor's summary
    /// (a `Summary:` field) never counts as a repeat.
    public var opensWithGeneratedSummary: Bool {
        guard let summary = metadata.summary, summary.origin == .generated else { return false }
        // Words are compared as byte runs between white space, read from the blocks' text pieces as they
        // come, up to the last word that can count: joining and collapsing the opening blocks first cost a
        // site build of a large archive more than rendering its article pages.
        let wanted = Self.wordRanges(summary.text.collapsingWhitespace.utf8)
        guard !wanted.ranges.isEmpty else { return false }
        var match = OpeningMatch(wanted: wanted, limit: wanted.ranges.count + Self.summaryRepeatSlack)
        for block in blocks where !match.isDone {
            block.forEachTextPiece { piece in
                guard !match.isDone else { return }
                piece.withUTF8Bytes { match.read($0) }
            }
            // Blocks are apart: a word does not run on into the next block.
            if !match.isDone { match.endWord() }
        }
        return match.matched
    }

    /// An article's opening words matched against a summary's, fed the text piece by piece: a value with
    /// methods rather than variables that closures share, which Swift checks for exclusive access at every
    /// byte (`swift_beginAccess` was most of this test's time).
    private struct OpeningMatch {
        /// The summary's words, as byte ranges of its collapsed text.
        let wanted: (bytes: [UInt8], ranges: [Range<Int>])
        /// How many of the body's words may be read.
        let limit: Int
        private var seen = 0, found = 0
        private var failed = false
        /// The word read so far, which may run on over text pieces.
        private var word: [UInt8] = []

        init(wanted: (bytes: [UInt8], ranges: [Range<Int>]), limit: Int) {
            self.wanted = wanted
            self.limit = limit
        }

        var isDone: Bool { failed || found == wanted.ranges.count || seen == limit }
        /// Every word of the summary was found, in order, from the body's first word on.
        var matched: Bool { !failed && found == wanted.ranges.count }

        /// Reads the words of `bytes`, a text piece.
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count, !isDone {
                let space = UTF8Whitespace.length(bytes, at: index)
                if space > 0 {
                    endWord()
                    index += space
                    continue
                }
                var end = index + 1
                while end < bytes.count, UTF8Whitespace.length(bytes, at: end) == 0 { end += 1 }
                word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }

        /// Counts the word read so far, if any: the first must be the summary's first.
        mutating func endWord() {
            guard !word.isEmpty else { return }
            if wanted.bytes[wanted.ranges[found]].elementsEqual(word) {
                found += 1
            } else if seen == 0 {
                failed = true
            }
            seen += 1
            word.removeAll(keepingCapacity: true)
        }
    }

    /// The words of collapsed text (single spaces between words, none at either end) as byte ranges.
    private static func wordRanges<Text: Sequence<UInt8>>(_ text: Text) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        let bytes = Array(text)
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x20 {
            ranges.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return (bytes, ranges)
    }

    /// How many of the body's words a summary that repeats the opening may leave out: about two sentences.
    public static let summaryRepeatSlack = 40
}

extension Array where Element == Inline {
    /// Calls `body` with the pieces of ``plainText`` in order, without joining them into one string.
    public func forEachTextPiece(_ body: (String) -> Void) {
        for inline in self {
            switch inline {
            case .text(let text): body(text)
            case .emphasis(let content), .strong(let content): content.forEachTextPiece(body)
            case .link(let link): link.content.forEachTextPiece(body)
            case .lineBreak: body("\n")
            case .citation(let citation): body(citation.text)
            case .crossReference(let reference): body(reference.text)
            case .entity(let mention): body(mention.text)
            }
        }
    }
}

extension Block {
    /// Calls `body` with the pieces of ``plainText`` in order, separators included, without joining them.
    public func forEachTextPiece(_ body: (String) -> Void) {
        func each(_ blocks: [Block]) {
            for (index, block) in blocks.enumerated() {
                if index > 0 { body("\n\n") }
                block.forEachTextPiece(body)
            }
        }
        switch self {
        case .paragraph(let content, _), .heading(_, let content): content.forEachTextPiece(body)
        case .blockQuote(let blocks): each(blocks)
        case .list(_, let items):
            for (index, item) in items.enumerated() {
                if index > 0 { body("\n\n") }
                each(item)
            }
        case .rule: break
        }
    }
}

// MARK: - Searching

extension Block {
    /// Calls `body` with every inline inside the block, at any depth, in reading order (an inline before those inside it).
    public func forEachInline(_ body: (Inline) -> Void) {
        _ = containsInline { body($0); return false }
    }

    /// Whether an inline inside the block, at any depth, satisfies `predicate`.
    public func containsInline(where predicate: (Inline) -> Bool) -> Bool {
        switch self {
        case .paragraph(let content, _), .heading(_, let content): content.contains { $0.contains(where: predicate) }
        case .blockQuote(let blocks): blocks.contains { $0.containsInline(where: predicate) }
        case .list(_, let items): items.contains { $0.contains { $0.containsInline(where: predicate) } }
        case .rule: false
        }
    }
}

extension Inline {
    /// Whether the inline, or one inside it at any depth, satisfies `predicate`.
    public func contains(where predicate: (Inline) -> Bool) -> Bool {
        if predicate(self) { return true }
        switch self {
        case .emphasis(let content), .strong(let content): return content.contains { $0.contains(where: predicate) }
        case .link(let link): return link.content.contains { $0.contains(where: predicate) }
        case .text, .lineBreak, .citation, .crossReference, .entity: return false
        }
    }
}
