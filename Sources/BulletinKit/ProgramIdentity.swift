import Foundation

/// What tells one build of the running program from another: the build id the linker wrote into the
/// executable (a hash of its code), as hex. A build keeps files from a previous one only when the same
/// program made them, since a changed writer may write other bytes from the same issue.
enum ProgramIdentity {
    /// The running executable's build id, or nil when it has none (files are then never kept).
    static let current: String? = buildID()

    /// Reads the `NT_GNU_BUILD_ID` note of the running executable from its program headers (ELF64,
    /// little-endian, the only kind this program is built as).
    private static func buildID() -> String? {
        let descriptor = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            guard count >= 0, count <= 1 << 20, offset >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        guard let header = read(64, at: 0), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        func integer(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let tableOffset = integer(header, 0x20, 8), entrySize = integer(header, 0x36, 2), count = integer(header, 0x38, 2)
        guard entrySize >= 56, let table = read(entrySize * count, at: tableOffset) else { return nil }
        for index in 0..<count {
            let entry = index * entrySize
            // PT_NOTE is 4; p_offset and p_filesz follow p_type and p_flags.
            guard integer(table, entry, 4) == 4,
                  let notes = read(integer(table, entry + 32, 8), at: integer(table, entry + 8, 8))
            else { continue }
            if let id = notes.withUnsafeBytes({ ProgramIdentity.buildID(inNotes: $0) }), !id.isEmpty {
                return id.map { String(format: "%02x", $0) }.joined()
            }
        }
        return nil
    }

    /// The descriptor of the GNU build-id note among `notes` (ELF note records, each 4-byte aligned).
    static func buildID(inNotes notes: UnsafeRawBufferPointer) -> [UInt8]? {
        var offset = 0
        func aligned(_ n: Int) -> Int { (n + 3) & ~3 }
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let nameStart = offset + 12
            let descriptorStart = nameStart + aligned(nameSize)
            guard descriptorStart + descriptorSize <= notes.count else { return nil }
            // NT_GNU_BUILD_ID is 3, under the name "GNU\0".
            if type == 3, nameSize == 4, Array(notes[nameStart..<nameStart + 4]) == [0x47, 0x4E, 0x55, 0] {
                return Array(notes[descriptorStart..<descriptorStart + descriptorSize])
            }
            offset = descriptorStart + aligned(descriptorSize)
        }
        return nil
    }
}
