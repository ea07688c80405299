/// A SHA-256 digest of a value's whole content, through its `Encodable` conformance: every stored
/// field, in the order it is encoded, so that two values of one type digest alike exactly when they
/// encode alike. Stable from run to run and machine to machine (no random seed, unlike `Hasher`).
///
/// A build's output keys are made with these (its settings, the headers of an issue's neighbours). Nothing
/// is serialized to text on the way: each value goes into the hash as a tag byte and its bytes, each
/// string with its length first and each container with a tag of its own, so that no two different values
/// of a type give the same stream of bytes. Dictionaries and sets encode in no fixed order: a value that
/// holds one must be given in a sorted form instead. Going through `Encodable` costs a call or more per
/// value, so large trees are better digested another way (a build digests issues as their JSON documents).
public enum ContentDigest {
    /// The 32-byte digest of `value`.
    public static func of<Value: Encodable>(_ value: Value) -> [UInt8] {
        var digest = Builder()
        digest.add(value)
        return digest.finalize()
    }

    /// Feeds values, strings and bytes into one digest in turn.
    public struct Builder {
        private let stream = DigestStream()

        /// Starts an empty digest.
        public init() {}

        /// Adds every field of `value`. A value that cannot encode itself (its `encode(to:)` throws) is
        /// added as the error's description after a tag of its own, which is stable as long as the error is.
        public mutating func add<Value: Encodable>(_ value: Value) {
            do {
                try value.encode(to: DigestEncoder(stream: stream))
            } catch {
                stream.tag(.failure)
                stream.string(String(describing: error))
            }
        }

        /// Adds a string, with its length.
        public mutating func add(_ text: String) {
            stream.tag(.string)
            stream.string(text)
        }

        /// Adds bytes, with their count.
        public mutating func add(bytes: [UInt8]) {
            stream.tag(.bytes)
            stream.integer(UInt64(bytes.count))
            stream.append(bytes)
        }

        /// The digest of everything added.
        public func finalize() -> [UInt8] {
            stream.finalize()
        }
    }
}

/// Tag bytes: one before every value and container, so that the stream says what each bytes are.
private enum DigestTag: UInt8 {
    case keyed = 1, unkeyed, single, key, null, bool, integer, unsigned, double, string, bytes, failure
}

/// The bytes being hashed, gathered in a buffer and handed to SHA-256 a block of them at a time.
private final class DigestStream {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private static let flushAt = 16_384

    init() {
        buffer.reserveCapacity(Self.flushAt + 256)
    }

    func tag(_ tag: DigestTag) {
        buffer.append(tag.rawValue)
    }

    func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        flushIfFull()
    }

    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            integer(UInt64(utf8.count))
            buffer.append(contentsOf: utf8)
        }
        flushIfFull()
    }

    func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    private func flushIfFull() {
        guard buffer.count >= Self.flushAt else { return }
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finalize() -> [UInt8] {
        var copy = hasher
        copy.update(buffer)
        return copy.finalize()
    }
}

/// An `Encoder` that writes into a ``DigestStream``.
private struct DigestEncoder: Encoder {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.tag(.keyed)
        return KeyedEncodingContainer(KeyedContainer(stream: stream))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.tag(.unkeyed)
        return UnkeyedContainer(stream: stream)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        stream.tag(.single)
        return SingleContainer(stream: stream)
    }
}

/// The encoding of plain values, shared by the three kinds of container.
private protocol DigestValues {
    var stream: DigestStream { get }
}

extension DigestValues {
    func writeNil() { stream.tag(.null) }
    func write(_ value: Bool) { stream.tag(.bool); stream.integer(value ? 1 : 0) }
    func write(_ value: String) { stream.tag(.string); stream.string(value) }
    func write(_ value: Double) { stream.tag(.double); stream.integer(value.bitPattern) }
    func write<T: BinaryInteger & SignedInteger>(signed value: T) { stream.tag(.integer); stream.integer(UInt64(bitPattern: Int64(value))) }
    func write<T: BinaryInteger & UnsignedInteger>(unsigned value: T) { stream.tag(.unsigned); stream.integer(UInt64(value)) }
    func write<T: Encodable>(value: T) throws { try value.encode(to: DigestEncoder(stream: stream)) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, DigestValues {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        stream.tag(.key)
        stream.string(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); writeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); write(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); write(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); write(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); write(signed: value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); write(signed: value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); write(signed: value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); write(signed: value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); write(signed: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); write(unsigned: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); write(unsigned: value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); write(unsigned: value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); write(unsigned: value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); write(unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try write(value: value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        stream.tag(.keyed)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(stream: stream))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        stream.tag(.unkeyed)
        return UnkeyedContainer(stream: stream)
    }

    mutating func superEncoder() -> any Encoder { DigestEncoder(stream: stream) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { self.key(key); return DigestEncoder(stream: stream) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, DigestValues {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: DigestStream) {
        self.stream = stream
    }

    mutating func encodeNil() throws { count += 1; writeNil() }
    mutating func encode(_ value: Bool) throws { count += 1; write(value) }
    mutating func encode(_ value: String) throws { count += 1; write(value) }
    mutating func encode(_ value: Double) throws { count += 1; write(value) }
    mutating func encode(_ value: Float) throws { count += 1; write(Double(value)) }
    mutating func encode(_ value: Int) throws { count += 1; write(signed: value) }
    mutating func encode(_ value: Int8) throws { count += 1; write(signed: value) }
    mutating func encode(_ value: Int16) throws { count += 1; write(signed: value) }
    mutating func encode(_ value: Int32) throws { count += 1; write(signed: value) }
    mutating func encode(_ value: Int64) throws { count += 1; write(signed: value) }
    mutating func encode(_ value: UInt) throws { count += 1; write(unsigned: value) }
    mutating func encode(_ value: UInt8) throws { count += 1; write(unsigned: value) }
    mutating func encode(_ value: UInt16) throws { count += 1; write(unsigned: value) }
    mutating func encode(_ value: UInt32) throws { count += 1; write(unsigned: value) }
    mutating func encode(_ value: UInt64) throws { count += 1; write(unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { count += 1; try write(value: value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        stream.tag(.keyed)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(stream: stream))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        stream.tag(.unkeyed)
        return UnkeyedContainer(stream: stream)
    }

    mutating func superEncoder() -> any Encoder { count += 1; return DigestEncoder(stream: stream) }
}

private struct SingleContainer: SingleValueEncodingContainer, DigestValues {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writeNil() }
    mutating func encode(_ value: Bool) throws { write(value) }
    mutating func encode(_ value: String) throws { write(value) }
    mutating func encode(_ value: Double) throws { write(value) }
    mutating func encode(_ value: Float) throws { write(Double(value)) }
    mutating func encode(_ value: Int) throws { write(signed: value) }
    mutating func encode(_ value: Int8) throws { write(signed: value) }
    mutating func encode(_ value: Int16) throws { write(signed: value) }
    mutating func encode(_ value: Int32) throws { write(signed: value) }
    mutating func encode(_ value: Int64) throws { write(signed: value) }
    mutating func encode(_ value: UInt) throws { write(unsigned: value) }
    mutating func encode(_ value: UInt8) throws { write(unsigned: value) }
    mutating func encode(_ value: UInt16) throws { write(unsigned: value) }
    mutating func encode(_ value: UInt32) throws { write(unsigned: value) }
    mutating func encode(_ value: UInt64) throws { write(unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try write(value: value) }
}
