import Foundation

/// Builds into a staging folder beside the output and swaps it into place only when everything succeeded,
/// so a failed build leaves the previous output as it was.
public struct AtomicOutput: Sendable {
    /// The output folder.
    public var destination: URL

    /// Creates an atomic output for `destination`.
    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    /// Runs `body` with a fresh staging folder, then replaces the destination with it.
    ///
    /// Refuses to replace a non-empty folder that holds no `manifest.json`: that is not a previous build
    /// and deleting it could lose a user's files.
    public func write<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            let contents = isDirectory.boolValue ? ((try? manager.contentsOfDirectory(atPath: destination.path)) ?? []) : ["(a file)"]
            if !contents.isEmpty, !contents.contains("manifest.json") {
                throw BulletinError(code: .fileSystem, message: "\(destination.path) exists and is not a Bulletin output folder (it has no manifest.json); choose another --output or empty it")
            }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot create \(parent.path): \(error.localizedDescription)")
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(name).bulletin-staging-\(token)")
        let previous = parent.appendingPathComponent(".\(name).bulletin-previous-\(token)")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot create a staging folder in \(parent.path): \(error.localizedDescription)")
        }
        let result: Result
        do {
            result = try await body(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        do {
            let hadPrevious = manager.fileExists(atPath: destination.path)
            if hadPrevious { try manager.moveItem(at: destination, to: previous) }
            do {
                try manager.moveItem(at: staging, to: destination)
            } catch {
                if hadPrevious { try? manager.moveItem(at: previous, to: destination) }
                throw error
            }
            if hadPrevious { try? manager.removeItem(at: previous) }
        } catch {
            try? manager.removeItem(at: staging)
            throw BulletinError(code: .fileSystem, message: "cannot move the new output into \(destination.path): \(error.localizedDescription)")
        }
        return result
    }
}
