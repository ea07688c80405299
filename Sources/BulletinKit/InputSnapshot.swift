import Foundation

/// The files a build reads from disk, each with what the file system says of it: a file edited, added,
/// removed or replaced gives another snapshot. `bulletin build --watch` compares them to know when to
/// build again, without reading a byte of any file.
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
    }

    /// By path; nil for a file named but not found.
    private var stamps: [String: Stamp?]

    /// The state of the files at `paths` now.
    public init(paths: some Sequence<String>) {
        var stamps: [String: Stamp?] = [:]
        for path in paths { stamps[path] = Self.stamp(of: path) }
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

    /// The paths the snapshot holds.
    public var paths: Set<String> { Set(stamps.keys) }

    /// How many files the snapshot holds.
    public var count: Int { stamps.count }

    /// The files written, added or removed since `earlier`, sorted.
    ///
    /// The two snapshots need not hold the same paths (one taken while the project could not be resolved
    /// holds what was named, and what the last project read). A path in only one of them is listed only
    /// when the file itself was added or removed: one newly in the snapshot when it is a file that exists
    /// (a source added to a folder), one no longer in it when the file is now gone or other than it was
    /// (not one the configuration merely stopped naming). A folder is held for what it holds, not listed
    /// for its entries changing; one that appears or goes is.
    public func changes(since earlier: InputSnapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in stamps {
            if let before = earlier.stamps[path] {
                if stamp != before, stamp?.isFolder != true || before?.isFolder != true { changed.append(path) }
            } else if let stamp, !stamp.isFolder {
                changed.append(path)
            }
        }
        for (path, before) in earlier.stamps where stamps.index(forKey: path) == nil {
            if let before, !before.isFolder, Self.stamp(of: path) != before { changed.append(path) }
        }
        return changed.sorted()
    }
}

extension Project {
    /// Every file a build of this project reads from disk: its sources, its configuration file and the
    /// files of a theme folder. Empty for the bundled example, which is read from the program itself.
    public var inputFiles: [String] {
        var paths = sources.filter { $0.bytes == nil }.map(\.path)
        if let configurationPath { paths.append(configurationPath) }
        paths += theme.origins.values.sorted()
        return paths
    }
}
