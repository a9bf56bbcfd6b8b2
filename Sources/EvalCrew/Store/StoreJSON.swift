import Foundation

/// How the store's JSON columns are written and read: the types' own (camelCase) keys so every
/// value round-trips exactly, dates as unix seconds like the date columns, and non-finite numbers
/// as strings instead of failing the write. Written by `JSONStreamEncoder` (for speed), read by
/// `JSONDecoder`.
enum StoreJSON {
    static func encode(_ value: some Encodable, path: String, what: String) throws(StoreError) -> String {
        do {
            return try JSONStreamEncoder.encode(value)
        } catch {
            throw .database(path: path, operation: "store \(what)", message: "it does not encode as JSON: \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, path: String, what: String) throws(StoreError) -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw .notAStore(path: path, reason: "\(what) does not decode (\(error)); the store is damaged or was written by another program")
        }
    }
}
