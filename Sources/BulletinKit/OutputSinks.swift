import BulletinModel
import BulletinWriters
import Foundation
import Synchronization

/// Checks that a writer's path is relative, `/`-separated and stays inside the output folder.
enum OutputPath {
    static func validate(_ path: String) throws {
        guard isSafe(path) else { throw BulletinError(code: .writer, message: "a writer asked for the unsafe output path '\(path)'") }
    }

    /// Relative, `/`-separated, every component non-empty and neither `.` nor `..`, and no control
    /// character, backslash or colon anywhere. One pass over the UTF-8 bytes: every file of a build
    /// is checked, and bytes of multi-byte characters are all above 0x7F, so none is taken for these.
    static func isSafe(_ path: String) -> Bool {
        var safe = true
        var length = 0, onlyDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                safe = safe && isComponent(length: length, onlyDots: onlyDots)
                length = 0
                onlyDots = true
            } else {
                safe = safe && byte > 0x1F && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: ":")
                length += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        return safe && isComponent(length: length, onlyDots: onlyDots)
    }

    /// Neither empty nor `.` nor `..`.
    private static func isComponent(length: Int, onlyDots: Bool) -> Bool {
        length > 0 && !(onlyDots && length <= 2)
    }
}

/// Keeps written files in memory; for tests, `convert` and measuring.
public final class MemorySink: OutputSink {
    private let storage = Mutex<[String: (bytes: [UInt8], entry: Manifest.FileEntry)]>([:])

    /// Creates an empty sink.
    public init() {}

    public func write(_ bytes: [UInt8], to path: String, format: String, issue: String?) throws {
        try OutputPath.validate(path)
        let entry = Manifest.FileEntry(path: path, format: format, issue: issue, bytes: bytes.count, sha256: SHA256.hex(of: bytes))
        try storage.withLock { files in
            if files[path] != nil { throw BulletinError(code: .writer, message: "two writers wrote \(path)") }
            files[path] = (bytes, entry)
        }
    }

    /// Files by path.
    public var files: [String: [UInt8]] {
        storage.withLock { $0.mapValues(\.bytes) }
    }

    /// Manifest entries, sorted by path.
    public var entries: [Manifest.FileEntry] {
        storage.withLock { $0.values.map(\.entry) }.sorted { $0.path < $1.path }
    }
}

/// Writes files under a staging folder and records what it wrote, for the manifest.
public final class DirectorySink: OutputSink {
    /// The folder written into.
    public let root: URL
    /// `root` as a path ending in a slash: output paths are appended to it as strings, because `URL`
    /// path arithmetic asks the file system whether each result is a folder.
    private let rootPath: String
    private let entriesStore = Mutex<[String: Manifest.FileEntry]>([:])
    private let createdFolders = Mutex<Set<String>>([])

    /// Creates a sink writing under `root`, which must exist.
    public init(root: URL) {
        self.root = root
        rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    }

    public func write(_ bytes: [UInt8], to path: String, format: String, issue: String?) throws {
        try write(to: path, format: format, issue: issue) { append in try append(bytes) }
    }

    public func write(to path: String, format: String, issue: String?, pieces produce: (_ append: ([UInt8]) throws -> Void) throws -> Void) throws {
        try OutputPath.validate(path)
        try entriesStore.withLock { entries in
            if entries[path] != nil { throw BulletinError(code: .writer, message: "two writers wrote \(path)") }
            entries[path] = Manifest.FileEntry(path: path, format: format, issue: issue, bytes: 0, sha256: "")
        }
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try createFolder(String(path[..<slash]), for: path)
        }
        let file = try OutputFile(creating: rootPath + path, shownAs: path)
        var hasher = SHA256()
        var count = 0
        do {
            try produce { piece in
                hasher.update(piece)
                count += piece.count
                try file.write(piece)
            }
        } catch {
            file.abandon()
            throw error
        }
        try file.close()
        let entry = Manifest.FileEntry(path: path, format: format, issue: issue, bytes: count, sha256: hasher.finalize().hexString)
        entriesStore.withLock { $0[path] = entry }
    }

    /// Puts files of a previous build, under `previousRoot` (a path ending in a slash), at the same paths in
    /// this sink with the entries recorded for them: each is linked, or copied where the file system makes
    /// no links, and never read to be hashed again.
    func keep(_ files: [Manifest.FileEntry], from previousRoot: String) throws {
        for file in files {
            try OutputPath.validate(file.path)
            try entriesStore.withLock { entries in
                if entries[file.path] != nil { throw BulletinError(code: .writer, message: "two writers wrote \(file.path)") }
                entries[file.path] = file
            }
            if let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                try createFolder(String(file.path[..<slash]), for: file.path)
            }
            if link(previousRoot + file.path, rootPath + file.path) == 0 { continue }
            let failure = errno
            guard [EXDEV, EPERM, EMLINK, ENOTSUP].contains(failure),
                  let bytes = FileManager.default.contents(atPath: previousRoot + file.path), bytes.count == file.bytes
            else {
                let reason = String(cString: strerror(failure))
                throw BulletinError(code: .fileSystem, message: "cannot keep \(file.path) from the previous build: \(reason)")
            }
            let copy = try OutputFile(creating: rootPath + file.path, shownAs: file.path)
            do { try copy.write(Array(bytes)) } catch { copy.abandon(); throw error }
            try copy.close()
        }
    }

    /// Manifest entries, sorted by path.
    public var entries: [Manifest.FileEntry] {
        // Sorted in place: a sorted copy would retain every entry's strings again, tens of thousands of them.
        var entries = entriesStore.withLock { Array($0.values) }
        entries.sort { $0.path < $1.path }
        return entries
    }

    /// Makes `folder` (relative to the root) and the folders above it that this sink has not made yet, with
    /// one `mkdir` each: a build makes a folder for every page, and Foundation's recursive creation looks
    /// at every level of the path each time.
    private func createFolder(_ folder: String, for path: String) throws {
        guard createdFolders.withLock({ !$0.contains(folder) }) else { return }
        if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { try createFolder(String(folder[..<slash]), for: path) }
        // Another writer may have made it meanwhile: an existing folder is fine.
        guard mkdir(rootPath + folder, 0o755) == 0 || errno == EEXIST else {
            let reason = String(cString: strerror(errno))
            throw BulletinError(code: .fileSystem, message: "cannot write \(path): cannot create the folder \(folder): \(reason)")
        }
        createdFolders.withLock { _ = $0.insert(folder) }
    }
}

/// A file opened for writing with the system's own calls: no copy of the bytes into `Data` and no
/// Foundation file handle for each of the build's tens of thousands of files.
struct OutputFile {
    private let descriptor: Int32
    private let shownAs: String

    /// Creates the file at `path`, or empties it when it exists; `exclusively`, fails rather than open a
    /// file that exists (a temporary file that must be this writer's own).
    init(creating path: String, shownAs: String, exclusively: Bool = false) throws {
        try self.init(path, flags: O_CREAT | (exclusively ? O_EXCL : O_TRUNC), shownAs: shownAs)
    }

    /// Opens the existing file at `path` (a named pipe or a device) for writing, as it is.
    init(opening path: String, shownAs: String) throws {
        try self.init(path, flags: 0, shownAs: shownAs)
    }

    private init(_ path: String, flags: Int32, shownAs: String) throws {
        descriptor = open(path, O_WRONLY | O_CLOEXEC | flags, 0o644)
        self.shownAs = shownAs
        guard descriptor >= 0 else { throw Self.failure(shownAs) }
    }

    /// Gives the file the permission bits `mode`, as the file it replaces had. Left as made if that fails:
    /// the bytes are what was asked for.
    func setPermissions(_ mode: mode_t) {
        _ = fchmod(descriptor, mode)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure(shownAs)
                }
                offset += written
            }
        }
    }

    /// Closes the file; a failure here can be the first sign of a full disk.
    func close() throws {
        guard Foundation.close(descriptor) == 0 else { throw Self.failure(shownAs) }
    }

    /// Closes the file after a failure that is already being reported.
    func abandon() {
        _ = Foundation.close(descriptor)
    }

    private static func failure(_ path: String) -> BulletinError {
        BulletinError(code: .fileSystem, message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
