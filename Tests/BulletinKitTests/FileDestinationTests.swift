@testable import BulletinKit
import BulletinTestSupport
import Foundation
import Testing

@Suite("File destination")
struct FileDestinationTests {
    private static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// What `lstat` says `path` is: S_IFREG, S_IFLNK, S_IFIFO…
    private static func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    private static func permissions(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test("a regular file is replaced whole, keeping its permissions, and nothing is left beside it")
    func regularFile() throws {
        let folder = TestSupport.temporaryFolder().path
        let path = folder + "/out.txt"
        try "old, and longer than the new".write(toFile: path, atomically: false, encoding: .utf8)
        try #require(chmod(path, 0o640) == 0)
        try FileDestination(path: path).write(Array("new".utf8))
        #expect(Self.contents(path) == "new")
        #expect(Self.permissions(path) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }

    @Test("through a link, the file it names is replaced and the link stays, whether the link is relative or not")
    func throughLink() throws {
        let folder = TestSupport.temporaryFolder().path
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/real/target.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/relative", withDestinationPath: "real/target.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/absolute", withDestinationPath: folder + "/relative")
        try FileDestination(path: folder + "/relative").write(Array("first".utf8))
        #expect(Self.kind(folder + "/relative") == S_IFLNK)
        #expect(Self.contents(folder + "/real/target.txt") == "first")
        try FileDestination(path: folder + "/absolute").write(Array("second".utf8))
        #expect(Self.kind(folder + "/absolute") == S_IFLNK)
        #expect(Self.kind(folder + "/relative") == S_IFLNK)
        #expect(Self.contents(folder + "/real/target.txt") == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["target.txt"])
    }

    @Test("a link to nothing makes the file it names, as a shell's > does")
    func danglingLink() throws {
        let folder = TestSupport.temporaryFolder().path
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "made.txt")
        try FileDestination(path: folder + "/link").write(Array("made".utf8))
        #expect(Self.kind(folder + "/link") == S_IFLNK)
        #expect(Self.contents(folder + "/made.txt") == "made")
    }

    @Test("a named pipe is written into, not replaced by a regular file")
    func namedPipe() throws {
        let pipe = TestSupport.temporaryFolder().path + "/pipe"
        try #require(mkfifo(pipe, 0o600) == 0)
        // Its reader is open first, so that opening it for writing does not wait.
        let reader = open(pipe, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(reader >= 0)
        defer { close(reader) }
        try FileDestination(path: pipe).write(Array("through the pipe".utf8))
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "through the pipe")
        #expect(Self.kind(pipe) == S_IFIFO)
    }

    @Test("the source is refused as the destination however either is spelled; another file is not")
    func source() throws {
        let folder = TestSupport.temporaryFolder().path
        let source = folder + "/source.txt"
        try "source".write(toFile: source, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "source.txt")
        try #require(link(source, folder + "/hard") == 0)
        for spelling in [source, folder + "/./source.txt", folder + "/../\((folder as NSString).lastPathComponent)/source.txt", folder + "/link", folder + "/hard"] {
            #expect {
                try FileDestination(path: spelling).ensureDistinct(fromSourceAt: source, named: "source.txt")
            } throws: { error in
                (error as? BulletinError)?.code == .invalidUsage && (error as? BulletinError)?.message.contains("source file source.txt") == true
            }
            // And the other way about: the source named through the link, the destination by its own name.
            #expect(throws: BulletinError.self) { try FileDestination(path: source).ensureDistinct(fromSourceAt: spelling, named: spelling) }
        }
        try FileDestination(path: folder + "/other.txt").ensureDistinct(fromSourceAt: source, named: "source.txt")
        try "other".write(toFile: folder + "/other.txt", atomically: false, encoding: .utf8)
        try FileDestination(path: folder + "/other.txt").ensureDistinct(fromSourceAt: source, named: "source.txt")
        #expect(Self.contents(source) == "source")
    }

    @Test("a folder, or a path in no folder, is an error naming the path as given")
    func folders() throws {
        let folder = TestSupport.temporaryFolder().path
        #expect {
            try FileDestination(path: folder).write(Array("x".utf8))
        } throws: { error in
            (error as? BulletinError)?.message == "cannot write \(folder): it is a folder; give a file name"
        }
        #expect {
            try FileDestination(path: folder + "/none/out.txt").write(Array("x".utf8))
        } throws: { error in
            (error as? BulletinError)?.message == "cannot write \(folder)/none/out.txt: there is no folder \(folder)/none"
        }
    }
}
