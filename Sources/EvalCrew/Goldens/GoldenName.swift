/// Checks that names from suites and runs (untrusted) can each be exactly one folder under the goldens folder.
enum GoldenName {
    /// Throws unless `name` is a plain folder name: not empty, no separator, no leading dot
    /// (`..` and hidden folders), no control characters.
    static func validate(_ name: String, what: String) throws(GoldenError) {
        let unsafe = name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\\")
            || name.unicodeScalars.contains { $0.properties.generalCategory == .control }
        if unsafe { throw .unsafeName(what: what, name: name) }
    }
}
