/// The site's sitemaps (sitemaps.org 0.9): the absolute URL of every page.
///
/// One sitemap may list at most 50,000 URLs in at most 50 MiB (52,428,800 bytes, uncompressed). A site
/// within both is one `sitemap.xml`. A larger one is cut, in page order, into `sitemap-1.xml`,
/// `sitemap-2.xml`… each within both limits, and `sitemap.xml` is the sitemap index that lists them, so
/// `robots.txt` names one file either way. They all stand at the site's root, since a sitemap may only
/// list URLs in its own folder and below.
enum Sitemap {
    /// The protocol's limits of one sitemap file.
    static let urlLimit = 50_000
    static let byteLimit = 52_428_800

    private static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// The sitemap files of `paths` (site-relative page paths) under `baseURL`, by site-relative path;
    /// `sitemap.xml` first. `urlLimit` and `byteLimit` are the protocol's unless a test asks for less.
    static func files(paths: [String], baseURL: String, urlLimit: Int = urlLimit, byteLimit: Int = byteLimit)
        -> [(path: String, bytes: [UInt8])] {
        let opening = Array((declaration + "<urlset xmlns=\"\(namespace)\">\n").utf8)
        let closing = Array("</urlset>\n".utf8)
        var parts: [[UInt8]] = []
        var current = opening
        var count = 0
        for path in paths {
            let entry = Array(("<url><loc>" + Markup.text(SiteLayout.url(for: path, baseURL: baseURL)) + "</loc></url>\n").utf8)
            if count > 0, count == urlLimit || current.count + entry.count + closing.count > byteLimit {
                parts.append(current + closing)
                current = opening
                count = 0
            }
            current += entry
            count += 1
        }
        parts.append(current + closing)
        guard parts.count > 1 else { return [("sitemap.xml", parts[0])] }

        var index = declaration + "<sitemapindex xmlns=\"\(namespace)\">\n"
        for number in parts.indices {
            index += "<sitemap><loc>" + Markup.text(SiteLayout.url(for: partPath(number), baseURL: baseURL)) + "</loc></sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [("sitemap.xml", Array(index.utf8))] + parts.enumerated().map { (partPath($0.offset), $0.element) }
    }

    /// The site-relative path of the sitemap at `index` (counted from 0) of a site cut into several.
    private static func partPath(_ index: Int) -> String {
        "sitemap-\(index + 1).xml"
    }
}
