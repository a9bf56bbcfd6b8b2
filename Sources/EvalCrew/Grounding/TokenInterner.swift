/// Maps byte strings (lower-cased words) to dense integer ids.
///
/// An open-addressing hash table over a byte arena: the basis index interns every word of the
/// sources through it, so it avoids `String` allocation and `Dictionary<String, _>` hashing,
/// which dominate the cost of indexing megabytes of text otherwise.
struct TokenInterner: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// Slot → id + 1 (0 = empty).
    private var table: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        hashes.reserveCapacity(capacity)
    }

    /// The number of distinct words.
    var count: Int { hashes.count }

    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    @inline(__always) private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(starts[id]), hi = Int(starts[id + 1])
        guard hi - lo == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var k = 0
            while k < bytes.count { if a[lo + k] != bytes[k] { return false }; k += 1 }
            return true
        }
    }

    /// The id of `bytes`, adding it when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = TokenInterner.hash(bytes)
        var slot = Int(h) & mask
        while true {
            let entry = table[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == h, equals(id, bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        hashes.append(h)
        table[slot] = Int32(id + 1)
        if hashes.count * 2 > table.count { grow() }
        return Int32(id)
    }

    /// The id of `bytes`, if it was interned.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = TokenInterner.hash(bytes)
        var slot = Int(h) & mask
        while true {
            let entry = table[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == h, equals(id, bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
    }

    func lookup(_ bytes: [UInt8]) -> Int32? { bytes.withUnsafeBufferPointer { lookup($0) } }

    mutating func intern(_ bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { intern($0) } }

    /// The bytes of an id.
    func bytes(_ id: Int32) -> ArraySlice<UInt8> { arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])] }

    private mutating func grow() {
        let size = table.count * 2
        var newTable = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for id in 0..<hashes.count {
            var slot = Int(hashes[id]) & newMask
            while newTable[slot] != 0 { slot = (slot + 1) & newMask }
            newTable[slot] = Int32(id + 1)
        }
        table = newTable
        mask = newMask
    }
}
