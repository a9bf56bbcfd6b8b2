#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches on `[UInt8]` through `memchr`/`memcmp`, which stay fast in debug builds, where
/// the generic `Sequence.contains` is ~100x slower and dominates test time on MB-sized inputs.
enum ByteSearch {
    /// True when `byte` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ byte: UInt8) -> Bool {
        firstIndex(of: byte, in: bytes, from: 0) != nil
    }

    /// The first offset `>= from` holding `byte`.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            guard let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The first offset `>= from` where `pattern` starts.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first else { return from }
        var i = from
        while let hit = firstIndex(of: first, in: bytes, from: i) {
            guard hit + pattern.count <= bytes.count else { return nil }
            if matches(pattern, in: bytes, at: hit) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// True when `pattern` occurs at `offset`.
    static func matches(_ pattern: [UInt8], in bytes: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            pattern.withUnsafeBufferPointer { p in memcmp(buffer.baseAddress! + offset, p.baseAddress!, p.count) == 0 }
        }
    }

    /// True when some line (at the start or after `\n`) begins with `pattern`.
    static func someLine(startsWith pattern: [UInt8], in bytes: [UInt8]) -> Bool {
        matches(pattern, in: bytes, at: 0) || firstIndex(of: [0x0A] + pattern, in: bytes, from: 0) != nil
    }
}
