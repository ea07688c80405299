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
    }

    /// By path; nil for a file named but not found.
    private var stamps: [String: Stamp?]

    /// The state of the files at `paths` now.
    public init(paths: some Sequence<String>) {
        var stamps: [String: Stamp?] = [:]
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                stamps[path] = .some(nil)
                continue
            }
            stamps[path] = Stamp(
                size: Int64(status.st_size),
                modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
                device: UInt64(status.st_dev), inode: UInt64(status.st_ino)
            )
        }
        self.stamps = stamps
    }

    /// How many files the snapshot holds.
    public var count: Int { stamps.count }

    /// The paths added, removed or changed since `earlier`, sorted.
    public func changes(since earlier: InputSnapshot) -> [String] {
        let paths = Set(stamps.keys).union(earlier.stamps.keys)
        return paths.filter { stamps[$0] != earlier.stamps[$0] }.sorted()
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
