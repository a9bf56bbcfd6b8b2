import Foundation

/// Loads the source documents a crew's RAG tool reads, from files, folders and globs.
public enum SourceLoader {
    /// Loads every path: a file, a folder (every text file under it, recursively, in path order) or a
    /// glob (`docs/*.md`). Files that are not UTF-8 text are skipped and named in `skipped`.
    public static func load(_ patterns: [String]) throws -> (documents: [SourceDocument], skipped: [String]) {
        var documents: [SourceDocument] = []
        var skipped: [String] = []
        var seen = Set<String>()
        for pattern in patterns {
            let paths = try expand(pattern)
            for path in paths where seen.insert(path).inserted {
                guard let data = contents(of: path) else {
                    throw SourceError.unreadable(path)
                }
                if data.withUnsafeBytes({ $0.baseAddress.map { memchr($0, 0, data.count) != nil } ?? false }) {
                    skipped.append(path)
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    skipped.append(path)
                    continue
                }
                documents.append(SourceDocument(path: path, text: text))
            }
        }
        return (documents, skipped)
    }

    /// A file's bytes, mapped rather than read where the system allows: the only copy made is
    /// then the `String` (reading would first copy the file into fresh memory, as costly again
    /// for a megabyte of sources). Anything that cannot be mapped (a pipe, an empty file) is read.
    static func contents(of path: String) -> Data? {
        if let mapped = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) { return mapped }
        return FileManager.default.contents(atPath: path)
    }

    /// The files `pattern` stands for: itself, the files under a folder, or a glob's matches (folders expanded).
    static func expand(_ pattern: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return [pattern] }
            let base = URL(fileURLWithPath: pattern)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else {
                throw SourceError.unreadable(pattern)
            }
            var files: [String] = []
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let relative = String(url.path.dropFirst(base.path.count).drop(while: { $0 == "/" }))
                files.append((pattern as NSString).appendingPathComponent(relative))
            }
            if files.isEmpty { throw SourceError.emptyFolder(pattern) }
            return files.sorted()
        }
        guard pattern.contains(where: { "*?[".contains($0) }) else { throw SourceError.notFound(pattern) }
        let matches = Glob.match(pattern)
        if matches.isEmpty { throw SourceError.globMatchedNothing(pattern) }
        return try matches.flatMap { try expand($0) }
    }
}

/// Why source documents could not be loaded.
public enum SourceError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case globMatchedNothing(String)
    case emptyFolder(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .notFound(let path): return "sources: '\(path)' does not exist — check the path (relative to the current directory)"
        case .globMatchedNothing(let glob): return "sources: glob '\(glob)' matched no file — check the pattern and the current directory"
        case .emptyFolder(let path): return "sources: folder '\(path)' holds no files"
        case .unreadable(let path): return "sources: cannot read '\(path)' — check its permissions"
        }
    }
}
