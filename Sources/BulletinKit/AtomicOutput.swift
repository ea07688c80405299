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
            if hadPrevious { FolderRemoval.remove(previous.path) }
        } catch {
            try? manager.removeItem(at: staging)
            throw BulletinError(code: .fileSystem, message: "cannot move the new output into \(destination.path): \(error.localizedDescription)")
        }
        return result
    }
}

/// Deletes a folder and everything under it with the system's own calls, files of different folders in
/// parallel. A previous build's output holds tens of thousands of files; Foundation's `removeItem` visits
/// them one by one through its own path handling and took longer than writing them.
///
/// Best effort, as the previous output is no longer needed: what cannot be deleted stays. Links are
/// deleted, never followed.
enum FolderRemoval {
    /// A folder found under the one being removed, with the names of its entries that are not folders.
    private struct Folder {
        var path: String
        var depth: Int
        var files: [String]
    }

    static func remove(_ root: String) {
        var folders: [Folder] = []
        var pending = [(path: root, depth: 0)]
        while let (path, depth) = pending.popLast() {
            guard let directory = opendir(path) else { continue }
            var files: [String] = []
            while let entry = readdir(directory) {
                let name = entry.pointee.name
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var status = stat()
                    isFolder = lstat(child, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder { pending.append((child, depth + 1)) } else { files.append(name) }
            }
            closedir(directory)
            folders.append(Folder(path: path, depth: depth, files: files))
        }
        // Files first, each folder's by one task; then the folders, deepest first, one depth at a time.
        let list = folders
        DispatchQueue.concurrentPerform(iterations: list.count) { index in
            let folder = list[index]
            for name in folder.files { _ = unlink(folder.path + "/" + name) }
        }
        let byDepth = Dictionary(grouping: list, by: \.depth)
        for depth in byDepth.keys.sorted(by: >) {
            let folders = byDepth[depth]!
            DispatchQueue.concurrentPerform(iterations: folders.count) { _ = rmdir(folders[$0].path) }
        }
    }
}
