import BulletinKit
import Foundation

/// Standard input and output for the filter commands.
enum SourceInput {
    /// The file at `path`, or standard input for `-` (named `<stdin>` in diagnostics).
    static func read(_ path: String) throws -> SourceFile {
        if path == "-" {
            switch SourceFile.read(path: "<stdin>", toEndOf: STDIN_FILENO) {
            case .success(let file): return file
            case .failure(let failure): throw BulletinError(code: .fileSystem, message: "<stdin>: cannot be read: \(failure.reason)")
            }
        }
        var isFolder: ObjCBool = false, status = stat()
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            // A link to nothing is there, but names no file: it says what it names.
            let problem = lstat(path, &status) == 0 ? "cannot be read: " + SourceDiscovery.problem(reading: path)
                : "no such file" + SourceDiscovery.notUTF8Hint(path)
            throw BulletinError(code: .fileSystem, message: "\(path): \(problem)")
        }
        if isFolder.boolValue {
            throw BulletinError(code: .invalidUsage, message: "\(path) is a folder: give one source file (bulletin build takes folders)")
        }
        // Read to its end rather than by its size, so that a named pipe, /dev/stdin or a shell's <(…) reads
        // as check reads it.
        // A device or a pipe that never ends stops at the size limit, as a file past it does.
        switch SourceFile(onDisk: path).read() {
        case .success(let bytes): return SourceFile(path: path, bytes: bytes)
        case .failure(let failure): throw BulletinError(code: .fileSystem, message: "\(path): cannot be read: \(failure.reason)")
        }
    }

    /// Writes to standard output for `-`, else to the file at `path` (``FileDestination``).
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            try StandardStreams.write(bytes)
            return
        }
        try FileDestination(path: path).write(bytes)
    }
}
