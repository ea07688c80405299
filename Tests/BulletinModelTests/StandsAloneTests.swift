import BulletinModel
import Testing

@Suite("Scalars that stand alone")
struct StandsAloneTests {
    /// Every scalar the property holds for.
    static let standing: [Unicode.Scalar] = (0...0x2FFF).compactMap { Unicode.Scalar(UInt32($0)) }.filter(\.standsAlone)

    @Test("any two scalars that stand alone are two characters, whichever comes first")
    func pairsAreTwoCharacters() {
        let partners = Self.standing.enumerated().filter { $0.offset % 11 == 0 }.map(\.element) + ["\n", "\u{A9}", "\u{203C}"]
        var joined: [String] = []
        for first in Self.standing {
            for second in partners where String(first) + String(second) != "\r\n" {
                var pair = String(first)
                pair.unicodeScalars.append(second)
                if pair.count != 2 { joined.append(pair.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")) }
            }
        }
        #expect(joined.isEmpty, "joined: \(joined.prefix(10))")
        #expect(Self.standing.count == 1_174)
    }

    @Test("a carriage return, combining marks and joiners do not stand alone", arguments: [
        "\r", "\u{0300}", "\u{0301}", "\u{036F}", "\u{0483}", "\u{0489}", "\u{200C}", "\u{200D}", "\u{FE0F}", "\u{1F600}", "\u{AC00}",
    ] as [Unicode.Scalar])
    func joiners(scalar: Unicode.Scalar) {
        #expect(!scalar.standsAlone)
    }
}
