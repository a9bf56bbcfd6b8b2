import Foundation

/// Reads a crew's output folder: the markdown files its tasks wrote with `output_file`.
///
/// Order matters (the blueprint first, the post last) and a folder has none, so files are
/// ranked by name: a file name containing draft/plan/outline/blueprint/research/brief comes
/// first, one containing blog/final/post/article/publish last; when the file name says neither,
/// its folder names decide (`output/drafts/…` vs `output/blogs/…`). Within a rank, older files
/// (mtime) come first, then names alphabetically. A `tool_events.jsonl` anywhere in the tree
/// supplies the retrievals.
enum FolderReader {
    static let earlyWords = ["draft", "plan", "outline", "blueprint", "research", "brief"]
    static let lateWords = ["blog", "final", "post", "article", "publish"]
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdx"]

    static func run(path: String) throws(InputError) -> CrewRun {
        let root = URL(fileURLWithPath: path)
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                         options: [.skipsHiddenFiles]) else {
            throw .unreadable(path: path, reason: "cannot list the folder")
        }
        var files: [(url: URL, relative: String, date: Date)] = []
        var traces: [URL] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            guard values?.isRegularFile == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPath) { relative = String(relative.dropFirst(rootPath.count)).trimmingCharacters(in: ["/"]) }
            if url.lastPathComponent == "tool_events.jsonl" { traces.append(url) }
            guard markdownExtensions.contains(url.pathExtension.lowercased()) else { continue }
            files.append((url, relative, values?.contentModificationDate ?? .distantPast))
        }
        guard !files.isEmpty else {
            throw .unrecognised(path: path, hint: "a folder without markdown files (.md); expected a crew's output folder")
        }
        files.sort { a, b in
            let ra = rank(a.relative), rb = rank(b.relative)
            if ra != rb { return ra < rb }
            if a.date != b.date { return a.date < b.date }
            return a.relative < b.relative
        }
        var tasks: [CrewTask] = []
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: file.url) } catch {
                throw .unreadable(path: file.url.path, reason: error.localizedDescription)
            }
            let text = try InputBytes.text(data, path: file.url.path)
            let name = file.url.deletingPathExtension().lastPathComponent
            tasks.append(CrewTask(name: name, agent: "", raw: text))
        }
        var retrievals: [Retrieval] = []
        for trace in traces.sorted(by: { $0.path < $1.path }) {
            // An empty trace just means no tool was called.
            guard let data = try? Data(contentsOf: trace), data.contains(where: { !PyLiteralParser.isSpace($0) }) else { continue }
            retrievals += try TraceReader.retrievals(InputBytes.bytes(data, path: trace.path), path: trace.path)
        }
        let order = files.map(\.relative).joined(separator: ", ")
        return CrewRun(format: .folder, tasks: tasks, finalOutput: tasks.last?.raw ?? "", retrievals: retrievals,
                       notes: ["output folder: tasks named after their files, in this order: \(order)",
                               "output files carry no agents or token usage"])
    }

    /// 0 for blueprint-like names, 2 for post-like names, 1 otherwise; the file name decides first.
    static func rank(_ relativePath: String) -> Int {
        let parts = relativePath.lowercased().split(separator: "/")
        for part in parts.reversed() {
            if earlyWords.contains(where: { part.contains($0) }) { return 0 }
            if lateWords.contains(where: { part.contains($0) }) { return 2 }
        }
        return 1
    }
}
