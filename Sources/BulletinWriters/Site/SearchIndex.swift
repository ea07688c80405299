import BulletinModel

/// The offline search index: one record per article, written as `search/index.json` and as
/// `search/index.js` (the same array assigned to `window.BULLETIN_SEARCH`), because browsers refuse
/// `fetch()` of a local file while a script tag loads from `file://` fine.
///
/// A record is `{"u": path, "t": title, "m": "Monitor 6/23 · 2000-02-02", "d": dek, "e": "entity names",
/// "x": "distinct lowercase words"}`. The text keeps each word of the body once, in first-use order,
/// without the commonest English words: enough for word and prefix search at a fraction of the size.
struct SearchIndex {
    /// The JSON array.
    let json: String

    /// The script that defines the index.
    var script: String { "window.BULLETIN_SEARCH = " + json + ";\n" }

    init(_ archive: Archive) {
        var out = "["
        var first = true
        for issue in archive.issues {
            for article in issue.articles {
                let metadata = article.metadata
                out += first ? "\n{" : ",\n{"
                first = false
                out += "\"u\":"
                JSONString.append(SiteLayout.articlePath(metadata, in: issue), to: &out)
                out += ",\"t\":"
                JSONString.append(metadata.title, to: &out)
                out += ",\"m\":"
                JSONString.append("\(issue.publication) \(issue.volume)/\(issue.number)" + (metadata.date.map { " · " + $0 } ?? ""), to: &out)
                if let dek = metadata.summary?.dek, !dek.isEmpty {
                    out += ",\"d\":"
                    JSONString.append(dek, to: &out)
                }
                if !metadata.entities.isEmpty {
                    out += ",\"e\":"
                    JSONString.append(metadata.entities.map(\.name).joined(separator: "; "), to: &out)
                }
                out += ",\"x\":"
                JSONString.append(Self.distinctWords(article.blocks), to: &out)
                out += "}"
            }
        }
        out += "\n]"
        json = out
    }

    private static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
        "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them", "they",
        "this", "to", "was", "were", "which", "who", "will", "with",
    ]

    /// Each word of the body once, lowercased, in first-use order, joined by spaces.
    static func distinctWords(_ blocks: [Block]) -> String {
        var seen: Set<String> = []
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if !stopWords.contains(word), seen.insert(word).inserted {
                if !out.isEmpty { out += " " }
                out += word
            }
            word = ""
        }
        for block in blocks {
            for scalar in block.plainText.unicodeScalars {
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    word.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    word.unicodeScalars.append(Unicode.Scalar(value + 32)!)
                } else if value >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word += String(scalar).lowercased()
                } else {
                    flush()
                }
            }
            flush()
        }
        return out
    }
}

/// JSON string literals, safe to put in a script file: also `<`, U+2028 and U+2029 escaped.
enum JSONString {
    static func append(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
