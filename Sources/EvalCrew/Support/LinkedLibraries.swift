import CCmarkGFM
import CCurl
import CLibXML2
import CSQLite

/// The versions of the C libraries evalcrew is linked against (for bug reports: `evalcrew version`).
public enum LinkedLibraries {
    public static var versions: [(name: String, version: String)] {
        [("cmark-gfm", String(cString: cmark_version_string())),
         ("libcurl", String(cString: evalcrew_curl_version())),
         ("libsqlite3", String(cString: sqlite3_libversion())),
         ("libxml2", String(cString: evalcrew_xml_version()))]
    }
}
