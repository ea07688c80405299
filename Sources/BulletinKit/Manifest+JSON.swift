import Foundation
import BulletinWriters

extension Manifest {
    /// `manifest.json`: the bytes Foundation's `JSONEncoder` gives with sorted keys, pretty printing and
    /// unescaped slashes (a test holds the two equal), written straight into one buffer, because a
    /// manifest lists every file of a build and the encoder's intermediate tree costs many times its size.
    public var json: [UInt8] {
        var out = ManifestJSON()
        write(into: &out)
        return out.bytes
    }

    /// Writes ``json`` to a new file at `url` in pieces, so a large build's manifest is never held whole.
    public func write(to url: URL) throws {
        let file = try OutputFile(creating: url.path, shownAs: "manifest.json")
        var failure: (any Error)?
        var out = ManifestJSON { piece in
            guard failure == nil else { return }
            do { try file.write(piece) } catch { failure = error }
        }
        write(into: &out)
        out.flush()
        if let failure {
            file.abandon()
            throw failure
        }
        try file.close()
    }

    private func write(into out: inout ManifestJSON) {
        out.object(0) { out in
            out.key("files", 1)
            out.array(files, 1) { out, file in
                out.object(2) { out in
                    out.key("bytes", 3); out.number(file.bytes); out.comma()
                    out.key("format", 3); out.string(file.format); out.comma()
                    if let issue = file.issue { out.key("issue", 3); out.string(issue); out.comma() }
                    out.key("path", 3); out.string(file.path); out.comma()
                    out.key("sha256", 3); out.string(file.sha256)
                }
            }
            out.comma()
            out.key("formats", 1)
            out.array(formats, 1) { out, format in out.indent(2); out.string(format) }
            out.comma()
            out.key("generator", 1)
            out.object(1) { out in
                out.key("name", 2); out.string(generator.name); out.comma()
                out.key("version", 2); out.string(generator.version)
            }
            out.comma()
            out.key("issues", 1)
            out.array(issues, 1) { out, issue in
                out.object(2) { out in
                    out.key("articles", 3)
                    out.array(issue.articles, 3) { out, article in
                        out.object(4) { out in
                            out.key("id", 5); out.string(article.id); out.comma()
                            out.key("slug", 5); out.string(article.slug); out.comma()
                            out.key("source", 5); out.string(article.source); out.comma()
                            out.key("sourceHash", 5); out.string(article.sourceHash); out.comma()
                            out.key("title", 5); out.string(article.title)
                        }
                    }
                    out.comma()
                    if let date = issue.date { out.key("date", 3); out.string(date); out.comma() }
                    out.key("id", 3); out.string(issue.id); out.comma()
                    out.key("issue", 3); out.number(issue.issue); out.comma()
                    out.key("publication", 3); out.string(issue.publication); out.comma()
                    out.key("volume", 3); out.number(issue.volume)
                }
            }
            out.comma()
            out.key("manifestVersion", 1); out.number(manifestVersion)
        }
        out.bytes.append(0x0A)
    }
}

/// The pieces of pretty-printed JSON in the layout `JSONEncoder` uses: two spaces a level, `" : "`
/// after keys, and an empty array or object written as `[\n\n]` at its own indentation.
private struct ManifestJSON {
    var bytes: [UInt8] = []
    /// Takes the bytes made so far whenever a value ends past ``pieceSize``; nil keeps them all in `bytes`.
    private let emit: (([UInt8]) -> Void)?
    private static let pieceSize = 1 << 18

    init(emit: (([UInt8]) -> Void)? = nil) {
        self.emit = emit
    }

    /// Hands the bytes made so far on, when there is somewhere to hand them.
    mutating func flush() {
        guard let emit, !bytes.isEmpty else { return }
        emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    mutating func comma() {
        bytes.append(contentsOf: ",\n".utf8)
    }

    /// A key on its own line at `level`, then the separator.
    mutating func key(_ name: String, _ level: Int) {
        indent(level)
        string(name)
        bytes.append(contentsOf: " : ".utf8)
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// An object whose members `body` writes, each on its own line at `level + 1`, with commas between.
    mutating func object(_ level: Int, _ body: (inout ManifestJSON) -> Void) {
        if bytes.last == UInt8(ascii: "\n") { indent(level) }
        bytes.append(contentsOf: "{\n".utf8)
        body(&self)
        bytes.append(0x0A)
        indent(level)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array whose elements `element` writes, each on its own line at `level + 1`, with commas between.
    mutating func array<Element>(_ elements: [Element], _ level: Int, _ element: (inout ManifestJSON, Element) -> Void) {
        bytes.append(contentsOf: "[\n".utf8)
        for (index, item) in elements.enumerated() {
            if index > 0 { comma() }
            element(&self, item)
            if bytes.count >= Self.pieceSize { flush() }
        }
        bytes.append(0x0A)
        indent(level)
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String) {
        JSONTreeSerializer.appendLiteral(value, to: &bytes)
    }
}
