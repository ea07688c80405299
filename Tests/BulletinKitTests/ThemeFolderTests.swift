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
        let diagnostic = try Self.error(reading: folder)
        #expect(diagnostic.id == "theme.unreadable")
        #expect(diagnostic.location == SourceLocation(path: folder + "/site/extra.css", line: 1, column: 1))
        let reason = ["device": "it is a device, not a file", "pipe": "it is a named pipe, not a file",
                      "dangling": "it is a symbolic link to nothing, where nothing is"][kind] ?? ""
        #expect(diagnostic.message == "the theme file cannot be read: " + reason)
    }

    @Test("a theme file whose name is not UTF-8 is an error that says so, not that nothing is there")
    func nameNotUTF8() throws {
        let folder = try Self.theme { path in
            // "café.css" in Latin-1: the name's bytes as the file system holds them.
            let name = Array(((path as NSString).deletingLastPathComponent + "/caf").utf8) + [0xE9] + Array(".css".utf8) + [0]
            let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let diagnostic = try Self.error(reading: folder)
        #expect(diagnostic.id == "theme.unreadable")
        #expect(diagnostic.message == "the theme file cannot be read: its name is not UTF-8 (shown with U+FFFD)")
        #expect(diagnostic.location == SourceLocation(path: folder + "/site/caf\u{FFFD}.css", line: 1, column: 1))
    }

    /// The first diagnostic of the error reading the theme folder `folder` stops with, a configuration error.
    private static func error(reading folder: String) throws -> Diagnostic {
        let error = #expect(throws: BulletinError.self) { try Resources.theme(folder) }
        #expect(error?.code == .invalidConfiguration)
        return try #require(error?.diagnostics.first)
    }

    @Test("a link to a file outside the theme folder is followed, as a source's is")
    func linkOutside() throws {
        let outside = TestSupport.temporaryFolder().appendingPathComponent("outside.css")
        try Data("p {}".utf8).write(to: outside)
        let folder = try Self.theme { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: outside.path) }
        #expect(try Resources.theme(folder).files["site/extra.css"] == Array("p {}".utf8))
    }

    @Test("a link to a folder is followed, as a source folder's is: its files are the theme's, under the link's path")
    func linkedFolder() throws {
        let shared = TestSupport.temporaryFolder().appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: shared.appendingPathComponent("serif"), withIntermediateDirectories: true)
        try Data("font".utf8).write(to: shared.appendingPathComponent("serif/body.woff2"))
        try Data("hidden".utf8).write(to: shared.appendingPathComponent(".notes.txt"))
        let folder = try Self.theme { path in
            try Data("p {}".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.createSymbolicLink(atPath: (path as NSString).deletingLastPathComponent + "/fonts", withDestinationPath: shared.path)
        }
        let theme = try Resources.theme(folder)
        #expect(theme.files["site/fonts/serif/body.woff2"] == Array("font".utf8))
        #expect(theme.files["site/fonts/.notes.txt"] == nil)
        #expect(theme.files["site/extra.css"] == Array("p {}".utf8))
    }

    @Test("a link to a folder that holds it (the theme, a folder above it, its own folder) is an error at the link, not a silent skip",
          arguments: ["..", "../..", "."])
    func linkToHoldingFolder(target: String) throws {
        let folder = try Self.theme { path in
            try Data("p {}".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.createSymbolicLink(atPath: (path as NSString).deletingLastPathComponent + "/back", withDestinationPath: target)
        }
        let diagnostic = try Self.error(reading: folder)
        #expect(diagnostic.id == "theme.link-loop")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(path: folder + "/site/back", line: 1, column: 1))
        #expect(diagnostic.message == "the symbolic link to \(target) is not followed: it leads back to a folder that holds it, which would be searched again with all it holds")
    }
}
