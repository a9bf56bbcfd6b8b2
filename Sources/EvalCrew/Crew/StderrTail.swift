#if canImport(Glibc)
import Glibc
#endif

/// Drains a crew's stderr pipe without blocking and keeps only its last bytes.
///
/// The pipe's read end is non-blocking, so the supervising loop can drain it between exit checks
/// and a crew that writes megabytes of logs never stalls on a full pipe for long.
struct StderrTail {
    let descriptor: Int32
    let limit: Int
    private var bytes: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65536)
    /// True once bytes were dropped from the front.
    private var trimmed = false
    /// True once every writer has closed the pipe.
    private(set) var reachedEnd = false

    init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// Reads what is available now, at most a megabyte so a crew that never stops writing cannot keep
    /// the caller from its timeout checks; returns true when anything was read.
    mutating func drain() -> Bool {
        guard !reachedEnd else { return false }
        var readAnything = false
        for _ in 0..<16 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                readAnything = true
                bytes.append(contentsOf: chunk[..<count])
                // Trim in batches, not per read, so a flood of stderr costs linear time.
                if bytes.count > 2 * limit {
                    bytes.removeFirst(bytes.count - limit)
                    trimmed = true
                }
            } else if count == 0 {
                reachedEnd = true
                return readAnything
            } else if errno != EINTR {
                // EAGAIN: nothing more for now. Any other error ends the stream.
                if errno != EAGAIN && errno != EWOULDBLOCK { reachedEnd = true }
                return readAnything
            }
        }
        return readAnything
    }

    /// The last `limit` bytes, decoded leniently (invalid UTF-8 becomes U+FFFD), starting on a character boundary.
    var text: String {
        var tail = bytes.suffix(limit)
        if trimmed || bytes.count > limit {
            // A cut through a multi-byte character would decode as U+FFFD; start at the next character instead.
            var dropped = 0
            while dropped < 3, let first = tail.first, first & 0xC0 == 0x80 {
                tail = tail.dropFirst()
                dropped += 1
            }
        }
        return String(decoding: tail, as: UTF8.self)
    }
}
