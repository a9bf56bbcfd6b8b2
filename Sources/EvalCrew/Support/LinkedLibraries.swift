import CCmarkGFM

/// The versions of the C libraries evalcrew is linked against (for bug reports: `evalcrew version`).
public enum LinkedLibraries {
    public static var versions: [(name: String, version: String)] {
        [("cmark-gfm", String(cString: cmark_version_string()))]
    }
}
