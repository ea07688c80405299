import BulletinReaders
import Foundation

/// One source file: its path, and its bytes or where to read them.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown in diagnostics and recorded in the manifest.
    public var path: String
    /// The bytes given, or nil for a file read from ``path`` each time ``load()`` is called.
    public var bytes: [UInt8]?

    /// A source whose bytes are given.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A source on disk, read when it is needed: a build that streams its issues reads each file twice
    /// and holds none of them in between.
    public init(onDisk path: String) {
        self.path = path
        self.bytes = nil
    }

    /// The bytes: those given, or the file's as it is now; nil when it cannot be read.
    public func load() -> [UInt8]? {
        bytes ?? SourceDiscovery.read(path)
    }

    /// A source read now, to its end, from the open file `descriptor` (standard input, a pipe), and named
    /// `path` in diagnostics; nil when it cannot be read.
    public init?(path: String, readingToEndOf descriptor: Int32) {
        guard let bytes = SourceDiscovery.read(descriptor: descriptor) else { return nil }
        self.init(path: path, bytes: bytes)
    }
}

/// Finds source files under the paths a user gives.
public struct SourceDiscovery: Sendable {
    /// Readers decide which extensions count as sources.
    public var readers: ReaderRegistry

    /// Creates discovery over the given readers.
    public init(readers: ReaderRegistry = .standard) {
        self.readers = readers
    }

    /// Files named directly are taken whatever their extension; folders are searched recursively for
    /// files a reader claims, skipping hidden entries. A symbolic link to a file counts; a link to a
    /// folder is not followed (it could lead back up). The result is sorted by path.
    ///
    /// Build output is never a source: the folders in `excluded` (the build's own output folder, however
    /// its path is spelled) and every folder holding a build record (the output of another build) are
    /// skipped, so `bulletin build .` with the output inside the sources reads only the sources, every time.
    public func paths(under inputs: [String], excluding excluded: [String] = []) throws -> [String] {
        try search(inputs, excluding: excluded).files.sorted()
    }

    /// ``files(under:excluding:)``, and the folders searched for them: the folders among `inputs` and every
    /// folder under them that is not skipped, sorted.
    public func filesAndFolders(under inputs: [String], excluding excluded: [String] = []) throws -> (files: [SourceFile], folders: [String]) {
        let (files, folders) = try search(inputs, excluding: excluded)
        return (files.sorted().map(SourceFile.init(onDisk:)), folders.sorted())
    }

    private func search(_ inputs: [String], excluding excluded: [String]) throws -> (files: Set<String>, folders: Set<String>) {
        let claimed = Set(readers.fileExtensions.map { $0.lowercased() })
        let skipped = Set(excluded.compactMap(FileIdentity.init(folder:)))
        var found: Set<String> = [], searched: Set<String> = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw BulletinError(code: .fileSystem, message: "\(input): no such file or folder")
            }
            guard isDirectory.boolValue else { found.insert(input); continue }
            try collect(under: input, claimed: claimed, skipping: skipped, into: &found, searched: &searched)
        }
        return (found, searched)
    }

    /// The name of the file every build writes into its output folder; a folder holding one is output.
    static let buildRecordName = ".bulletin-record"

    /// Adds the claimed files under `folder`, listed with the system's own calls: Foundation's
    /// enumerator spent more time on path strings than a large archive's reading took.
    private func collect(under folder: String, claimed: Set<String>, skipping skipped: Set<FileIdentity>, into found: inout Set<String>,
                         searched: inout Set<String>) throws {
        if !skipped.isEmpty, let identity = FileIdentity(folder: folder), skipped.contains(identity) { return }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if access(prefix + Self.buildRecordName, F_OK) == 0 { return }
        searched.insert(folder)
        var folders: [String] = []
        try list(folder) { entry, path in
            let name = path[path.index(after: path.lastIndex(of: "/")!)...]
            var isFolder = Int32(entry.d_type) == Int32(DT_DIR)
            var isFile = Int32(entry.d_type) == Int32(DT_REG)
            if !isFolder && !isFile {
                // A link, or a file system that does not say: ask, following a link to what it names.
                var status = stat()
                guard stat(path, &status) == 0 else { return }
                isFile = status.st_mode & S_IFMT == S_IFREG
                isFolder = Int32(entry.d_type) != Int32(DT_LNK) && status.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                folders.append(path)
            } else if isFile, let dot = name.lastIndex(of: "."), claimed.contains(name[name.index(after: dot)...].lowercased()) {
                found.insert(path)
            }
        }
        // Listed after the folder is closed, so a deep tree holds one folder open at a time.
        for path in folders { try collect(under: path, claimed: claimed, skipping: skipped, into: &found, searched: &searched) }
    }

    /// Calls `body` with each entry of `folder` that is not hidden (nor "." or ".."), and its path.
    private func list(_ folder: String, _ body: (dirent, String) -> Void) throws {
        guard let directory = opendir(folder) else {
            throw BulletinError(code: .fileSystem, message: "\(folder): the folder cannot be listed: \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = entry.pointee.name
            guard !name.hasPrefix(".") else { continue }
            body(entry.pointee, prefix + name)
        }
    }

    /// The files under `inputs` (but not under `excluded`, ``paths(under:excluding:)``), in path order, each read when it is needed (``SourceFile/load()``): the
    /// pipeline reads them in parallel, and a build that streams reads each twice.
    public func files(under inputs: [String], excluding excluded: [String] = []) throws -> [SourceFile] {
        try paths(under: inputs, excluding: excluded).map(SourceFile.init(onDisk:))
    }

    /// The bytes of the file at `path`, or nil when it cannot be read. Any file that can be read to its end
    /// counts: a named pipe, `/dev/stdin` or a shell's `<(…)` as well as a regular file.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return read(descriptor: descriptor)
    }

    /// The bytes of the open file `descriptor` from where it stands to its end, or nil when they cannot be read.
    static func read(descriptor: Int32) -> [UInt8]? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes: [UInt8] = []
        var capacity = max(Int(status.st_size), 0) + 1
        var count = 0
        while true {
            // Sized from the file's length, plus a byte to see the end; grown if the file grew meanwhile.
            if bytes.count < capacity { bytes += [UInt8](repeating: 0, count: capacity - bytes.count) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, capacity - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
            if count == capacity { capacity *= 2 }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}

extension dirent {
    /// The entry's name, as `readdir` gives it.
    var name: String {
        withUnsafeBytes(of: d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}

/// A file or folder as the file system knows it, whatever path names it: links followed, so a link, a
/// hard link and the file itself are one.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    /// The identity of what `path` names, or nil when nothing is there.
    init?(path: String) {
        self.init(path: path, folderOnly: false)
    }

    /// The identity of the folder `folder` names, or nil when it names no folder.
    init?(folder: String) {
        self.init(path: folder, folderOnly: true)
    }

    private init?(path: String, folderOnly: Bool) {
        var status = stat()
        guard stat(path, &status) == 0, !folderOnly || status.st_mode & S_IFMT == S_IFDIR else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
