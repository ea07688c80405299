/// `sitemap.xml` (sitemaps.org 0.9): the absolute URL of every page.
enum Sitemap {
    /// The sitemap of `paths` (site-relative page paths) under `baseURL`.
    static func xml(paths: [String], baseURL: String) -> String {
        var builder = MarkupBuilder(xmlStyle: true)
        builder.append(trusted: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        builder.element("urlset", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")]) { urls in
            urls.newline()
            for path in paths {
                urls.element("url") { $0.element("loc", text: SiteLayout.url(for: path, baseURL: baseURL)) }
                urls.newline()
            }
        }
        builder.newline()
        return builder.output
    }
}
