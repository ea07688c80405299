import CLibDeflate

/// Writes a ZIP file (PKWARE APPNOTE 6.3) in memory: stored or deflated entries (DEFLATE through libdeflate),
/// one fixed DOS timestamp, no extra fields, no data descriptors, no ZIP64.
///
/// That is all an EPUB container needs, and written this directly the bytes depend only on the entries.
struct ZIPWriter {
    /// How an entry's bytes are kept.
    enum Method: UInt16 {
        case stored = 0
        case deflated = 8
    }

    private(set) var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var count = 0
    private let time: UInt16
    private let date: UInt16
    private let deflater = Deflater()

    /// Starts an empty archive whose entries carry the UTC time `secondsSince1970` (to two seconds;
    /// times before 1980, the format's epoch, become 1980-01-01 00:00).
    init(secondsSince1970: Int64) {
        (date, time) = Self.dosDateTime(secondsSince1970)
        bytes.reserveCapacity(1 << 16)
    }

    /// Appends an entry; `path` is `/`-separated and relative.
    mutating func add(_ path: String, _ content: [UInt8], method: Method) throws {
        let crc = Self.crc(of: content)
        let data = method == .deflated ? try deflater.deflate(content) : content[...]
        try append(path, data: data, method: method, crc: crc, size: content.count)
    }

    /// Appends an entry whose content was deflated beforehand: a file every archive of a build holds
    /// (a stylesheet) is compressed once, and gives the same bytes as ``add(_:_:method:)`` would.
    mutating func add(_ path: String, _ content: DeflatedContent) throws {
        try append(path, data: content.data[...], method: .deflated, crc: content.crc, size: content.size)
    }

    // MARK: - Content deflated beforehand

    /// Content deflated once, to be added to any number of archives.
    struct DeflatedContent: Sendable {
        let crc: UInt32
        let size: Int
        let data: [UInt8]

        /// Deflates `content` as ``ZIPWriter/add(_:_:method:)`` does.
        init(_ content: [UInt8]) throws {
            crc = ZIPWriter.crc(of: content)
            size = content.count
            data = Array(try Deflater().deflate(content))
        }
    }

    // MARK: - Writing entries

    private static func crc(of content: [UInt8]) -> UInt32 {
        content.withUnsafeBufferPointer { buffer in
            libdeflate_crc32(0, buffer.baseAddress, buffer.count)
        }
    }

    private mutating func append(_ path: String, data: ArraySlice<UInt8>, method: Method, crc: UInt32, size: Int) throws {
        let name = Array(path.utf8)
        guard bytes.count < Int(UInt32.max) - data.count - 1024, size < Int(UInt32.max), count < Int(UInt16.max), name.count < Int(UInt16.max) else {
            throw WriterError(format: "epub", message: "the container grew past what a ZIP file without ZIP64 holds")
        }
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800

        let fields = EntryFields(
            version: method == .deflated ? 20 : 10, flags: flags, method: method.rawValue, time: time, date: date,
            crc: crc, compressedSize: UInt32(data.count), size: UInt32(size), nameLength: UInt16(name.count)
        )
        let offset = UInt32(bytes.count)

        bytes.appendLittleEndian(UInt32(0x0403_4B50))
        fields.append(to: &bytes)
        bytes += name
        bytes += data

        centralDirectory.appendLittleEndian(UInt32(0x0201_4B50))
        centralDirectory.appendLittleEndian(UInt16(0x0300 | 20)) // made by: Unix, APPNOTE 2.0
        fields.append(to: &centralDirectory)
        centralDirectory.appendLittleEndian(UInt16(0)) // comment length
        centralDirectory.appendLittleEndian(UInt16(0)) // disk number
        centralDirectory.appendLittleEndian(UInt16(0)) // internal attributes
        centralDirectory.appendLittleEndian(UInt32(0o100644) << 16) // a regular file, rw-r--r--
        centralDirectory.appendLittleEndian(offset)
        centralDirectory += name
        count += 1
    }

    /// The fields a local header and its central directory entry share, in the order both store them.
    private struct EntryFields {
        var version: UInt16
        var flags: UInt16
        var method: UInt16
        var time: UInt16
        var date: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var nameLength: UInt16

        func append(to bytes: inout [UInt8]) {
            bytes.appendLittleEndian(version)
            bytes.appendLittleEndian(flags)
            bytes.appendLittleEndian(method)
            bytes.appendLittleEndian(time)
            bytes.appendLittleEndian(date)
            bytes.appendLittleEndian(crc)
            bytes.appendLittleEndian(compressedSize)
            bytes.appendLittleEndian(size)
            bytes.appendLittleEndian(nameLength)
            bytes.appendLittleEndian(UInt16(0)) // extra field length
        }
    }

    /// Ends the archive with the central directory and its end record, and hands it over; the writer
    /// is empty afterwards.
    mutating func finish() -> [UInt8] {
        let directoryOffset = UInt32(bytes.count)
        bytes += centralDirectory
        bytes.appendLittleEndian(UInt32(0x0605_4B50))
        bytes.appendLittleEndian(UInt16(0)) // this disk
        bytes.appendLittleEndian(UInt16(0)) // the directory's disk
        bytes.appendLittleEndian(UInt16(count))
        bytes.appendLittleEndian(UInt16(count))
        bytes.appendLittleEndian(UInt32(centralDirectory.count))
        bytes.appendLittleEndian(directoryOffset)
        bytes.appendLittleEndian(UInt16(0)) // comment length
        defer {
            bytes = []
            centralDirectory = []
            count = 0
        }
        return bytes
    }

    /// Raw DEFLATE (RFC 1951, no zlib header) through libdeflate, at ``level``.
    ///
    /// libdeflate compresses a whole buffer at once, which is how every entry of a book is held. On
    /// the entries of the 1,000-article bench's books (5,580 documents, 17.4 MB) its level 1 took
    /// 0.156 s for 35.2% of the bytes, where the system zlib took 0.368 s for 35.9% at its level 3
    /// and 0.491 s for 34.6% at its default level 6.
    private final class Deflater {
        static let level: Int32 = 1

        private let compressor: OpaquePointer
        private var output: [UInt8] = []

        init() {
            // Only fails when memory runs out, which Swift treats as fatal everywhere else too.
            guard let compressor = libdeflate_alloc_compressor(Self.level) else {
                fatalError("libdeflate could not allocate a compressor")
            }
            self.compressor = compressor
        }

        deinit {
            libdeflate_free_compressor(compressor)
        }

        func deflate(_ input: [UInt8]) throws -> ArraySlice<UInt8> {
            let bound = libdeflate_deflate_compress_bound(compressor, input.count)
            if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
            let written = input.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { target in
                    libdeflate_deflate_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
                }
            }
            // The bound leaves room for any input, so a zero here means the library failed.
            guard written > 0 || input.isEmpty else {
                throw WriterError(format: "epub", message: "libdeflate could not compress an entry")
            }
            return output[..<written]
        }
    }

    /// MS-DOS date and time of a UTC instant, computed by hand so no calendar or time zone is consulted.
    static func dosDateTime(_ secondsSince1970: Int64) -> (date: UInt16, time: UInt16) {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let seconds = secondsSince1970 - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), proleptic Gregorian calendar.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard year >= 1980 else { return (date: (1 << 5) | 1, time: 0) }
        let clampedYear = min(year, 2107)
        let date = UInt16((clampedYear - 1980) << 9 | month << 5 | day)
        let time = UInt16((seconds / 3_600) << 11 | ((seconds % 3_600) / 60) << 5 | (seconds % 60) / 2)
        return (date, time)
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` least significant byte first, as ZIP stores numbers.
    ///
    /// A byte at a time: appending the value's bytes as a buffer went through the generic
    /// `append(contentsOf:)`, which cost a book's headers about five times as much.
    fileprivate mutating func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value) {
        for shift in stride(from: 0, to: Value.bitWidth, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
