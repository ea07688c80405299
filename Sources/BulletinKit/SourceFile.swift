import BulletinReaders
import Foundation

/// One source file's path and bytes.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown in diagnostics and recorded in the manifest.
    public var path: String
    /// The bytes.
    public var bytes: [UInt8]

    /// Creates a source file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
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
    public func paths(under inputs: [String]) throws -> [String] {
        let claimed = Set(readers.fileExtensions.map { $0.lowercased() })
        var found: Set<String> = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw BulletinError(code: .fileSystem, message: "\(input): no such file or folder")
            }
            guard isDirectory.boolValue else { found.insert(input); continue }
            try collect(under: input, claimed: claimed, into: &found)
        }
        return found.sorted()
    }

    /// Adds the claimed files under `folder`, listed with the system's own calls: Foundation's
    /// enumerator spent more time on path strings than a large archive's reading took.
    private func collect(under folder: String, claimed: Set<String>, into found: inout Set<String>) throws {
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
        for path in folders { try collect(under: path, claimed: claimed, into: &found) }
    }

    /// Calls `body` with each entry of `folder` that is not hidden (nor "." or ".."), and its path.
    private func list(_ folder: String, _ body: (dirent, String) -> Void) throws {
        guard let directory = opendir(folder) else {
            throw BulletinError(code: .fileSystem, message: "\(folder): the folder cannot be listed: \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            body(entry.pointee, prefix + name)
        }
    }

    /// Reads the files under `inputs`.
    public func files(under inputs: [String]) throws -> [SourceFile] {
        try paths(under: inputs).map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BulletinError(code: .fileSystem, message: "\(path): cannot be read")
            }
            return SourceFile(path: path, bytes: [UInt8](data))
        }
    }
}
