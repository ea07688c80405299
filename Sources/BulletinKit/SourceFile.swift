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
    /// files a reader claims, skipping hidden entries. The result is sorted by path.
    public func paths(under inputs: [String]) throws -> [String] {
        let manager = FileManager.default
        var found: Set<String> = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw BulletinError(code: .fileSystem, message: "\(input): no such file or folder")
            }
            guard isDirectory.boolValue else { found.insert(input); continue }
            guard let enumerator = manager.enumerator(atPath: input) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let components = relative.split(separator: "/")
                if components.contains(where: { $0.hasPrefix(".") }) { continue }
                let full = input.hasSuffix("/") ? input + relative : input + "/" + relative
                var entryIsDirectory: ObjCBool = false
                guard manager.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue else { continue }
                let fileExtension = (relative as NSString).pathExtension
                if readers.reader(forExtension: fileExtension) != nil { found.insert(full) }
            }
        }
        return found.sorted()
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
