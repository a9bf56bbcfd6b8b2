import CCurl
import CLibXML2
import CSQLite
import Foundation
import XCTest

/// The shims for the C libraries later features use compile, link and work next to Foundation
/// (the traps of `c-libraries.md`: variadic functions, cast macros, libxml2's ICU clash, xmlFree).
final class SystemLibraryShimTests: XCTestCase {
    func testLibcurlTypedSetoptWrapperWorks() throws {
        XCTAssertTrue(String(cString: evalcrew_curl_version()).hasPrefix("libcurl/"))
        let handle = try XCTUnwrap(curl_easy_init())
        defer { curl_easy_cleanup(handle) }
        XCTAssertEqual(evalcrew_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, 1000), CURLE_OK)
        XCTAssertEqual(evalcrew_curl_setopt_string(handle, CURLOPT_URL, "http://127.0.0.1:9/"), CURLE_OK)
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
