import BulletinModel

/// The offline search index: one record per article, written as `search/index.json` and as
/// `search/index.js` (the same array assigned to `window.BULLETIN_SEARCH`), because browsers refuse
/// `fetch()` of a local file while a script tag loads from `file://` fine.
///
/// A record is `{"u": path, "t": title, "m": "Monitor 6/23 · 2 February 2000", "d": dek, "e": "entity names",
/// "x": "distinct lowercase words"}`. The text keeps each word of the body once, in first-use order,
/// without the commonest English words: enough for word and prefix search at a fraction of the size.
struct SearchIndex {
    /// About how many bytes are handed on at a time: the index of a large archive is tens of
    /// megabytes, and it is never held whole.
    static let pieceSize = 1 << 18

    /// What `search/index.js` puts before and after the JSON array.
    static let scriptPrefix = Array("window.BULLETIN_SEARCH = ".utf8)
    static let scriptSuffix = Array(";\n".utf8)

    /// Hands the JSON array to `emit` in order, in pieces of about ``pieceSize`` bytes. With `keeping`,
    /// each issue's records are a part of the file at `path`, named by the issue's digest: an unchanged
    /// issue's records are copied from the previous build's file rather than made again.
    static func forEachPiece(
        of archive: Archive, keeping: (any FileKeeping)? = nil, path: String = "", _ emit: ([UInt8]) throws -> Void
    ) throws {
        var out: [UInt8] = []
        out.reserveCapacity(pieceSize + pieceSize / 2)
        func key(_ name: String, _ value: String) {
            out.append(contentsOf: ",\"\(name)\":".utf8)
            JSONString.append(value, to: &out)
        }
        out.append(UInt8(ascii: "["))
        var first = true
        var handedOn = 0
        for (index, issue) in archive.issues.enumerated() where !issue.articles.isEmpty {
            let start = handedOn + out.count
            var partKey: [UInt8] = []
            if let keeping {
                // The first record has no comma before it.
                partKey = keeping.issuePartKey("search issue 1", issue: index, detail: first ? 1 : 0)
                if let kept = try keeping.keptPart(of: path, key: partKey) {
                    try emit(out)
                    try emit(kept)
                    handedOn += out.count + kept.count
                    out.removeAll(keepingCapacity: true)
                    keeping.recordPart(of: path, key: partKey, offset: start, count: kept.count)
                    first = false
                    continue
                }
            }
            for article in issue.articles {
                let metadata = article.metadata
                out.append(contentsOf: (first ? "\n{\"u\":" : ",\n{\"u\":").utf8)
                first = false
                JSONString.append(SiteLayout.articlePath(metadata, in: issue), to: &out)
                key("t", metadata.title)
                key("m", "\(issue.publication) \(issue.volume)/\(issue.number)" + (metadata.date.map { " · " + SiteDates.display($0) } ?? ""))
                if let dek = metadata.summary?.dek, !dek.isEmpty { key("d", dek) }
                if !metadata.entities.isEmpty { key("e", metadata.entities.map(\.name).joined(separator: "; ")) }
                out.append(contentsOf: ",\"x\":\"".utf8)
                Self.appendDistinctWords(article.blocks, to: &out)
                out.append(contentsOf: "\"}".utf8)
            }
            keeping?.recordPart(of: path, key: partKey, offset: start, count: handedOn + out.count - start)
            if out.count >= pieceSize {
                try emit(out)
                handedOn += out.count
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: "\n]".utf8)
        try emit(out)
    }

    private static let stopWords = WordHashes([
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
        "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them", "they",
        "this", "to", "was", "were", "which", "who", "will", "with",
    ].map { fnv1a(Array($0.utf8)[...]) })

    /// 64-bit FNV-1a: words are told apart by their hash, which spares hashing and storing arrays.
    /// A collision (odds about 1 in 10¹⁵ per article) would only leave one word out of one article's index.
    fileprivate static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = fnvStep(hash, byte) }
        return hash
    }

    fileprivate static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    fileprivate static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// Each word of the body once, lowercased, in first-use order, joined by spaces.
    static func distinctWords(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        appendDistinctWords(blocks, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the distinct words to a JSON string being written: words hold only letters and digits,
    /// so nothing in them needs a JSON escape.
    ///
    /// Works on UTF-8 bytes: ASCII letters and digits form words, other ASCII separates them, and so do
    /// the Latin-1 and General Punctuation symbols (no-break space, guillemets, curly quotes, dashes);
    /// any other non-ASCII character counts as a letter, and words holding one are lowercased by Unicode rules.
    static func appendDistinctWords(_ blocks: [Block], to out: inout [UInt8]) {
        var scanner = WordScanner()
        for block in blocks {
            block.forEachTextPiece { scanner.scan($0, into: &out) }
            scanner.flush(into: &out)
        }
    }

    /// One article's scan for distinct words; pieces of a block's text are fed in order, so a word may
    /// continue from one piece into the next as it does in the joined text.
    private struct WordScanner {
        var seen = WordHashes(capacity: 1024)
        var word: [UInt8] = []
        var asciiOnly = true
        var wrote = false

        init() {
            word.reserveCapacity(64)
        }

        mutating func scan(_ text: String, into out: inout [UInt8]) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    // Most words are ASCII and lie inside one piece: hashed as they are read, and copied
                    // only when new. A word that meets the piece's end or a non-ASCII byte is gathered below.
                    if word.isEmpty, Self.isASCIIWordByte(byte) {
                        let start = index
                        var hash = SearchIndex.fnvOffset
                        while index < bytes.count, Self.isASCIIWordByte(bytes[index]) {
                            hash = SearchIndex.fnvStep(hash, Self.lowercased(bytes[index]))
                            index += 1
                        }
                        if index < bytes.count, bytes[index] < 0x80 {
                            if beginsNewWord(hash, in: &out) {
                                for position in start..<index { out.append(Self.lowercased(bytes[position])) }
                            }
                            index += 1
                        } else {
                            for position in start..<index { word.append(Self.lowercased(bytes[position])) }
                        }
                        continue
                    }
                    switch byte {
                    case _ where Self.isASCIIWordByte(byte):
                        word.append(Self.lowercased(byte))
                        index += 1
                    case 0x00...0x7F:
                        flush(into: &out)
                        index += 1
                    default:
                        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                        let end = min(index + length, bytes.count)
                        let second = index + 1 < bytes.count ? bytes[index + 1] : 0
                        let isPunctuation = (byte == 0xC2 && second >= 0xA0) || (byte == 0xE2 && (second == 0x80 || second == 0x81))
                            || byte == 0xC3 && (second == 0x97 || second == 0xB7)
                        if isPunctuation {
                            flush(into: &out)
                        } else {
                            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                            asciiOnly = false
                        }
                        index = end
                    }
                }
            }
        }

        mutating func flush(into out: inout [UInt8]) {
            guard !word.isEmpty else { return }
            if !asciiOnly { word = Array(String(decoding: word, as: UTF8.self).lowercased().utf8) }
            if beginsNewWord(SearchIndex.fnv1a(word[...]), in: &out) { out.append(contentsOf: word) }
            word.removeAll(keepingCapacity: true)
            asciiOnly = true
        }

        /// Whether the word of `hash` goes in the index: neither a stop word nor seen before in the article
        /// (it is seen now). When it does, the space before it is written; the caller appends its letters.
        private mutating func beginsNewWord(_ hash: UInt64, in out: inout [UInt8]) -> Bool {
            guard !SearchIndex.stopWords.contains(hash), seen.insert(hash) else { return false }
            if wrote { out.append(0x20) }
            wrote = true
            return true
        }

        private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
            byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte &- 0x30 < 10
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            byte &- 0x41 < 26 ? byte | 0x20 : byte
        }
    }
}

/// A set of 64-bit word hashes, open addressing with linear probing. The values are already hashes, so
/// they are not hashed again as `Set` would (with a seeded SipHash for every lookup).
struct WordHashes: Sendable {
    /// Zero marks an empty slot; the value zero itself is kept by ``containsZero``.
    private var slots: [UInt64]
    private var containsZero = false
    private var count = 0
    private var shift: UInt64

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    init(_ values: [UInt64]) {
        self.init(capacity: values.count)
        for value in values { insert(value) }
    }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        let mask = slots.count - 1
        var index = slot(value)
        while true {
            let current = slots[index]
            if current == value { return true }
            if current == 0 { return false }
            index = (index + 1) & mask
        }
    }

    /// Adds `value`; false when it was there already.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { containsZero = true }
            return !containsZero
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = slot(value)
        while true {
            let current = slots[index]
            if current == value { return false }
            if current == 0 {
                slots[index] = value
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    /// The first slot to look in: the high bits of a Fibonacci multiple, which mixes all of the value's bits.
    private func slot(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}

/// JSON string literals, safe to put in a script file: also `<`, U+2028 and U+2029 escaped.
enum JSONString {
    static func append(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "\\u003c".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00...0x1F:
                let digits = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2:
                // U+2028 and U+2029: replace the two bytes already written with the escape.
                out.removeLast(2)
                out.append(contentsOf: (byte == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            default:
                out.append(byte)
            }
            beforePrevious = previous
            previous = byte
        }
        out.append(UInt8(ascii: "\""))
    }
}
