/// One scalar read from UTF-8 that may not be well-formed: for the source decoder, which reads what is
/// not UTF-8 as Windows-1252, and for the XML check, which reports it.
public enum UTF8Scalar {
    /// The well-formed UTF-8 sequence at `index` of `bytes` and its length in bytes; nil for a byte that
    /// starts none (a stray continuation byte, a sequence cut short, an overlong form, a surrogate, or a
    /// value past U+10FFFF).
    @inlinable
    public static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
