import BulletinModel
@testable import BulletinWriters
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

    @Test("path segments keep unreserved characters and percent-encode every other byte", arguments: [
        ("leonid-ivashov_2.0~x", "leonid-ivashov_2.0~x"),
        ("a b/c?d#e%f", "a%20b%2Fc%3Fd%23e%25f"),
        ("zürich", "z%C3%BCrich"),
        ("", ""),
    ])
    func pathSegment(_ pair: (String, String)) {
        #expect(Markup.pathSegment(pair.0) == pair.1)
    }

    @Test("replaces every noncharacter, in each plane, and keeps the characters beside them")
    func noncharacters() {
        let noncharacters: [UInt32] = [0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x2FFFF, 0xEFFFE, 0x10FFFF]
        for value in noncharacters {
            let text = "a" + String(Unicode.Scalar(value)!) + "😀\u{1FFFD}\u{FDCF}\u{FDF0}b"
            #expect(Markup.text(text) == "a\u{FFFD}😀\u{1FFFD}\u{FDCF}\u{FDF0}b", "U+\(String(value, radix: 16))")
            #expect(Markup.attribute(text) == "a\u{FFFD}😀\u{1FFFD}\u{FDCF}\u{FDF0}b")
            #expect(String(decoding: StructuredData.scriptSafe(Array("{\"a\":\"<\(text)>\"}".utf8)), as: UTF8.self)
                    == "{\"a\":\"\\u003ca\u{FFFD}😀\u{1FFFD}\u{FDCF}\u{FDF0}b\\u003e\"}")
        }
        #expect(Markup.text("😀 \u{10FFFD}") == "😀 \u{10FFFD}")
    }

    @Test("HTML in a CDATA section reads back as itself, a ]]> in it included; text with forbidden characters is escaped instead", arguments: [
        ("<p class=\"a\">Tom &amp; Jerry — “quoted”</p>", true, "<p class=\"a\">Tom &amp; Jerry — “quoted”</p>"),
        ("<p>a]]>b ]]]]> c</p>", true, "<p>a]]>b ]]]]> c</p>"),
        ("]]>", true, "]]>"),
        ("© 2026 <b>x</b>", true, "© 2026 <b>x</b>"),
        ("bell\u{7}here", false, "bell\u{FFFD}here"),
        ("C1\u{85}control <i>", false, "C1\u{FFFD}control <i>"),
    ])
    func characterData(_ html: String, asSection: Bool, readBack: String) throws {
        let data = Markup.characterData(html)
        #expect(data.hasPrefix("<![CDATA[") == asSection)
        final class Text: NSObject, XMLParserDelegate {
            var value = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { value += string }
            func parser(_ parser: XMLParser, foundCDATA block: Data) { value += String(decoding: block, as: UTF8.self) }
        }
        let text = Text()
        let parser = XMLParser(data: Data(("<x>" + data + "</x>").utf8))
        parser.delegate = text
        #expect(parser.parse())
        #expect(text.value == readBack)
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
