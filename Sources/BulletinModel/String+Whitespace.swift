// Whitespace handling on UTF-8 bytes: `Character.isWhitespace` and appending scalars one by one
// dominated reading time on large archives. White space here is Unicode's `White_Space` property.

/// Byte-level helpers over UTF-8.
public enum UTF8Whitespace {
    /// Whether an ASCII byte is white space: space, tab, line feed, vertical tab, form feed or carriage return.
    @inlinable @inline(__always)
    public static func isSpace(ascii byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// ``length(in:at:)`` with its common answers inline: almost every byte of a body is ASCII, and white
    /// space outside ASCII starts with one of four bytes (a dash or a curly quote does too, and is looked at closer).
    @inlinable @inline(__always)
    public static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return isSpace(ascii: byte) ? 1 : 0 }
        if byte != 0xC2 && byte &- 0xE1 > 2 { return 0 }
        return length(in: bytes, at: index)
    }

    /// The white space among eight ASCII bytes read as one word (``UTF8Scalar/word(_:at:)``), as the high
    /// bit of each byte that is white space: `spaces` for the spaces (0x20), `others` for tab, line feed,
    /// vertical tab, form feed and carriage return (0x09–0x0D). Every byte must be ASCII, below 0x80, so
    /// that no sum carries into the next byte.
    @inlinable @inline(__always)
    public static func spaceBits(ofASCII word: UInt64) -> (spaces: UInt64, others: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // A byte of `word ^ 0x20…` is zero where a space was: adding 0x7F to its low seven bits sets the
        // high bit of every other byte.
        let flipped = word ^ (0x20 &* ones)
        let spaces = ~((flipped & (0x7F &* ones)) &+ (0x7F &* ones) | flipped) & UTF8Scalar.highBits
        // A byte is at least 0x09 when adding 0x77 reaches 0x80, and at most 0x0D when adding 0x72 does not.
        let others = (word &+ (0x77 &* ones)) & ~(word &+ (0x72 &* ones)) & UTF8Scalar.highBits
        return (spaces, others)
    }

    /// Whether `bytes` hold no white space but single spaces between other characters: nothing to collapse.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true // so that a leading space fails
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes at once, most of a text: only spaces, none beside another.
            if index + 8 <= bytes.count, case let word = UTF8Scalar.word(bytes, at: index), word & UTF8Scalar.highBits == 0 {
                let (spaces, others) = spaceBits(ofASCII: word)
                let follows = spaces << 8 | (previousWasSpace ? 0x80 : 0)
                if others != 0 || spaces & follows != 0 { return false }
                previousWasSpace = spaces >> 63 != 0
                index += 8
                continue
            }
            if bytes[index] == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else {
                if length(bytes, at: index) > 0 { return false }
                previousWasSpace = false
            }
            index += 1
        }
        return !previousWasSpace || bytes.isEmpty
    }

    /// `bytes` without the white space that leads and ends them.
    public static func trimming(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end {
            let space = length(in: bytes, at: start)
            if space == 0 { break }
            start += space
        }
        while end > start {
            // The last scalar starts at the last byte that is not a continuation byte.
            var scalarStart = end - 1
            while scalarStart > start, bytes[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
            guard length(in: bytes, at: scalarStart) == end - scalarStart else { break }
            end = scalarStart
        }
        return bytes[start..<end]
    }

    /// The length of the UTF-8 white-space sequence starting at `index`, or 0 when none starts there.
    @inlinable
    public static func length<Bytes: RandomAccessCollection>(in bytes: Bytes, at index: Bytes.Index) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let byte = bytes[index]
        if byte < 0x80 { return isSpace(ascii: byte) ? 1 : 0 }
        let end = bytes.endIndex
        switch byte {
        case 0xC2:
            guard index + 1 < end else { return 0 }
            let next = bytes[index + 1]
            return next == 0xA0 || next == 0x85 ? 2 : 0
        case 0xE1:
            guard index + 2 < end else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard index + 2 < end else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 { return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard index + 2 < end else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}

extension Unicode.Scalar {
    /// True for Unicode white space (`White_Space`), checked without tables for ASCII.
    @inlinable
    public var isBulletinWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}

extension StringProtocol {
    /// True when the text is empty or only white space.
    ///
    /// Inlinable, so that a caller's call is specialised for its type: through the protocol's witnesses
    /// it cost a text reader more than reading its bytes.
    @inlinable
    public var isBlank: Bool {
        withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                let length = UTF8Whitespace.length(bytes, at: index)
                if length == 0 { return false }
                index += length
            }
            return true
        }
    }

    /// Calls `body` with the text's UTF-8, in place when the text is stored contiguously.
    @inlinable @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Runs of white space replaced by one space, none at either end.
    public var collapsingWhitespace: String {
        String.collapsingWhitespace(joining: [Substring(self)])
    }

    /// The number of maximal runs of non-white-space.
    public var wordCount: Int {
        var counter = UTF8WordCounter()
        withUTF8Bytes { counter.read($0) }
        return counter.count
    }
}

extension String {
    /// Runs of white space replaced by one space, none at either end: the string itself, not a copy, when
    /// it has none to replace.
    public var collapsingWhitespace: String {
        withUTF8Bytes(UTF8Whitespace.isCollapsed) ? self : String.collapsingWhitespace(joining: [self[...]])
    }

    /// `parts` joined by spaces, runs of white space replaced by one space, none at either end: the lines
    /// of a paragraph as one line of text.
    ///
    /// Written straight into the new string's storage, runs of other bytes copied whole.
    public static func collapsingWhitespace(joining parts: [Substring]) -> String {
        // A paragraph of one line whose words are already one space apart, most of them, is copied whole.
        if parts.count == 1, parts[0].withUTF8Bytes(UTF8Whitespace.isCollapsed) { return String(parts[0]) }
        // Each space written stands for white space read, or for the separator between two parts.
        let capacity = parts.reduce(parts.count) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: capacity) { result in
            var count = 0
            for part in parts {
                part.withUTF8Bytes { bytes in
                    var index = 0
                    while index < bytes.count {
                        let length = UTF8Whitespace.length(bytes, at: index)
                        if length > 0 {
                            index += length
                            continue
                        }
                        var end = index + 1
                        while end < bytes.count, UTF8Whitespace.length(bytes, at: end) == 0 { end += 1 }
                        // The space before a word, unless it is the first: parts are separated by white space.
                        if count > 0 {
                            result[count] = 0x20
                            count += 1
                        }
                        assert(count + end - index <= result.count)
                        (result.baseAddress! + count).initialize(from: bytes.baseAddress! + index, count: end - index)
                        count += end - index
                        index = end
                    }
                }
            }
            return count
        }
    }

    /// The number of Unicode scalars, counted on the UTF-8 bytes (every byte but a continuation byte
    /// starts one) rather than by decoding them.
    public var unicodeScalarCount: Int {
        var text = self
        return text.withUTF8 { UTF8Scalar.count(in: $0, 0..<$0.count) }
    }
}

/// Counts words, maximal runs of non-white-space, in UTF-8 read piece by piece: a word may run on from
/// one piece into the next, as it does across the inlines of a paragraph.
public struct UTF8WordCounter {
    /// The words counted so far.
    public private(set) var count = 0
    /// Whether the last byte read was part of a word, which the next piece may continue.
    private var inWord = false

    /// A counter that has read nothing.
    public init() {}

    /// Counts the words of `bytes`, well-formed UTF-8 that ends on a scalar's last byte.
    public mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Counted in locals, which stay in registers, and stored once at the end.
        var count = self.count, inWord = self.inWord
        defer { (self.count, self.inWord) = (count, inWord) }
        var index = 0
        while index < bytes.count {
            // Eight ASCII bytes at once, most of a text: a word starts at each byte that is not white space
            // and follows one that is (or a word's end before them).
            if index + 8 <= bytes.count, case let word = UTF8Scalar.word(bytes, at: index), word & UTF8Scalar.highBits == 0 {
                let (spaces, others) = UTF8Whitespace.spaceBits(ofASCII: word)
                let text = ~(spaces | others) & UTF8Scalar.highBits
                let starts = text & ~(text << 8 | (inWord ? 0x80 : 0))
                // One bit a byte at most: the multiplication sums the eight bytes into the top one.
                count += Int(truncatingIfNeeded: ((starts >> 7) &* 0x0101_0101_0101_0101) >> 56)
                inWord = text >> 63 != 0
                index += 8
                continue
            }
            let length = UTF8Whitespace.length(bytes, at: index)
            if length > 0 {
                inWord = false
                index += length
            } else {
                if !inWord { count += 1; inWord = true }
                index += 1
            }
        }
    }
}
