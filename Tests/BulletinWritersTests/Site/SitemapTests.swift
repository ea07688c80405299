import BulletinTestSupport
@testable import BulletinWriters
import Testing

@Suite("Sitemap")
struct SitemapTests {
    private static let base = "https://example.org/b/"

    /// The text of every `<loc>` of a sitemap or sitemap index, in order.
    private static func locations(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    private static func paths(_ count: Int) -> [String] {
        ["index.html"] + (1..<count).map { "monitor/1/\($0)/index.html" }
    }

    @Test("a site within the limits is one sitemap.xml listing every page in order")
    func one() throws {
        let files = Sitemap.files(paths: Self.paths(5), baseURL: Self.base)
        #expect(files.map(\.path) == ["sitemap.xml"])
        let sitemap = try #require(files.first?.bytes)
        #expect(XMLWellFormedness.errors(in: sitemap).isEmpty)
        #expect(String(decoding: sitemap, as: UTF8.self).contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(Self.locations(sitemap) == ["https://example.org/b/"] + (1..<5).map { "https://example.org/b/monitor/1/\($0)/" })
    }

    @Test("past the URL limit, numbered sitemaps of at most the limit each, and sitemap.xml their index")
    func cutByCount() throws {
        let files = Sitemap.files(paths: Self.paths(7), baseURL: Self.base, urlLimit: 3)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        for file in files { #expect(XMLWellFormedness.errors(in: file.bytes, name: file.path).isEmpty) }
        let index = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(!index.contains("<urlset"))
        #expect(Self.locations(files[0].bytes) == (1...3).map { "https://example.org/b/sitemap-\($0).xml" })
        let parts = files.dropFirst().map { Self.locations($0.bytes) }
        #expect(parts.map(\.count) == [3, 3, 1])
        // Every page once, in the order given.
        #expect(parts.flatMap { $0 } == Self.locations(Sitemap.files(paths: Self.paths(7), baseURL: Self.base)[0].bytes))
    }

    @Test("past the byte limit, no sitemap is larger than the limit, and every page is listed")
    func cutBySize() throws {
        let paths = Self.paths(40)
        let whole = Sitemap.files(paths: paths, baseURL: Self.base)[0].bytes
        let limit = whole.count / 3
        let files = Sitemap.files(paths: paths, baseURL: Self.base, byteLimit: limit)
        #expect(files.count > 4)
        for file in files.dropFirst() {
            #expect(file.bytes.count <= limit, "\(file.path) has \(file.bytes.count) bytes")
            #expect(XMLWellFormedness.errors(in: file.bytes, name: file.path).isEmpty)
        }
        #expect(files.dropFirst().flatMap { Self.locations($0.bytes) } == Self.locations(whole))
    }

    @Test("a URL is escaped in the sitemap and in the index")
    func escaping() throws {
        let files = Sitemap.files(paths: ["a&b/index.html", "c/index.html"], baseURL: "https://example.org/x&y/", urlLimit: 1)
        for file in files {
            #expect(XMLWellFormedness.errors(in: file.bytes, name: file.path).isEmpty)
            #expect(!String(decoding: file.bytes, as: UTF8.self).contains("x&y"))
        }
        #expect(Self.locations(files[1].bytes) == ["https://example.org/x&amp;y/a&amp;b/"])
    }
}
