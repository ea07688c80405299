import Foundation

/// Locations tests read from, found from the working directory `swift test` runs in (the package root).
public enum TestPaths {
    /// The package root.
    public static var packageRoot: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `../shared`, the project's shared material.
    public static var shared: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The real sample bulletin.
    public static var sampleBulletin: URL {
        shared.appendingPathComponent("samples/monitor-v6-i23.txt")
    }

    /// The example archive.
    public static var examples: URL {
        packageRoot.appendingPathComponent("Examples")
    }

    /// `Tests/Fixtures`.
    public static var fixtures: URL {
        packageRoot.appendingPathComponent("Tests/Fixtures")
    }
}
