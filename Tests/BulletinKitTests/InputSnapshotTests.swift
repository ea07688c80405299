@testable import BulletinKit
import BulletinTestSupport
import Foundation
import Testing

@Suite("Input snapshots (build --watch)")
struct InputSnapshotTests {
    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test("a file written, replaced, added or removed changes the snapshot, and only its path is named")
    func changes() throws {
        let folder = TestSupport.temporaryFolder()
        let a = folder.appendingPathComponent("a.txt"), b = folder.appendingPathComponent("b.txt")
        try Self.write("one", to: a)
        try Self.write("two", to: b)
        let paths = [a.path, b.path]
        let first = InputSnapshot(paths: paths)
        #expect(InputSnapshot(paths: paths) == first)

        // The same size, written again: the times tell, once the file system's clock (a few milliseconds
        // a tick on some kernels) has moved on.
        usleep(20_000)
        try Self.write("ONE", to: a)
        let written = InputSnapshot(paths: paths)
        #expect(written.changes(since: first) == [a.path])

        // Replaced by another file of the same bytes, as editors save: its identity tells.
        let replacement = folder.appendingPathComponent("b.new")
        try Self.write("two", to: replacement)
        _ = rename(replacement.path, b.path)
        #expect(InputSnapshot(paths: paths).changes(since: written) == [b.path])

        try FileManager.default.removeItem(at: a)
        let removed = InputSnapshot(paths: paths)
        #expect(removed.changes(since: written).contains(a.path))
        let c = folder.appendingPathComponent("c.txt")
        try Self.write("three", to: c)
        #expect(InputSnapshot(paths: paths + [c.path]).changes(since: removed) == [c.path])
    }

    @Test("a file modified within the racy window is digested, and digested again while its stamp holds, so a write in the same tick is seen")
    func racyFiles() throws {
        let folder = TestSupport.temporaryFolder()
        let a = folder.appendingPathComponent("a.txt")
        try Self.write("one", to: a)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let time = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        let later = time + 10 * InputSnapshot.racyWindow

        let racy = InputSnapshot(paths: [a.path], after: nil, time: time)
        let first = try #require(racy.stamp(at: a.path))
        #expect(first.isRacy && first.digest != nil)
        // Long after, the stamp alone tells: nothing is read, unless the snapshot before found the file racy.
        #expect(InputSnapshot(paths: [a.path], after: nil, time: later).stamp(at: a.path)?.digest == nil)
        let checked = try #require(InputSnapshot(paths: [a.path], after: racy, time: later).stamp(at: a.path))
        #expect(!checked.isRacy && checked.digest == first.digest)
        let settled = InputSnapshot(paths: [a.path], after: InputSnapshot(paths: [a.path], after: racy, time: later), time: later)
        #expect(settled.stamp(at: a.path)?.digest == nil)

        // The same stamp with other bytes, as a second write in one tick leaves it, is a change.
        var rewritten = first
        rewritten.digest = Array(repeating: 0, count: 32)
        #expect(rewritten != first)
        rewritten.digest = nil
        #expect(rewritten == first)
    }

    @Test("snapshots of other paths, as a watch takes while its configuration is broken: only files that changed are named")
    func changesAcrossPaths() throws {
        let folder = TestSupport.temporaryFolder()
        let sources = folder.appendingPathComponent("sources"), later = folder.appendingPathComponent("later")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let a = sources.appendingPathComponent("a.txt"), b = sources.appendingPathComponent("b.txt")
        let config = folder.appendingPathComponent("bulletin.yml")
        try Self.write("one", to: a)
        try Self.write("two", to: b)
        try Self.write("sources: [sources]\n", to: config)
        let files = [a.path, b.path, config.path]
        let good = InputSnapshot(paths: files)

        // Broken, the watch holds what was named (a folder among them) and the last project's files.
        usleep(20_000)
        try Self.write("sources: [sources\n", to: config)
        let broken = InputSnapshot(paths: good.paths + [config.path, sources.path])
        #expect(broken.changes(since: good) == [config.path])
        usleep(20_000)
        try Self.write("sources: [sources]\n", to: config)
        let mended = InputSnapshot(paths: files)
        #expect(mended.changes(since: broken) == [config.path])

        // A file no longer named but as it was is not listed; one removed is.
        #expect(InputSnapshot(paths: [a.path, config.path]).changes(since: mended).isEmpty)
        try FileManager.default.removeItem(at: b)
        #expect(InputSnapshot(paths: [a.path, config.path]).changes(since: mended) == [b.path])

        // A folder whose entries change is not listed; one that appears is.
        let folders = InputSnapshot(paths: [sources.path, later.path])
        usleep(20_000)
        try Self.write("three", to: sources.appendingPathComponent("c.txt"))
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        let after = InputSnapshot(paths: [sources.path, later.path])
        #expect(after != folders)
        #expect(after.changes(since: folders) == [later.path])
    }

    @Test("a project's input files are its sources, its configuration and its theme folder's files")
    func projectInputs() throws {
        let folder = TestSupport.temporaryFolder()
        let sources = folder.appendingPathComponent("sources"), theme = folder.appendingPathComponent("theme/site")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Self.write("Publication: Monitor Volume: 1 Issue: 1\n\nText.\n", to: sources.appendingPathComponent("a.txt"))
        try Self.write("body { color: black }\n", to: theme.appendingPathComponent("style.css"))
        let config = folder.appendingPathComponent("bulletin.yml")
        try Self.write("sources: [sources]\ntheme: theme\n", to: config)
        let project = try Project.resolve(sources: [], configPath: config.path, output: nil, formats: nil, theme: nil)
        #expect(project.inputFiles.sorted() == [
            config.path, sources.appendingPathComponent("a.txt").path, theme.appendingPathComponent("style.css").path,
        ].sorted())
        let example = try Project.resolve(sources: [], configPath: nil, output: nil, formats: nil, theme: nil)
        #expect(example.inputFiles.isEmpty || FileManager.default.fileExists(atPath: "bulletin.yml"))
    }

    @Test("folder events: a file written in a watched folder wakes the wait; nothing happening lets it time out")
    func folderEvents() throws {
        let folder = TestSupport.temporaryFolder()
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        guard let events = FolderEvents() else {
            Issue.record("inotify is not available")
            return
        }
        #expect(events.watch([folder.path, sub.path]))
        #expect(!events.wait(timeout: .milliseconds(50)))
        try Self.write("new", to: sub.appendingPathComponent("a.txt"))
        #expect(events.wait(timeout: .seconds(5)))
        // The events were read: with nothing new, the next wait times out.
        #expect(!events.wait(timeout: .milliseconds(50)))
        // A folder let go tells nothing any more.
        events.watch([folder.path])
        try Self.write("again", to: sub.appendingPathComponent("b.txt"))
        #expect(!events.wait(timeout: .milliseconds(50)))
    }

    @Test("a project's input folders: every folder under its source folders, less hidden ones and the output")
    func inputFolders() throws {
        let root = TestSupport.temporaryFolder()
        for folder in ["monitor/2000", "prism", ".hidden", "output"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Self.write("Publication: Monitor Volume: 1 Issue: 1\n\nText.\n", to: root.appendingPathComponent("monitor/2000/a.txt"))
        let project = try Project.resolve(sources: [root.path], configPath: nil, output: root.appendingPathComponent("output").path,
                                          formats: nil, theme: nil)
        #expect(project.inputFolders == [root.path, root.path + "/monitor", root.path + "/monitor/2000", root.path + "/prism"])
    }
}
