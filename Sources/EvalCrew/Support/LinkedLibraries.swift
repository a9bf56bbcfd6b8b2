import CCmarkGFM
import CSQLite

/// The versions of the C libraries evalcrew uses (for bug reports: `evalcrew version`).
public enum LinkedLibraries {
    public static var versions: [(name: String, version: String)] {
        let curl: String
        switch HTTPCurlLibrary.shared {
        case .success(let library): curl = "\(library.version) (opened at run time, for HTTP crews)"
        case .failure(let error): curl = "not available: \(error)"
        }
        let xml: String
        switch HTMLLibrary.shared {
        case .success(let library): xml = "\(library.version) (opened at run time, for HTML reports)"
        case .failure(let error): xml = "not available: \(error)"
        }
        return [("cmark-gfm", String(cString: cmark_version_string())), ("sqlite3", String(cString: sqlite3_libversion())),
                ("libcurl", curl), ("libxml2", xml)]
    }
}
