import Foundation
import BulletinWriters

extension Manifest {
    /// `manifest.json`: sorted keys, two spaces a level, `"key": value`, as every indented JSON document
    /// Bulletin writes (``JSONTreeSerializer``), written straight into one buffer, because a manifest lists
    /// every file of a build and an encoder's intermediate tree costs many times its size.
    public var json: [UInt8] {
        var out = JSONTreeSerializer(pretty: true, capacity: 1 << 16)
        write(into: &out, emit: nil)
        return out.bytes
    }

    /// Writes ``json`` to a new file at `url` in pieces, so a large build's manifest is never held whole.
    public func write(to url: URL) throws {
        let file = try OutputFile(creating: url.path, shownAs: "manifest.json")
        var failure: (any Error)?
        var out = JSONTreeSerializer(pretty: true, capacity: Self.pieceSize + (1 << 12))
        let emit = { (piece: [UInt8]) in
            guard failure == nil else { return }
            do { try file.write(piece) } catch { failure = error }
        }
        write(into: &out, emit: emit)
        emit(out.takeBytes())
        if let failure {
            file.abandon()
            throw failure
        }
        try file.close()
    }

    /// How many bytes are made before they are handed on to the file.
    private static let pieceSize = 1 << 18

    /// Writes the manifest into `out`, members in sorted key order (the order of its `Codable` form with
    /// sorted keys), handing the bytes made so far to `emit`, when given, after each entry past ``pieceSize``.
    private func write(into out: inout JSONTreeSerializer, emit: (([UInt8]) -> Void)?) {
        func handOn(_ out: inout JSONTreeSerializer) {
            if let emit, out.count >= Self.pieceSize { emit(out.takeBytes()) }
        }
        out.object { out in
            out.key("files")
            out.array(files) { out, file in
                out.object { out in
                    out.member("bytes", file.bytes)
                    out.member("format", file.format)
                    out.member("issue", file.issue)
                    out.member("path", file.path)
                    out.member("sha256", file.sha256)
                }
                handOn(&out)
            }
            out.key("formats")
            out.array(formats) { out, format in out.string(format) }
            out.key("generator")
            out.object { out in
                out.member("name", generator.name)
                out.member("version", generator.version)
            }
            out.key("issues")
            out.array(issues) { out, issue in
                out.object { out in
                    out.key("articles")
                    out.array(issue.articles) { out, article in
                        out.object { out in
                            out.member("id", article.id)
                            out.member("slug", article.slug)
                            out.member("source", article.source)
                            out.member("sourceHash", article.sourceHash)
                            out.member("title", article.title)
                        }
                    }
                    out.member("date", issue.date)
                    out.member("id", issue.id)
                    out.member("issue", issue.issue)
                    out.member("publication", issue.publication)
                    out.member("volume", issue.volume)
                }
                handOn(&out)
            }
            out.member("manifestVersion", manifestVersion)
        }
        out.newline()
    }
}
