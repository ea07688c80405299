import BulletinNLP

extension EntityTagging {
    /// The entity mentions of one article, run by run (paragraphs, headings and list items in reading
    /// order): what ``EntityTagging/mentions(in:)`` finds and ``EntityTagging/apply(to:mentions:)`` places.
    ///
    /// They can be kept as bytes (``encoded()``) between the two, so that an article read twice is tagged
    /// once: a streamed build finds mentions while it surveys the sources and places them when it writes.
    public struct Mentions: Sendable, Equatable {
        /// Each run's spans, offsets in Unicode scalars of the run's plain text.
        public var runs: [[EntitySpan]]

        /// Mentions of runs.
        public init(runs: [[EntitySpan]]) {
            self.runs = runs
        }

        /// The mentions as bytes: per run its span count, then each span's start, length, kind, text,
        /// canonical name and role (lengths and numbers as LEB128 varints, strings as UTF-8).
        public func encoded() -> [UInt8] {
            var bytes: [UInt8] = []
            Self.append(runs.count, to: &bytes)
            for run in runs {
                Self.append(run.count, to: &bytes)
                for span in run {
                    Self.append(span.start, to: &bytes)
                    Self.append(span.end - span.start, to: &bytes)
                    bytes.append(Self.kindCodes.firstIndex(of: span.kind).map(UInt8.init) ?? 0)
                    Self.append(span.text, to: &bytes)
                    Self.append(span.canonicalName, to: &bytes)
                    if let role = span.role {
                        bytes.append(1)
                        Self.append(role, to: &bytes)
                    } else {
                        bytes.append(0)
                    }
                }
            }
            return bytes
        }

        /// The mentions `bytes` encode (``encoded()``), or nil when they are not such bytes.
        public init?(encoded bytes: [UInt8]) {
            var reader = Reader(bytes: bytes)
            guard let runCount = reader.number() else { return nil }
            var runs: [[EntitySpan]] = []
            runs.reserveCapacity(min(runCount, bytes.count))
            for _ in 0..<runCount {
                guard let spanCount = reader.number() else { return nil }
                var run: [EntitySpan] = []
                run.reserveCapacity(min(spanCount, bytes.count))
                for _ in 0..<spanCount {
                    guard let start = reader.number(), let length = reader.number(), let code = reader.byte(),
                          Int(code) < Self.kindCodes.count, let text = reader.string(), let canonicalName = reader.string(),
                          let hasRole = reader.byte(), hasRole <= 1
                    else { return nil }
                    var role: String?
                    if hasRole == 1 {
                        guard let given = reader.string() else { return nil }
                        role = given
                    }
                    run.append(EntitySpan(start: start, end: start + length, kind: Self.kindCodes[Int(code)], text: text,
                                          canonicalName: canonicalName, role: role))
                }
                runs.append(run)
            }
            guard reader.isAtEnd else { return nil }
            self.runs = runs
        }

        /// Kinds by their code in the encoding.
        private static let kindCodes: [EntityKind] = [.person, .organization, .location, .miscellaneous]

        private static func append(_ number: Int, to bytes: inout [UInt8]) {
            var value = UInt64(max(number, 0))
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        private static func append(_ text: String, to bytes: inout [UInt8]) {
            append(text.utf8.count, to: &bytes)
            bytes.append(contentsOf: text.utf8)
        }

        /// Reads the encoding front to back; every read is nil past the end.
        private struct Reader {
            let bytes: [UInt8]
            var position = 0

            var isAtEnd: Bool { position == bytes.count }

            mutating func byte() -> UInt8? {
                guard position < bytes.count else { return nil }
                defer { position += 1 }
                return bytes[position]
            }

            mutating func number() -> Int? {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                while let byte = byte() {
                    value |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { return value <= UInt64(Int32.max) ? Int(value) : nil }
                    shift += 7
                    if shift > 35 { return nil }
                }
                return nil
            }

            mutating func string() -> String? {
                guard let count = number(), count <= bytes.count - position else { return nil }
                defer { position += count }
                return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
            }
        }
    }
}
