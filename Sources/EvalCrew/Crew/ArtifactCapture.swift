import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a crew's output files and folders from disk into artifacts, and tells whether a run
/// wrote them.
enum ArtifactCapture {
    /// A file or folder could not be read.
    struct Unreadable: Error {
        var path: String
        var reason: String
    }

    /// What is at a path, enough to tell whether a crew wrote it: each file's relative path, size,
    /// modification time and inode. Two equal fingerprints mean nothing was written in between.
    struct Fingerprint: Equatable, Sendable {
        struct Entry: Equatable, Sendable {
            var path: String
            var size: Int64
            /// Modification time in nanoseconds since the epoch.
            var modified: Int64
            var inode: UInt64
        }

        var isFolder: Bool
        var entries: [Entry]
    }

    /// The fingerprint of a file or folder, or nil when nothing is there.
    static func fingerprint(_ path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR {
            return Fingerprint(isFolder: true, entries: regularFiles(in: path).map { entry(path + "/" + $0, name: $0) })
        }
        return Fingerprint(isFolder: false, entries: [entry(path, name: "")])
    }

    /// A file as a one-file artifact named `name`, or a folder with every regular file by relative
    /// path, oldest first (then by path), the order the folder reader's tie-break uses.
    static func capture(_ path: String, name: String) throws(Unreadable) -> CrewArtifact {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Unreadable(path: path, reason: GlibcExtensions.describe(errno)) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return .file(name: name, contents: try read(path))
        }
        let files = regularFiles(in: path).map { (relative: $0, entry: entry(path + "/" + $0, name: $0)) }
            .sorted { a, b in a.entry.modified != b.entry.modified ? a.entry.modified < b.entry.modified : a.relative < b.relative }
        var contents: [CrewArtifactFile] = []
        for file in files {
            contents.append(CrewArtifactFile(path: file.relative, contents: try read(path + "/" + file.relative)))
        }
        return CrewArtifact(kind: .folder, files: contents)
    }

    /// Paths of the regular files under `folder` (hidden ones included, symbolic links not followed), relative to it.
    static func regularFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            var info = stat()
            guard lstat(folder + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files.append(relative)
        }
        return files.sorted()
    }

    private static func entry(_ path: String, name: String) -> Fingerprint.Entry {
        var info = stat()
        _ = stat(path, &info)
        return Fingerprint.Entry(path: name, size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
    }

    private static func read(_ path: String) throws(Unreadable) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw Unreadable(path: path, reason: error.localizedDescription)
        }
    }
}
