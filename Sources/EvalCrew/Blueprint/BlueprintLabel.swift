/// A `Label:` lead-in of a blueprint line (`**Key points to cover:**`, `- Sources: …`) and what it announces.
///
/// Planners write labels bold or not, with the colon inside or outside the bold
/// (`**Key points:**`, `**Key points**:`, `Key points:`), or as a bare bold line or heading
/// (`**Key points**`, `### Key points`). Known labels are recognised in every form; an unknown one
/// only when bold, since `Word: text` is ordinary prose.
struct BlueprintLabel {
    /// What a label announces.
    enum Kind: Equatable {
        case compellingTitle, keyPoints, evidence, sources, budget
        /// `Total estimated length`, `Total word count`: the planner's whole-post budget.
        case totalLength
        case tags
        /// A blueprint-wide part such as `Target audience` or `Content Elements`.
        case globalPart
        /// A per-section item that is none of the above (`Examples`, `Transition`, …).
        case sectionPart
        /// A bold label with an unrecognised name (`**Bias Mitigation:**`).
        case unknown
    }

    var kind: Kind
    /// The text after the label, trimmed; empty when the items follow on the next lines.
    var rest: Substring

    /// Reads a label at the start of a line's content; `bare` allows a label without colon (headings).
    static func read(_ content: Substring, bare: Bool = false) -> BlueprintLabel? {
        var s = content
        var bold = false
        var italic = false
        if s.hasPrefix("**") || s.hasPrefix("__") {
            s = s.dropFirst(2)
            bold = true
        } else if s.hasPrefix("*") || s.hasPrefix("_") {
            s = s.dropFirst()
            italic = true
        }
        var name: Substring
        var rest: Substring
        if let colon = colonIndex(in: s) {
            name = s[..<colon]
            rest = s[s.index(after: colon)...]
            if rest.hasPrefix("//") { return nil }  // a URL, not a label
            // The bold closes after the colon: `**Key points:** text`.
            while let f = rest.first, f == "*" || f == "_" { rest = rest.dropFirst() }
        } else {
            let t = BlueprintText.trimmed(s)
            if bold, t.hasSuffix("**") || t.hasSuffix("__") {
                name = t.dropLast(2)
            } else if italic, t.hasSuffix("*") || t.hasSuffix("_") {
                name = t.dropLast()  // `*Key points*`: known labels only, checked below
            } else if bare {
                name = t
            } else {
                return nil
            }
            rest = t.suffix(0)
        }
        guard name.utf8.count <= 240 else { return nil }
        // Prose with a colon is common: a plain name must start like a known label.
        if !bold, !bare, !mayBeKnown(name) { return nil }
        // `**Foo** bar: baz` is bold text followed by prose, not a label.
        let rawName = BlueprintText.trimmed(name)
        let innerBold = BlueprintText.has(rawName.dropLast(2), "**")
        if innerBold { return nil }
        name = rawName
        let key = BlueprintText.normalized(Substring(BlueprintText.plain(name)))
        guard !key.isEmpty, key.count <= 60, key.split(separator: " ").count <= 9 else { return nil }
        let kind = classify(key)
        if kind == .unknown, !bold, !bare { return nil }
        return BlueprintLabel(kind: kind, rest: BlueprintText.trimmed(rest))
    }

    /// The first colon within a label's reach, unless a quote comes first.
    private static func colonIndex(in s: Substring) -> Substring.Index? {
        var i = s.startIndex
        var n = 0
        while i < s.endIndex, n < 80 {
            let c = s[i]
            if c == ":" { return i }
            if c == "\"" || c == "“" { return nil }
            i = s.index(after: i)
            n += 1
        }
        return nil
    }

    /// What a normalized label name announces.
    static func classify(_ key: String) -> Kind {
        let words = key.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
        if let first = words.first, first == "total" || first == "estimated" || first == "overall",
           key == "total" || BlueprintText.has(Substring(key), "word") || BlueprintText.has(Substring(key), "length"),
           first == "total" || key.hasPrefix("estimated total") || key.hasPrefix("overall") { return .totalLength }
        if words.last == "tags", words.count <= 3 { return .tags }
        if let last = words.last, ["title", "titles", "headline", "heading", "h2"].contains(last), words.count <= 4,
           words.dropLast().allSatisfy({ titleModifiers.contains(String($0)) }) { return .compellingTitle }
        // Rules are looked up by first word: classification runs on every labelled line.
        for rule in rules[firstWord(key)] ?? [] where key.hasPrefix(rule.prefix) {
            guard let next = key.dropFirst(rule.prefix.count).first else { return rule.kind }
            if !(next.isLetter || next.isNumber) { return rule.kind }
        }
        return .unknown
    }

    /// A cheap pre-check on an unnormalized name: could ``classify(_:)`` know it? Works on ASCII
    /// bytes because it runs on every line with a colon (all known label words are ASCII).
    private static func mayBeKnown(_ name: Substring) -> Bool {
        let bytes = Array(name.utf8.prefix(240))
        func isAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        func lowered(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice.map { $0 | 0x20 }, as: UTF8.self) }
        var i = 0
        while i < bytes.count, !isAlnum(bytes[i]) { i += 1 }
        var j = i
        while j < bytes.count, isAlnum(bytes[j]) || bytes[j] == 0x2D || bytes[j] == 0x2E || bytes[j] == 0x27 { j += 1 }
        if knownFirstWords.contains(lowered(bytes[i..<j])) { return true }
        // `SEO tags`, `Section title`: known by their last word.
        var end = bytes.count
        while end > 0, !isAlnum(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isAlnum(bytes[start - 1]) { start -= 1 }
        return lastWords.contains(lowered(bytes[start..<end]))
    }

    private static let lastWords: Set<String> = ["tags", "title", "titles", "headline", "heading", "h2"]

    private static let knownFirstWords: Set<String> = Set(rules.keys).union(
        ["total", "estimated", "overall", "tags", "h2"] + titleModifiers)

    private static func firstWord<S: StringProtocol>(_ s: S) -> String {
        String(s.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "'" }))
    }

    private struct Rule: Sendable {
        var prefix: String
        var kind: Kind
    }

    private static let rules: [String: [Rule]] = {
        var table: [String: [Rule]] = [:]
        let lists: [(Kind, [String])] = [
            (.keyPoints, keyPointLabels), (.evidence, evidenceLabels), (.sources, sourceLabels),
            (.budget, budgetLabels), (.globalPart, globalLabels), (.sectionPart, sectionLabels),
        ]
        for (kind, prefixes) in lists {
            for prefix in prefixes { table[firstWord(prefix), default: []].append(Rule(prefix: prefix, kind: kind)) }
        }
        return table
    }()

    private static let titleModifiers: Set<String> = [
        "compelling", "section", "suggested", "proposed", "working", "catchy", "engaging", "final", "seo",
        "h2", "blog", "post", "creative", "the",
    ]
    private static let keyPointLabels = [
        "key points", "key point", "key ideas", "key topics", "key concepts", "key talking points",
        "talking points", "main points", "points to cover", "points to include", "topics to cover",
        "what to cover", "content to cover", "key messages", "subpoints", "sub-points", "sub points",
        "bullet points", "key arguments", "main ideas", "subtopics", "sub-topics", "content points",
    ]
    private static let evidenceLabels = [
        "supporting evidence", "evidence", "key statistics", "key stats", "statistics", "stats",
        "supporting data", "data points", "key data", "supporting quotes", "key quotes", "expert quotes",
        "quotes", "quote", "research insights", "research findings", "supporting research",
        "supporting facts", "key facts", "facts", "rag evidence", "rag insights", "rag findings",
    ]
    private static let sourceLabels = [
        "sources", "source", "source files", "source documents", "rag sources", "references", "reference",
        "citations", "cited sources",
    ]
    private static let budgetLabels = [
        "estimated word", "estimated words", "word count", "word budget", "word target", "word distribution",
        "word allocation", "target word", "target words", "words", "estimated length", "target length",
        "length", "approximate length", "approximate word", "approx. word", "approx word", "approx. length",
        "budget", "allocated words", "suggested length", "suggested word",
    ]
    private static let globalLabels = [
        "target audience", "audience", "primary goal", "content strategy", "content elements", "seo",
        "meta description", "content approach", "value proposition", "main narrative angle", "narrative angle",
        "reading time", "read time", "structure for", "overall tone", "publishing",
    ]
    private static let sectionLabels = [
        "example", "examples", "real-world example", "real-world examples", "case study", "case studies",
        "code example", "code examples", "code snippet", "code snippets", "visual", "visuals", "transition",
        "note", "notes", "hook", "purpose", "goal", "objective", "format", "tone", "call to action", "cta",
        "engagement", "takeaway", "takeaways", "key takeaway", "key takeaways", "questions", "keywords",
        "seo keywords", "subheadings", "analogy", "angle",
    ]
}
