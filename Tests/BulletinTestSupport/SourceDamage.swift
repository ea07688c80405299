/// Sources damaged at random for fuzz tests, the same damage for the same seed on every run.
public enum SourceDamage {
    /// SplitMix64: a small generator with a seed, so a failure names a variant that can be made again.
    public struct Generator: RandomNumberGenerator {
        public var state: UInt64

        public init(state: UInt64) {
            self.state = state
        }

        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What the damage is made of: markup, control and direction characters, header fields and apparatus
    /// half written, line ends of every kind, and bytes that are not UTF-8.
    public static let pieces: [[UInt8]] = [
        "<", "&", "]]>", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "\u{0}", "\u{1}", "\u{7F}", "\u{85}",
        "\u{202E}", "\u{2028}", "\u{FEFF}", "\u{FFFE}", "\r", "\r\n", "\n", "\n\n", "\t", "   ", "Publication:", "Volume: 9",
        "Issue: x", "Date: 2000-13-45", "Date: February 31, 2000", "Title: ", "Summary: x", "Author: ;;", "Language: ar",
        "(see the Monitor, February 31)", "(Interfax, January 1", "(see the", "“", "”", "—", "–", "…", "é", "e\u{301}",
        "東京", "𝕏", "Ω", "Mr.", "U.S.", "\\", "{{name}}", "javascript:alert(1)",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    /// `source` with a number in `edits` of random insertions, deletions, repeats and byte changes.
    public static func damaged(_ source: [UInt8], seed: UInt64, edits: ClosedRange<Int> = 1...8) -> [UInt8] {
        var generator = Generator(state: seed)
        var bytes = source
        for _ in 0..<Int.random(in: edits, using: &generator) {
            let at = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                bytes.insert(contentsOf: pieces.randomElement(using: &generator)!, at: at)
            case 1:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &generator)))
            case 2:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: end)
            default:
                if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &generator) }
            }
        }
        return bytes
    }
}
