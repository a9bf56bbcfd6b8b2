/// Writes JSON byte for byte as `ReportJSON.encoder()` (Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`) writes it, straight from the values.
///
/// Why it exists: `evalcrew score` prints its report on every run, and `JSONEncoder` costs as
/// much as scoring a megabyte of sources (a runtime type check per value, a snake-case
/// conversion per key, a boxed tree of dictionaries). The layout it copies, from
/// swift-foundation's `JSONWriter`: two-space indents, `" : "` after a key, `,\n` between
/// elements, an empty container as its brackets around a blank line, keys sorted by their UTF-8
/// bytes, `"`, `\` and control characters escaped (`\b \f \n \r \t`, else `\u00xx`), `/` and
/// all other characters as they are; integers and doubles as Swift prints them, a whole double
/// without its `.0`.
///
/// The caller writes an object's keys in sorted order (checked in debug builds).
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// Per open container: how many elements it has, and its last key (objects).
    private var open: [(count: Int, lastKey: String?)] = []
    /// A double JSON cannot hold (NaN, infinity) was given; `JSONEncoder` refuses those.
    private(set) var failed = false

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// The text written so far, or nil after a double JSON cannot hold.
    var text: String? { failed ? nil : String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    mutating func beginObject() { begin(0x7B) }
    mutating func endObject() { end(0x7D) }
    mutating func beginArray() { begin(0x5B) }
    mutating func endArray() { end(0x5D) }

    /// Starts an object member: its separator, indent and `"key" : `.
    mutating func key(_ key: String) {
        assert(open.last?.lastKey.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true,
               "keys must be written in sorted order: \(key) after \(open.last?.lastKey ?? "")")
        nextElement()
        open[open.count - 1].lastKey = key
        string(key)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])   // " : "
    }

    /// Starts an array element: its separator and indent.
    mutating func element() { nextElement() }

    private mutating func begin(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        open.append((0, nil))
    }

    private mutating func end(_ bracket: UInt8) {
        open.removeLast()
        bytes.append(0x0A)
        writeIndent()
        bytes.append(bracket)
    }

    private mutating func nextElement() {
        if open[open.count - 1].count > 0 { bytes.append(contentsOf: [0x2C, 0x0A]) }   // ",\n"
        open[open.count - 1].count += 1
        writeIndent()
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func writeIndent() {
        var n = 2 * open.count
        while n > 0 {
            let k = min(n, PrettyJSON.spaces.count)
            bytes.append(contentsOf: PrettyJSON.spaces[0..<k])
            n -= k
        }
    }

    // MARK: Values

    mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    mutating func double(_ x: Double) {
        guard x.isFinite else { failed = true; return }
        var text = x.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }

    mutating func string(_ s: String) { JSONStringEscaping.append(s, to: &bytes) }

    // MARK: Shorthands

    /// `"key" : "value"`, left out when `value` is nil (as `encodeIfPresent` does).
    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func member(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// An array of strings.
    mutating func member(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    /// A string-keyed dictionary as an object: its keys are data, written as they are (not
    /// snake-cased), in sorted order.
    mutating func member<Value>(_ name: String, _ dictionary: [String: Value],
                                _ write: (inout PrettyJSON, Value) -> Void) {
        key(name)
        beginObject()
        for (k, v) in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(k)
            write(&self, v)
        }
        endObject()
    }
}
