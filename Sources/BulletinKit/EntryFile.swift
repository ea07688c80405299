import BulletinModel
import Foundation

/// The form of the files a build keeps in its output for the next build (``MentionCache``, ``SummaryCache``):
/// a header line, then entries, each a key and a value, each after its length (4 bytes, little-endian).
/// Written a piece at a time as the entries come; read back through an ``Index``, which finds every key
/// (or refuses the file) and reads each value when it is asked for.
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

    /// The entries of such a file on disk, found by key without holding their values: each is read from
    /// the file when asked for, so a build that uses the file does not hold all of it (a mention cache is
    /// about a kilobyte an article).
    final class Index: Sendable {
        /// The rest of the header line after the prefix it was opened with.
        let header: String
        private let descriptor: Int32
        private let places: [String: Place]

        private struct Place: Sendable {
            var offset: Int
            var count: Int
        }

        /// The index of the file at `path` whose header line starts with `prefix`; nil for any other file,
        /// or one that does not read to its end. Read in blocks: no value is kept while the keys are found.
        init?(path: String, headerPrefix prefix: String) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { close(descriptor); return nil }
            var reader = BlockReader(descriptor: descriptor, size: Int(status.st_size))
            let start = Array(prefix.utf8)
            guard let line = reader.line(), line.starts(with: start) else { close(descriptor); return nil }
            var places: [String: Place] = [:]
            while !reader.atEnd {
                guard let keyCount = reader.length(), let key = reader.take(keyCount), let valueCount = reader.length() else {
                    close(descriptor)
                    return nil
                }
                let offset = reader.position
                guard reader.skip(valueCount) else { close(descriptor); return nil }
                places[String(decoding: key, as: UTF8.self)] = Place(offset: offset, count: valueCount)
            }
            self.descriptor = descriptor
            self.header = String(decoding: line.dropFirst(start.count), as: UTF8.self)
            self.places = places
        }

        deinit {
            close(descriptor)
        }

        /// The value of `key`, read from the file; nil when there is none or it cannot be read.
        func value(for key: String) -> [UInt8]? {
            guard let place = places[key] else { return nil }
            return readWhole(descriptor, count: place.count, at: place.offset)
        }
    }

    /// Reads a file front to back in blocks of 64 KiB, for ``Index``.
    private struct BlockReader {
        let descriptor: Int32
        let size: Int
        private var block: [UInt8] = []
        /// The file offset of `block`'s first byte, and the next byte to read in `block`.
        private var blockOffset = 0
        private var next = 0

        init(descriptor: Int32, size: Int) {
            self.descriptor = descriptor
            self.size = size
        }

        var position: Int { blockOffset + next }
        var atEnd: Bool { position >= size }

        /// The first line, without its line break, if it ends within the first block.
        mutating func line() -> [UInt8]? {
            guard fill(1), let end = block[next...].firstIndex(of: 0x0A) else { return nil }
            defer { next = end + 1 }
            return Array(block[next..<end])
        }

        /// A length (4 bytes, little-endian).
        mutating func length() -> Int? {
            guard let bytes = take(4) else { return nil }
            return bytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        }

        /// The next `count` bytes (at most a block's worth).
        mutating func take(_ count: Int) -> [UInt8]? {
            guard count <= 1 << 16, fill(count) else { return nil }
            defer { next += count }
            return Array(block[next..<(next + count)])
        }

        /// Moves past `count` bytes; false when the file ends first.
        mutating func skip(_ count: Int) -> Bool {
            guard count <= size - position else { return false }
            let target = position + count
            if target <= blockOffset + block.count {
                next = target - blockOffset
            } else {
                (blockOffset, next, block) = (target, 0, [])
            }
            return true
        }

        /// Makes at least `count` bytes from `position` on ready in `block`; false when the file ends first.
        private mutating func fill(_ count: Int) -> Bool {
            if block.count - next >= count { return true }
            guard count <= size - position else { return false }
            let start = position
            let length = min(max(count, 1 << 16), size - start)
            guard let fresh = readWhole(descriptor, count: length, at: start) else { return false }
            (blockOffset, next, block) = (start, 0, fresh)
            return true
        }
    }
}

/// Whether `count` bytes were moved by `call` (a `pread` or `pwrite` of the bytes from `done` on), which is
/// called again after a short or interrupted transfer.
func transfersWhole(_ count: Int, _ call: (_ done: Int) -> Int) -> Bool {
    var done = 0
    while done < count {
        let moved = call(done)
        if moved < 0, errno == EINTR { continue }
        guard moved > 0 else { return false }
        done += moved
    }
    return true
}

/// The `count` bytes of the file open as `descriptor` from `offset` on; nil when they cannot all be read.
func readWhole(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { buffer in
        transfersWhole(count) { done in pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done)) }
    }
    return read ? bytes : nil
}
