import Foundation

/// Encodes an `Encodable` value as compact JSON written straight into bytes.
///
/// Why not `JSONEncoder`: it builds a tree of boxed values before writing, which costs about
/// 0.7 ms for one case's report on the project's machine — 7 s for the 10,000 case results the
/// store must write in 5. This writer is several times faster and its output is plain JSON that
/// `JSONDecoder` reads with `StoreJSON`'s strategies: dates as unix seconds, `Data` as base64,
/// non-finite numbers as the strings "inf", "-inf" and "nan". Object keys keep the order in which
/// values encode them (dictionaries: their iteration order).
///
/// It writes as it goes, so containers must be used the way synthesized `Codable` does: one
/// container per value, filled in order, a nested value finished before the next one starts.
enum JSONStreamEncoder {
    static func encode(_ value: some Encodable) throws -> String {
        let writer = JSONStreamWriter()
        try writer.writeValue(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// The output bytes and the stack of open containers.
final class JSONStreamWriter {
    // Unchecked exclusivity: only this single-threaded writer touches these, never while a mutation
    // of the same property is under way; the dynamic checks cost a tenth of the encoding time.
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    /// Open containers, outermost first: whether each is an object, and how many elements it has.
    @exclusivity(unchecked) private(set) var open: [(isObject: Bool, count: Int)] = []

    init() { bytes.reserveCapacity(16 * 1024) }

    /// Writes any value: primitives directly, others through their `encode(to:)`.
    func writeValue<T: Encodable>(_ value: T) throws {
        // Comparing types is much cheaper than a chain of failing dynamic casts.
        if T.self == String.self { return writeString(value as! String) }
        if T.self == Int.self { return writeInteger(value as! Int) }
        if T.self == Double.self { return writeDouble(value as! Double) }
        if T.self == Bool.self { return writeRaw(value as! Bool ? "true" : "false") }
        if T.self == Date.self { return writeDouble((value as! Date).timeIntervalSince1970) }
        if T.self == Data.self { return writeString((value as! Data).base64EncodedString()) }
        if T.self == URL.self { return writeString((value as! URL).absoluteString) }
        if T.self == Decimal.self { return writeRaw((value as! Decimal).description) }
        let depth = open.count
        let start = bytes.count
        try value.encode(to: JSONStreamValueEncoder(writer: self, depth: depth))
        // A value that encoded nothing is an empty object, as with JSONEncoder.
        if bytes.count == start { writeRaw("{}") }
        close(downTo: depth)
    }

    /// Opens an object or array as the current value.
    func openContainer(isObject: Bool) {
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((isObject, 0))
    }

    /// Closes every container deeper than `depth` (those finished values left open).
    func close(downTo depth: Int) {
        while open.count > depth {
            bytes.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Starts the next element of the container at `index`: closes deeper containers, adds the
    /// comma, and for an object writes the key.
    func beginElement(in index: Int, key: String? = nil) {
        close(downTo: index + 1)
        if open[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[index].count += 1
        if let key {
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    func elementCount(of index: Int) -> Int { index < open.count ? open[index].count : 0 }

    func writeRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func writeRaw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    func writeNull() { writeRaw("null") }

    func writeInteger(_ number: some BinaryInteger) { bytes.append(contentsOf: String(number).utf8) }

    func writeDouble(_ number: Double) {
        if number.isNaN { return writeRaw("\"nan\"") }
        if number.isInfinite { return writeRaw(number > 0 ? "\"inf\"" : "\"-inf\"") }
        // Swift's description is the shortest text that reads back as the same number ("0.1", "1e-05").
        bytes.append(contentsOf: number.description.utf8)
    }

    func writeString(_ text: String) { JSONStringEscaping.append(text, to: &bytes) }
}

/// The `Encoder` handed to one value's `encode(to:)`.
private struct JSONStreamValueEncoder: Encoder {
    let writer: JSONStreamWriter
    /// How many containers were open when the value started; its own container (if any) is at this index.
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A second request from the same value gets the container it already opened.
        if writer.open.count <= depth { writer.openContainer(isObject: true) }
        return KeyedEncodingContainer(JSONStreamKeyedContainer<Key>(writer: writer, index: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if writer.open.count <= depth { writer.openContainer(isObject: false) }
        return JSONStreamUnkeyedContainer(writer: writer, index: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONStreamSingleValueContainer(writer: writer)
    }
}

private struct JSONStreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }

    private func begin(_ key: Key) { writer.beginElement(in: index, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { begin(key); writer.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { begin(key); writer.writeRaw(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { begin(key); writer.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { begin(key); writer.writeDouble(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { begin(key); writer.writeDouble(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { begin(key); writer.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { begin(key); try writer.writeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        begin(key)
        writer.openContainer(isObject: true)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(writer: writer, index: index + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        begin(key)
        writer.openContainer(isObject: false)
        return JSONStreamUnkeyedContainer(writer: writer, index: index + 1)
    }

    mutating func superEncoder() -> any Encoder {
        writer.beginElement(in: index, key: "super")
        return JSONStreamValueEncoder(writer: writer, depth: index + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        begin(key)
        return JSONStreamValueEncoder(writer: writer, depth: index + 1)
    }
}

private struct JSONStreamUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let index: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { writer.elementCount(of: index) }

    private func begin() { writer.beginElement(in: index) }

    mutating func encodeNil() throws { begin(); writer.writeNull() }
    mutating func encode(_ value: Bool) throws { begin(); writer.writeRaw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { begin(); writer.writeString(value) }
    mutating func encode(_ value: Double) throws { begin(); writer.writeDouble(value) }
    mutating func encode(_ value: Float) throws { begin(); writer.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { begin(); writer.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { begin(); writer.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { begin(); try writer.writeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        begin()
        writer.openContainer(isObject: true)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(writer: writer, index: index + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        begin()
        writer.openContainer(isObject: false)
        return JSONStreamUnkeyedContainer(writer: writer, index: index + 1)
    }

    mutating func superEncoder() -> any Encoder {
        begin()
        return JSONStreamValueEncoder(writer: writer, depth: index + 1)
    }
}

/// A value written as one primitive (enums with raw values, optionals, wrappers).
private struct JSONStreamSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNull() }
    mutating func encode(_ value: Bool) throws { writer.writeRaw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.writeString(value) }
    mutating func encode(_ value: Double) throws { writer.writeDouble(value) }
    mutating func encode(_ value: Float) throws { writer.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { writer.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { writer.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { writer.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.writeValue(value) }
}
