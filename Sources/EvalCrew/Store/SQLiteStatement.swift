import CSQLite
import Foundation

/// A prepared statement, cached by its connection and reused; only its connection uses it.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE).
    func execute(_ values: any SQLValueConvertible...) throws(StoreError) {
        try bind(values)
        defer { reset() }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw connection.error(code) }
    }

    /// Runs a query and reads each row with `read`.
    func rows<Row>(_ values: any SQLValueConvertible..., read: (SQLiteRow) throws(StoreError) -> Row) throws(StoreError) -> [Row] {
        try rows(bindings: values, read: read)
    }

    /// Runs a query with a parameter list built at run time and reads each row with `read`.
    func rows<Row>(bindings values: [any SQLValueConvertible], read: (SQLiteRow) throws(StoreError) -> Row) throws(StoreError) -> [Row] {
        try bind(values)
        defer { reset() }
        var rows: [Row] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw connection.error(code) }
            rows.append(try read(SQLiteRow(handle: handle)))
        }
    }

    /// Runs a query and hands each row to `body`, keeping none.
    func forEachRow(_ values: any SQLValueConvertible..., body: (SQLiteRow) throws(StoreError) -> Void) throws(StoreError) {
        try bind(values)
        defer { reset() }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw connection.error(code) }
            try body(SQLiteRow(handle: handle))
        }
    }

    /// Runs a query and reads its first row, if any.
    func firstRow<Row>(_ values: any SQLValueConvertible..., read: (SQLiteRow) throws(StoreError) -> Row) throws(StoreError) -> Row? {
        try firstRow(bindings: values, read: read)
    }

    /// Runs a query with a parameter list built at run time and reads its first row, if any.
    func firstRow<Row>(bindings values: [any SQLValueConvertible], read: (SQLiteRow) throws(StoreError) -> Row) throws(StoreError) -> Row? {
        try bind(values)
        defer { reset() }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw connection.error(code) }
        return try read(SQLiteRow(handle: handle))
    }

    /// Resets after every use, so that a finished query never keeps its read snapshot open.
    private func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func bind(_ values: [any SQLValueConvertible]) throws(StoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.sqlValue {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .real(let number):
                code = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                // An explicit byte count keeps text with NUL characters whole.
                var text = text
                code = text.withUTF8 { bytes in
                    guard let start = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, index, "", 0, evalcrew_sqlite_transient())
                    }
                    return sqlite3_bind_text64(handle, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self),
                                               sqlite3_uint64(bytes.count), evalcrew_sqlite_transient(), UInt8(SQLITE_UTF8))
                }
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    // A zero-length blob needs a non-null pointer, or SQLite stores NULL.
                    sqlite3_bind_blob64(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                        sqlite3_uint64(bytes.count), evalcrew_sqlite_transient())
                }
            }
            guard code == SQLITE_OK else {
                reset()
                throw connection.error(code)
            }
        }
    }
}

/// The current row of a query, read by column index.
struct SQLiteRow {
    let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    func date(_ column: Int32) -> Date { Date(timeIntervalSince1970: double(column)) }

    func optionalDate(_ column: Int32) -> Date? { isNull(column) ? nil : date(column) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// The text's bytes, valid until the row moves on.
    func textBytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let bytes = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func blob(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    func optionalBlob(_ column: Int32) -> Data? { isNull(column) ? nil : blob(column) }
}
