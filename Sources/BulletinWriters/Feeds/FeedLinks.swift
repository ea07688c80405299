/// Where feed links point.
///
/// With a base URL every link is absolute: the site's pages at `baseURL + <publication>/<volume>/<issue>/<article>/`,
/// and the feeds themselves at `baseURL + feeds/…` (the `feeds` folder of the output is published beside the site's
/// pages). Without one no absolute URL can be made, so links to the site and `self` links are left out, and only the
/// links between feed documents (archive paging, `next_url`) are written, as references relative to the document.
struct FeedLinks: Sendable {
    /// The base URL, ending with `/`, when configured.
    let baseURL: String?

    /// Takes the configured base URL; characters a URL cannot hold (spaces, quotes, angle brackets, non-ASCII) are
    /// percent-encoded, so the value is safe in any attribute or JSON string whatever the configuration says.
    init(baseURL: String?) {
        let trimmed = Self.encodingUnsafeCharacters(baseURL?.trimmingWhitespace ?? "")
        if trimmed.isEmpty {
            self.baseURL = nil
        } else {
            self.baseURL = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        }
    }

    /// RFC 3986's unreserved and reserved characters, and `%`.
    private static let urlCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".utf8)

    /// Percent-encodes every byte outside RFC 3986's unreserved and reserved characters and `%`.
    static func encodingUnsafeCharacters(_ url: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        for byte in url.utf8 {
            if urlCharacters.contains(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The absolute URL of `path` (relative to the site root, `/`-separated), when there is a base URL.
    func absolute(_ path: String) -> String? {
        baseURL.map { $0 + path }
    }

    /// A link from the output file `document` to the output file `target`: absolute with a base URL, else relative.
    func href(to target: String, from document: String) -> String {
        if let absolute = absolute(target) { return absolute }
        var from = document.split(separator: "/").dropLast()
        var to = target.split(separator: "/")
        while let first = from.first, let other = to.first, first == other, to.count > 1 {
            from.removeFirst()
            to.removeFirst()
        }
        return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
    }

    /// The site path of a publication's home, e.g. `monitor/`.
    static func publicationPath(_ slug: String) -> String {
        Markup.pathSegment(slug) + "/"
    }

    /// The site path of an issue, e.g. `monitor/6/23/`.
    static func issuePath(publicationSlug: String, volume: Int, issue: Int) -> String {
        publicationPath(publicationSlug) + "\(volume)/\(issue)/"
    }

    /// The site path of an article, e.g. `monitor/6/23/moscow-looks-west/`.
    static func articlePath(publicationSlug: String, volume: Int, issue: Int, slug: String) -> String {
        issuePath(publicationSlug: publicationSlug, volume: volume, issue: issue) + Markup.pathSegment(slug) + "/"
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
