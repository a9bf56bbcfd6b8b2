import XCTest
@testable import EvalCrew

/// The interner behind the basis index: dense ids, stable across its growth, the same from the
/// scanner's padded reads as from plain ones.
final class TokenInternerTests: XCTestCase {
    /// Words of every length from 1 to 20 bytes (so with and without a tail past eight bytes),
    /// ASCII and not, many sharing their first eight bytes.
    private static let words: [[UInt8]] = {
        var out: [[UInt8]] = []
        for n in 1...20 {
            for k in 0..<60 { out.append(Array("w\(k)abcdefghijklmnopqrstuvwxyz".utf8.prefix(n))) }
        }
        for w in ["naïve", "café", "straße", "日本語", "abcdefgh", "abcdefghi", "abcdefghj"] { out.append(Array(w.utf8)) }
        return out
    }()

    func testIdsAreDenseInFirstSeenOrderAndStableAcrossGrowth() {
        var interner = TokenInterner(capacity: 16)
        var expected: [[UInt8]: Int32] = [:]
        for word in Self.words {
            let id = interner.intern(word)
            if let known = expected[word] {
                XCTAssertEqual(id, known, String(decoding: word, as: UTF8.self))
            } else {
                XCTAssertEqual(Int(id), expected.count, "a new word gets the next id")
                expected[word] = id
            }
        }
        XCTAssertEqual(interner.count, expected.count)
        // Every word is found again after the table grew many times, and maps back to its bytes.
        for (word, id) in expected {
            XCTAssertEqual(interner.lookup(word), id)
            XCTAssertEqual(Array(interner.bytes(id)), word)
        }
        XCTAssertNil(interner.lookup(Array("abcdefghk".utf8)), "same first eight bytes, different tail")
        XCTAssertNil(interner.lookup(Array("w0a".utf8) + [0]), "a longer word is another word")
    }

    func testPaddedReadsFindTheSameWords() {
        var interner = TokenInterner()
        // The scanner's buffer: a word at its start, stale bytes after it, eight spare bytes.
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ByteText.wordCapacity + 8)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0x7A)
        for word in Self.words where word.count <= ByteText.wordCapacity {
            let plain = interner.intern(word)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<word.count]).initialize(from: word)
            XCTAssertEqual(interner.intern(UnsafeBufferPointer(rebasing: buffer[0..<word.count]), padded: true), plain,
                           String(decoding: word, as: UTF8.self))
        }
        // A word first seen through a padded read is found by a plain lookup.
        let fresh = Array("zebrafish".utf8)
        _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<fresh.count]).initialize(from: fresh)
        let id = interner.intern(UnsafeBufferPointer(rebasing: buffer[0..<fresh.count]), padded: true)
        XCTAssertEqual(interner.lookup(fresh), id)
    }

    func testNegativeValueGateKeepsEveryNegatedKey() {
        func gate(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { BasisIndex.mayHoldNegativeValue($0) } }
        for text in ["Music: no", "\"wifi\": false", "x = None", "Outdoor seating [OutdoorSeating]: 'not'", "dogs:No"] {
            XCTAssertTrue(gate(text), text)
        }
        for text in ["Note: see below", "a = 5", "no colon, no equals", "time: 9:00"] {
            XCTAssertFalse(gate(text), text)
        }
    }
}
