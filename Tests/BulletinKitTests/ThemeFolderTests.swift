import BulletinKit
import BulletinModel
import BulletinTestSupport
import Foundation
import Testing

@Suite("Theme folders")
struct ThemeFolderTests {
    /// A theme folder holding `site/extra.css`, made by `make` at that path.
    private static func theme(_ make: (String) throws -> Void) throws -> String {
        let root = TestSupport.temporaryFolder().appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try make(root.appendingPathComponent("site/extra.css").path)
        return root.path
    }

    @Test("a theme file that is a device, a named pipe or a link to nothing is an error at it, never a read without end",
          arguments: ["device", "pipe", "dangling"])
    func notAFile(kind: String) throws {
        let folder = try Self.theme { path in
            switch kind {
            case "device": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
            case "pipe": #expect(mkfifo(path, 0o644) == 0)
            default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nothing")
            }
        }
        do {
            _ = try Resources.theme(folder)
            Issue.record("the theme was read")
        } catch let error as BulletinError {
            #expect(error.code == .invalidConfiguration)
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "theme.unreadable")
            #expect(diagnostic.location == SourceLocation(path: folder + "/site/extra.css", line: 1, column: 1))
            let reason = ["device": "it is a device, not a file", "pipe": "it is a named pipe, not a file",
                          "dangling": "it is a symbolic link to nothing, where nothing is"][kind] ?? ""
            #expect(diagnostic.message == "the theme file cannot be read: " + reason)
        }
    }

    @Test("a link to a file outside the theme folder is followed, as a source's is")
    func linkOutside() throws {
        let outside = TestSupport.temporaryFolder().appendingPathComponent("outside.css")
        try Data("p {}".utf8).write(to: outside)
        let folder = try Self.theme { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: outside.path) }
        #expect(try Resources.theme(folder).files["site/extra.css"] == Array("p {}".utf8))
    }
}
