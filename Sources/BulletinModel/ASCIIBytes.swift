/// ASCII tests on UTF-8 bytes, for readers that look at text byte by byte.
public enum ASCIIBytes {
    /// `0`–`9`.
    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `A`–`Z`.
    @inlinable @inline(__always)
    public static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// `A`–`Z` or `a`–`z`.
    @inlinable @inline(__always)
    public static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Whether `word` spells `lowercase`, a word of ASCII letters, in any case ("See", "AND").
    public static func isWord(_ word: ArraySlice<UInt8>, _ lowercase: StaticString) -> Bool {
        lowercase.withUTF8Buffer { letters in
            word.count == letters.count && zip(word, letters).allSatisfy { $0 | 0x20 == $1 }
        }
    }
}
