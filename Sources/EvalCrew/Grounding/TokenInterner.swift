/// Maps byte strings (lower-cased words) to dense integer ids.
///
/// An open-addressing hash table over a byte arena: the basis index interns every word of the
/// sources through it, so it avoids `String` allocation and `Dictionary<String, _>` hashing,
/// which dominate the cost of indexing megabytes of text otherwise. Each slot packs 24 bits of the
/// word's hash and its length with its id, so a probe costs one memory access unless both agree.
struct TokenInterner: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Slot → 24 hash bits << 40 | length << 32 | (id + 1); 0 = empty.
    private var table: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        table = [UInt64](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
    }

    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // Eight bytes per multiply (words are short): the bytes are gathered little-endian.
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            var v: UInt64 = 0
            let m = min(8, n - i)
            var k = 0
            while k < m { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)); k += 1 }
            h = (h ^ v) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
            i += 8
        }
        // Final mix so that the low bits (the slot) depend on every byte.
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// Whether the arena bytes at `lo` (length `bytes.count`) equal `bytes`.
    @inline(__always) private func equals(_ lo: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            var k = 0
            while k < bytes.count { if a[lo + k] != bytes[k] { return false }; k += 1 }
            return true
        }
    }

    /// The slot's tag: 24 bits of the hash and the length (capped at 255), above the id.
    @inline(__always) private static func tag(_ h: UInt32, _ length: Int) -> UInt64 {
        UInt64(h >> 8) << 40 | UInt64(min(length, 255)) << 32
    }

    /// The slot holding `bytes`, or the empty slot where it would go. A slot holds the tag and
    /// id + 1 (0 = empty), so a probe reads `starts` and the arena only when hash and length agree.
    @inline(__always) private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (slot: Int, id: Int32?) {
        let tag = TokenInterner.tag(h, bytes.count)
        return table.withUnsafeBufferPointer { t in
            starts.withUnsafeBufferPointer { s in
                var slot = Int(h) & mask
                while true {
                    let entry = t[slot]
                    if entry == 0 { return (slot, nil) }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let id = Int(entry & 0xFFFF_FFFF) - 1
                        let lo = Int(s[id])
                        if Int(s[id + 1]) - lo == bytes.count, equals(lo, bytes) { return (slot, Int32(id)) }
                    }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = TokenInterner.hash(bytes)
        let (slot, found) = find(bytes, h)
        if let found { return found }
        let id = count
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        table[slot] = TokenInterner.tag(h, bytes.count) | UInt64(id + 1)
        count += 1
        if count * 2 > table.count { grow() }
        return Int32(id)
    }

    /// The id of `bytes`, if it was interned.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(bytes, TokenInterner.hash(bytes)).id
    }

    func lookup(_ bytes: [UInt8]) -> Int32? { bytes.withUnsafeBufferPointer { lookup($0) } }

    mutating func intern(_ bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { intern($0) } }

    /// The bytes of an id.
    func bytes(_ id: Int32) -> ArraySlice<UInt8> { arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])] }

    private mutating func grow() {
        let size = table.count * 2
        var newTable = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0..<count {
                let lo = Int(starts[id]), hi = Int(starts[id + 1])
                let h = TokenInterner.hash(UnsafeBufferPointer(rebasing: a[lo..<hi]))
                var slot = Int(h) & newMask
                while newTable[slot] != 0 { slot = (slot + 1) & newMask }
                newTable[slot] = TokenInterner.tag(h, hi - lo) | UInt64(id + 1)
            }
        }
        table = newTable
        mask = newMask
    }
}
