import Foundation
import Synchronization

/// Builds into a staging folder beside the output and swaps it into place only when everything succeeded,
/// so a failed build leaves the previous output as it was.
///
/// A build leaves nothing else beside the output: an interrupted one deletes its staging folder before it
/// ends (``InProgressOutputs``), and a build that could not (killed, or the machine stopped) has its folders
/// cleared by the next build into the same output, which puts the previous output back if it was caught
/// between the two moves of its swap.
public struct AtomicOutput: Sendable {
    /// The output folder.
    public var destination: URL

    /// Creates an atomic output for `destination`.
    public init(destination: URL) {
        self.destination = destination.standardizedFileURL
        shownAs = destination.relativePath
    }

    /// The destination as it was named, for messages: the same on every machine, as the user wrote it.
    private let shownAs: String

    /// Runs `body` with a fresh staging folder, then replaces the destination with it.
    ///
    /// Refuses to replace a non-empty folder that holds no `manifest.json`: that is not a previous build
    /// and deleting it could lose a user's files.
    public func write<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot create \(parent.path): \(error.localizedDescription)")
        }
        // Before the check below: an abandoned swap is undone here, so the previous output is found again.
        Self.clearAbandonedFolders(of: destination)
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BulletinError(code: .fileSystem, message: "\(shownAs) is a file, not a folder; choose another --output for the build's folder")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: destination.path)) ?? []
            if !contents.isEmpty, !contents.contains("manifest.json") {
                throw BulletinError(code: .fileSystem, message: "\(shownAs) exists and is not a Bulletin output folder (it has no manifest.json); choose another --output or empty it")
            }
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(Self.stagingName(of: name, token: token))
        let previous = parent.appendingPathComponent(Self.previousName(of: name, token: token))
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BulletinError(code: .fileSystem, message: "cannot create a staging folder in \(parent.path): \(error.localizedDescription)")
        }
        // Held until the build ends, so that another build into the same output never takes the folders for abandoned ones.
        let stagingLock = FolderLock(path: staging.path)
        defer { stagingLock.release() }
        InProgressOutputs.add(staging.path)
        defer { InProgressOutputs.remove(staging.path) }
        let result: Result
        do {
            result = try await body(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        do {
            // An interruption waits for both moves, and then deletes whichever folder is left beside the output.
            try InProgressOutputs.moving { folders in
                let hadPrevious = manager.fileExists(atPath: destination.path)
                var previousLock: FolderLock?
                if hadPrevious {
                    previousLock = FolderLock(path: destination.path)
                    try manager.moveItem(at: destination, to: previous)
                }
                defer { previousLock?.release() }
                do {
                    try manager.moveItem(at: staging, to: destination)
                } catch {
                    if hadPrevious { try? manager.moveItem(at: previous, to: destination) }
                    throw error
                }
                folders.remove(staging.path)
                if hadPrevious { folders.insert(previous.path) }
            }
            FolderRemoval.remove(previous.path)
            InProgressOutputs.remove(previous.path)
        } catch {
            try? manager.removeItem(at: staging)
            throw BulletinError(code: .fileSystem, message: "cannot move the new output into \(destination.path): \(error.localizedDescription)")
        }
        return result
    }

    private static func stagingName(of name: String, token: String) -> String { ".\(name).bulletin-staging-\(token)" }
    private static func previousName(of name: String, token: String) -> String { ".\(name).bulletin-previous-\(token)" }

    /// Deletes the staging and previous folders beside `destination` that a build which ended without
    /// clearing them left (killed, or the machine stopped). A folder is abandoned when its build's process
    /// is gone and no build holds its lock: the first keeps a build on this machine safe even before it has
    /// locked the folder it just made, the second one on another machine sharing the folder. When a build
    /// stopped between the two moves of its swap (its previous folder there, the output not), the previous
    /// output is moved back: a failed build leaves the previous output as it was.
    static func clearAbandonedFolders(of destination: URL) {
        let parent = destination.deletingLastPathComponent().path
        let name = destination.lastPathComponent
        let stagingPrefix = stagingName(of: name, token: ""), previousPrefix = previousName(of: name, token: "")
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries.sorted() {
            let isPrevious = entry.hasPrefix(previousPrefix)
            guard isPrevious || entry.hasPrefix(stagingPrefix) else { continue }
            let rest = entry.dropFirst(isPrevious ? previousPrefix.count : stagingPrefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let process = Int32(digits), process != ProcessInfo.processInfo.processIdentifier,
                  kill(process, 0) != 0, errno == ESRCH else { continue }
            let path = parent + "/" + entry
            guard let lock = FolderLock(tryingPath: path) else { continue }
            // A previous output moved aside by a swap that did not finish: the output it was.
            if isPrevious, digits.count == rest.count, access(destination.path, F_OK) != 0, rename(path, destination.path) == 0 {
                lock.release()
                continue
            }
            FolderRemoval.remove(path)
            lock.release()
        }
    }
}

/// What a command in progress has made beside its output and not yet finished with: a build's staging
/// folder, then the previous output it has swapped out; `convert --output`'s temporary file. A command
/// interrupted by a signal deletes them before it ends (the command line does, through ``clear()``).
public enum InProgressOutputs {
    private static let folders = Mutex<Set<String>>([])

    static func add(_ path: String) {
        folders.withLock { _ = $0.insert(path) }
    }

    static func remove(_ path: String) {
        folders.withLock { _ = $0.remove(path) }
    }

    /// Runs `body`, which moves folders and updates the set to match, with the set held: ``clear()`` waits for it.
    static func moving<Result>(_ body: (inout Set<String>) throws -> Result) throws -> Result {
        try folders.withLock { try body(&$0) }
    }

    /// Deletes the folders and files of the commands in progress, after any swap under way has ended, and
    /// forgets them. For a process about to end by a signal: a build still running loses its staging folder
    /// and fails.
    public static func clear() {
        clear { _ in true }
    }

    /// ``clear()`` of the folders `chosen` picks only.
    static func clear(where chosen: (String) -> Bool) {
        folders.withLock { folders in
            for folder in folders.sorted() where chosen(folder) {
                // Moved aside first: writers still running then find no folder to write into (a sink never
                // makes its root), so nothing new appears in what is being deleted.
                let moved = folder + interruptedSuffix
                let doomed = rename(folder, moved) == 0 ? moved : folder
                // A file (a temporary one) goes at once; a write already under way in a folder as it moved may
                // add one more file: deleted again until it is gone.
                if unlink(doomed) != 0 {
                    for _ in 0..<10 where access(doomed, F_OK) == 0 { FolderRemoval.remove(doomed) }
                }
                folders.remove(folder)
            }
        }
    }

    /// Added to the name of a folder ``clear()`` moves aside to delete.
    static let interruptedSuffix = ".interrupted"
}

/// An exclusive `flock` on a folder, held while a build uses it and released when the process ends, however
/// it ends: another build takes a folder it can lock for abandoned.
final class FolderLock {
    private var descriptor: Int32

    /// Locks the folder at `path`, waiting for no one: the folder is new, or this build's own output.
    /// A folder that cannot be opened is not locked, and the build goes on.
    init(path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { _ = flock(descriptor, LOCK_EX | LOCK_NB) }
    }

    /// Locks the folder at `path` if no one holds it; nil when someone does or it cannot be opened.
    init?(tryingPath path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
    }

    func release() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    deinit {
        release()
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
