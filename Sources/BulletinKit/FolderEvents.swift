import Foundation

/// Tells when something happens in a set of folders: an entry made, deleted, renamed, written or changed,
/// through Linux's inotify. `bulletin build --watch` waits on it between looks at its files, so a change is
/// seen at once and a watch over a large archive costs nothing while nothing changes.
public final class FolderEvents {
    private let descriptor: Int32
    /// The watch descriptor of each folder watched, by path (compared by its bytes, ``PathKey``).
    private var watches: [PathKey: Int32] = [:]

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// nil where inotify cannot be had (another system, or the process's limit reached).
    public init?() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// Watches exactly `folders`: those not watched yet are added and those no longer named let go. A folder
    /// that cannot be watched (gone, or past the system's limit of watches) is left out; false when any was.
    @discardableResult
    public func watch(_ folders: some Sequence<String>) -> Bool {
        let wanted = Set(folders.map(PathKey.init))
        for (key, watch) in watches where !wanted.contains(key) {
            inotify_rm_watch(descriptor, watch)
            watches[key] = nil
        }
        var complete = true
        for key in wanted where watches[key] == nil {
            let watch = inotify_add_watch(descriptor, key.path, Self.mask)
            if watch >= 0 { watches[key] = watch } else { complete = false }
        }
        return complete
    }

    /// Waits until something happens in a watched folder, or until `timeout` has passed; true when something
    /// happened. The events waiting are read and let go: what changed is for the caller to look at. (A wait
    /// that only saw watches let go ends early and returns false.)
    public func wait(timeout: Duration) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(max(timeout / .milliseconds(1), 0), Double(Int32.max)))
        var ready: Int32
        repeat {
            ready = poll(&request, 1, milliseconds)
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { return false }
        // Each event is a 16-byte header (watch, mask, cookie, name length) and the name. A watch let go
        // reports itself gone (IN_IGNORED), which is no change.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var happened = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) }
                if mask & UInt32(IN_IGNORED) == 0 { happened = true }
                offset += 16 + Int(length)
            }
        }
        return happened
    }
}

extension Project {
    /// The folders in which a change could change this project's build: the folders searched for its
    /// sources, and the folder of each source, configuration file and theme file it reads; each once, in the
    /// order of their bytes.
    public var inputFolders: [String] {
        (inputFiles.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 } + sourceFolders).inByteOrder()
    }
}
