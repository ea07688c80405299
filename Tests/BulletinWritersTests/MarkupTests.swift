import BulletinModel
import BulletinWriters
import Testing

@Suite("Markup escaping")
struct MarkupTests {
    @Test("escapes markup characters and replaces characters XML and HTML forbid", arguments: [
        ("plain text, nothing to do", "plain text, nothing to do"),
        ("<script>alert(1)</script> & ]]>", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;"),
        ("bell\u{07} del\u{7F} c1\u{85}", "bell\u{FFFD} del\u{FFFD} c1\u{FFFD}"),
        ("tab\tand\nlines\r kept", "tab\tand\nlines\r kept"),
        ("‮right-to-left‬ مرحبا 😀 “quotes”", "‮right-to-left‬ مرحبا 😀 “quotes”"),
    ])
    func text(_ pair: (String, String)) {
        #expect(Markup.text(pair.0) == pair.1)
    }

    @Test("replaces the noncharacters XML forbids")
    func noncharacters() {
        let text = "a" + String(Unicode.Scalar(UInt32(0xFFFE))!) + String(Unicode.Scalar(UInt32(0xFDD0))!) + "b"
        #expect(Markup.text(text) == "a\u{FFFD}\u{FFFD}b")
    }

    @Test("attributes also escape quotes and keep whitespace as references")
    func attribute() {
        #expect(Markup.attribute("a \"b\" 'c' <d>\n\t&") == "a &quot;b&quot; &#39;c&#39; &lt;d&gt;&#10;&#9;&amp;")
    }

    @Test("only http, https, mailto and relative links are emitted")
    func safeURLs() {
        #expect(Markup.isSafeURL("https://example.org/a"))
        #expect(Markup.isSafeURL("../a/index.html"))
        #expect(!Markup.isSafeURL("javascript:alert(1)"))
        #expect(!Markup.isSafeURL(" JaVaScRiPt:alert(1)"))
        #expect(!Markup.isSafeURL("data:text/html,<script>"))
    }

    @Test("the body renderer escapes every source string and drops unsafe links")
    func bodyRenderer() {
        let blocks: [Block] = [.paragraph([
            .text("<b>"), .link(Link(url: "javascript:alert(1)", content: [.text("x")])),
            .citation(Citation(text: "(<i>, May 1)", sources: [])), .lineBreak,
        ], span: nil)]
        let html = HTMLBodyRenderer(xmlStyle: true).render(blocks)
        #expect(html == "<p>&lt;b&gt;x<cite class=\"citation\">(&lt;i&gt;, May 1)</cite><br /></p>\n")
    }
}
