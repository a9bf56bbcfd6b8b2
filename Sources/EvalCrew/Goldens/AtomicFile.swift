import Foundation

/// Writes a file so that readers see the old contents or the new, never a half-written file.
enum AtomicFile {
    /// Writes `text` to a temporary file beside `url`, then renames it over `url` (Foundation's
    /// atomic write), reporting the system's reason when that fails.
    static func write(_ text: String, to url: URL) throws(GoldenError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .writeFailed(path: url.relativePath, reason: error.localizedDescription)
        }
    }
}
