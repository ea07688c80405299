import BulletinModel
import BulletinTransforms
import Foundation
import Synchronization

/// Bytes a build keeps on disk by key until it needs them again: the entity mentions a streamed build's
/// survey found, by source path, so that each article is tagged once though it is read twice (at about a
/// kilobyte an article, 10.5 MB for the 10,000-article bench, more than a build that keeps memory flat in
/// the number of articles can hold), and the summaries of each issue written, by article id, for the
/// build's ``SummaryCache``.
///
/// The file is made in the build's staging folder and unlinked at once: it is never seen, nothing is
/// written outside the output, and the system frees it when the store is let go. Bytes that cannot be
/// written or read back are simply not there: the mentions are found again, and no summary cache is written.
final class ScratchStore: Sendable {
    private let descriptor: Int32
    /// The end of the file, and where the bytes of each key are in it; keys compared by their bytes, as
    /// they may be source paths (``PathKey``).
    private let state: Mutex<(end: Int, places: [PathKey: Place])>

    /// Where a key's bytes are: offset and count in one word (40 and 24 bits), so that the table of a large
    /// archive's keys is a quarter smaller. Bytes that would not fit (a terabyte into the file, or 16 MB under
    /// one key) are not kept.
    private struct Place {
        private let packed: UInt64

        init?(offset: Int, count: Int) {
            guard offset < 1 << 40, count < 1 << 24 else { return nil }
            packed = UInt64(offset) << 24 | UInt64(count)
        }

        var offset: Int { Int(packed >> 24) }
        var count: Int { Int(packed & (1 << 24 - 1)) }
    }

    /// A store in `folder`, or nil when no file can be made there; `expectedKeys` sizes its table once.
    init?(in folder: URL, expectedKeys: Int = 0) {
        var places: [PathKey: Place] = [:]
        places.reserveCapacity(expectedKeys)
        state = Mutex((0, places))
        // mkstemp replaces the six trailing X's with a name no other file has.
        var template = Array(folder.appendingPathComponent(".scratch-" + String(repeating: "X", count: 6)).path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Keeps `bytes` under `key`.
    func keep(encoded bytes: [UInt8], for key: String) {
        let offset = state.withLock { state in
            defer { state.end += bytes.count }
            return state.end
        }
        let written = bytes.withUnsafeBytes { buffer in
            transfersWhole(buffer.count) { done in pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done)) }
        }
        if written, let place = Place(offset: offset, count: bytes.count) { state.withLock { $0.places[PathKey(key)] = place } }
    }

    /// The bytes kept under `key`, or nil.
    func bytes(for key: String) -> [UInt8]? {
        guard let place = state.withLock({ $0.places[PathKey(key)] }) else { return nil }
        return readWhole(descriptor, count: place.count, at: place.offset)
    }
}
