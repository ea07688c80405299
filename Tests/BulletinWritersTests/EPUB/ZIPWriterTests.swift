@testable import BulletinWriters
import Foundation
import Testing
import ZIPFoundation

@Suite("ZIP writer")
struct ZIPWriterTests {
    @Test("DOS dates and times are UTC, to two seconds, and start in 1980")
    func dosDateTime() {
        func dos(_ seconds: Int64) -> [UInt16] {
            let value = ZIPWriter.dosDateTime(seconds)
            return [value.date, value.time]
        }
        let epoch: [UInt16] = [1 << 5 | 1, 0]
        // 2000-02-02T00:00:00Z
        #expect(dos(949_449_600) == [20 << 9 | 2 << 5 | 2, 0])
        // 2024-02-29T13:45:31Z
        let leapDay: UInt16 = 44 << 9 | 2 << 5 | 29
        let afternoon: UInt16 = 13 << 11 | 45 << 5 | 15
        #expect(dos(1_709_214_331) == [leapDay, afternoon])
        // 1979-12-31T23:59:59Z and 1970-01-01 become the format's epoch; so does a time before 1970.
        for early: Int64 in [315_532_799, 0, -86_401] {
            #expect(dos(early) == epoch)
        }
        #expect(dos(315_532_800) == epoch)
    }

    @Test("another ZIP reader gets every entry back: stored and deflated, empty, large and with a UTF-8 name")
    func readBack() throws {
        var seed: UInt32 = 7
        let noise = (0..<200_000).map { _ -> UInt8 in
            seed = seed &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: seed >> 16)
        }
        let entries: [(String, [UInt8], ZIPWriter.Method)] = [
            ("mimetype", Array("application/epub+zip".utf8), .stored),
            ("EPUB/empty.txt", [], .deflated),
            ("EPUB/text.xhtml", Array(String(repeating: "<p>Mediators return to Transdniester.</p>\n", count: 2_000).utf8), .deflated),
            ("EPUB/noise.bin", noise, .deflated),
            ("EPUB/Zürich — 東京.txt", Array("naïve".utf8), .deflated),
        ]
        var writer = ZIPWriter(secondsSince1970: 949_449_600)
        for (path, bytes, method) in entries { try writer.add(path, bytes, method: method) }
        let archive = try ZIPFoundation.Archive(data: Data(writer.finish()), accessMode: .read)
        let read = try archive.map { entry -> (String, [UInt8], Bool) in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, [UInt8](data), entry.isCompressed)
        }
        #expect(read.map(\.0) == entries.map(\.0))
        for (got, want) in zip(read, entries) {
            #expect(got.1 == want.1, "\(want.0)")
            #expect(got.2 == (want.2 == .deflated), "\(want.0)")
        }
    }
}
