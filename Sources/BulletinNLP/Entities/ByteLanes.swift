/// Eight bytes read as one `UInt64` (little-endian, the first byte lowest) and asked about all at once:
/// which lanes hold an ASCII capital, an ASCII small letter, or a byte outside ASCII. Each answer is a
/// mask holding the high bit of every lane that matches, so a token's letters are read eight at a time
/// rather than byte by byte.
enum ByteLanes {
    /// The high bit of every lane: set in a lane holding a byte outside ASCII.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Lanes holding `A`...`Z`.
    @inline(__always)
    static func capitals(_ word: UInt64) -> UInt64 { asciiLanes(of: word, from: 0x41, through: 0x5A) }

    /// Lanes holding `a`...`z`.
    @inline(__always)
    static func smallLetters(_ word: UInt64) -> UInt64 { asciiLanes(of: word, from: 0x61, through: 0x7A) }

    /// Lanes holding `0`...`9`.
    @inline(__always)
    static func digits(_ word: UInt64) -> UInt64 { asciiLanes(of: word, from: 0x30, through: 0x39) }

    /// Lanes holding a byte below 0x40 (whitespace, digits and most punctuation) or outside ASCII: those
    /// the tokenizer's chunk scan stops at, reading the letters between eight at a time.
    @inline(__always)
    static func marksOrWide(_ word: UInt64) -> UInt64 { highBits & ~asciiLanes(of: word, from: 0x40, through: 0x7F) }

    /// The high bits of the first `count` (0...8) lanes: those a read of `count` bytes filled.
    @inline(__always)
    static func first(_ count: Int) -> UInt64 { count >= 8 ? highBits : highBits & (1 << (8 * UInt64(count)) - 1) }

    /// `word` with its ASCII capitals made small letters (the other bytes as they are).
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 { word | capitals(word) >> 2 }

    /// Lanes holding an ASCII byte in `low...high`. With each lane's high bit cleared first, adding a byte
    /// of at most 0x7F to each lane carries into no other lane, and a lane is at least `low` exactly when
    /// adding `0x80 - low` sets its high bit.
    @inline(__always)
    private static func asciiLanes(of word: UInt64, from low: UInt8, through high: UInt8) -> UInt64 {
        let seven = word & ~highBits
        return (seven &+ everyLane(0x80 - low)) & ~(seven &+ everyLane(0x7F - high)) & ~word & highBits
    }

    @inline(__always)
    private static func everyLane(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }
}
