/// Maps byte strings (lower-cased words) to dense integer ids.
///
/// An open-addressing hash table over a byte arena: the basis index interns every word of the
/// sources through it, so it avoids `String` allocation and `Dictionary<String, _>` hashing,
/// which dominate the cost of indexing megabytes of text otherwise. Each slot packs 24 bits of the
/// word's hash and its length with its id, beside the word's first eight bytes: a probe reads one
/// slot, and unless the word is longer than eight bytes (few are) that settles it.
struct TokenInterner: Sendable {
    /// Every word's bytes end to end, and where each starts (one extra entry at the end).
    private var arena: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Two integers per slot: 24 hash bits << 40 | length << 32 | (id + 1) (0 = empty), then the
    /// word's first eight bytes (`head`).
    private var table: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        table = [UInt64](repeating: 0, count: 2 * size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
    }

    /// The first `count` (at most 8) bytes at `p` as one little-endian integer, zero-extended:
    /// words are hashed and compared eight bytes at a time.
    ///
    /// `padded`: eight bytes are readable at `p` whatever `count` is, so one load and a mask do,
    /// without a branch on the length (which the processor mispredicts from word to word).
    @inline(__always) private static func load(_ p: UnsafeRawPointer, _ count: Int, padded: Bool) -> UInt64 {
        if padded { return p.loadUnaligned(as: UInt64.self) & (UInt64.max >> (64 - 8 * UInt64(min(count, 8)))) }
        if count >= 8 { return p.loadUnaligned(as: UInt64.self) }
        var v: UInt64 = 0
        var at = 0
        if count & 4 != 0 { v = UInt64(p.loadUnaligned(as: UInt32.self)); at = 4 }
        if count & 2 != 0 { v |= UInt64(p.loadUnaligned(fromByteOffset: at, as: UInt16.self)) << UInt64(at * 8); at += 2 }
        if count & 1 != 0 { v |= UInt64(p.load(fromByteOffset: at, as: UInt8.self)) << UInt64(at * 8) }
        return v
    }

    /// The first eight bytes of `bytes` (fewer when shorter), as `load` reads them.
    @inline(__always) private static func head(_ bytes: UnsafeBufferPointer<UInt8>, padded: Bool) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        return load(base, min(8, bytes.count), padded: padded)
    }

    /// A hash of `bytes` whose first eight bytes are `head`.
    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, padded: Bool) -> UInt32 {
        var h = (0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count) ^ head) &* 0xFF51_AFD7_ED55_8CCD
        if bytes.count > 8, let base = bytes.baseAddress {
            var i = 8
            while i < bytes.count {
                h ^= h >> 33
                h = (h ^ load(base + i, min(8, bytes.count - i), padded: padded)) &* 0xFF51_AFD7_ED55_8CCD
                i &+= 8
            }
        }
        // Final mix so that the low bits (the slot) depend on every byte.
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The slot's tag: 24 bits of the hash and the length (capped at 255), above the id.
    @inline(__always) private static func tag(_ h: UInt32, _ length: Int) -> UInt64 {
        UInt64(h >> 8) << 40 | UInt64(min(length, 255)) << 32
    }

    /// The slot holding `bytes`, or the empty slot where it would go.
    @inline(__always) private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt32, _ head: UInt64) -> (slot: Int, id: Int32?) {
        let tag = TokenInterner.tag(h, bytes.count)
        return table.withUnsafeBufferPointer { t in
            var slot = Int(h) & mask
            while true {
                let entry = t[2 &* slot]
                if entry == 0 { return (slot, nil) }
                if entry & 0xFFFF_FFFF_0000_0000 == tag, t[2 &* slot &+ 1] == head {
                    let id = Int(entry & 0xFFFF_FFFF) - 1
                    if bytes.count <= 8 || tailEquals(id, bytes) { return (slot, Int32(id)) }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Whether word `id` has `bytes`' length and its bytes after the first eight equal theirs.
    private func tailEquals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(starts[id])
        guard Int(starts[id + 1]) - lo == bytes.count else { return false }
        return arena[(lo + 8)..<(lo + bytes.count)].elementsEqual(bytes[8...])
    }

    /// The id of `bytes`, adding it when new.
    ///
    /// `padded`: at least eight bytes are readable from every byte of `bytes` (a word buffer
    /// eight bytes longer than its longest word), which lets the word be read without branches.
    @inline(__always) mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, padded: Bool = false) -> Int32 {
        let head = TokenInterner.head(bytes, padded: padded)
        let h = TokenInterner.hash(bytes, head: head, padded: padded)
        let (slot, found) = find(bytes, h, head)
        if let found { return found }
        return insert(bytes, h, head, at: slot)
    }

    /// Adds a word that `find` did not find, in the empty slot it returned.
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt32, _ head: UInt64, at slot: Int) -> Int32 {
        let id = count
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        table[2 * slot] = TokenInterner.tag(h, bytes.count) | UInt64(id + 1)
        table[2 * slot + 1] = head
        count += 1
        // Up to three quarters full: probes stay short (a slot is 16 bytes, four to a cache line)
        // and the table stays small enough to sit in the processor's cache.
        if count * 4 > (mask + 1) * 3 { grow() }
        return Int32(id)
    }

    /// The id of `bytes`, if it was interned.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let head = TokenInterner.head(bytes, padded: false)
        return find(bytes, TokenInterner.hash(bytes, head: head, padded: false), head).id
    }

    func lookup(_ bytes: [UInt8]) -> Int32? { bytes.withUnsafeBufferPointer { lookup($0) } }

    mutating func intern(_ bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { intern($0) } }

    /// The bytes of an id.
    func bytes(_ id: Int32) -> ArraySlice<UInt8> { arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])] }

    private mutating func grow() {
        let size = (mask + 1) * 2
        var newTable = [UInt64](repeating: 0, count: 2 * size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0..<count {
                let word = UnsafeBufferPointer(rebasing: a[Int(starts[id])..<Int(starts[id + 1])])
                let head = TokenInterner.head(word, padded: false)
                let h = TokenInterner.hash(word, head: head, padded: false)
                var slot = Int(h) & newMask
                while newTable[2 * slot] != 0 { slot = (slot + 1) & newMask }
                newTable[2 * slot] = TokenInterner.tag(h, word.count) | UInt64(id + 1)
                newTable[2 * slot + 1] = head
            }
        }
        table = newTable
        mask = newMask
    }
}
