import BulletinModel
import Foundation

/// The form of the files a build keeps in its output for the next build (``MentionCache``, ``SummaryCache``):
/// a header line, then entries, each a key and a value, each after its length (4 bytes, little-endian).
/// Written a piece at a time as the entries come; read back whole or not at all.
enum EntryFile {
    /// Writes the file at `url` (named `name` in messages): `header` and a line break, then each entry
    /// `entries` hands to the function it is given, in that order.
    static func write(
        to url: URL, shownAs name: String, header: String,
        entries: (_ add: (_ key: [UInt8], _ value: [UInt8]) throws -> Void) throws -> Void
    ) throws {
        let file = try OutputFile(creating: url.path, shownAs: name)
        do {
            var bytes = Array((header + "\n").utf8)
            try entries { key, value in
                append(key, to: &bytes)
                append(value, to: &bytes)
                if bytes.count >= 1 << 16 {
                    try file.write(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            try file.write(bytes)
        } catch {
            file.abandon()
            throw error
        }
        try file.close()
    }

    /// The rest of the header line after `prefix`, and the entries, of a file whose header line starts
    /// with `prefix`; nil for any other file, or one that does not read to its end.
    static func read(_ bytes: [UInt8], headerPrefix prefix: String) -> (header: String, entries: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)])? {
        let start = Array(prefix.utf8)
        guard bytes.starts(with: start), let end = bytes[start.count...].firstIndex(of: 0x0A) else { return nil }
        var entries: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
        var offset = end + 1
        while offset < bytes.count {
            guard let key = field(in: bytes[...], at: &offset), let value = field(in: bytes[...], at: &offset) else { return nil }
            entries.append((key, value))
        }
        return (String(decoding: bytes[start.count..<end], as: UTF8.self), entries)
    }

    /// Appends `field` after its length.
    static func append(_ field: [UInt8], to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(field.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: field)
    }

    /// The field at `offset` in `bytes`, moving `offset` past it; nil when `bytes` end first.
    static func field(in bytes: ArraySlice<UInt8>, at offset: inout Int) -> ArraySlice<UInt8>? {
        guard offset >= bytes.startIndex, offset + 4 <= bytes.endIndex else { return nil }
        let count = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        guard count <= bytes.endIndex - offset - 4 else { return nil }
        defer { offset += 4 + count }
        return bytes[(offset + 4)..<(offset + 4 + count)]
    }
}
