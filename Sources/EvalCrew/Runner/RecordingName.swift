import Foundation

/// The naming of recorded outputs shared by replay and import: `<case-id>[@<n>][.<ext>]`.
public enum RecordingName {
    /// A file's or folder's name without its last extension (a folder keeps its whole name).
    public static func stem(of path: String) -> String {
        let name = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return name }
        return (name as NSString).deletingPathExtension
    }

    /// Splits `intro@2` into (`intro`, 2); a name without `@n` has no repeat.
    public static func parse(stem: String) -> (caseID: String, repeatIndex: Int?) {
        if let at = stem.lastIndex(of: "@"), let n = Int(stem[stem.index(after: at)...]), n >= 1 {
            return (String(stem[..<at]), n)
        }
        return (stem, nil)
    }

    /// `<dir>/<stem>.trace.jsonl`, when it exists.
    public static func traceBeside(_ path: String) -> String? {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let directory = (trimmed as NSString).deletingLastPathComponent
        let trace = (directory as NSString).appendingPathComponent(stem(of: trimmed) + ReplayCrewAdapter.traceSuffix)
        return FileManager.default.fileExists(atPath: trace) ? trace : nil
    }
}
