import Foundation

/// Hands back one `String` per distinct text column value, for columns that repeat a few values
/// over many rows (metric names: 26 names over 78,000 score rows of a large run).
///
/// Reading a row's text makes a new String each time; looking the bytes up first makes each name
/// once and shares it.
struct TextInterner {
    private var byHash: [UInt64: [String]] = [:]

    /// The string for `row`'s text in `column`, made only the first time these bytes are seen.
    mutating func text(_ row: SQLiteRow, _ column: Int32) -> String {
        let bytes = row.textBytes(column)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        if let candidates = byHash[hash] {
            for candidate in candidates where Self.equal(candidate, bytes) { return candidate }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        byHash[hash, default: []].append(text)
        return text
    }

    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }
}
