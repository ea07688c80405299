/// A path as the file system takes it, for tables keyed by path: equal only when its bytes are. Swift's
/// strings are equal when their letters are, so `café.txt` with a composed `é` and `café.txt` with a
/// decomposed one, two files on Linux, would be one key of a `[String: …]`.
struct PathKey: Hashable, Sendable {
    /// The path.
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (a: PathKey, b: PathKey) -> Bool {
        a.path.utf8.elementsEqual(b.path.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = path.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in path.utf8 { hasher.combine(byte) }
        }
    }
}

extension Sequence<String> {
    /// The paths in the order of their bytes, each once: paths as the file system compares them, where
    /// Swift's `<` and `==` take a composed and a decomposed `é` as one.
    func inByteOrder() -> [String] {
        var paths: [String] = []
        for path in sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !(paths.last?.utf8.elementsEqual(path.utf8) ?? false) {
            paths.append(path)
        }
        return paths
    }
}
