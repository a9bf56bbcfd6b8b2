import Foundation

/// Checks raw input bytes before any shape is tried: binary, not UTF-8 or empty inputs fail here.
///
/// The checks run on bytes rather than on a decoded `String` because `String(decoding:)` silently
/// replaces bad bytes, and the user needs the offset of the first bad byte to fix the file.
enum InputBytes {
    /// Decodes `data` as UTF-8 text (without a BOM), or says why it is not usable text.
    static func text(_ data: Data, path: String) throws(InputError) -> String {
        String(decoding: try bytes(data, path: path), as: UTF8.self)
    }

    /// The bytes of `data` once checked to be UTF-8 text, without a BOM.
    static func bytes(_ data: Data, path: String) throws(InputError) -> [UInt8] {
        var bytes = [UInt8](data)
        if ByteSearch.contains(bytes, 0) { throw .binary(path: path) }
        if let bad = firstInvalidUTF8(bytes) { throw .notUTF8(path: path, byteOffset: bad) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 BOM is legal; drop it
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(path: path) }
        return bytes
    }

    /// Rejects text that is only whitespace, and text holding NUL (binary content passed as a string).
    static func checkNotBlank(_ text: String, path: String) throws(InputError) {
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0, $0.count) != nil }
            ?? text.utf8.contains(0)
        if hasNUL { throw .binary(path: path) }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(path: path) }
    }

    /// The offset of the first byte of the first sequence that breaks UTF-8 (overlong forms and surrogates included), or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    private static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < n {
            // ASCII fast path: 8 bytes at a time while none has its high bit set.
            if let raw {
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                if i >= n { break }
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // allowed range of the second byte
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            // Report the lead byte, as Python does: it is where the broken sequence starts.
            guard i + 1 < n, b[i + 1] >= lo, b[i + 1] <= hi else { return i }
            for k in 2..<len where i + k >= n || b[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }
}

/// Turns a UTF-8 byte offset into the 1-based line and column (in code points) users see in editors.
struct BytePosition {
    var line: Int
    var column: Int

    init(offset: Int, in bytes: [UInt8]) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1, column = 1
        for i in 0..<end {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        self.line = line
        self.column = column
    }
}
