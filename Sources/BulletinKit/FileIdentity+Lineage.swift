import BulletinModel
import Foundation

extension FileIdentity {
    /// The folder `folder` names, links followed, then each folder above it to the root of the file system,
    /// nearest first, each with its path: above what a link leads to, not above the link. Empty when
    /// `folder` names nothing that can be resolved.
    static func lineage(ofFolder folder: String) -> [(identity: FileIdentity, path: String)] {
        lineage(of: folder, holdersOnly: false)
    }

    /// The folders that hold the file `path` names, links followed, nearest first, to the root of the file
    /// system, each with its path.
    static func lineage(ofFileAt path: String) -> [(identity: FileIdentity, path: String)] {
        lineage(of: path, holdersOnly: true)
    }

    private static func lineage(of path: String, holdersOnly: Bool) -> [(identity: FileIdentity, path: String)] {
        guard let resolved = realpath(path, nil) else { return [] }
        defer { free(resolved) }
        var current = String(cString: resolved)
        if holdersOnly { current = parent(of: current) }
        var lineage: [(identity: FileIdentity, path: String)] = []
        // A resolved path has no `.`, `..` or link in it: each shorter prefix is the folder above.
        while let identity = FileIdentity(path: current) {
            lineage.append((identity, current))
            if current == "/" { break }
            current = parent(of: current)
        }
        return lineage
    }

    /// The folder above the resolved path `path`.
    private static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return "/" }
        return String(path[..<slash])
    }
}

/// What a search needs to know of a symbolic link: where it leads, as it is written, and whether following
/// it to a folder would search again a folder that holds it.
enum SymbolicLink {
    /// What the link at `path` holds, as it was written (`../out/text`); nil when `path` is no link.
    static func target(of path: String) -> String? {
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &target, target.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: target.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The error for the link at `path` to a folder that holds it, under the stable `id`, whose `fix` says
    /// where to point it instead. An error, not a skip with a warning: a link to `/` or `..` is a mistake,
    /// and a build that went on would have searched, and could have published, all the folder holds.
    static func loop(at path: String, id: String, fix: String) -> Diagnostic {
        Diagnostic(
            id: id, severity: .error,
            message: "the symbolic link to \(target(of: path) ?? "a folder") is not followed: it leads back to a folder that holds it, which would be searched again with all it holds",
            location: SourceLocation(path: path, line: 1, column: 1), fix: fix
        )
    }
}
