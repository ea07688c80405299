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
    private static let header = "bulletin-record\t1"

    /// Each group's key.
    var keys: [Group: String] = [:]
    /// Each group's files, sorted by path.
    var files: [Group: [Manifest.FileEntry]] = [:]

    /// The record of the groups in `keys`, with their files among `entries`.
    init(keys: [Group: String], entries: [Manifest.FileEntry]) {
        self.keys = keys
        for entry in entries {
            let group = Group(format: entry.format, issue: entry.issue ?? "")
            if keys[group] != nil { files[group, default: []].append(entry) }
        }
    }

    /// Reads a record; nil when `bytes` is not one this program wrote (any line out of place).
    init?(parsing bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header), lines.popLast() == "" else { return nil }
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "key" where fields.count == 4:
                keys[Group(format: String(fields[1]), issue: String(fields[2]))] = String(fields[3])
            case "file" where fields.count == 6:
                guard let size = Int(fields[3]) else { return nil }
                let issue = fields[2].isEmpty ? nil : String(fields[2])
                let entry = Manifest.FileEntry(path: String(fields[5]), format: String(fields[1]), issue: issue, bytes: size, sha256: String(fields[4]))
                files[Group(format: entry.format, issue: entry.issue ?? ""), default: []].append(entry)
            default:
                return nil
            }
        }
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
