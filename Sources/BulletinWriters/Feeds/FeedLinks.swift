/// Where feed links point.
///
/// With a base URL every link is absolute: the site's pages at `baseURL + <publication>/<volume>/<issue>/<article>/`,
/// and the feeds themselves at `baseURL + feeds/…` (the `feeds` folder of the output is published beside the site's
/// pages). Without one no absolute URL can be made, so links to the site and `self` links are left out, and only the
/// links between feed documents (archive paging, `next_url`) are written, as references relative to the document.
struct FeedLinks: Sendable {
    /// The base URL, ending with `/`, when configured.
    let baseURL: String?

    init(baseURL: String?) {
        let trimmed = baseURL?.trimmingWhitespace ?? ""
        if trimmed.isEmpty {
            self.baseURL = nil
        } else {
            self.baseURL = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        }
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
