import BulletinModel

/// Where every page of the site lives, relative to the site's root folder (`OUTPUT/site/`).
///
/// Pages are `index.html` files in folders, so a server shows clean URLs (`monitor/6/23/moscow-looks-west/`)
/// while links inside pages name the file (`../index.html`), which a browser opening the folder from disk
/// also resolves. Feeds and EPUBs that link to the site use ``url(for:baseURL:)`` with the same paths.
public enum SiteLayout {
    /// Folder names the site uses for its own pages; a publication with one of these slugs gets a suffix.
    public static let reservedFolders: Set<String> = ["assets", "entities", "search"]

    /// The folder of a publication, from its slug.
    public static func publicationFolder(_ slug: String) -> String {
        reservedFolders.contains(slug) ? slug + "-publication" : slug
    }

    /// `index.html`: the home page.
    public static let homePath = "index.html"
    /// The entity index.
    public static let entitiesPath = "entities/index.html"
    /// The search page.
    public static let searchPath = "search/index.html"
    /// The page servers show for a missing path.
    public static let notFoundPath = "404.html"

    /// A publication's page.
    public static func publicationPath(_ slug: String) -> String {
        publicationFolder(slug) + "/index.html"
    }

    /// A volume's page.
    public static func volumePath(publicationSlug: String, volume: Int) -> String {
        "\(publicationFolder(publicationSlug))/\(volume)/index.html"
    }

    /// An issue's page.
    public static func issuePath(publicationSlug: String, volume: Int, issue: Int) -> String {
        "\(publicationFolder(publicationSlug))/\(volume)/\(issue)/index.html"
    }

    /// An issue's page.
    public static func issuePath(_ issue: Issue) -> String {
        issuePath(publicationSlug: issue.publicationSlug, volume: issue.volume, issue: issue.number)
    }

    /// The page of the issue a cross-reference resolved to. Issue ids are `<publication-slug>-v<volume>-i<issue>`.
    public static func issuePath(_ reference: IssueReference) -> String? {
        let suffix = "-v\(reference.volume)-i\(reference.issue)"
        guard reference.id.hasSuffix(suffix), reference.id.count > suffix.count else { return nil }
        return issuePath(publicationSlug: String(reference.id.dropLast(suffix.count)), volume: reference.volume, issue: reference.issue)
    }

    /// An article's page.
    public static func articlePath(_ article: ArticleMetadata, in issue: Issue) -> String {
        "\(publicationFolder(issue.publicationSlug))/\(issue.volume)/\(issue.number)/\(article.slug)/index.html"
    }

    /// The folder name of an entity's page: the id itself when it is already a slug, otherwise a slug of it
    /// with a hash of the id, so distinct ids never share a page.
    public static func entityFolder(_ id: String) -> String {
        if isSlug(id) { return id }
        return Slug.make(id, maxLength: 48, fallback: "entity") + "-" + String(SHA256.hex(of: id).prefix(10))
    }

    /// An entity's page: the first page of its list.
    public static func entityPath(_ id: String) -> String {
        "entities/\(entityFolder(id))/index.html"
    }

    /// Page `number` (from 1) of an entity's list: the entity's page, then `entities/<folder>/2/index.html`, ….
    public static func entityPath(_ id: String, page number: Int) -> String {
        number <= 1 ? entityPath(id) : "entities/\(entityFolder(id))/\(number)/index.html"
    }

    /// The link from the page at `from` to the page at `to`, both relative to the site root.
    public static func href(_ to: String, from: String) -> String {
        rootPrefix(from) + to
    }

    /// `../` once per folder between the page at `path` and the site root.
    public static func rootPrefix(_ path: String) -> String {
        // Made at once: every page asks, some twice.
        String(repeating: "../", count: path.utf8.count { $0 == UInt8(ascii: "/") })
    }

    /// The clean absolute URL of a page: the base URL, then the path without its `index.html`.
    public static func url(for path: String, baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        if path == "index.html" { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }

    /// Whether `baseURL` is the root of its host (`https://example.org/`), the one place crawlers read
    /// `robots.txt` from (RFC 9309); not when it has a path (`https://example.org/news/`).
    public static func isHostRoot(_ baseURL: String) -> Bool {
        guard let authority = baseURL.range(of: "://") else { return false }
        let rest = baseURL[authority.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return true }
        return rest[slash...] == "/"
    }

    /// Lowercase ASCII letters and digits in runs joined by single hyphens, at most 80 bytes.
    /// (Checked on bytes: it runs for every entity mention of every page.)
    private static func isSlug(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D else { return false }
            if byte == 0x2D, previous == 0x2D { return false }
            previous = byte
        }
        return true
    }
}
