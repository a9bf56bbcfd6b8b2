/// Splits one tool result into passages, one per chunk, each named by the source file it quotes.
///
/// RAG tools return several chunks in one message, typically with a header line naming the query
/// (`[RAG Tool results for query: '…'] 3 chunk(s)`) and a separator per chunk
/// (`--- source: 01_intro.txt (chunk 2, score 3)`). The query header is dropped: the query is the
/// agent's own wording, not evidence, and its words would otherwise ground themselves. Text with
/// no such markers is one passage.
enum RetrievalSplitter {
    static func passages(of retrieval: Retrieval) -> [GroundingBasis.Passage] {
        let origin = "retrieval:" + (retrieval.tool.isEmpty ? "tool" : retrieval.tool)
        var passages: [GroundingBasis.Passage] = []
        var currentFile: String?
        var lines: [Substring] = []
        func flush() {
            let text = lines.joined(separator: "\n")
            if !text.allSatisfy(\.isWhitespace) {
                passages.append(GroundingBasis.Passage(kind: .retrieval,
                                                       origin: currentFile.map { "\(origin) (\($0))" } ?? origin,
                                                       text: text))
            }
            lines.removeAll()
        }
        for (n, line) in retrieval.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if n == 0, isQueryHeader(trimmed, query: retrieval.query) { continue }
            if let file = sourceMarker(trimmed) {
                flush()
                currentFile = file
                continue
            }
            lines.append(line)
        }
        flush()
        return passages
    }

    /// `[RAG Tool results for query: '…'] …`, or a first line that repeats the query.
    private static func isQueryHeader(_ line: Substring, query: String?) -> Bool {
        if line.hasPrefix("["), line.contains("query") { return true }
        if let query, !query.isEmpty, line.contains(query), line.count < query.count + 80 { return true }
        return false
    }

    /// `--- source: NAME (…)`: the file a chunk comes from.
    private static func sourceMarker(_ line: Substring) -> String? {
        var rest = line
        while rest.first == "-" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        let lowered = rest.prefix(7).lowercased()
        guard lowered == "source:" else { return nil }
        guard line.hasPrefix("--") else { return nil }
        var name = rest.dropFirst(7).drop { $0 == " " }
        if let paren = name.firstIndex(of: "(") { name = name[..<paren] }
        let file = name.trimmingWhitespace()
        return file.isEmpty ? nil : String(file)
    }
}
