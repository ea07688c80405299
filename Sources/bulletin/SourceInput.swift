import BulletinKit
import Foundation

/// Standard input and output for the filter commands.
enum SourceInput {
    /// The file at `path`, or standard input for `-` (named `<stdin>` in diagnostics).
    static func read(_ path: String) throws -> SourceFile {
        if path == "-" {
            guard let file = SourceFile(path: "<stdin>", readingToEndOf: STDIN_FILENO) else {
                throw BulletinError(code: .fileSystem, message: "<stdin>: cannot be read: \(String(cString: strerror(errno)))")
            }
            return file
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw BulletinError(code: .fileSystem, message: "\(path): no such file")
        }
        if isFolder.boolValue {
            throw BulletinError(code: .invalidUsage, message: "\(path) is a folder: give one source file (bulletin build takes folders)")
        }
        // Read to its end rather than by its size, so that a named pipe, /dev/stdin or a shell's <(…) reads
        // as check reads it.
        guard let bytes = SourceFile(onDisk: path).load() else {
            throw BulletinError(code: .fileSystem, message: "\(path): cannot be read: \(String(cString: strerror(errno)))")
        }
        return SourceFile(path: path, bytes: bytes)
    }

    /// Writes to `path` atomically, or to standard output for `-`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        // The folder as the path names it, so the message says what the user wrote.
        let named = (path as NSString).deletingLastPathComponent
        let folder = named.isEmpty ? "." : named
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BulletinError(code: .fileSystem, message: "cannot write \(path): there is no folder \(folder)")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw BulletinError(code: .fileSystem, message: "cannot write \(path): it is a folder; give a file name")
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
