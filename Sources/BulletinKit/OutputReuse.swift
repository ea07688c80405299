import BulletinModel
import BulletinWriters
import Foundation
import Synchronization

/// Keeps the files of a previous build whose inputs have not changed, and records the keys of this one.
///
/// A writer's files for an issue are kept when their key is the one recorded: a digest of the program's
/// build id, the writer's format, the build's context (settings, theme files, formats), the whole issue
/// (every field of every article, bodies included, after every transform: ``JSONWriter/digest(of:)``)
/// and what the writer says it reads of the rest of the archive (``Writer/dependencies(of:in:context:)``). The files that span the
/// archive are kept when the whole archive is unchanged. A kept file is linked into the new output (copied
/// where links cannot be made), with the size and hash recorded before, after checking that it is still
/// there, still that size, and not changed since the record was written.
///
/// The same sources therefore give the same bytes whether a build keeps files or makes them all; tests
/// hold builds that keep files to the bytes of builds that do not.
final class OutputReuse: Sendable {
    /// The previous output folder, as a path ending in a slash.
    private let previousRoot: String
    /// The previous build's record, when there is one to keep files from.
    private let previous: BuildRecord?
    /// When the previous record was written: a file changed since then is not kept.
    private let recordTime: timespec
    private let program: String
    private let keys = Mutex<[BuildRecord.Group: String]>([:])
    private let fileKeys = Mutex<[String: String]>([:])
    private let parts = Mutex<[String: [String: BuildRecord.Part]]>([:])
    /// The previous files whose parts were looked for, with their sizes when they are as recorded, else nil
    /// (``keptPart(of:key:context:)``).
    private let checkedPartFiles = Mutex<[String: Int?]>([:])
    private let keptFiles = Mutex(0)
    private let keptParts = Mutex(0)
    /// The previous build's archive-wide files that have keys or parts of their own, by path.
    private let previousKeyedFiles: [String: Manifest.FileEntry]

    /// Reuse for a build into `output` by the running program; nil when the program cannot be told from
    /// another (it has no build id), as nothing could be kept safely. With `keepingFiles` false nothing is
    /// kept, and the keys are still recorded for the next build.
    init?(output: URL, keepingFiles: Bool) {
        guard let program = ProgramIdentity.current else { return nil }
        self.program = program
        let root = output.standardizedFileURL.path
        previousRoot = root.hasSuffix("/") ? root : root + "/"
        let path = previousRoot + BuildRecord.fileName
        var status = stat()
        if keepingFiles, stat(path, &status) == 0, let bytes = FileManager.default.contents(atPath: path) {
            previous = BuildRecord(parsing: Array(bytes))
            recordTime = status.st_mtim
        } else {
            previous = nil
            recordTime = timespec()
        }
        var keyed: [String: Manifest.FileEntry] = [:]
        if let previous, !previous.fileKeys.isEmpty || !previous.parts.isEmpty {
            for (group, files) in previous.files where group.issue.isEmpty {
                for file in files where previous.fileKeys[file.path] != nil || previous.parts[file.path] != nil { keyed[file.path] = file }
            }
        }
        previousKeyedFiles = keyed
    }

    /// How many files were kept from the previous build.
    var kept: Int { keptFiles.withLock { $0 } }

    /// How many parts of files made again were copied from the previous build's files.
    var partsKept: Int { keptParts.withLock { $0 } }

    // MARK: - Keys

    /// The part of every key that is the same for all of one writer's files in this build.
    func contextDigest(for writer: any Writer, context: WriterContext) -> [UInt8] {
        var digest = ContentDigest()
        digest.add("bulletin-output-key 1")
        digest.add(program)
        digest.add(writer.format)
        // The settings the writer reads: a new site title keeps the books. Settings are plain fields, which
        // JSON always encodes; were it ever to fail, nothing would be kept.
        let settings = writer.settingsRead(from: context.settings)
        digest.add(bytes: (try? JSONWriter.encode(settings, pretty: false)) ?? Array(UUID().uuidString.utf8))
        for format in context.formats.sorted() { digest.add(format) }
        // The theme files the writer reads: changing the site's stylesheet leaves the books as they were.
        for path in context.theme.files.keys.sorted() where writer.readsThemeFile(path) {
            digest.add(path)
            digest.add(bytes: context.theme.files[path]!)
        }
        // And the bundled strings files beneath the theme's, which give the words those leave out.
        for path in context.theme.bundledStrings.keys.sorted() where writer.readsThemeFile(path) {
            digest.add("bundled " + path)
            digest.add(bytes: context.theme.bundledStrings[path]!)
        }
        return digest.finalize()
    }

    /// The digest of an archive from the digests of its issues, in order: `issueDigests` are
    /// ``JSONWriter/digest(of:)`` of each issue. `form` tells an archive with bodies from one of headers only.
    static func archiveDigest(_ archive: Archive, issueDigests: [[UInt8]], form: String) -> [UInt8] {
        var digest = ContentDigest()
        digest.add(form)
        var next = 0
        for publication in archive.publications {
            digest.add(bytes: [1])
            digest.add(publication.name)
            digest.add(publication.slug)
            for volume in publication.volumes {
                digest.add(bytes: [2])
                digest.add(volume.number)
                for _ in volume.issues {
                    digest.add(bytes: issueDigests[next])
                    next += 1
                }
            }
        }
        return digest.finalize()
    }

    // MARK: - Keeping files

    /// Writes one group's files with `write`, unless the previous build's files for it were made from the
    /// same key and are still as it left them: those are kept in `sink` instead. The key is recorded
    /// either way. `parts` are the digests that, after the context, make the key.
    func write(format: String, issue: String?, context: [UInt8], parts: [[UInt8]], to sink: DirectorySink, _ write: () throws -> Void) throws {
        var digest = ContentDigest()
        digest.add(bytes: context)
        for part in parts { digest.add(bytes: part) }
        let key = digest.finalize().hexString
        let group = BuildRecord.Group(format: format, issue: issue ?? "")
        keys.withLock { $0[group] = key }
        if let previous, previous.keys[group] == key, let files = previous.files[group], try keep(files, in: sink) {
            keptFiles.withLock { $0 += files.count }
            // The files' own keys and parts are as they were, and the next build may need them.
            let carried = files.compactMap { file in previous.fileKeys[file.path].map { (file.path, $0) } }
            if !carried.isEmpty { fileKeys.withLock { keys in for (path, key) in carried { keys[path] = key } } }
            let carriedParts = files.compactMap { file in previous.parts[file.path].map { (file.path, $0) } }
            if !carriedParts.isEmpty { self.parts.withLock { recorded in for (path, list) in carriedParts { recorded[path] = list } } }
            return
        }
        try write()
    }

    /// Keeps the single archive-wide file at `path` from the previous build when its key, made of `context`
    /// (``contextDigest(for:context:)``) and `key`, is the one recorded, and records the key either way.
    func keepFile(_ path: String, key: [UInt8], context: [UInt8], in sink: DirectorySink) throws -> Bool {
        var digest = ContentDigest()
        digest.add(bytes: context)
        digest.add("file")
        digest.add(path)
        digest.add(bytes: key)
        let full = digest.finalize().hexString
        let earlier: Bool = fileKeys.withLock { keys in
            defer { keys[path] = full }
            return keys[path] != nil
        }
        guard !earlier else { throw BulletinError(code: .writer, message: "a writer gave two keys for \(path)") }
        guard previous?.fileKeys[path] == full, let file = previousKeyedFiles[path], try keep([file], in: sink) else { return false }
        keptFiles.withLock { $0 += 1 }
        return true
    }

    /// The previous build's bytes of the part named `key` (made with `context`, ``contextDigest(for:context:)``)
    /// of the file at `path`, when that build recorded such a part and its file is still as it left it.
    func keptPart(of path: String, key: [UInt8], context: [UInt8]) throws -> [UInt8]? {
        guard let previous, let part = previous.parts[path]?[Self.partKey(path, key: key, context: context)] else { return nil }
        // The file's recorded size when it is still as the previous build left it, looked up once a file.
        let size: Int? = checkedPartFiles.withLock { checked in
            if let known = checked[path] { return known }
            var status = stat()
            let file = previousKeyedFiles[path]
            let intact = file != nil && lstat(previousRoot + path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
                && Int(status.st_size) == file!.bytes && Self.isBefore(status.st_mtim, recordTime)
            let size = intact ? file!.bytes : nil
            checked.updateValue(size, forKey: path)
            return size
        }
        guard let size, part.offset + part.count <= size else { return nil }
        let descriptor = open(previousRoot + path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: part.count)
        var done = 0
        while done < part.count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, part.count - done, off_t(part.offset + done)) }
            guard read > 0 else { return nil }
            done += read
        }
        keptParts.withLock { $0 += 1 }
        return bytes
    }

    /// Records, for the next build, where the part named `key` (made with `context`) lies in the file at `path`.
    func recordPart(of path: String, key: [UInt8], context: [UInt8], offset: Int, count: Int) {
        let full = Self.partKey(path, key: key, context: context)
        parts.withLock { $0[path, default: [:]][full] = BuildRecord.Part(offset: offset, count: count) }
    }

    private static func partKey(_ path: String, key: [UInt8], context: [UInt8]) -> String {
        var digest = ContentDigest()
        digest.add(bytes: context)
        digest.add("part")
        digest.add(path)
        digest.add(bytes: key)
        return digest.finalize().hexString
    }


    /// Links `files` from the previous output into `sink`, when every one is still there as recorded.
    private func keep(_ files: [Manifest.FileEntry], in sink: DirectorySink) throws -> Bool {
        for file in files {
            var status = stat()
            guard lstat(previousRoot + file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                  Int(status.st_size) == file.bytes, Self.isBefore(status.st_mtim, recordTime)
            else { return false }
        }
        try sink.keep(files, from: previousRoot)
        return true
    }

    /// Whether `a` is strictly earlier than `b`: a file written in the same clock tick as the record might
    /// have changed after it, so it is made again.
    private static func isBefore(_ a: timespec, _ b: timespec) -> Bool {
        a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec)
    }

    /// This build's record: its keys, and the files of each keyed group among `entries`.
    func record(entries: [Manifest.FileEntry]) -> BuildRecord {
        BuildRecord(keys: keys.withLock { $0 }, fileKeys: fileKeys.withLock { $0 }, parts: parts.withLock { $0 }, entries: entries)
    }

    /// Waits until the file system's clock has moved past every file written so far, so that the record,
    /// written next, is newer than all of them: file times advance in ticks of a few milliseconds, and a
    /// file that shared the record's tick would not be kept by the next build.
    static func waitForNextTick() {
        var written = timespec(), now = timespec()
        clock_gettime(CLOCK_REALTIME, &written)
        repeat {
            usleep(500)
            clock_gettime(CLOCK_REALTIME_COARSE, &now)
        } while !isBefore(written, now)
    }
}

/// One build's writing through an ``OutputReuse``: the digests it needs, made once, and the writers'
/// calls, which keep files where they can. Without reuse (or with a sink that is not a folder) the
/// writers are simply called.
struct KeptOutput: Sendable {
    private let reuse: OutputReuse?
    private let sink: DirectorySink?
    private let writers: [any Writer]
    private let contextDigests: [[UInt8]]
    private let issueDigests: [[UInt8]]
    private let archiveDigest: [UInt8]
    /// Whether `issueDigests` are of whole issues, as the archive-wide writers are given them (not made again).
    private let issuesAreWhole: Bool

    /// Prepares `writers` to write into `sink`; `digests` gives the digest of each issue of the archive
    /// the writers are given, in order, and of that archive (``OutputReuse/archiveDigest(_:issueDigests:form:)``),
    /// and is called only when files may be kept. With `issuesMadeAgain` (a streamed build, whose issues are
    /// digested as they are made again, ``digest(of:)``), it is called only when some writer's archive-wide
    /// files may be kept, as they alone need it.
    init(reuse: OutputReuse?, sink: any OutputSink, writers: [any Writer], context: WriterContext, issuesMadeAgain: Bool = false,
         digests: () async -> (issues: [[UInt8]], archive: [UInt8])) async {
        self.writers = writers
        issuesAreWhole = !issuesMadeAgain
        guard let reuse, let directory = sink as? DirectorySink else {
            (self.reuse, self.sink, contextDigests, issueDigests, archiveDigest) = (nil, nil, [], [], [])
            return
        }
        self.reuse = reuse
        self.sink = directory
        contextDigests = writers.map { reuse.contextDigest(for: $0, context: context) }
        if issuesMadeAgain, !writers.contains(where: { $0.archiveFilesAreReusable(context: context) }) {
            (issueDigests, archiveDigest) = ([], [])
        } else {
            (issueDigests, archiveDigest) = await digests()
        }
    }

    /// The digest of the archive's issue at `index`, when files may be kept.
    func issueDigest(_ index: Int) -> [UInt8]? {
        issueDigests.indices.contains(index) ? issueDigests[index] : nil
    }

    /// The digest of `issue`, when files may be kept: for issues made again while writing.
    func digest(of issue: Issue) -> [UInt8]? {
        reuse == nil ? nil : JSONWriter.digest(of: issue)
    }

    /// Has writer `index` write `issue` (whose digest is `digest`), or keeps the files it wrote for it before.
    func write(_ issue: Issue, digest: [UInt8]?, in archive: Archive, with index: Int, to sink: any OutputSink, context: WriterContext) throws {
        let writer = writers[index]
        guard let reuse, let directory = self.sink, let digest,
              let dependencies = writer.dependencies(of: issue, in: archive, context: context)
        else { return try writer.write(issue, in: archive, to: sink, context: context) }
        try reuse.write(format: writer.format, issue: issue.id, context: contextDigests[index], parts: [digest, dependencies], to: directory) {
            try writer.write(issue, in: archive, to: sink, context: context)
        }
    }

    /// Has writer `index` write the files that span `archive`, or keeps those it wrote for the same archive before.
    func writeArchive(_ archive: Archive, with index: Int, to sink: any OutputSink, context: WriterContext) throws {
        let writer = writers[index]
        guard let reuse, let directory = self.sink, writer.archiveFilesAreReusable(context: context)
        else { return try writer.writeArchive(archive, to: sink, context: context) }
        try reuse.write(format: writer.format, issue: nil, context: contextDigests[index], parts: [archiveDigest], to: directory) {
            var context = context
            if issuesAreWhole, issueDigests.count == archive.issueCount {
                context.keeping = FileKeeper(reuse: reuse, sink: directory, context: contextDigests[index], issueDigests: issueDigests)
            }
            try writer.writeArchive(archive, to: sink, context: context)
        }
    }
}

/// ``FileKeeping`` for one writer's archive-wide files in a build through an ``OutputReuse``.
private struct FileKeeper: FileKeeping {
    let reuse: OutputReuse
    let sink: DirectorySink
    /// The writer's ``OutputReuse/contextDigest(for:context:)``.
    let context: [UInt8]
    let issueDigests: [[UInt8]]

    func issueDigest(_ index: Int) -> [UInt8] { issueDigests[index] }

    func keep(_ path: String, key: [UInt8]) throws -> Bool {
        try reuse.keepFile(path, key: key, context: context, in: sink)
    }

    func keptPart(of path: String, key: [UInt8]) throws -> [UInt8]? {
        try reuse.keptPart(of: path, key: key, context: context)
    }

    func recordPart(of path: String, key: [UInt8], offset: Int, count: Int) {
        reuse.recordPart(of: path, key: key, context: context, offset: offset, count: count)
    }
}
