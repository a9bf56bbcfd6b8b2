import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see the old contents or the new, never a half-written file.
enum AtomicFile {
    /// Writes `text` to a temporary file beside `url`, then renames it over `url`.
    static func write(_ text: String, to url: URL) throws(GoldenError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw .writeFailed(path: url.relativePath, reason: "the folder \(folder.relativePath) is not writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: url.relativePath, reason: reason)
        }
    }
}
