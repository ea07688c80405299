// MARK: - SummaryBoilerplate

/// Web-page furniture that sometimes survives in article text ("Scroll down for video",
/// "Click here", bylines with "PUBLISHED:"); such sentences are never chosen.
enum SummaryBoilerplate {
    /// Lowercase ASCII markers; `matches` lists their first letters (s c p u r f a t).
    private static let markers: [[UInt8]] = [
        "scroll down for video", "click here", "published:", "updated:", "read more:",
        "follow us on", "sign up for", "all rights reserved", "this article was",
    ].map { Array($0.utf8) }

    /// Whether a marker starts at a word start of `bytes`, a sentence's valid UTF-8 (case-insensitive).
    ///
    /// The markers are ASCII and every byte of a non-ASCII scalar is 0x80 or above, so a marker matches
    /// the bytes where it would match the decoded scalars: the sentence is read without decoding it.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let markers = self.markers
        let end = bytes.count
        var i = 0
        while i < end {
            let first = bytes[i] | 0x20 // ASCII lowercase; bytes of other scalars never match
            // The letters first: eight tests a byte, where a word start may need a scalar decoded.
            if first == 0x73 || first == 0x63 || first == 0x70 || first == 0x75 || first == 0x72
                || first == 0x66 || first == 0x61 || first == 0x74,
               i == 0 || SummaryText.isSpace(scalar(endingAt: i, in: bytes)) {
                for marker in markers where marker[0] == first && end - i >= marker.count {
                    var k = 1
                    while k < marker.count, asciiLower(bytes[i + k]) == marker[k] { k += 1 }
                    if k == marker.count { return true }
                }
            }
            i += 1
        }
        return false
    }

    @inline(__always)
    private static func asciiLower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b + 32 : b
    }

    /// The scalar whose UTF-8 ends just before offset `end` (above 0) of valid UTF-8 `bytes`.
    private static func scalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = UInt32(bytes[start])
        // The lead byte's high bits say how many bytes follow; its remaining bits start the value.
        var value = lead < 0x80 ? lead : lead < 0xE0 ? lead & 0x1F : lead < 0xF0 ? lead & 0x0F : lead & 0x07
        for k in (start + 1)..<end { value = value << 6 | UInt32(bytes[k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
