/// Maps byte strings (lower-cased words) to dense integer ids.
///
/// An open-addressing hash table over a byte arena: the basis index interns every word of the
/// sources through it, so it avoids `String` allocation and `Dictionary<String, _>` hashing,
/// which dominate the cost of indexing megabytes of text otherwise. Each slot packs the word's
/// 32-bit hash with its id, so a probe costs one memory access unless the hashes agree.
struct TokenInterner: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Slot → hash << 32 | (id + 1); 0 = empty.
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
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        // Final mix so that the low bits (the slot) depend on every byte.
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return h
    }

    @inline(__always) private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { s in
            let lo = Int(s[id]), hi = Int(s[id + 1])
            guard hi - lo == bytes.count else { return false }
            return arena.withUnsafeBufferPointer { a in
                var k = 0
                while k < bytes.count { if a[lo + k] != bytes[k] { return false }; k += 1 }
                return true
            }
        }
    }

    /// The slot holding `bytes`, or the empty slot where it would go.
    @inline(__always) private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (slot: Int, id: Int32?) {
        let tag = UInt64(h) << 32
        return table.withUnsafeBufferPointer { t in
            var slot = Int(h) & mask
            while true {
                let entry = t[slot]
                if entry == 0 { return (slot, nil) }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int(entry & 0xFFFF_FFFF) - 1
                    if equals(id, bytes) { return (slot, Int32(id)) }
                }
                slot = (slot + 1) & mask
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
        table[slot] = UInt64(h) << 32 | UInt64(id + 1)
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
        for entry in table where entry != 0 {
            var slot = Int(entry >> 32) & newMask
            while newTable[slot] != 0 { slot = (slot + 1) & newMask }
            newTable[slot] = entry
        }
        table = newTable
        mask = newMask
    }
}
