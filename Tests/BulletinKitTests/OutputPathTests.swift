@testable import BulletinKit
import Testing

@Suite("Output paths")
struct OutputPathTests {
    /// The rule spelled out component by component, as the one-pass check must agree with.
    static func reference(_ path: String) -> Bool {
        !path.isEmpty && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            !component.isEmpty && component != "." && component != ".." &&
                component.unicodeScalars.allSatisfy { $0.value > 0x1F && $0 != "\\" && $0 != ":" }
        }
    }

    static let paths = [
        "site/index.html", "a", "a/b/c.txt", "...", "a/.../b", ".hidden/x", "a/..b", "a/b..", "é/ü/文字.html",
        "", "/", "/etc/passwd", "a/", "a//b", ".", "..", "./a", "a/.", "a/../b", "../x", "a/..",
        "a\\b", "c:/x", "a/b:c", "tab\there", "line\nbreak", "nul\u{0}x", "\u{1F}", "del\u{7F}ok", "nel\u{85}ok",
    ]

    @Test("the one-pass check accepts and refuses exactly what the component rule does", arguments: paths)
    func matchesRule(path: String) {
        #expect(OutputPath.isSafe(path) == Self.reference(path))
    }

    @Test("refused paths are writer errors naming the path")
    func refusedPath() {
        let sink = MemorySink()
        #expect(throws: BulletinError.self) { try sink.write([], to: "a/../b", format: "text", issue: nil) }
        #expect(throws: Never.self) { try sink.write([], to: "a/b", format: "text", issue: nil) }
        #expect(sink.files.keys.sorted() == ["a/b"])
    }
}
