import BulletinModel
import BulletinWriters
import Foundation
import Synchronization

/// Checks that a writer's path is relative, `/`-separated and stays inside the output folder.
enum OutputPath {
    static func validate(_ path: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let safe = !path.isEmpty && !path.hasPrefix("/") && components.allSatisfy { component in
            !component.isEmpty && component != "." && component != ".." &&
                component.unicodeScalars.allSatisfy { $0.value > 0x1F && $0 != "\\" && $0 != ":" }
        }
        guard safe else { throw BulletinError(code: .writer, message: "a writer asked for the unsafe output path '\(path)'") }
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
    private let entriesStore = Mutex<[String: Manifest.FileEntry]>([:])
    private let createdFolders = Mutex<Set<String>>([])

    /// Creates a sink writing under `root`, which must exist.
    public init(root: URL) {
        self.root = root
    }

    public func write(_ bytes: [UInt8], to path: String, format: String, issue: String?) throws {
        try OutputPath.validate(path)
        let entry = Manifest.FileEntry(path: path, format: format, issue: issue, bytes: bytes.count, sha256: SHA256.hex(of: bytes))
        try entriesStore.withLock { entries in
            if entries[path] != nil { throw BulletinError(code: .writer, message: "two writers wrote \(path)") }
            entries[path] = entry
        }
        let url = root.appendingPathComponent(path)
        do {
            if let slash = path.lastIndex(of: "/") {
                let folder = String(path[..<slash])
                if createdFolders.withLock({ !$0.contains(folder) }) {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    createdFolders.withLock { _ = $0.insert(folder) }
                }
            }
            try Data(bytes).write(to: url)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Manifest entries, sorted by path.
    public var entries: [Manifest.FileEntry] {
        entriesStore.withLock { Array($0.values) }.sorted { $0.path < $1.path }
    }
}
