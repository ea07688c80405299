import BulletinModel
import Foundation

/// What a build leaves in its output folder for the next build into it: for each writer and issue whose
/// files can be kept, the key of everything that decided them, and the files. With it a later build keeps
/// an unchanged issue's files instead of making them again.
///
/// `OUTPUT/.bulletin-record` is text, one tab-separated line per key and per file, sorted:
/// ```
/// bulletin-record	1
/// key	<format>	<issue id, empty for the files that span the archive>	<key, hex>
/// filekey	<path>	<key, hex>
/// part	<path>	<key, hex>	<offset>	<bytes>
/// file	<format>	<issue id or empty>	<bytes>	<sha256>	<path>
/// ```
/// No field holds a tab or a line break: output paths are checked for control characters, and formats and
/// issue ids are names. It holds only what the build's files are, so the same sources give the same record.
struct BuildRecord: Sendable, Equatable {
    /// The files one writer made for one issue, or for the whole archive (`issue` empty).
    struct Group: Hashable, Sendable, Comparable {
        var format: String
        var issue: String

        static func < (a: Group, b: Group) -> Bool { (a.format, a.issue) < (b.format, b.issue) }
    }

    static let fileName = ".bulletin-record"
    /// What every record's first line begins with, whatever its version.
    private static let signature = "bulletin-record\t"
    private static let header = signature + "1"

    /// Each group's key.
    var keys: [Group: String] = [:]
    /// Each group's files, sorted by path.
    var files: [Group: [Manifest.FileEntry]] = [:]
    /// The keys of single archive-wide files, by path (``FileKeeping``); each is one of the files of its
    /// writer's archive-wide group.
    var fileKeys: [String: String] = [:]
    /// Runs of archive-wide files made in parts (``FileKeeping/keptPart(of:key:)``): by path, each part's
    /// key and where it lies in the file.
    var parts: [String: [String: Part]] = [:]

    /// Where a part lies in its file.
    struct Part: Hashable, Sendable {
        var offset: Int
        var count: Int
    }

    /// The record of the groups in `keys`, with their files among `entries`, of the single files in
    /// `fileKeys` and of the parts in `parts`.
    init(keys: [Group: String], fileKeys: [String: String] = [:], parts: [String: [String: Part]] = [:], entries: [Manifest.FileEntry]) {
        self.keys = keys
        self.fileKeys = fileKeys
        self.parts = parts
        for entry in entries {
            let group = Group(format: entry.format, issue: entry.issue ?? "")
            if keys[group] != nil { files[group, default: []].append(entry) }
        }
    }

    /// Reads a record; nil when `bytes` is not one this program wrote (any line out of place).
    ///
    /// Read as bytes, fields cut at tabs, since a record of 10,000 articles has some 33,000 lines: split
    /// as a `String`, by characters, it took more than half a second.
    init?(parsing bytes: [UInt8]) {
        let parsed: Bool = bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            var fields: [Range<Int>] = []
            var lineNumber = 0
            var current = Group(format: "", issue: "")
            var currentFiles: [Manifest.FileEntry] = []
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
                range.count == text.utf8CodeUnitCount && memcmp(bytes.baseAddress! + range.lowerBound, text.utf8Start, range.count) == 0
            }
            while lineStart < bytes.count {
                guard let end = (lineStart..<bytes.count).first(where: { bytes[$0] == 0x0A }) else { return false }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart..<end where bytes[index] == 0x09 {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                fields.append(fieldStart..<end)
                defer { lineStart = end + 1; lineNumber += 1 }
                if lineNumber == 0 {
                    guard fields.count == 2, equals(fields[0], "bulletin-record"), equals(fields[1], "1") else { return false }
                } else if fields.count == 4, equals(fields[0], "key") {
                    keys[Group(format: string(fields[1]), issue: string(fields[2]))] = string(fields[3])
                } else if fields.count == 3, equals(fields[0], "filekey") {
                    guard OutputPath.isSafe(string(fields[1])) else { return false }
                    fileKeys[string(fields[1])] = string(fields[2])
                } else if fields.count == 5, equals(fields[0], "part") {
                    guard OutputPath.isSafe(string(fields[1])), let offset = Int(string(fields[3])), let count = Int(string(fields[4])),
                          offset >= 0, count >= 0 else { return false }
                    parts[string(fields[1]), default: [:]][string(fields[2])] = Part(offset: offset, count: count)
                } else if fields.count == 6, equals(fields[0], "file") {
                    // A path that could leave the output folder is no path a build wrote: the record is not used.
                    guard let size = Int(string(fields[3])), OutputPath.isSafe(string(fields[5])) else { return false }
                    let format = string(fields[1]), issue = string(fields[2])
                    let group = Group(format: format, issue: issue)
                    if group != current {
                        if !currentFiles.isEmpty { files[current, default: []] += currentFiles }
                        current = group
                        currentFiles = []
                    }
                    currentFiles.append(Manifest.FileEntry(path: string(fields[5]), format: format, issue: issue.isEmpty ? nil : issue,
                                                           bytes: size, sha256: string(fields[4])))
                } else {
                    return false
                }
            }
            if !currentFiles.isEmpty { files[current, default: []] += currentFiles }
            return lineNumber > 0
        }
        guard parsed else { return nil }
    }

    /// Whether the file at `path` is a build record of some version: its first line is ``signature`` and a
    /// version number. An empty file, or any other that only has the name, is not; nor is anything but a
    /// regular file (a named pipe is not waited on).
    static func isRecord(at path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
        let signature = Array(Self.signature.utf8)
        guard count > signature.count, bytes.starts(with: signature) else { return false }
        let version = bytes[signature.count..<count].prefix { $0 != 0x0A }
        return !version.isEmpty && signature.count + version.count < count && version.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The record as its file holds it, handed to `write` a piece at a time: at 10,000 articles it has
    /// some 33,000 lines.
    func forEachPiece(_ write: ([UInt8]) throws -> Void) rethrows {
        var piece: [UInt8] = []
        piece.reserveCapacity(1 << 16)
        func line(_ fields: [String]) throws {
            for (index, field) in fields.enumerated() {
                if index > 0 { piece.append(0x09) }
                piece.append(contentsOf: field.utf8)
            }
            piece.append(0x0A)
            if piece.count >= 1 << 16 {
                try write(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        try line([Self.header])
        for group in keys.keys.sorted() { try line(["key", group.format, group.issue, keys[group]!]) }
        for path in fileKeys.keys.sorted() { try line(["filekey", path, fileKeys[path]!]) }
        for path in parts.keys.sorted() {
            // By place in the file, which is the order they were written in.
            for (key, part) in parts[path]!.sorted(by: { ($0.value.offset, $0.key) < ($1.value.offset, $1.key) }) {
                try line(["part", path, key, String(part.offset), String(part.count)])
            }
        }
        for group in files.keys.sorted() {
            for entry in files[group]! {
                try line(["file", entry.format, entry.issue ?? "", String(entry.bytes), entry.sha256, entry.path])
            }
        }
        try write(piece)
    }

    /// The record as its file holds it.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        forEachPiece { bytes += $0 }
        return bytes
    }
}
