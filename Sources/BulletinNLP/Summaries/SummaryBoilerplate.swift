// MARK: - SummaryBoilerplate

/// Web-page furniture that sometimes survives in article text ("Scroll down for video",
/// "Click here", bylines with "PUBLISHED:"); such sentences are never chosen.
enum SummaryBoilerplate {
    /// Lowercase ASCII markers; `matches` lists their first letters (s c p u r f a t).
    private static let markers: [[UInt32]] = [
        "scroll down for video", "click here", "published:", "updated:", "read more:",
        "follow us on", "sign up for", "all rights reserved", "this article was",
    ].map { $0.unicodeScalars.map(\.value) }

    /// Whether a marker starts at a word start in `range` (case-insensitive).
    static func matches(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let markers = self.markers
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let first = s[i].value | 0x20 // ASCII lowercase; other scalars never match
            // A word start first: about one scalar in six, where the letters are eight tests for each.
            if i == range.lowerBound || SummaryText.isSpace(s[i - 1]),
               first == 0x73 || first == 0x63 || first == 0x70 || first == 0x75 || first == 0x72
                || first == 0x66 || first == 0x61 || first == 0x74 {
                for marker in markers where marker[0] == first && end - i >= marker.count {
                    var k = 1
                    while k < marker.count, SummaryText.asciiLower(s[i + k]).value == marker[k] { k += 1 }
                    if k == marker.count { return true }
                }
            }
            i += 1
        }
        return false
    }
}
