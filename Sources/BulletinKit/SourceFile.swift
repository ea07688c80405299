import BulletinModel
import BulletinReaders
import Foundation

/// One source file: its path, and its bytes or where to read them.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown in diagnostics and recorded in the manifest.
    public var path: String
    /// The bytes given, or nil for a file read from ``path`` each time ``load()`` is called.
    public var bytes: [UInt8]?

    /// A source whose bytes are given.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A source on disk, read when it is needed: a build that streams its issues reads each file twice
    /// and holds none of them in between.
    public init(onDisk path: String) {
        self.path = path
        self.bytes = nil
    }

    /// The most bytes a source may hold: 32 MiB. A bulletin article is a few kilobytes and a long report a
    /// few hundred; a source past this is a mistake (a device, `/dev/zero`, a pipe that never ends, a log
    /// file named by accident), and reading it whole would hold the machine's memory or never end.
    public static let sizeLimit = 32 << 20

    /// The bytes: those given, or the file's as it is now; nil when it cannot be read (``read()`` says why).
    public func load() -> [UInt8]? {
        try? read().get()
    }

    /// The bytes: those given, or the file's as it is now, read to its end but no further than
    /// ``sizeLimit``; or why they cannot be had.
    public func read() -> Result<[UInt8], SourceReadFailure> {
        bytes.map { .success($0) } ?? SourceDiscovery.read(path, limit: Self.sizeLimit)
    }

    /// A source read now, to its end (at most ``sizeLimit`` bytes), from the open file `descriptor`
    /// (standard input, a pipe), and named `path` in diagnostics; or why it cannot be read.
    public static func read(path: String, toEndOf descriptor: Int32) -> Result<SourceFile, SourceReadFailure> {
        SourceDiscovery.read(descriptor: descriptor, limit: sizeLimit).map { SourceFile(path: path, bytes: $0) }
    }
}

/// Why the bytes of a source, a configuration or a theme file could not be had.
public enum SourceReadFailure: Error, Sendable, Equatable {
    /// The file could not be opened or read: the `errno` it failed with.
    case unreadable(Int32)
    /// The file held more than `limit` bytes: reading stopped there, so a device or an endless pipe ends too.
    case tooLarge(limit: Int)

    /// Why, for a message that follows a path and "cannot be read: ".
    public var reason: String {
        switch self {
        case .unreadable(let code): String(cString: strerror(code))
        case .tooLarge(let limit): "it holds more than \(Self.size(limit)), the most Bulletin reads of one file"
        }
    }

    /// `limit` bytes in words: `32 MiB`.
    public static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}

/// Finds source files under the paths a user gives.
public struct SourceDiscovery: Sendable {
    /// Readers decide which extensions count as sources.
    public var readers: ReaderRegistry

    /// Creates discovery over the given readers.
    public init(readers: ReaderRegistry = .standard) {
        self.readers = readers
    }

    /// What a search found.
    public struct Found: Sendable {
        /// The sources, in path order, each read when it is needed (``SourceFile/load()``): the pipeline
        /// reads them in parallel, and a build that streams reads each twice.
        public var files: [SourceFile]
        /// The folders searched: the folders among the inputs and every folder under them that was read, sorted.
        public var folders: [String]
        /// What was left out and why: a folder skipped as another build's output, an entry that is no file.
        public var warnings: [Diagnostic]
        /// What could not be searched: a folder that cannot be listed, at its path. Like a source that cannot
        /// be read, each is an error of the sources, reported with theirs.
        public var errors: [Diagnostic] = []

        /// What a search found.
        public init(files: [SourceFile], folders: [String], warnings: [Diagnostic], errors: [Diagnostic] = []) {
            self.files = files
            self.folders = folders
            self.warnings = warnings
            self.errors = errors
        }
    }

    /// Files named directly are taken whatever their extension; folders are searched recursively for
    /// files a reader claims, skipping hidden entries. Symbolic links are followed, to files and to folders;
    /// a folder reached twice (by two links) is read once, by the path that reaches it without a link where
    /// there is one, and so is a file (by two links, a hard link, or named besides its folder), the first in
    /// path order among equals. A link to a folder that holds it (`.`, `..`, `/`: the folder it is in, or one
    /// above, as the file system has them or as the search came down) is not followed, and is an error at
    /// the link (``Found/errors``): following it would search that folder again with all it holds, the
    /// whole file system for `/`. An entry a reader claims that cannot be followed
    /// or looked at (a link to nothing) is a source all the same, so that reading it reports why it cannot
    /// be read, and a folder that cannot be listed is an error (``Found/errors``) that leaves the rest of
    /// the search as it is.
    ///
    /// Build output is never a source: the folders in `excluded` (the build's own output folder, however
    /// its path is spelled) are skipped without a word where the search reaches them (one named among the
    /// inputs is searched: it was asked for), and every folder holding a build record (the output of another
    /// build) with a warning, so `bulletin build .` with the output inside the sources reads only the
    /// sources, every time. A link that leads into build output (`old -> ../out/text`), the build's own or
    /// another's, is not followed, with a warning: it was made on purpose, and is still not read. An empty
    /// input is a usage error.
    public func search(under inputs: [String], excluding excluded: [String] = []) throws -> Found {
        var search = Search(claimed: Set(readers.fileExtensions.map { $0.lowercased() }),
                            excluded: Set(excluded.compactMap(FileIdentity.init(folder:))))
        for input in inputs {
            guard !input.isEmpty else {
                throw BulletinError(code: .invalidUsage, message: "an empty path names no source: name a file or folder, or . for the current folder")
            }
            var status = stat()
            guard lstat(input, &status) == 0 else {
                // Where nothing is, the input is wrong.
                throw BulletinError(code: .fileSystem, message: "\(input): no such file or folder\(Self.notUTF8Hint(input))")
            }
            let isLink = status.st_mode & S_IFMT == S_IFLNK
            if stat(input, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                search.collect(under: input, throughLink: isLink, named: true, holders: FileIdentity.lineage(ofFolder: input).map(\.identity))
            } else {
                // A link to nothing is named, and reading it says so.
                search.add(input, identity: FileIdentity(path: input), throughLink: isLink)
            }
        }
        // Folders reached through links last, so that a folder is named by its own path when it has one.
        while !search.linked.isEmpty {
            let link = search.linked.removeFirst()
            search.follow(link.path, heldBy: link.holders)
        }
        return Found(files: search.paths.map(SourceFile.init(onDisk:)), folders: search.folders.inByteOrder(), warnings: search.warnings.sorted(),
                     errors: search.errors.sorted())
    }

    /// What to add to "no such file" for the path `missing` named on the command line: an argument that was
    /// not UTF-8 comes with U+FFFD in its bytes' place, and names nothing.
    public static func notUTF8Hint(_ missing: String) -> String {
        missing.unicodeScalars.contains("\u{FFFD}") ? "; a name that is not UTF-8 (shown with U+FFFD) cannot be given: rename it in UTF-8" : ""
    }

    /// The paths of the files ``search(under:excluding:)`` finds.
    public func paths(under inputs: [String], excluding excluded: [String] = []) throws -> [String] {
        try search(under: inputs, excluding: excluded).files.map(\.path)
    }

    /// The files ``search(under:excluding:)`` finds.
    public func files(under inputs: [String], excluding excluded: [String] = []) throws -> [SourceFile] {
        try search(under: inputs, excluding: excluded).files
    }

    /// A search in progress.
    private struct Search {
        /// The extensions readers claim, lowercased.
        let claimed: Set<String>
        /// The folders never searched, nor mentioned.
        let excluded: Set<FileIdentity>
        /// Each file found, by the path that names it, and whether that path goes through a link.
        var files: [FileIdentity: (path: String, throughLink: Bool)] = [:]
        /// Files that cannot be looked at (a link to nothing), by path: reading them says why.
        var unknown: [String] = []
        var folders: [String] = []
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        /// Every folder reached, however: a link leading back up reaches one again.
        var reached: Set<FileIdentity> = []
        /// Whether each folder above a link's target holds a build record, as far as asked.
        var recordFolders: [FileIdentity: Bool] = [:]
        /// Links to folders found, to be searched after every folder reached without one, each with the
        /// folders that hold the folder it is in.
        var linked: [(path: String, holders: [FileIdentity])] = []

        /// The paths of the files found, in the order of their bytes. Never a `Set<String>`: Swift's strings
        /// are equal when their letters are (`café` composed or decomposed), where file names are bytes, and
        /// one of two files so named was left out.
        var paths: [String] {
            (unknown + files.values.map(\.path)).inByteOrder()
        }

        /// Adds the file `identity` at `path`, unless a path already found for it goes through no link where
        /// this one does, or comes first in path order: a file reached twice is read once, by one name
        /// whatever order the file system lists entries in.
        mutating func add(_ path: String, identity: FileIdentity?, throughLink: Bool, isLink: Bool = false) {
            // A link leading into build output is left out; every other path to a file there passes through
            // its folder, which is.
            if isLink, !mayFollow(link: path, lineage: FileIdentity.lineage(ofFileAt: path)) { return }
            guard let identity else {
                unknown.append(path)
                return
            }
            if let kept = files[identity] {
                let keptComesFirst = kept.throughLink == throughLink ? !path.utf8.lexicographicallyPrecedes(kept.path.utf8) : !kept.throughLink
                if keptComesFirst { return }
            }
            files[identity] = (path, throughLink)
        }

        /// Searches the folder the link at `path` leads to, held by `holders` (the folders that hold the
        /// link) and by the folders above it, unless it lies in build output.
        mutating func follow(_ path: String, heldBy holders: [FileIdentity]) {
            let lineage = FileIdentity.lineage(ofFolder: path)
            guard mayFollow(link: path, lineage: lineage) else { return }
            collect(under: path, throughLink: true, holders: holders + lineage.map(\.identity))
        }

        /// Whether the link at `path`, which leads to what `lineage` holds, may be followed: false, with a
        /// warning that names it, when it leads into build output, the build's own or another's.
        private mutating func mayFollow(link path: String, lineage: [(identity: FileIdentity, path: String)]) -> Bool {
            guard let output = lineage.first(where: { excluded.contains($0.identity) || isBuildOutput($0) }) else { return true }
            let record = output.path + (output.path.hasSuffix("/") ? "" : "/") + BuildRecord.fileName
            let place = excluded.contains(output.identity) ? "the build's output folder" : "another build's output (\(record))"
            warnings.append(Diagnostic(
                id: "source.build-output", severity: .warning,
                message: "\(path) is not read for sources: it is a symbolic link to \(SymbolicLink.target(of: path) ?? "build output"), in \(place)",
                location: nil, fix: "remove the link: files a build wrote are never sources; link to the sources they were made from"
            ))
            return false
        }

        /// Whether the folder `folder` holds a build record, asked once a folder: every link to a file looks
        /// at each folder above the file, and an archive of links shares them.
        private mutating func isBuildOutput(_ folder: (identity: FileIdentity, path: String)) -> Bool {
            if let known = recordFolders[folder.identity] { return known }
            let holds = BuildRecord.isRecord(at: folder.path + (folder.path.hasSuffix("/") ? "" : "/") + BuildRecord.fileName)
            recordFolders[folder.identity] = holds
            return holds
        }

        /// Adds the claimed files under `folder`, reached through a symbolic link or not, and named among the
        /// inputs (which an excluded folder may be) or not, and held by the folders `holders` (above it in the
        /// file system, and those the search came down through), listed with the system's own calls:
        /// Foundation's enumerator spent more time on path strings than a large archive's reading took.
        mutating func collect(under folder: String, throughLink: Bool, named: Bool = false, holders: [FileIdentity]) {
            guard let directory = opendir(folder) else {
                unlistable(folder, "the folder cannot be listed: \(String(cString: strerror(errno)))")
                return
            }
            var subfolders: [String] = [], links: [String] = [], chain = holders
            do {
                defer { closedir(directory) }
                let descriptor = dirfd(directory)
                var status = stat()
                guard fstat(descriptor, &status) == 0 else { return }
                let identity = FileIdentity(status)
                guard named || !excluded.contains(identity), reached.insert(identity).inserted else { return }
                chain.append(identity)
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                if BuildRecord.isRecord(at: prefix + BuildRecord.fileName) {
                    warnings.append(Diagnostic(
                        id: "source.build-output", severity: .warning,
                        message: "\(folder) is not read for sources: it holds another build's output (\(BuildRecord.fileName))",
                        location: nil, fix: "move that build's output out of the source folders, or delete \(prefix + BuildRecord.fileName) if it holds sources"
                    ))
                    return
                }
                folders.append(folder)
                while true {
                    // readdir says its failure only in errno, which the calls for the entry before may have set.
                    errno = 0
                    guard let entry = readdir(directory) else {
                        if errno != 0 { unlistable(folder, "the folder could not be listed to its end: \(String(cString: strerror(errno)))") }
                        break
                    }
                    let name = entry.pointee.name
                    guard !name.hasPrefix(".") else { continue }
                    let path = prefix + name
                    // A folder is looked at whatever its name; a file only when a reader claims it.
                    let type = Int32(entry.pointee.d_type)
                    guard type != Int32(DT_REG) || isClaimed(name) else { continue }
                    let kind = Self.kind(of: entry.pointee, in: descriptor)
                    // A path is a string, which cannot hold a name that is not UTF-8: its U+FFFD would name no file.
                    guard !name.unicodeScalars.contains("\u{FFFD}") || entry.pointee.nameIsUTF8 else {
                        notUTF8(path, kind)
                        continue
                    }
                    switch kind {
                    case .file(let identity, let isLink):
                        if isClaimed(name) { add(path, identity: identity, throughLink: throughLink || isLink, isLink: isLink) }
                    // An entry that cannot be looked at is taken as its name says, and reading it says why it cannot be read.
                    case .unknown: if isClaimed(name) { unknown.append(path) }
                    case .folder: subfolders.append(path)
                    case .linkedFolder(let identity):
                        if chain.contains(identity) {
                            errors.append(SymbolicLink.loop(at: path, id: "source.link-loop", fix:
                                "remove the link, or link to a folder outside the one that holds it (a name that begins with a dot hides it from the search)"))
                        } else {
                            links.append(path)
                        }
                    case .other(let kind):
                        if isClaimed(name) {
                            warnings.append(Diagnostic(
                                id: "source.not-a-file", severity: .warning, message: "\(path) is not read: it is \(kind), not a file",
                                location: nil, fix: "give its contents in a regular file"
                            ))
                        }
                    }
                }
            }
            // In path order, so that which path names a folder reached twice does not depend on the order
            // the file system lists entries in; searched after the folder is closed, so a deep tree holds one
            // folder open at a time.
            linked += links.inByteOrder().map { ($0, chain) }
            for path in subfolders.inByteOrder() { collect(under: path, throughLink: throughLink, holders: chain) }
        }

        /// Records that `folder` cannot be listed, and why: an error at its path, as a file that cannot be read is.
        private mutating func unlistable(_ folder: String, _ message: String) {
            errors.append(Diagnostic(
                id: "source.unlistable", severity: .error, message: message, location: SourceLocation(path: folder, line: 1, column: 1),
                fix: "check that the folder exists and may be read and searched (its permissions), or move it out of the source folders"
            ))
        }

        /// Records that the entry at `path`, shown with U+FFFD for the bytes of its name that are not UTF-8,
        /// cannot be read or searched, when it is a folder, or a source a reader claims.
        private mutating func notUTF8(_ path: String, _ kind: Kind) {
            let what: String
            switch kind {
            case .file, .unknown:
                guard isClaimed(path) else { return }
                what = "the file's name is not UTF-8 (shown with U+FFFD), so it cannot be read"
            case .folder, .linkedFolder:
                what = "the folder's name is not UTF-8 (shown with U+FFFD), so it cannot be searched"
            case .other:
                return
            }
            errors.append(Diagnostic(
                id: "source.name-not-utf8", severity: .error, message: what, location: SourceLocation(path: path, line: 1, column: 1),
                fix: "rename it in UTF-8 (convmv -f latin1 -t utf8 --notest renames Latin-1 names)"
            ))
        }

        /// Whether a reader claims files named `name`, by their extension.
        private func isClaimed(_ name: String) -> Bool {
            guard let dot = name.lastIndex(of: ".") else { return false }
            return claimed.contains(name[name.index(after: dot)...].lowercased())
        }

        /// What an entry of a folder is.
        private enum Kind {
            /// A file, with its identity, and whether the entry is a link to it.
            case file(FileIdentity, isLink: Bool)
            case folder
            /// A link to a folder, with the folder's identity.
            case linkedFolder(FileIdentity)
            /// A link to nothing, or an entry that cannot be looked at.
            case unknown
            /// A named pipe, socket or device, with its name ("a named pipe").
            case other(String)
        }

        /// What the entry `entry` of the open folder `folder` is, a link followed to what it names. A file
        /// is looked at for its identity, relative to the folder, which costs less than by its whole path.
        private static func kind(of entry: dirent, in folder: Int32) -> Kind {
            if Int32(entry.d_type) == Int32(DT_DIR) { return .folder }
            var status = stat()
            var isLink = Int32(entry.d_type) == Int32(DT_LNK)
            let found = withUnsafeBytes(of: entry.d_name) { raw -> Bool in
                let name = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                // A file system that does not say what the entry is: ask whether it is a link.
                if Int32(entry.d_type) == Int32(DT_UNKNOWN) {
                    guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                    isLink = status.st_mode & S_IFMT == S_IFLNK
                }
                return fstatat(folder, name, &status, 0) == 0
            }
            guard found else { return .unknown }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .file(FileIdentity(status), isLink: isLink)
            case S_IFDIR: return isLink ? .linkedFolder(FileIdentity(status)) : .folder
            case S_IFIFO: return .other("a named pipe")
            case S_IFSOCK: return .other("a socket")
            default: return .other("a device")
            }
        }
    }

    /// The bytes of the file at `path`, read to its end but no further than `limit` bytes; or why they cannot
    /// be had. Any file that can be read to its end counts: a named pipe, `/dev/stdin` or a shell's `<(…)`
    /// as well as a regular file.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], SourceReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(descriptor) }
        return read(descriptor: descriptor, limit: limit)
    }

    /// Why the file at `path` cannot be read, for a message that follows its path: a symbolic link says
    /// what it names.
    public static func problem(reading path: String) -> String {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, stat(path, &status) != 0 {
            let reason = errno
            let named = SymbolicLink.target(of: path).map { " to " + $0 } ?? ""
            switch reason {
            case ENOENT: return "it is a symbolic link\(named), where nothing is"
            case ELOOP: return "it is a symbolic link\(named) that leads back to itself"
            default: return "it is a symbolic link\(named), which cannot be followed: \(String(cString: strerror(reason)))"
            }
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var byte: UInt8 = 0
        return Foundation.read(descriptor, &byte, 1) < 0 && errno != EAGAIN ? String(cString: strerror(errno)) : "it could not be read to its end"
    }

    /// The bytes of the open file `descriptor` from where it stands to its end, or why they cannot be had:
    /// more than `limit` of them is a failure, found by reading no more than a byte past it, so that a
    /// device or a pipe that never ends stops there rather than filling memory.
    static func read(descriptor: Int32, limit: Int) -> Result<[UInt8], SourceReadFailure> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(errno)) }
        // A regular file says its length: one past the limit is refused unread.
        if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit { return .failure(.tooLarge(limit: limit)) }
        var bytes: [UInt8] = []
        // Sized from the file's length, plus a byte to see the end; grown, in chunks up to a byte past the
        // limit, if the file grew meanwhile or says no length (a pipe, a device).
        var capacity = min(max(Int(status.st_size), 0), limit) + 1
        var count = 0
        while true {
            if bytes.count < capacity { bytes += [UInt8](repeating: 0, count: capacity - bytes.count) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, capacity - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if got == 0 { break }
            count += got
            if count > limit { return .failure(.tooLarge(limit: limit)) }
            if count == capacity { capacity = min(max(capacity * 2, 1 << 16), limit + 1) }
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }
}

extension dirent {
    /// The entry's name, as `readdir` gives it; bytes that are not UTF-8 are shown as U+FFFD (``nameIsUTF8``).
    var name: String {
        withUnsafeBytes(of: d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Whether the entry's name is UTF-8, so that ``name`` names it.
    var nameIsUTF8: Bool {
        withUnsafeBytes(of: d_name) { raw in String(validating: raw.prefix { $0 != 0 }, as: UTF8.self) != nil }
    }
}

/// A file or folder as the file system knows it, whatever path names it: links followed, so a link, a
/// hard link and the file itself are one.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    /// The identity of what `path` names, or nil when nothing is there.
    init?(path: String) {
        self.init(path: path, folderOnly: false)
    }

    /// The identity of the folder `folder` names, or nil when it names no folder.
    init?(folder: String) {
        self.init(path: folder, folderOnly: true)
    }

    private init?(path: String, folderOnly: Bool) {
        var status = stat()
        guard stat(path, &status) == 0, !folderOnly || status.st_mode & S_IFMT == S_IFDIR else { return nil }
        self.init(status)
    }

    /// The identity of the file `status` describes.
    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
