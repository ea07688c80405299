import BulletinModel

/// Decodes source bytes: UTF-8 where valid, Windows-1252 for bytes that are not, never dropping one.
public struct SourceTextDecoder {
    /// The decoded text and where the first undecodable byte was, if any.
    public struct Decoded {
        /// The text, control characters replaced by U+FFFD.
        public var text: String
        /// Line and column of the first byte that was not valid UTF-8.
        public var firstInvalid: (line: Int, column: Int)?
        /// How many bytes were not valid UTF-8.
        public var invalidByteCount: Int
        /// Line and column of the first control character replaced.
        public var firstControl: (line: Int, column: Int)?
        /// How many control characters were replaced.
        public var controlCount: Int
        /// Line and column of the first noncharacter (``Noncharacter``) replaced.
        public var firstNoncharacter: (line: Int, column: Int)? = nil
        /// How many noncharacters were replaced.
        public var noncharacterCount = 0
    }

    /// What a warning about `count` bytes that were not UTF-8 says, for a source or the configuration.
    public static func invalidBytesMessage(_ count: Int) -> String {
        "\(count) byte\(count == 1 ? " is" : "s are") not valid UTF-8; decoded as Windows-1252"
    }

    /// Windows-1252's mapping of 0x80–0x9F; the five unassigned bytes become U+FFFD.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// `bytes` decoded, a byte order mark skipped.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // The common case: valid UTF-8 without control characters or noncharacters decodes in one step.
        let body = bytes[start...]
        if !Self.hasReplacedCharacter(body), let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: text, firstInvalid: nil, invalidByteCount: 0, firstControl: nil, controlCount: 0)
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var line = 1, column = 1
        var result = Decoded(text: "", firstInvalid: nil, invalidByteCount: 0, firstControl: nil, controlCount: 0)
        var index = start
        func append(_ scalar: Unicode.Scalar) {
            if ControlCharacter.contains(scalar) {
                if result.firstControl == nil { result.firstControl = (line, column) }
                result.controlCount += 1
                scalars.append("\u{FFFD}")
            } else if Noncharacter.contains(scalar) {
                if result.firstNoncharacter == nil { result.firstNoncharacter = (line, column) }
                result.noncharacterCount += 1
                scalars.append("\u{FFFD}")
            } else {
                scalars.append(scalar)
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            if let (scalar, length) = UTF8Scalar.decode(bytes, at: index) {
                append(scalar)
                index += length
                continue
            }
            if result.firstInvalid == nil { result.firstInvalid = (line, column) }
            result.invalidByteCount += 1
            let value = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            append(Unicode.Scalar(value)!)
            index += 1
        }
        result.text = String(scalars)
        return result
    }

    /// Whether `bytes` hold a character the reader replaces: an ASCII control is its own byte, a C1 control
    /// is 0xC2 followed by 0x80–0x9F, and a noncharacter is known by its last bytes.
    private static func hasReplacedCharacter(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var previous: UInt8 = 0
            var index = 0
            while index < buffer.count {
                // Eight bytes at once while they are printable ASCII (0x20–0x7E), most of a text: none of
                // them is replaced. A byte below 0x20 borrows into its top bit, one above 0x7E carries into it.
                if index + 8 <= buffer.count {
                    let word = UTF8Scalar.word(buffer, at: index)
                    let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    let above = ((word &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
                    if below | above == 0 {
                        previous = buffer[index + 7]
                        index += 8
                        continue
                    }
                }
                defer { index += 1 }
                let byte = buffer[index]
                if byte < 0x80 {
                    if ControlCharacter.contains(Unicode.Scalar(byte)) { return true }
                } else if previous == 0xC2, byte < 0xA0, ControlCharacter.contains(Unicode.Scalar(UInt32(byte))!) {
                    return true
                } else if byte >= 0x90, byte <= 0xBF, Noncharacter.length(endingAt: index, in: buffer) > 0 {
                    return true
                }
                previous = byte
            }
            return false
        }
    }
}
