import CCurl
import CLibXML2
import CSQLite
import Foundation
import XCTest

/// The shims for the C libraries later features use compile, link and work next to Foundation
/// (the traps of `c-libraries.md`: variadic functions, cast macros, libxml2's ICU clash, xmlFree), and
/// libcurl, which is not linked, loads at run time.
final class SystemLibraryShimTests: XCTestCase {
    func testLibcurlLoadsAtRunTimeAndItsTypedWrappersWork() throws {
        let (api, message) = loadCurl(names: ["libcurl.so.4"])
        let loaded = try XCTUnwrap(api, message)
        XCTAssertTrue(String(cString: evalcrew_curl_version(loaded)).hasPrefix("libcurl/"))
        let handle = try XCTUnwrap(evalcrew_curl_easy_init(loaded))
        defer { evalcrew_curl_easy_cleanup(loaded, handle) }
        XCTAssertEqual(evalcrew_curl_setopt_long(loaded, handle, CURLOPT_TIMEOUT_MS, 1000), CURLE_OK)
        XCTAssertEqual(evalcrew_curl_setopt_string(loaded, handle, CURLOPT_URL, "http://127.0.0.1:9/"), CURLE_OK)
        XCTAssertEqual(String(cString: evalcrew_curl_easy_strerror(loaded, CURLE_COULDNT_CONNECT)), "Couldn't connect to server")
    }

    func testAMissingLibcurlIsAnErrorNamingTheLibraryNotACrash() {
        let (api, message) = loadCurl(names: ["libcurl-evalcrew-missing.so.9", "libcurl-evalcrew-missing.so"])
        XCTAssertNil(api)
        XCTAssertTrue(message.contains("libcurl-evalcrew-missing.so.9"), message)
    }

    /// The shim's loader over `names`: the table, or nil and the loader's message.
    private func loadCurl(names: [String]) -> (evalcrew_curl_api?, String) {
        var api = evalcrew_curl_api()
        var message = [CChar](repeating: 0, count: 256)
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        let ok = cNames.map { UnsafePointer($0) }.withUnsafeBufferPointer {
            evalcrew_curl_load($0.baseAddress, $0.count, &api, &message, message.count)
        }
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (ok == 1 ? api : nil, text)
    }

    func testSQLiteBindsTextWithTheTransientDestructor() throws {
        var db: OpaquePointer?
        XCTAssertEqual(sqlite3_open(":memory:", &db), SQLITE_OK)
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        XCTAssertEqual(sqlite3_prepare_v2(db, "SELECT ?1", -1, &statement, nil), SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        XCTAssertEqual(sqlite3_bind_text(statement, 1, "Zorblax ✓", -1, evalcrew_sqlite_transient()), SQLITE_OK)
        XCTAssertEqual(sqlite3_step(statement), SQLITE_ROW)
        XCTAssertEqual(String(cString: sqlite3_column_text(statement, 0)), "Zorblax ✓")
    }

    func testLibxml2EscapesUntrustedTextInAnHTMLDocument() throws {
        let doc = try XCTUnwrap(htmlNewDoc(nil, nil))
        defer { xmlFreeDoc(doc) }
        let html = xmlNewNode(nil, "html")
        xmlDocSetRootElement(doc, html)
        xmlNewTextChild(html, nil, "p", "<script>alert(1)</script> & “quotes”")
        htmlSetMetaEncoding(doc, "UTF-8")
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemory(doc, &buffer, &size)
        defer { evalcrew_xml_free(buffer) }
        let out = String(cString: try XCTUnwrap(buffer))
        XCTAssertTrue(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), out)
        XCTAssertFalse(out.contains("<script>"))
    }
}
