extension UTF8Scalar {
    /// The scalars of well-formed UTF-8 `bytes` that start in `range`: the bytes that do not continue a
    /// scalar (a continuation byte is `10xxxxxx`), counted eight at a time.
    public static func count(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0, index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = word(bytes, at: index)
            let continuations = word & ~(word << 1) & highBits
            // Counting bits takes some twenty instructions without a population-count instruction (the
            // baseline x86-64 has none): most words are ASCII, eight scalars.
            count += continuations == 0 ? 8 : 8 - continuations.nonzeroBitCount
            index += 8
        }
        while index < range.upperBound {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The byte offset of the scalar `scalars` scalars on from the one at `start` in well-formed UTF-8
    /// `bytes` (or their end). Eight ASCII bytes are skipped at once, as eight scalars.
    public static func offset(_ scalars: Int, after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start, remaining = scalars
        while remaining > 0 {
            if remaining >= 8, index + 8 <= bytes.count, word(bytes, at: index) & highBits == 0 {
                index += 8
                remaining -= 8
                continue
            }
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The eight bytes of `bytes` at `index` (eight of them must be there) as one word, the first the
    /// lowest: for the scans that read a text eight bytes at a time.
    @inlinable @inline(__always)
    public static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of a word, none of which a word of ASCII bytes has set: computed, so that
    /// other modules' scans fold it in rather than read a stored one through its accessor.
    @inlinable
    public static var highBits: UInt64 { 0x8080_8080_8080_8080 }
}
