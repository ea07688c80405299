import BulletinModel
import BulletinWriters
import Foundation

/// The files built into the binary: the themes, the JSON Schema, the example archive.
public enum Resources {
    /// A file's bytes by repository-relative path, e.g. `Schemas/bulletin.schema.json`.
    public static func file(_ path: String) -> [UInt8]? {
        EmbeddedResources.base64[path].flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
    }

    /// Repository-relative paths under `folder`, sorted.
    public static func paths(under folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return EmbeddedResources.base64.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The JSON Schema of the document tree.
    public static var schema: String {
        String(decoding: file("Schemas/bulletin.schema.json") ?? [], as: UTF8.self)
    }

    /// The example archive's sources, with their repository-relative paths.
    public static var exampleSources: [SourceFile] {
        paths(under: "Examples").filter { $0.hasSuffix(".txt") }.map { SourceFile(path: $0, bytes: file($0) ?? []) }
    }

    /// Embedded theme names.
    public static var themeNames: [String] {
        Set(paths(under: "Themes").compactMap { $0.split(separator: "/").dropFirst().first.map(String.init) }).sorted()
    }

    /// True when `nameOrPath` names a theme ``theme(_:)`` can make: an embedded one, or a folder.
    public static func isTheme(_ nameOrPath: String) -> Bool {
        if isEmbeddedTheme(nameOrPath) { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func isEmbeddedTheme(_ name: String) -> Bool {
        themeNames.contains(name) && !name.contains("/")
    }

    /// A theme by name (embedded) or by folder path, merged file by file over the default theme.
    public static func theme(_ nameOrPath: String?) throws -> Theme {
        let bundled = embeddedTheme("default")
        var files = bundled
        guard let nameOrPath, nameOrPath != "default" else { return Theme(files: files) }
        // A theme's strings file replaces the bundled one of its language, which stays beneath it for the
        // keys it leaves out: a theme may change a few words of a language Bulletin has.
        func bundledStrings(under overridden: some Sequence<String>) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: overridden.filter { $0.hasPrefix("strings/") }.compactMap { path in bundled[path].map { (path, $0) } })
        }
        if isEmbeddedTheme(nameOrPath) {
            let theme = embeddedTheme(nameOrPath)
            files.merge(theme) { $1 }
            return Theme(files: files, bundledStrings: bundledStrings(under: theme.keys))
        }
        guard isTheme(nameOrPath) else {
            throw BulletinError(code: .invalidUsage, message: "no theme '\(nameOrPath)': give a theme name (\(themeNames.joined(separator: ", "))) or a folder")
        }
        var origins: [String: String] = [:]
        try readThemeFolder(nameOrPath) { relative, origin, bytes in
            files[relative] = bytes
            origins[relative] = origin
        }
        return Theme(files: files, origins: origins, bundledStrings: bundledStrings(under: origins.keys))
    }

    /// Hands `add` each file of the theme folder `folder`, with its path in the theme, its path as named
    /// from `folder`, and its bytes, in path order; hidden entries are skipped. Links are followed, to
    /// files and to folders, as a source's are, except a link to a folder that holds it (`..`, `.`, `/`),
    /// which is an error at the link (`theme.link-loop`): a theme author who links `site/fonts` to a shared
    /// folder means its files to be the theme's, and a link that is skipped without a word would leave
    /// them out unannounced. What a link leads to must be a file that ends: a device (`/dev/zero`) or a
    /// named pipe would never end, or wait for a writer, and a file that cannot be read would leave the
    /// default's in its place unannounced.
    private static func readThemeFolder(_ folder: String, _ add: (String, String, [UInt8]) -> Void) throws {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        func walk(_ relative: String, holders: [FileIdentity]) throws {
            let origin = prefix + relative
            guard let directory = opendir(relative.isEmpty ? folder : origin) else {
                throw unreadableThemeFile(relative.isEmpty ? folder : origin, because: String(cString: strerror(errno)), folder: true)
            }
            var names: [String] = []
            var notUTF8: String?
            while let entry = readdir(directory) {
                let name = entry.pointee.name
                if name.hasPrefix(".") { continue }
                // A name that is not UTF-8 cannot be given back to the file system as a string: say so,
                // rather than that nothing is there.
                guard !name.unicodeScalars.contains("\u{FFFD}") || entry.pointee.nameIsUTF8 else {
                    notUTF8 = notUTF8 ?? (relative.isEmpty ? name : relative + "/" + name)
                    continue
                }
                names.append(name)
            }
            closedir(directory)
            if let notUTF8 {
                throw unreadableThemeFile(prefix + notUTF8, because: "its name is not UTF-8 (shown with U+FFFD)",
                                          fix: "rename it in UTF-8 (convmv -f latin1 -t utf8 --notest renames Latin-1 names)")
            }
            for name in names.inByteOrder() {
                let path = relative.isEmpty ? name : relative + "/" + name
                let origin = prefix + path
                var status = stat()
                guard stat(origin, &status) == 0 else {
                    throw unreadableThemeFile(origin, because: SourceDiscovery.problem(reading: origin))
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    var link = stat()
                    guard lstat(origin, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else {
                        try walk(path, holders: holders + [FileIdentity(status)])
                        continue
                    }
                    guard !holders.contains(FileIdentity(status)) else {
                        throw BulletinError(code: .invalidConfiguration, message: "the link \(origin) in the theme leads back to a folder that holds it", diagnostics: [
                            SymbolicLink.loop(at: origin, id: "theme.link-loop",
                                              fix: "remove the link from the theme, or link to a folder outside the one that holds it"),
                        ])
                    }
                    try walk(path, holders: holders + FileIdentity.lineage(ofFolder: origin).map(\.identity))
                    continue
                case S_IFREG: break
                case S_IFIFO: throw unreadableThemeFile(origin, because: "it is a named pipe, not a file")
                case S_IFSOCK: throw unreadableThemeFile(origin, because: "it is a socket, not a file")
                default: throw unreadableThemeFile(origin, because: "it is a device, not a file")
                }
                switch SourceDiscovery.read(origin, limit: SourceFile.sizeLimit) {
                case .success(let bytes): add(path, origin, bytes)
                case .failure(let failure): throw unreadableThemeFile(origin, because: failure.reason)
                }
            }
        }
        try walk("", holders: FileIdentity.lineage(ofFolder: folder).map(\.identity))
    }

    /// The error for the theme file at `origin`, which cannot be read `because`: it stops the build, as a
    /// template that does not compile does, rather than leaving the default's file in its place.
    /// A folder of the theme that cannot be listed is one too, rather than its files left out unannounced.
    private static func unreadableThemeFile(_ origin: String, because reason: String, folder: Bool = false, fix: String? = nil) -> BulletinError {
        let fix = fix ?? (folder ? "check that the folder may be read and searched (its permissions), or remove it from the theme"
            : "make it a file that may be read, of at most \(SourceReadFailure.size(SourceFile.sizeLimit)), or remove it from the theme")
        return BulletinError(
            code: .invalidConfiguration, message: "the theme \(folder ? "folder" : "file") \(origin) cannot be \(folder ? "listed" : "read")",
            diagnostics: [Diagnostic(
                id: "theme.unreadable", severity: .error, message: "the theme \(folder ? "folder cannot be listed" : "file cannot be read"): \(reason)",
                location: SourceLocation(path: origin, line: 1, column: 1), fix: fix)])
    }

    private static func embeddedTheme(_ name: String) -> [String: [UInt8]] {
        let prefix = "Themes/\(name)/"
        var files: [String: [UInt8]] = [:]
        for path in paths(under: prefix) { files[String(path.dropFirst(prefix.count))] = file(path) }
        return files
    }
}
