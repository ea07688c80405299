// MARK: - SummaryText

/// Scalar-level helpers shared by the sentence segmenter and the summarizer.
///
/// Everything works on `Unicode.Scalar` values so offsets match Python's code-point
/// indices and the hot paths avoid grapheme breaking.
enum SummaryText {
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        // ASCII, nearly every scalar, answered without the table of spaces below.
        if c.value < 0x80 { return c.value == 0x20 || c.value &- 0x09 < 5 }
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2028, 0x2029, 0x202F, 0x3000: return true
        case 0x2000...0x200A: return true
        default: return false
        }
    }

    @inline(__always)
    static func isHorizontalSpace(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x20 || c.value == 0x09 || c.value == 0x0D || c.value == 0xA0
    }

    @inline(__always)
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x2E || c.value == 0x3F || c.value == 0x21 || c.value == 0x2026
    }

    /// Closing quotes and brackets that may follow a sentence terminator.
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x2019, 0x201D, 0xBB, 0x203A: return true
        default: return false
        }
    }

    /// Opening quotes and brackets that may precede the first word of a sentence.
    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x2018, 0x201C, 0xAB, 0x2039: return true
        default: return false
        }
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// Uppercase letter test with an ASCII fast path.
    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }

    /// Letter test with an ASCII fast path.
    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v < 0x80 ? ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) : c.properties.isAlphabetic
    }

    @inline(__always)
    static func asciiLower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 0x41 && c.value <= 0x5A) ? Unicode.Scalar(c.value + 32)! : c
    }

    /// The Unicode scalars of `text`, decoded straight from its UTF-8 storage.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        var unused: [Int32] = []
        // Without the continuations' offsets, which only a summary's sentences need: an archive's term
        // counting decodes every paragraph and would fill an array for each only to drop it.
        return text.withUTF8 { decode($0, continuations: &unused, recording: false) }
    }

    /// The Unicode scalars of `text`, decoded straight from its UTF-8 storage; appends to `continuations`,
    /// for every continuation byte, the offset of the scalar it belongs to. The UTF-8 offset of scalar `k`
    /// is then `k` plus the number of entries below `k`, found without reading the text again.
    static func scalars(of text: String, continuations: inout [Int32]) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { scalars(ofUTF8: $0, continuations: &continuations) }
    }

    /// The Unicode scalars of valid UTF-8 `bytes`, as ``scalars(of:continuations:)`` decodes a string's.
    static func scalars(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, continuations: inout [Int32]) -> [Unicode.Scalar] {
        decode(bytes, continuations: &continuations, recording: true)
    }

    /// The scalars of valid UTF-8 `bytes`, with the continuations' offsets appended when `recording`.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, continuations: inout [Int32], recording: Bool) -> [Unicode.Scalar] {
        let n = bytes.count
        return [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, written in
            var i = 0
            var out = 0
            while i < n {
                // Eight ASCII bytes, most of any text, are eight scalars as they are.
                if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for k in 0..<8 { buffer.initializeElement(at: out + k, to: Unicode.Scalar(bytes[i + k])) }
                    i += 8
                    out += 8
                    continue
                }
                let b0 = UInt32(bytes[i])
                var v: UInt32
                let start = i
                if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 < 0xE0, i + 1 < n {
                    v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0, i + 2 < n {
                    v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else if i + 3 < n {
                    v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                } else {
                    v = 0xFFFD
                    i = n
                }
                if recording { for _ in (start + 1)..<i { continuations.append(Int32(truncatingIfNeeded: out)) } }
                // The bytes are valid UTF-8 (a string's, or a slice of them between scalars), so the fallback is never taken in practice.
                buffer.initializeElement(at: out, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                out += 1
            }
            written = out
        }
    }

    /// `range` without leading and trailing whitespace, or nil when nothing is left.
    static func trimmed(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// A string from scalars, encoded to UTF-8 by hand (much faster than appending
    /// to a `String.UnicodeScalarView`).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 4)
        for c in scalars {
            let v = c.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | v >> 6))
                bytes.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | v >> 12))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            } else {
                bytes.append(UInt8(0xF0 | v >> 18))
                bytes.append(UInt8(0x80 | (v >> 12) & 0x3F))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whitespace-separated words in `range` (the count a reader or ROUGE's length sees).
    static func wordCount(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        s.withUnsafeBufferPointer { s in
            var count = 0
            var inWord = false
            for i in range {
                if isSpace(s[i]) { inWord = false } else if !inWord { inWord = true; count += 1 }
            }
            return count
        }
    }
}
