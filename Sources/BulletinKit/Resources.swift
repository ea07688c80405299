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
        let root = URL(fileURLWithPath: nameOrPath)
        var origins: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let url = root.appendingPathComponent(relative)
            let origin = (nameOrPath.hasSuffix("/") ? nameOrPath : nameOrPath + "/") + relative
            // Links are followed, as a source's are; what they lead to must be a file that ends: a device
            // (`/dev/zero`) or a named pipe would never end, or wait for a writer, and a file that cannot be
            // read would leave the default's in its place unannounced.
            var status = stat()
            guard stat(url.path, &status) == 0 else {
                throw unreadableThemeFile(origin, because: SourceDiscovery.problem(reading: url.path))
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG: break
            case S_IFIFO: throw unreadableThemeFile(origin, because: "it is a named pipe, not a file")
            case S_IFSOCK: throw unreadableThemeFile(origin, because: "it is a socket, not a file")
            default: throw unreadableThemeFile(origin, because: "it is a device, not a file")
            }
            switch SourceDiscovery.read(url.path, limit: SourceFile.sizeLimit) {
            case .success(let bytes): files[relative] = bytes
            case .failure(let failure): throw unreadableThemeFile(origin, because: failure.reason)
            }
            origins[relative] = origin
        }
        return Theme(files: files, origins: origins, bundledStrings: bundledStrings(under: origins.keys))
    }

    /// The error for the theme file at `origin`, which cannot be read `because`: it stops the build, as a
    /// template that does not compile does, rather than leaving the default's file in its place.
    private static func unreadableThemeFile(_ origin: String, because reason: String) -> BulletinError {
        BulletinError(code: .invalidConfiguration, message: "the theme file \(origin) cannot be read", diagnostics: [Diagnostic(
            id: "theme.unreadable", severity: .error, message: "the theme file cannot be read: \(reason)",
            location: SourceLocation(path: origin, line: 1, column: 1),
            fix: "make it a file that may be read, of at most \(SourceReadFailure.size(SourceFile.sizeLimit)), or remove it from the theme")])
    }

    private static func embeddedTheme(_ name: String) -> [String: [UInt8]] {
        let prefix = "Themes/\(name)/"
        var files: [String: [UInt8]] = [:]
        for path in paths(under: prefix) { files[String(path.dropFirst(prefix.count))] = file(path) }
        return files
    }
}
