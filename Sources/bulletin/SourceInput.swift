import BulletinKit
import Foundation

/// Standard input and output for the filter commands.
enum SourceInput {
    /// The file at `path`, or standard input for `-` (named `<stdin>` in diagnostics).
    static func read(_ path: String) throws -> SourceFile {
        if path == "-" {
            return SourceFile(path: "<stdin>", bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BulletinError(code: .fileSystem, message: "\(path): cannot be read")
        }
        return SourceFile(path: path, bytes: [UInt8](data))
    }

    /// Writes to `path` atomically, or to standard output for `-`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
