import BulletinKit
import BulletinModel
import Foundation
import Synchronization

/// Shared helpers for the test targets.
public enum TestSupport {
    /// The bytes of a file, or an empty array when missing (the test then fails on content).
    public static func bytes(_ url: URL) -> [UInt8] {
        (FileManager.default.contents(atPath: url.path)).map { [UInt8]($0) } ?? []
    }

    /// The words of a text: maximal runs of non-whitespace.
    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The body words of a bulletin text source: everything after the header's blank line.
    public static func bodyWords(ofSource text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard let range = normalized.range(of: "\n\n") else { return [] }
        return words(String(normalized[range.upperBound...]))
    }

    /// True when `needle` occurs in `haystack` in order (not necessarily contiguously).
    public static func containsInOrder(_ needle: [String], in haystack: [String]) -> Bool {
        var index = haystack.startIndex
        for word in needle {
            guard let found = haystack[index...].firstIndex(of: word) else { return false }
            index = found + 1
        }
        return true
    }

    /// A fresh temporary folder, removed with everything in it when the test process exits.
    public static func temporaryFolder(_ name: String = "bulletin-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = removalAtExit
        madeFolders.withLock { $0.append(url) }
        return url
    }

    /// The folders ``temporaryFolder(_:)`` made: a test may hand one to a build and read it after the
    /// test's own scope, so they are all removed once, as the process ends, rather than by each test.
    private static let madeFolders = Mutex<[URL]>([])
    private static let removalAtExit: Void = {
        atexit {
            for url in TestSupport.madeFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
        }
    }()

    /// Every regular file under `root`, by relative path, with its bytes.
    public static func tree(_ root: URL) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = bytes(full)
            }
        }
        return result
    }

    /// A source file from text.
    public static func source(_ text: String, path: String = "test.txt") -> SourceFile {
        SourceFile(path: path, bytes: Array(text.utf8))
    }
}
