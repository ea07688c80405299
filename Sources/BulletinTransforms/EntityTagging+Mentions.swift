import BulletinNLP

extension EntityTagging {
    /// The entity mentions of one article, in its given title and run by run in its body (paragraphs,
    /// headings and list items in reading order): what ``EntityTagging/mentions(in:)`` finds and
    /// ``EntityTagging/apply(to:mentions:)`` places.
    ///
    /// They can be kept as bytes (``encoded()``) between the two, so that an article read twice is tagged
    /// once: a streamed build finds mentions while it surveys the sources and places them when it writes.
    public struct Mentions: Sendable, Equatable {
        /// Each run's spans, offsets in Unicode scalars of the run's plain text.
        public var runs: [[EntitySpan]]
        /// The given title's spans, offsets in Unicode scalars of the title.
        public var title: [EntitySpan]

        /// Mentions of runs and of the title.
        public init(runs: [[EntitySpan]], title: [EntitySpan] = []) {
            self.runs = runs
            self.title = title
        }

        /// The mentions as bytes: the runs' count, then per run, and last for the title, its span count and
        /// each span's start, length, kind, text, canonical name and role (lengths and numbers as LEB128
        /// varints, strings as UTF-8).
        public func encoded() -> [UInt8] {
            var bytes: [UInt8] = []
            Self.append(runs.count, to: &bytes)
            for run in runs { Self.append(run, to: &bytes) }
            Self.append(title, to: &bytes)
            return bytes
        }

        /// The mentions `bytes` encode (``encoded()``), or nil when they are not such bytes.
        public init?(encoded bytes: [UInt8]) {
            var reader = Reader(bytes: bytes)
            guard let runCount = reader.number() else { return nil }
            var runs: [[EntitySpan]] = []
            runs.reserveCapacity(min(runCount, bytes.count))
            for _ in 0..<runCount {
                guard let run = Self.run(from: &reader) else { return nil }
                runs.append(run)
            }
            guard let title = Self.run(from: &reader), reader.isAtEnd else { return nil }
            self.runs = runs
            self.title = title
        }

        private static func append(_ run: [EntitySpan], to bytes: inout [UInt8]) {
            append(run.count, to: &bytes)
            for span in run {
                append(span.start, to: &bytes)
                append(span.end - span.start, to: &bytes)
                bytes.append(kindCodes.firstIndex(of: span.kind).map(UInt8.init) ?? 0)
                append(span.text, to: &bytes)
                append(span.canonicalName, to: &bytes)
                if let role = span.role {
                    bytes.append(1)
                    append(role, to: &bytes)
                } else {
                    bytes.append(0)
                }
            }
        }

        /// One run's spans read from `reader`, or nil when the bytes are not such spans.
        private static func run(from reader: inout Reader) -> [EntitySpan]? {
            guard let spanCount = reader.number() else { return nil }
            var run: [EntitySpan] = []
            run.reserveCapacity(min(spanCount, reader.bytes.count))
            for _ in 0..<spanCount {
                guard let start = reader.number(), let length = reader.number(), let code = reader.byte(),
                      Int(code) < kindCodes.count, let text = reader.string(), let canonicalName = reader.string(),
                      let hasRole = reader.byte(), hasRole <= 1
                else { return nil }
                var role: String?
                if hasRole == 1 {
                    guard let given = reader.string() else { return nil }
                    role = given
                }
                run.append(EntitySpan(start: start, end: start + length, kind: kindCodes[Int(code)], text: text,
                                      canonicalName: canonicalName, role: role))
            }
            return run
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
            // Copied from the string's contiguous bytes at once, not read through its UTF-8 view.
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
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
