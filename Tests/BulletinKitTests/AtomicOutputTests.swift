@testable import BulletinKit
import BulletinTestSupport
import Foundation
import Testing

@Suite("Atomic output")
struct AtomicOutputTests {
    /// A process id no process has now.
    static func endedProcess() -> Int32 {
        var candidate: Int32 = 4_000_000
        while kill(candidate, 0) == 0 || errno != ESRCH { candidate -= 1 }
        return candidate
    }

    /// Writes a small output folder holding `text` in `a.txt`, as a build does.
    static func build(_ output: URL, text: String) async throws {
        try await AtomicOutput(destination: output).write { staging in
            try Data("{}".utf8).write(to: staging.appendingPathComponent("manifest.json"))
            try Data(text.utf8).write(to: staging.appendingPathComponent("a.txt"))
        }
    }

    static func folder(_ url: URL, holding files: [String: String]) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    }

    static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("a build deletes the folders that builds which ended unfinished left beside its output, and no other")
    func clearsAbandonedFolders() async throws {
        let parent = TestSupport.temporaryFolder()
        let output = parent.appendingPathComponent("out")
        try await Self.build(output, text: "first")
        let ended = Self.endedProcess()
        try Self.folder(parent.appendingPathComponent(".out.bulletin-staging-\(ended)"), holding: ["x.html": "half"])
        try Self.folder(parent.appendingPathComponent(".out.bulletin-previous-\(ended).interrupted"), holding: ["y": "old"])
        // A build of a process that is still running (this one's parent), and a folder of another output.
        let running = getppid()
        try Self.folder(parent.appendingPathComponent(".out.bulletin-staging-\(running)"), holding: ["z": "busy"])
        try Self.folder(parent.appendingPathComponent(".other.bulletin-staging-\(ended)"), holding: ["w": "not ours"])
        try await Self.build(output, text: "second")
        #expect(Self.entries(of: parent) == [".other.bulletin-staging-\(ended)", ".out.bulletin-staging-\(running)", "out"])
        #expect(String(decoding: TestSupport.bytes(output.appendingPathComponent("a.txt")), as: UTF8.self) == "second")
    }

    @Test("a swap that stopped between its two moves is undone: the previous output comes back")
    func restoresPreviousOutput() throws {
        let parent = TestSupport.temporaryFolder()
        let output = parent.appendingPathComponent("out")
        let ended = Self.endedProcess()
        try Self.folder(parent.appendingPathComponent(".out.bulletin-previous-\(ended)"), holding: ["manifest.json": "{}", "a.txt": "kept"])
        try Self.folder(parent.appendingPathComponent(".out.bulletin-staging-\(ended)"), holding: ["a.txt": "new, unfinished"])
        AtomicOutput.clearAbandonedFolders(of: output)
        #expect(Self.entries(of: parent) == ["out"])
        #expect(String(decoding: TestSupport.bytes(output.appendingPathComponent("a.txt")), as: UTF8.self) == "kept")
    }

    @Test("a folder whose lock is held is in use, whatever its name says of its process")
    func keepsLockedFolders() throws {
        let parent = TestSupport.temporaryFolder()
        let staging = parent.appendingPathComponent(".out.bulletin-staging-\(Self.endedProcess())")
        try Self.folder(staging, holding: ["x": "in use"])
        let lock = FolderLock(path: staging.path)
        AtomicOutput.clearAbandonedFolders(of: parent.appendingPathComponent("out"))
        #expect(Self.entries(of: parent) == [staging.lastPathComponent])
        lock.release()
        AtomicOutput.clearAbandonedFolders(of: parent.appendingPathComponent("out"))
        #expect(Self.entries(of: parent).isEmpty)
    }

    @Test("an interruption deletes the staging folder of the build in progress and leaves the previous output")
    func interruptionClearsStaging() async throws {
        let parent = TestSupport.temporaryFolder()
        let output = parent.appendingPathComponent("out")
        try await Self.build(output, text: "first")
        await #expect(throws: BulletinError.self) {
            try await AtomicOutput(destination: output).write { staging in
                try Data("{}".utf8).write(to: staging.appendingPathComponent("manifest.json"))
                // Only this test's: other tests build at the same time.
                InProgressOutputs.clear { $0.hasPrefix(parent.path) }
                // A writer still running after the interruption finds no folder to write into.
                #expect(throws: (any Error).self) { try Data("late".utf8).write(to: staging.appendingPathComponent("a.txt")) }
            }
        }
        #expect(Self.entries(of: parent) == ["out"])
        #expect(String(decoding: TestSupport.bytes(output.appendingPathComponent("a.txt")), as: UTF8.self) == "first")
    }

    @Test("an interruption deletes a conversion's temporary file too, and a file written through leaves none")
    func interruptionClearsTemporaryFile() throws {
        let parent = TestSupport.temporaryFolder()
        let temporary = parent.appendingPathComponent(".book.txt.bulletin-1-2").path
        try Data("part".utf8).write(to: URL(fileURLWithPath: temporary))
        InProgressOutputs.add(temporary)
        InProgressOutputs.clear { $0.hasPrefix(parent.path) }
        #expect(Self.entries(of: parent).isEmpty)
        try FileDestination(path: parent.appendingPathComponent("book.txt").path).write(Array("whole".utf8))
        #expect(Self.entries(of: parent) == ["book.txt"])
    }
}
