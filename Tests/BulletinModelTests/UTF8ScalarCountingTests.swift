import BulletinModel
import BulletinTestSupport
import Testing

@Suite("Counting scalars in UTF-8")
struct UTF8ScalarCountingTests {
    /// Texts of one to four bytes a scalar, ASCII runs longer and shorter than a word of eight bytes among them.
    static let texts: [String] = {
        let pieces = ["a", "Moscow ", "é", "“", "—", "Київ", "🇷🇺", "\u{A0}", "abcdefgh", "abcdefghijklmnopq", "ü", "中文", "x"]
        var generator = SourceDamage.Generator(state: 7)
        var texts = ["", "a", "abcdefgh", "abcdefghi", "ééééééééé"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            texts.append(text)
        }
        return texts
    }()

    @Test("counts as many scalars as the string has, in every range that starts and ends on a scalar")
    func counts() {
        for text in Self.texts {
            let starts = Self.scalarStarts(text)
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                #expect(UTF8Scalar.count(in: bytes, 0..<bytes.count) == text.unicodeScalars.count, "\(text)")
                for (i, start) in starts.enumerated() {
                    for (j, end) in starts.enumerated().dropFirst(i) {
                        #expect(UTF8Scalar.count(in: bytes, start..<end) == j - i)
                    }
                }
            }
        }
    }

    @Test("finds the byte of the scalar so many scalars on, as a walk scalar by scalar does")
    func offsets() {
        for text in Self.texts {
            let starts = Self.scalarStarts(text)
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                for i in starts.indices {
                    for j in i..<starts.count {
                        #expect(UTF8Scalar.offset(j - i, after: starts[i], in: bytes) == starts[j], "\(text) \(i) \(j)")
                    }
                }
            }
        }
    }

    /// The byte offset of each scalar of `text` as the string's own views tell it, and of its end.
    static func scalarStarts(_ text: String) -> [Int] {
        text.unicodeScalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [text.utf8.count]
    }
}
