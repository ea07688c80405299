@testable import BulletinKit
import BulletinModel
import BulletinTestSupport
import Foundation
import Testing

@Suite("Source discovery")
struct SourceDiscoveryTests {
    /// Makes `files` (relative paths) under a new folder, each holding its own path.
    private static func folder(with files: [String]) throws -> URL {
        let root = TestSupport.temporaryFolder()
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: url)
        }
        return root
    }

    @Test("paths in byte order, each once: a prefix first, composed and decomposed accents apart, the same bytes once")
    func pathsInByteOrder() {
        let composed = "d/caf\u{E9}.txt", decomposed = "d/cafe\u{301}.txt"
        let paths = ["b", "a/x", "a", composed, "", "a", decomposed, "ab", "B", "a/x"].inByteOrder()
        #expect(paths.map { Array($0.utf8) } == ["", "B", "a", "a/x", "ab", "b", decomposed, composed].map { Array($0.utf8) })
    }

    @Test("folders are searched recursively for claimed extensions, hidden entries skipped, paths sorted")
    func recursive() throws {
        let root = try Self.folder(with: [
            "b.txt", "a/deep/er/c.TXT", "a/notes.md.bak", "a/readme", ".hidden/d.txt", "a/.e.txt", "z.txt",
        ])
        let paths = try SourceDiscovery().paths(under: [root.path])
        #expect(paths == ["a/deep/er/c.TXT", "b.txt", "z.txt"].map { root.path + "/" + $0 })
        // A trailing slash on the folder gives the same paths.
        #expect(try SourceDiscovery().paths(under: [root.path + "/"]) == paths)
    }

    @Test("a file named directly is taken whatever its extension, and a path named twice counts once")
    func named() throws {
        let root = try Self.folder(with: ["one.txt", "notes.text"])
        let named = root.path + "/notes.text"
        #expect(try SourceDiscovery().paths(under: [named, root.path, root.path]) == [named, root.path + "/one.txt"].sorted())
    }

    @Test("links are followed, to files and to folders; a folder reached twice is read once, by its own path where it has one")
    func links() throws {
        let root = try Self.folder(with: ["real/a.txt", "real/sub/c.txt", "other/b.txt", "other/deeper/d.txt"])
        try Self.link(root.path + "/real/link.txt", to: root.path + "/other/b.txt")
        // A link to a folder outside, by a relative path as `ln -s ../other linked` makes.
        try Self.link(root.path + "/real/linked", to: "../other")
        // Links leading back up, and one to a folder reached by its own path too: none hangs or reads a file twice
        // (those leading up are errors, which the next test looks at).
        try Self.link(root.path + "/real/loop", to: root.path + "/real")
        try Self.link(root.path + "/other/deeper/up", to: "../..")
        try Self.link(root.path + "/real/a-sub", to: "sub")
        let paths = try SourceDiscovery().paths(under: [root.path + "/real"])
        // `link.txt` and `linked/b.txt` are one file, both reached through a link: it is read once, by the first path.
        #expect(paths == ["a.txt", "link.txt", "linked/deeper/d.txt", "sub/c.txt"].map { root.path + "/real/" + $0 })
        // A folder named twice, however spelled, is read once.
        #expect(try SourceDiscovery().paths(under: [root.path + "/real", root.path + "/real/linked", root.path + "/other/"]) == paths)
        // The folders read are those reached through links too, once each; `up`, which leads to the folder
        // above `real` and `other`, is not followed.
        let found = try SourceDiscovery().search(under: [root.path + "/real"])
        #expect(found.folders == ["", "/linked", "/linked/deeper", "/sub"].map { root.path + "/real" + $0 })
        #expect(found.errors.map(\.location?.path) == [root.path + "/real/linked/deeper/up", root.path + "/real/loop"])
    }

    @Test("a link to a folder that holds it (its own folder, one above, however spelled) is not followed: an error at the link")
    func linksToHoldingFolders() async throws {
        let root = try Self.folder(with: ["src/a.txt", "src/sub/b.txt", "elsewhere/c.txt"])
        let src = root.path + "/src"
        try Self.link(src + "/self", to: ".")
        try Self.link(src + "/sub/up", to: "../..")
        try Self.link(src + "/sub/home", to: src + "/./sub/..")
        // A folder beside the sources, which holds none of them, is followed as before.
        try Self.link(src + "/sub/beside", to: "../../elsewhere")
        // Through a link, the folder it leads to is held by the folders above it, not by those above the link.
        try Self.link(root.path + "/elsewhere/top", to: "..")
        let found = try SourceDiscovery().search(under: [src])
        #expect(found.files.map(\.path) == ["a.txt", "sub/b.txt", "sub/beside/c.txt"].map { src + "/" + $0 })
        #expect(found.folders == ["", "/sub", "/sub/beside"].map { src + $0 })
        #expect(found.warnings.isEmpty)
        let links = ["self", "sub/beside/top", "sub/home", "sub/up"].map { src + "/" + $0 }
        #expect(found.errors.map(\.id) == Array(repeating: "source.link-loop", count: 4))
        #expect(found.errors.map(\.severity) == Array(repeating: .error, count: 4))
        #expect(found.errors.map(\.location) == links.map { SourceLocation(path: $0, line: 1, column: 1) })
        #expect(found.errors.map(\.message) == [".", "..", src + "/./sub/..", "../.."].map {
            "the symbolic link to \($0) is not followed: it leads back to a folder that holds it, which would be searched again with all it holds"
        })
        // A build of them fails, as for a folder that cannot be listed, and writes nothing.
        let project = try Project.resolve(sources: [src], configPath: nil, output: root.path + "/out", formats: "text", theme: nil)
        #expect(project.discoveryErrors.map(\.id) == Array(repeating: "source.link-loop", count: 4))
        var pipeline = Pipeline(concurrency: 2)
        pipeline.searchErrors = project.discoveryErrors
        let error = await #expect(throws: BulletinError.self) {
            try await pipeline.build(project.sources, output: project.output, formats: project.formats, theme: project.theme)
        }
        #expect(error?.code == .invalidSources)
        #expect(!FileManager.default.fileExists(atPath: root.path + "/out"))
        // Named among the inputs, a link is searched: it was asked for.
        #expect(try SourceDiscovery().search(under: [src + "/sub/beside"]).files.map(\.path) == [src + "/sub/beside/c.txt"])
    }

    @Test("a file reached twice (by links, a hard link, or named again however spelled) is read once, by the path without a link")
    func filesReachedTwice() throws {
        let root = try Self.folder(with: ["src/a.txt", "src/sub/b.txt", "outside/c.txt"])
        let src = root.path + "/src"
        try Self.link(src + "/l1.txt", to: "a.txt")
        try Self.link(src + "/l2.txt", to: src + "/a.txt")
        try Self.link(src + "/z-link.txt", to: "sub/b.txt")
        try FileManager.default.linkItem(atPath: src + "/a.txt", toPath: src + "/hard.txt")
        // Two links to a file outside the folder: no path reaches it without a link, and the first in path order names it.
        try Self.link(src + "/c2.txt", to: "../outside/c.txt")
        try Self.link(src + "/c1.txt", to: root.path + "/outside/c.txt")
        let expected = ["a.txt", "c1.txt", "sub/b.txt"].map { src + "/" + $0 }
        #expect(try SourceDiscovery().paths(under: [src]) == expected)
        // A file named besides its folder, spelled otherwise, or through a link, is the same file; among paths
        // without a link, the first in path order names it.
        #expect(try SourceDiscovery().paths(under: [src, src + "/l1.txt", src + "/./sub/b.txt"])
            == ["./sub/b.txt", "a.txt", "c1.txt"].map { src + "/" + $0 })
        #expect(try SourceDiscovery().paths(under: [src + "/l1.txt", src + "/l2.txt"]) == [src + "/l1.txt"])
        #expect(try SourceDiscovery().paths(under: [src + "/l2.txt", src + "/a.txt"]) == [src + "/a.txt"])
        // Named by its own path, a file the folder reaches only through links is named by that path.
        #expect(try SourceDiscovery().paths(under: [src, root.path + "/outside/c.txt"])
            == [root.path + "/outside/c.txt"] + ["a.txt", "sub/b.txt"].map { src + "/" + $0 })
    }

    @Test("an entry a reader claims that cannot be followed is a source, whose reading says why; one no reader claims is not")
    func unreadableEntries() async throws {
        let root = try Self.folder(with: ["src/a.txt"])
        try Self.link(root.path + "/src/gone.txt", to: "/nonexistent-\(UUID().uuidString).txt")
        try Self.link(root.path + "/src/loop.txt", to: "loop.txt")
        try Self.link(root.path + "/src/gone-folder", to: root.path + "/nowhere")
        try Self.link(root.path + "/src/notes.md", to: root.path + "/nowhere.md")
        let expected = ["a.txt", "gone.txt", "loop.txt"].map { root.path + "/src/" + $0 }
        let found = try SourceDiscovery().search(under: [root.path + "/src"])
        #expect(found.files.map(\.path) == expected)
        #expect(found.warnings.isEmpty)
        let results = await Pipeline(concurrency: 1).read(found.files)
        let messages = results.map { $0.diagnostics.filter { $0.id == "source.unreadable" }.map(\.message) }
        #expect(messages[0].isEmpty)
        #expect(messages[1].count == 1 && messages[1][0].hasPrefix("the file cannot be read: it is a symbolic link to /nonexistent-"))
        #expect(messages[1].first?.hasSuffix(".txt, where nothing is") == true)
        #expect(messages[2] == ["the file cannot be read: it is a symbolic link to loop.txt that leads back to itself"])
        #expect(results[1].diagnostics.first?.location == SourceLocation(path: expected[1], line: 1, column: 1))
        // Named directly, a link to nothing is a source the same way, not a missing input.
        #expect(try SourceDiscovery().paths(under: [root.path + "/src/gone.txt"]) == [root.path + "/src/gone.txt"])
    }

    @Test("files whose names differ only in how an accent is written are two files, both found, in the order of their bytes")
    func namesOfOneSpelling() throws {
        // Swift's strings take `café` with a composed é and with a decomposed one as equal; a file system does not.
        let composed = "caf\u{E9}.txt", decomposed = "cafe\u{301}.txt"
        let root = try Self.folder(with: ["src/" + composed, "src/" + decomposed, "src/sub\u{E9}/a.txt", "src/sube\u{301}/b.txt"])
        let src = root.path + "/src"
        let expected = [decomposed, composed, "sube\u{301}/b.txt", "sub\u{E9}/a.txt"].map { src + "/" + $0 }
        let found = try SourceDiscovery().search(under: [src])
        #expect(found.files.map { Array($0.path.utf8) } == expected.map { Array($0.utf8) })
        #expect(found.folders.map { Array($0.utf8) } == [src, src + "/sube\u{301}", src + "/sub\u{E9}"].map { Array($0.utf8) })
        #expect(try SourceDiscovery().paths(under: [src + "/" + composed, src + "/" + decomposed]).count == 2)
        // A watch tells a change to either.
        let first = InputSnapshot(paths: expected)
        #expect(first.paths.count == 4)
        usleep(20_000)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: src + "/" + decomposed))
        #expect(InputSnapshot(paths: expected).changes(since: first).map { Array($0.utf8) } == [Array((src + "/" + decomposed).utf8)])
    }

    @Test("a source or folder whose name is not UTF-8 is an error that says so, not a file that is not there")
    func namesNotUTF8() throws {
        let root = try Self.folder(with: ["src/ok.txt"])
        let src = root.path + "/src"
        // Latin-1 names, as an old archive's may be: `café.txt`, a folder `déjà` holding a source, and `é.md`, no source.
        func make(_ name: [UInt8], folder: Bool) throws {
            let path = Array(src.utf8) + [UInt8(ascii: "/")] + name + [0]
            let made = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { folder ? mkdir($0.baseAddress!, 0o755) : creat($0.baseAddress!, 0o644) }
            }
            try #require(made >= 0)
            if !folder { close(made) }
        }
        try make(Array("caf".utf8) + [0xE9] + Array(".txt".utf8), folder: false)
        try make([0x64, 0xE9, 0x6A, 0xE0], folder: true)
        try make([0x64, 0xE9, 0x6A, 0xE0] + Array("/x.txt".utf8), folder: false)
        try make([0xE9] + Array(".md".utf8), folder: false)
        let found = try SourceDiscovery().search(under: [src])
        #expect(found.files.map(\.path) == [src + "/ok.txt"])
        #expect(found.errors.map(\.id) == ["source.name-not-utf8", "source.name-not-utf8"])
        #expect(found.errors.map(\.location?.path) == [src + "/caf\u{FFFD}.txt", src + "/d\u{FFFD}j\u{FFFD}"])
        #expect(found.errors.map(\.message) == [
            "the file's name is not UTF-8 (shown with U+FFFD), so it cannot be read",
            "the folder's name is not UTF-8 (shown with U+FFFD), so it cannot be searched",
        ])
        // Named, such a path is not there: the message says why that may be.
        let error = #expect(throws: BulletinError.self) { try SourceDiscovery().search(under: [src + "/caf\u{FFFD}.txt"]) }
        #expect(error?.message.hasSuffix("no such file or folder; a name that is not UTF-8 (shown with U+FFFD) cannot be given: rename it in UTF-8") == true)
    }

    @Test("a folder that cannot be listed is an error at its path, reported with every other problem, not the end of the search")
    func unlistableFolders() async throws {
        let root = try Self.folder(with: ["src/a.txt", "src/z/b.txt"])
        let src = root.path + "/src"
        // Folders nested deeper than a path can name (PATH_MAX): listing the first of them by its path fails,
        // as root too, where no permission is denied.
        let name = String(repeating: "n", count: 200)
        let depth = Int(PATH_MAX) / (name.utf8.count + 1) + 1
        try Self.nest(name, depth: depth, under: src + "/m")
        defer { Self.removeNested(name, depth: depth, under: src + "/m") }
        var unlistable = src + "/m"
        while unlistable.utf8.count < Int(PATH_MAX) { unlistable += "/" + name }
        let found = try SourceDiscovery().search(under: [src])
        #expect(found.files.map(\.path) == ["a.txt", "z/b.txt"].map { src + "/" + $0 })
        #expect(found.warnings.isEmpty)
        #expect(found.errors.map(\.id) == ["source.unlistable"])
        #expect(found.errors.first?.severity == .error)
        #expect(found.errors.first?.location == SourceLocation(path: unlistable, line: 1, column: 1))
        #expect(found.errors.first?.message == "the folder cannot be listed: File name too long")
        // A build of them fails as for a source in error, with the sources' errors too (the files hold no header);
        // so does a search that finds no source.
        for sources in [[src], [src + "/m"]] {
            let project = try Project.resolve(sources: sources, configPath: nil, output: root.path + "/out", formats: "text", theme: nil)
            #expect(project.discoveryErrors.map(\.id) == ["source.unlistable"])
            #expect(project.inputFiles.contains(unlistable))
            for threshold in [nil, 0] {
                var pipeline = Pipeline(concurrency: 2)
                pipeline.searchErrors = project.discoveryErrors
                pipeline.streamingThreshold = threshold
                let error = await #expect(throws: BulletinError.self) {
                    try await pipeline.build(project.sources, output: project.output, formats: project.formats, theme: project.theme)
                }
                #expect(error?.code == .invalidSources)
                let expected = (sources == [src] ? ["reader.text.missing-header", "reader.text.missing-header"] : []) + ["source.unlistable"]
                #expect(error?.diagnostics.filter { $0.severity == .error }.map(\.id).sorted() == expected)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: root.path + "/out"))
        // Where permissions deny (not as root), a folder that may not be read is one too.
        if getuid() != 0 {
            try #require(chmod(src + "/z", 0) == 0)
            defer { chmod(src + "/z", 0o755) }
            let denied = try SourceDiscovery().search(under: [src])
            #expect(denied.errors.map(\.message).contains("the folder cannot be listed: Permission denied"))
            #expect(denied.errors.map(\.location?.path).contains(src + "/z"))
        }
    }

    /// Makes `depth` folders named `name`, each in the one before, under the new folder `folder`, and a
    /// source in the deepest: made one at a time relative to the one above, as a path that long cannot be named.
    private static func nest(_ name: String, depth: Int, under folder: String) throws {
        try #require(mkdir(folder, 0o755) == 0)
        var current = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        for _ in 0..<depth {
            try #require(mkdirat(current, name, 0o755) == 0)
            let inner = openat(current, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            close(current)
            current = inner
            try #require(current >= 0)
        }
        let file = openat(current, "deep.txt", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        close(file)
        close(current)
    }

    /// Removes what ``nest(_:depth:under:)`` made, which `FileManager` cannot, by paths that long.
    private static func removeNested(_ name: String, depth: Int, under folder: String) {
        var folders = [open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)]
        for _ in 0..<depth { folders.append(openat(folders.last!, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) }
        unlinkat(folders.last!, "deep.txt", 0)
        for level in stride(from: depth, to: 0, by: -1) {
            close(folders[level])
            unlinkat(folders[level - 1], name, AT_REMOVEDIR)
        }
        close(folders[0])
    }

    @Test("an entry a reader claims that is no file (a named pipe) is left out with a warning that names it")
    func specialFiles() throws {
        let root = try Self.folder(with: ["a.txt"])
        try #require(mkfifo(root.path + "/pipe.txt", 0o600) == 0)
        try #require(mkfifo(root.path + "/pipe", 0o600) == 0)
        let found = try SourceDiscovery().search(under: [root.path])
        #expect(found.files.map(\.path) == [root.path + "/a.txt"])
        #expect(found.warnings.map(\.id) == ["source.not-a-file"])
        #expect(found.warnings.first?.message == "\(root.path)/pipe.txt is not read: it is a named pipe, not a file")
    }

    /// Makes a symbolic link at `path` to `target`.
    private static func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    @Test("files are found in path order and read whole, empty and large ones included")
    func reading() throws {
        let root = TestSupport.temporaryFolder()
        var expected: [(path: String, bytes: [UInt8])] = []
        for number in 0..<57 {
            // Sizes from empty to past 200 KiB, so reads of one byte, of a page and of many pages are met.
            let size = number == 0 ? 0 : (number * number * 67) % 210_000
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number) }
            let path = root.path + "/" + String(format: "f%02d.txt", number)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            expected.append((path, bytes))
        }
        let files = try SourceDiscovery().files(under: [root.path])
        #expect(files.map(\.path) == expected.map(\.path))
        #expect(files.map { $0.load() } == expected.map(\.bytes))
    }

    @Test("build output is never a source: the output folder however spelled, and any folder holding a build record")
    func outputSkipped() throws {
        let root = try Self.folder(with: [
            "a.txt", "out/text/issue.txt", "out/site/robots.txt", "old/text/issue.txt", "notes/b.txt",
        ])
        try "bulletin-record\t1\nkey\ttext\t\tab12\n".write(toFile: root.path + "/old/.bulletin-record", atomically: true, encoding: .utf8)
        let expected = ["a.txt", "notes/b.txt"].map { root.path + "/" + $0 }
        for spelling in [root.path + "/out", root.path + "/out/", root.path + "/./notes/../out"] {
            #expect(try SourceDiscovery().paths(under: [root.path], excluding: [spelling]) == expected)
        }
        // A link naming the output folder is the same folder.
        try FileManager.default.createSymbolicLink(atPath: root.path + "/link-to-out", withDestinationPath: root.path + "/out")
        #expect(try SourceDiscovery().paths(under: [root.path], excluding: [root.path + "/link-to-out"]) == expected)
        // Without the output named, only the folder with a record is skipped; an output yet to be made is no folder at all.
        #expect(try SourceDiscovery().paths(under: [root.path]) == [root.path + "/a.txt", root.path + "/notes/b.txt",
                                                                      root.path + "/out/site/robots.txt", root.path + "/out/text/issue.txt"])
        #expect(try SourceDiscovery().paths(under: [root.path], excluding: [root.path + "/not-yet"]).count == 4)
        // A file named directly is still taken, and so is the folder itself, named (check names ./output so).
        #expect(try SourceDiscovery().paths(under: [root.path + "/out/text/issue.txt"], excluding: [root.path + "/out"]).count == 1)
        let outFiles = [root.path + "/out/site/robots.txt", root.path + "/out/text/issue.txt"]
        #expect(try SourceDiscovery().paths(under: [root.path + "/out/"], excluding: [root.path + "/out"]) == outFiles)
        #expect(try SourceDiscovery().paths(under: [root.path, root.path + "/out"], excluding: [root.path + "/out"]) == (expected + outFiles).sorted())
        // An empty path names nothing: a usage error, not "no such file or folder" after an empty name.
        let empty = #expect(throws: BulletinError.self) { try SourceDiscovery().search(under: [root.path, ""]) }
        #expect(empty?.code == .invalidUsage)
    }

    @Test("a folder skipped as another build's output is named in a warning; the build's own output is skipped without one")
    func outputSkippedSaysSo() throws {
        let root = try Self.folder(with: ["a.txt", "old/text/issue.txt", "out/text/issue.txt"])
        for folder in ["old", "out"] {
            try "bulletin-record\t1\n".write(toFile: root.path + "/\(folder)/.bulletin-record", atomically: true, encoding: .utf8)
        }
        let found = try SourceDiscovery().search(under: [root.path], excluding: [root.path + "/out"])
        #expect(found.files.map(\.path) == [root.path + "/a.txt"])
        #expect(found.folders == [root.path])
        #expect(found.warnings.map(\.id) == ["source.build-output"])
        #expect(found.warnings.map(\.severity) == [.warning])
        #expect(found.warnings.first?.message == "\(root.path)/old is not read for sources: it holds another build's output (.bulletin-record)")
        // A build of the project reports it with the configuration's warnings.
        let project = try Project.resolve(sources: [root.path], configPath: nil, output: root.path + "/out", formats: "text", theme: nil)
        #expect(project.warnings.map(\.id) == ["source.build-output"])
    }

    @Test("only a build record marks build output: an empty file, or another, of that name does not", arguments: [
        ("", false), ("bulletin-record\t1\n", true), ("bulletin-record\t2\nsomething newer\n", true), ("bulletin-record\t1", false),
        ("bulletin-record\t\n", false), ("bulletin-record\tx\n", false), ("bulletin-record 1\n", false), ("Notes about the record\n", false),
    ])
    func buildRecordHeader(_ example: (String, Bool)) throws {
        let root = try Self.folder(with: ["a.txt", "sub/b.txt"])
        try example.0.write(toFile: root.path + "/sub/.bulletin-record", atomically: true, encoding: .utf8)
        #expect(BuildRecord.isRecord(at: root.path + "/sub/.bulletin-record") == example.1)
        #expect(try SourceDiscovery().paths(under: [root.path]).count == (example.1 ? 1 : 2))
    }

    @Test("a folder named .bulletin-record, or a named pipe, is no build record, and is not waited on")
    func buildRecordNotAFile() throws {
        let root = try Self.folder(with: ["a/x.txt", "a/.bulletin-record/inside", "b/y.txt"])
        try #require(mkfifo(root.path + "/b/.bulletin-record", 0o600) == 0)
        #expect(try SourceDiscovery().paths(under: [root.path]) == [root.path + "/a/x.txt", root.path + "/b/y.txt"])
    }

    @Test("a build whose output lies inside its source folder reads only the sources, build after build")
    func outputInsideSources() async throws {
        let root = TestSupport.temporaryFolder()
        for (index, source) in Resources.exampleSources.prefix(3).enumerated() {
            try Data(try #require(source.bytes)).write(to: root.appendingPathComponent("s\(index).txt"))
        }
        for _ in 0..<2 {
            let project = try Project.resolve(sources: [root.path], configPath: nil, output: root.path + "/output", formats: "text,site", theme: nil)
            #expect(project.sources.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["s0.txt", "s1.txt", "s2.txt"])
            let report = try await Pipeline(configuration: project.configuration, concurrency: 2)
                .build(project.sources, output: project.output, formats: project.formats, theme: project.theme)
            #expect(report.archive.articles.count == 3)
        }
        #expect(FileManager.default.fileExists(atPath: root.path + "/output/manifest.json"))
    }

    @Test("a link into build output, to a folder or a file, the build's own or another's, is not followed, and a warning names it")
    func linksIntoOutput() throws {
        let root = try Self.folder(with: ["src/a.txt", "out/text/issue.txt", "out/text/issue/article.txt", "old/text/x.txt"])
        for folder in ["out", "old"] {
            try "bulletin-record\t1\n".write(toFile: root.path + "/\(folder)/.bulletin-record", atomically: true, encoding: .utf8)
        }
        let src = root.path + "/src"
        try Self.link(src + "/prev", to: "../out/text")
        try Self.link(src + "/issue.txt", to: "../out/text/issue.txt")
        try Self.link(src + "/whole", to: root.path + "/out")
        try Self.link(src + "/older", to: "../old/text")
        let found = try SourceDiscovery().search(under: [src], excluding: [root.path + "/out"])
        #expect(found.files.map(\.path) == [src + "/a.txt"])
        #expect(found.errors.isEmpty)
        #expect(found.warnings.map(\.id) == Array(repeating: "source.build-output", count: 4))
        #expect(found.warnings.map(\.message) == [
            "\(src)/issue.txt is not read for sources: it is a symbolic link to ../out/text/issue.txt, in the build's output folder",
            "\(src)/older is not read for sources: it is a symbolic link to ../old/text, in another build's output (\(root.path)/old/.bulletin-record)",
            "\(src)/prev is not read for sources: it is a symbolic link to ../out/text, in the build's output folder",
            "\(src)/whole is not read for sources: it is a symbolic link to \(root.path)/out, in the build's output folder",
        ])
    }

    @Test("files a build wrote are never read back as sources: not through a link into its output, inside the sources or beside them",
          arguments: [("src/output", "src/prev", "output/text"), ("out", "src/prev", "../out/text")])
    func ownOutputThroughLinks(_ layout: (output: String, link: String, target: String)) async throws {
        let root = TestSupport.temporaryFolder()
        let src = root.path + "/src"
        try FileManager.default.createDirectory(atPath: src, withIntermediateDirectories: true)
        for (index, source) in Resources.exampleSources.prefix(3).enumerated() {
            try Data(try #require(source.bytes)).write(to: URL(fileURLWithPath: src + "/s\(index).txt"))
        }
        try Self.link(root.path + "/" + layout.link, to: layout.target)
        for build in 0..<2 {
            let project = try Project.resolve(sources: [src], configPath: nil, output: root.path + "/" + layout.output, formats: "text", theme: nil)
            #expect(project.sources.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["s0.txt", "s1.txt", "s2.txt"])
            // The link leads to nothing before the first build, and into the output after it.
            #expect(project.warnings.map(\.id) == (build == 0 ? [] : ["source.build-output"]))
            let report = try await Pipeline(configuration: project.configuration, concurrency: 2)
                .build(project.sources, output: project.output, formats: project.formats, theme: project.theme)
            #expect(report.archive.articles.count == 3)
        }
    }

    @Test("a source folder that is the output, or lies inside it, and an empty output are usage errors that say so")
    func outputAgainstSources() throws {
        let root = try Self.folder(with: ["src/a.txt", "out/manifest.json", "out/sub/b.txt"])
        func message(sources: [String], output: String) -> String? {
            do {
                _ = try Project.resolve(sources: sources, configPath: nil, output: output, formats: nil, theme: nil)
                return nil
            } catch let error as BulletinError {
                return error.code == .invalidUsage ? error.message : "another error: \(error.message)"
            } catch {
                return "another error: \(error)"
            }
        }
        #expect(message(sources: [root.path + "/src"], output: root.path + "/src/")?.contains("is the output folder") == true)
        #expect(message(sources: [root.path + "/out/sub"], output: root.path + "/out")?.contains("is inside the output folder") == true)
        #expect(message(sources: [root.path + "/src"], output: "")?.contains("the output folder is empty") == true)
        // The output inside the sources is the usual case (`bulletin build .`), not an error.
        #expect(message(sources: [root.path], output: root.path + "/out") == nil)
    }

    @Test("paths the configuration names are joined to its folder as it was named, never made absolute")
    func configurationPaths() throws {
        #expect(Project.path("articles", relativeTo: "site/bulletin.yml") == "site/articles")
        #expect(Project.path("../archive", relativeTo: "bulletin.yml") == "../archive")
        #expect(Project.path("/srv/archive", relativeTo: "site/bulletin.yml") == "/srv/archive")
        #expect(Project.path("articles", relativeTo: nil) == "articles")
        // Found through the configuration, the sources keep that spelling, which the manifest and the JSON show.
        let root = try Self.folder(with: ["site/articles/a.txt"])
        try "sources: [articles]\n".write(toFile: root.path + "/site/bulletin.yml", atomically: true, encoding: .utf8)
        let project = try Project.resolve(sources: [], configPath: root.path + "/site/bulletin.yml", output: root.path + "/out", formats: nil, theme: nil)
        #expect(project.sources.map(\.path) == [root.path + "/site/articles/a.txt"])
    }

    @Test("a named pipe is read to its end, as a source and as a configuration, as a regular file is")
    func namedPipes() throws {
        let pipe = TestSupport.temporaryFolder().path + "/pipe"
        try #require(mkfifo(pipe, 0o600) == 0)
        let source = "Publication: Monitor\nVolume: 1\nIssue: 1\n\nA paragraph.\n"
        Self.feed(source) { open(pipe, O_WRONLY | O_CLOEXEC) }
        #expect(SourceFile(onDisk: pipe).load() == Array(source.utf8))
        // A pipe's size is 0: a configuration read by its size was empty, or could not be read at all.
        Self.feed("text:\n  width: 30\n") { open(pipe, O_WRONLY | O_CLOEXEC) }
        #expect(try Project.configuration(at: pipe).text?.width == 30)
    }

    @Test("a source past the size limit is refused, a device or an endless pipe reading no more than a byte past it")
    func sizeLimit() async throws {
        // A device that never ends: the limit ends it.
        #expect(SourceFile(onDisk: "/dev/zero").read() == .failure(.tooLarge(limit: SourceFile.sizeLimit)))
        let result = await Pipeline().read(SourceFile(onDisk: "/dev/zero"))
        #expect(result.article == nil)
        #expect(result.diagnostics.map(\.id) == ["source.too-large"])
        #expect(result.diagnostics.first?.location == SourceLocation(path: "/dev/zero", line: 1, column: 1))
        #expect(result.diagnostics.first?.message == "the file cannot be read: it holds more than 32 MiB, the most a source may hold")
        // A regular file up to the limit reads; one byte more does not.
        let root = TestSupport.temporaryFolder()
        let path = root.appendingPathComponent("a.txt").path
        try Data(repeating: 0x41, count: 1000).write(to: URL(fileURLWithPath: path))
        #expect(try SourceDiscovery.read(path, limit: 1000).get().count == 1000)
        #expect(SourceDiscovery.read(path, limit: 999) == .failure(.tooLarge(limit: 999)))
        // A pipe, whose length is not known beforehand: the same.
        for (limit, fits) in [(50_000, true), (49_999, false)] {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            let writeEnd = ends[1]
            Self.feed(String(repeating: "x", count: 50_000)) { writeEnd }
            let read = SourceDiscovery.read(descriptor: ends[0], limit: limit)
            close(ends[0])
            #expect(fits ? (try? read.get().count) == 50_000 : read == .failure(.tooLarge(limit: limit)))
        }
    }

    @Test("a source is read to its end from an open file, such as standard input")
    func descriptor() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        // More than a pipe holds, so that the reading waits for the writing.
        let text = String(repeating: "A line of the source.\n", count: 10_000)
        let writeEnd = ends[1]
        Self.feed(text) { writeEnd }
        defer { close(ends[0]) }
        let file = try SourceFile.read(path: "<stdin>", toEndOf: ends[0]).get()
        #expect(file.path == "<stdin>")
        #expect(file.bytes == Array(text.utf8))
    }

    /// Writes `text` from a thread of its own into the file `opening` opens (a named pipe's opening waits
    /// for its reader), and closes it.
    private static func feed(_ text: String, into opening: @escaping @Sendable () -> Int32) {
        Thread {
            let descriptor = opening()
            guard descriptor >= 0 else { return }
            _ = text.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress!, text.utf8.count) }
            close(descriptor)
        }.start()
    }

    @Test("a missing source is an error that names it")
    func missing() {
        #expect(throws: BulletinError.self) { try SourceDiscovery().paths(under: ["/no/such/folder"]) }
    }
}
