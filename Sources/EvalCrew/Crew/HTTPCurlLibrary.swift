import CCurl
import Foundation

/// libcurl, opened on first use.
///
/// Linking libcurl loads it and about 30 libraries it depends on into every evalcrew process,
/// which cost `evalcrew score` about 9 ms of start-up; only HTTP crews need it, so it is opened
/// with `dlopen` the first time one runs and its entry points are called through a table.
struct HTTPCurlLibrary: Sendable {
    /// The entry points, filled once by the loader and never changed.
    let api: evalcrew_curl_api
    /// `curl_version()`, e.g. `libcurl/7.88.1 OpenSSL/3.0.15 …`.
    let version: String

    /// The process's libcurl, or why it cannot be loaded. Swift initialises a global once, on
    /// first use and thread-safely, which is exactly what `curl_global_init` asks for.
    static let shared: Result<HTTPCurlLibrary, HTTPCrewError> = load(names: defaultNames)

    /// Sonames tried in order: Debian's `libcurl4` (OpenSSL), the GnuTLS build with the same ABI,
    /// then the unversioned development link.
    static var defaultNames: [String] {
        #if canImport(Darwin)
        return ["libcurl.4.dylib", "libcurl.dylib"]
        #else
        return ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"]
        #endif
    }

    /// Opens the first of `names` that loads.
    static func load(names: [String]) -> Result<HTTPCurlLibrary, HTTPCrewError> {
        var api = evalcrew_curl_api()
        var message = [CChar](repeating: 0, count: 512)
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        let loaded = cNames.map { UnsafePointer($0) }.withUnsafeBufferPointer { namePointers in
            evalcrew_curl_load(namePointers.baseAddress, namePointers.count, &api, &message, message.count)
        }
        guard loaded == 1 else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(.libcurlUnavailable(reason: reason))
        }
        return .success(HTTPCurlLibrary(api: api, version: String(cString: evalcrew_curl_version(api))))
    }
}
