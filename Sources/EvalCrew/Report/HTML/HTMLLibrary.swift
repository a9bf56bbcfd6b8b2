import CLibXML2Loader
import Foundation

/// libxml2, opened on first use.
///
/// Linking libxml2 would load it, ICU and libstdc++ into every evalcrew process (start-up of
/// `evalcrew --version` and `score` is measured); only the HTML report needs it, so it is opened
/// with `dlopen` the first time a report is built and called through a table of entry points.
struct HTMLLibrary: Sendable {
    let api: evalcrew_xml_api
    /// libxml2's version number, e.g. `20914`.
    let version: String

    /// The process's libxml2, or why it cannot be opened (loaded once, thread-safely, as a global).
    static let shared: Result<HTMLLibrary, ReportError> = load(names: defaultNames)

    /// Sonames tried in order: the runtime library, then the development link.
    static var defaultNames: [String] {
        #if canImport(Darwin)
        return ["libxml2.2.dylib", "libxml2.dylib"]
        #else
        return ["libxml2.so.2", "libxml2.so"]
        #endif
    }

    /// Opens the first of `names` that loads.
    static func load(names: [String]) -> Result<HTMLLibrary, ReportError> {
        var api = evalcrew_xml_api()
        var message = [CChar](repeating: 0, count: 512)
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        let loaded = cNames.map { UnsafePointer($0) }.withUnsafeBufferPointer { namePointers in
            evalcrew_xml_load(namePointers.baseAddress, namePointers.count, &api, &message, message.count)
        }
        guard loaded == 1 else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(.libxml2Unavailable(reason: reason))
        }
        return .success(HTMLLibrary(api: api, version: String(cString: evalcrew_xml_parser_version(api))))
    }
}
