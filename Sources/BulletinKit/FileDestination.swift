import Foundation

/// The one file a command writes, such as `bulletin convert --output`'s.
///
/// A regular file is replaced atomically: the bytes go to a new file beside it, which is then renamed over
/// it, so a reader sees the old file or the new one, never part of one, and a failed write leaves the old
/// one as it was. A symbolic link is followed: the file it names is replaced (or made, when it does not
/// exist yet), and the link stays. Anything else that opens for writing — a named pipe, a terminal, a
/// device — is written into as it is, never replaced: renaming over it would put a regular file where the
/// pipe or device was, and the reader waiting on the pipe would get nothing.
public struct FileDestination: Sendable {
    /// The path as given, which messages show.
    public var path: String

    /// The destination at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Throws a usage error when the destination is the source file at `sourcePath` (called `name` in the
    /// message), however either is spelled — through a link, with `./` or `..`, or as another hard link of
    /// the same file: writing the destination would replace the source with what was made of it.
    public func ensureDistinct(fromSourceAt sourcePath: String, named name: String) throws {
        guard let destination = FileIdentity(path: path), destination == FileIdentity(path: sourcePath) else { return }
        throw BulletinError(code: .invalidUsage, message: "cannot write \(path): it is the source file \(name), which would be lost; choose another output file")
    }

    /// Writes `bytes` as the destination's whole content: replacing a regular file (the one a link names)
    /// atomically, writing into anything else that opens for writing.
    public func write(_ bytes: [UInt8]) throws {
        // stat follows every link, the system's own (/dev/stdout, /proc/self/fd/1) too, whose text is no path.
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { throw failure(String(cString: strerror(errno))) }
            // Nothing there, or a link to nothing yet: made where the chain of links ends, as a shell's > does.
            return try replace(Self.followingLinks(path), with: bytes, keeping: nil)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw failure("it is a folder; give a file name")
        case S_IFREG:
            guard let resolved = realpath(path, nil) else { throw failure(String(cString: strerror(errno))) }
            defer { free(resolved) }
            try replace(String(cString: resolved), with: bytes, keeping: status.st_mode & 0o7777)
        default:
            try writeInto(bytes)
        }
    }

    /// Writes `bytes` to a new file beside `target` and renames it over `target`, with the permissions
    /// `mode` of the file it replaces.
    private func replace(_ target: String, with bytes: [UInt8], keeping mode: mode_t?) throws {
        // The folder as the path names it, so the message says what the user wrote.
        let named = (target as NSString).deletingLastPathComponent
        let folder = named.isEmpty ? "." : named
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw failure("there is no folder \(folder)")
        }
        // Hidden, and named by the process and a random part, so that two commands writing the same file
        // at once each rename their own whole file.
        let temporary = "\(folder)/.\((target as NSString).lastPathComponent).bulletin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let file = try OutputFile(creating: temporary, shownAs: path, exclusively: true)
        // Until it is renamed, a signal that ends the command deletes it (InProgressOutputs.clear()).
        InProgressOutputs.add(temporary)
        defer { InProgressOutputs.remove(temporary) }
        do {
            if let mode { file.setPermissions(mode) }
            try file.write(bytes)
            try file.close()
        } catch {
            file.abandon()
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(reason)
        }
    }

    /// Writes `bytes` into the named pipe, terminal or device the destination is, as it is.
    private func writeInto(_ bytes: [UInt8]) throws {
        let file = try OutputFile(opening: path, shownAs: path)
        do {
            try file.write(bytes)
        } catch {
            file.abandon()
            throw error
        }
        try file.close()
    }

    private func failure(_ reason: String) -> BulletinError {
        BulletinError(code: .fileSystem, message: "cannot write \(path): \(reason)")
    }

    /// The path the chain of symbolic links at `path` ends at (`path` itself when it is no link), for a
    /// chain that ends at nothing. A chain longer than the system follows is left where it stands, to fail
    /// when it is opened.
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
            let count = readlink(current, &buffer, buffer.count)
            // Not a link (EINVAL), or nothing there: the chain ends here.
            guard count > 0 else { return current }
            let target = String(decoding: buffer[..<count], as: UTF8.self)
            // A relative link is relative to the folder the link is in.
            let folder = (current as NSString).deletingLastPathComponent
            current = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
        }
        return current
    }
}
