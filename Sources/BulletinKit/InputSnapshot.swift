import BulletinModel
import Foundation

/// The files a build reads from disk, each with what the file system says of it: a file edited, added,
/// removed or replaced gives another snapshot. `bulletin build --watch` compares them to know when to
/// build again, reading no file but those written in the last moments.
///
/// A file's times tick at the file system's granularity (a kernel tick, a second or two on some file
/// systems), so a file written twice within one tick, at the same size, keeps its stamp. As git does for
/// its index, a file modified within ``racyWindow`` of the snapshot has its bytes digested too, and the
/// next snapshot digests it again if its stamp is unchanged: the second write is then seen. Once a
/// snapshot finds a file older than the window, its stamp alone tells any later write.
public struct InputSnapshot: Equatable, Sendable {
    /// A file's size, times and identity; two stamps of one file differ after any write to it, or after
    /// it is replaced by another file (as editors save, by a rename).
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var device: UInt64
        var inode: UInt64
        var isFolder: Bool
        /// Whether the file was modified within ``InputSnapshot/racyWindow`` of the snapshot, so that a
        /// write in the same tick would leave the stamp as it is.
        var isRacy = false
        /// The SHA-256 of its bytes, for a file that is racy, or was in the snapshot before with this stamp.
        var digest: [UInt8]?

        /// The same stamp, and the same bytes where both stamps know them.
        static func == (a: Stamp, b: Stamp) -> Bool {
            a.size == b.size && a.modified == b.modified && a.changed == b.changed && a.device == b.device && a.inode == b.inode
                && a.isFolder == b.isFolder && (a.digest == nil || b.digest == nil || a.digest == b.digest)
        }
    }

    /// How recently a file may have been modified, before a snapshot, for a write in the same tick to
    /// go unseen by its times: two seconds, the coarsest granularity of the file systems in use (FAT).
    static let racyWindow: Int64 = 2_000_000_000

    /// By path, compared by its bytes (``PathKey``); nil for a file named but not found.
    private var stamps: [PathKey: Stamp?]

    /// The state of the files at `paths` now; `earlier`, the snapshot before, says which files to digest
    /// (those it found racy, when their stamps are unchanged).
    public init(paths: some Sequence<String>, after earlier: InputSnapshot? = nil) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        self.init(paths: paths, after: earlier, time: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
    }

    /// The snapshot as if taken at `time` (nanoseconds since 1970), for tests of what is racy.
    init(paths: some Sequence<String>, after earlier: InputSnapshot?, time: Int64) {
        var stamps: [PathKey: Stamp?] = [:]
        for path in paths {
            let key = PathKey(path)
            guard var stamp = Self.stamp(of: path) else {
                stamps[key] = .some(nil)
                continue
            }
            stamp.isRacy = !stamp.isFolder && max(stamp.modified, stamp.changed) >= time - Self.racyWindow
            let wasRacy = earlier?.stamps[key].flatMap { $0 }.map { $0.isRacy && $0 == stamp } ?? false
            if stamp.isRacy || wasRacy { stamp.digest = Self.digest(of: path) }
            stamps[key] = stamp
        }
        self.stamps = stamps
    }

    /// What the file system says of the file at `path` now; nil when there is none.
    private static func stamp(of path: String) -> Stamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Stamp(
            size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
            isFolder: status.st_mode & S_IFMT == S_IFDIR
        )
    }

    /// The SHA-256 of the file at `path`; of nothing when it cannot be read (its stamp then tells).
    private static func digest(of path: String) -> [UInt8] {
        var hasher = SHA256()
        if let data = FileManager.default.contents(atPath: path) { hasher.update(data) }
        return hasher.finalize()
    }

    /// The stamp of the file at `path`, for tests.
    func stamp(at path: String) -> Stamp? {
        stamps[PathKey(path)] ?? nil
    }

    /// The paths the snapshot holds, in the order of their bytes.
    public var paths: [String] { stamps.keys.map(\.path).inByteOrder() }

    /// How many files the snapshot holds.
    public var count: Int { stamps.count }

    /// The files written, added or removed since `earlier`, in the order of their bytes.
    ///
    /// The two snapshots need not hold the same paths (one taken while the project could not be resolved
    /// holds what was named, and what the last project read). A path in only one of them is listed only
    /// when the file itself was added or removed: one newly in the snapshot when it is a file that exists
    /// (a source added to a folder), one no longer in it when the file is now gone or other than it was
    /// (not one the configuration merely stopped naming). A folder is held for what it holds, not listed
    /// for its entries changing; one that appears or goes is.
    public func changes(since earlier: InputSnapshot) -> [String] {
        var changed: [String] = []
        for (key, stamp) in stamps {
            if let before = earlier.stamps[key] {
                if stamp != before, stamp?.isFolder != true || before?.isFolder != true { changed.append(key.path) }
            } else if let stamp, !stamp.isFolder {
                changed.append(key.path)
            }
        }
        for (key, before) in earlier.stamps where stamps.index(forKey: key) == nil {
            if let before, !before.isFolder, Self.stamp(of: key.path) != before { changed.append(key.path) }
        }
        return changed.inByteOrder()
    }
}

extension Project {
    /// Every file a build of this project reads from disk: its sources, its configuration file and the
    /// files of a theme folder, and the folders that could not be listed, so that a watch builds again once
    /// one can be. Empty for the bundled example, which is read from the program itself.
    public var inputFiles: [String] {
        var paths = sources.filter { $0.bytes == nil }.map(\.path) + discoveryErrors.compactMap(\.location?.path)
        if let configurationPath { paths.append(configurationPath) }
        paths += theme.origins.values.sorted()
        return paths
    }
}
