/// A code fence around the whole post (```` ```markdown ```` … ```` ``` ````), as LLM writers add.
///
/// Forem would render such a post, front matter included, as one code block. The wrapper is found
/// by the first and last non-blank lines, not by a markdown parse: the wrapped post holds inner code
/// fences, which a parser would take as the wrapper's end.
public struct FenceWrapper: Sendable, Equatable, Codable {
    /// The info string after the opening fence (`markdown`, `md`, or empty).
    public var language: String
    /// 1-based line of the opening fence.
    public var openingLine: Int
    /// 1-based line of the closing fence; nil when the closing fence is missing (ReAct drops it
    /// when the answer holds an odd number of fences).
    public var closingLine: Int?

    /// Finds a whole-post wrapper in the post's lines.
    static func find(lines: [Substring]) -> FenceWrapper? {
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let opening = lines[first].trimmingWhitespace()
        guard opening.hasPrefix("```") || opening.hasPrefix("~~~") else { return nil }
        let marker = opening.prefix(3)
        let info = opening.drop(while: { $0 == marker.first }).trimmingWhitespace().lowercased()
        let isMarkdownInfo = ["markdown", "md", "mdx", "gfm"].contains(info)
        guard info.isEmpty || isMarkdownInfo else { return nil }
        let last = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) })!
        if last > first {
            let closing = lines[last].trimmingWhitespace()
            if closing.allSatisfy({ $0 == marker.first }) && closing.count >= 3 {
                return FenceWrapper(language: info, openingLine: first + 1, closingLine: last + 1)
            }
        }
        // Unclosed: only a markdown-labelled opening fence says the rest is meant as the post.
        return isMarkdownInfo ? FenceWrapper(language: info, openingLine: first + 1, closingLine: nil) : nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> Substring {
        let s = Substring(self)
        guard let start = s.firstIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
        let end = s.lastIndex(where: { !$0.isWhitespace })!
        return s[start...end]
    }
}
