/// A line that may open a planned section: a heading, a numbered item, or a bold standalone line.
///
/// Which of these really are the outline is decided later, by ``OutlineParser``, from the items
/// found under them: a post's `## Heading`s carry no budgets, key points or compelling titles.
struct BlueprintHeader {
    /// How a header is written; the outline's sections share one (`## N.` headings, `**N. …**` lines…).
    struct Style: Hashable {
        /// 1…6 for headings, 0 otherwise.
        var headingLevel: Int
        /// Bold-wrapped (`**3. Title**`), for non-headings only.
        var bold: Bool
    }

    /// Index of the line in the blueprint's line array.
    var index: Int
    var style: Style
    var number: Int?
    var title: String
    var compellingTitle: String?
    var budget: Int?
    /// Whether the title names a blueprint part rather than a content section (`Content Strategy`).
    var isNonContent: Bool

    /// Longer lines are prose, never titles (and keeping titles short keeps the parser linear).
    private static let maxLength = 400

    /// The header a line holds, if any.
    static func read(_ line: BlueprintLine, index: Int) -> BlueprintHeader? {
        guard !line.isCode, !line.isBlank else { return nil }
        let content = line.content
        guard content.utf8.count <= maxLength * 4, content.count <= maxLength else { return nil }
        let isHeading = line.headingLevel != nil
        // Nested lines are items, not headers; rich-printing only ever shrinks indentation.
        if !isHeading, line.indent > 3 { return nil }
        var s = content
        let bold = s.hasPrefix("**") || s.hasPrefix("__")
        if bold { s = s.dropFirst(2) }
        var number: Int?
        var rest = s
        var sectionWord = false
        if let (n, after) = BlueprintText.listNumber(s) {
            number = n
            rest = after
        } else if let (n, after) = sectionNumber(s) {
            number = n
            rest = after
            sectionWord = true
        }
        if !isHeading {
            if line.isBulleted {
                guard number != nil, bold || sectionWord else { return nil }
            } else if number == nil {
                guard bold, isFullyBold(content) else { return nil }
            }
        }
        // A section's own items (`**Key points:**`, `### Key points`) are not headers; a part name
        // such as `## Key Takeaways` or `**Content Elements:**` still is one.
        if let label = line.label {
            switch label.kind {
            case .compellingTitle, .keyPoints, .evidence, .sources, .budget, .totalLength, .tags: return nil
            case .sectionPart where !isHeading: return nil
            default: break
            }
        }

        var (title, budget) = BlueprintWordBudget.split(title: BlueprintText.plain(rest))
        var compelling: String?
        if title.contains(Character(":")), let label = BlueprintLabel.read(Substring(title)), label.kind == .compellingTitle,
           !label.rest.isEmpty {
            // `1. Compelling Section Title: "Why Your Search Bar Needs Vectors"`.
            let (inner, innerBudget) = BlueprintWordBudget.split(title: String(label.rest))
            compelling = inner
            title = inner
            budget = budget ?? innerBudget
        }
        let style = Style(headingLevel: line.headingLevel ?? 0, bold: isHeading ? false : bold)
        return BlueprintHeader(index: index, style: style, number: number, title: title,
                               compellingTitle: compelling, budget: budget,
                               isNonContent: NonContentTitles.matches(title))
    }

    /// `Section 3: Title`, `Part 3 – Title`: the number and the title after it.
    private static func sectionNumber(_ s: Substring) -> (Int, Substring)? {
        let lower = s.prefix(8).lowercased()
        let word = ["section ", "part "].first { lower.hasPrefix($0) }
        guard let word else { return nil }
        var i = s.index(s.startIndex, offsetBy: word.count)
        var value = 0
        var digits = 0
        while i < s.endIndex, s[i].isASCII, let d = s[i].wholeNumberValue, digits < 4 {
            value = value * 10 + d
            digits += 1
            i = s.index(after: i)
        }
        guard digits > 0 else { return nil }
        let after = s[i...]
        guard after.isEmpty || BlueprintText.isBlank(after.first!) || ":.)-–—*_".contains(after.first!) else { return nil }
        let title = after.drop(while: { BlueprintText.isBlank($0) || ":.)-–—*_".contains($0) })
        return (value, title)
    }

    /// `**Content Elements:**`: a line that is one bold span.
    private static func isFullyBold(_ content: Substring) -> Bool {
        let t = BlueprintText.trimmed(content)
        return t.count > 4 && (t.hasSuffix("**") || t.hasSuffix("**:") || t.hasSuffix("__") || t.hasSuffix("__:"))
    }
}

/// Titles of blueprint parts that are not content sections (`Content Strategy`, `Target audience`…).
enum NonContentTitles {
    private static let phrases = [
        "content strategy", "content elements", "detailed outline", "outline", "content outline", "blog outline",
        "article outline", "post outline", "content blueprint", "blueprint", "blog blueprint", "target audience",
        "audience", "primary goal", "goals", "goal", "tone", "tone and style", "style", "seo", "seo keywords",
        "keywords", "suggested tags", "tags", "meta description", "total estimated length", "word count",
        "key statistics", "expert quotes", "research summary", "research notes", "sources", "references",
        "notes", "value proposition", "content approach", "publishing notes", "main narrative angle",
        "overview of the plan", "content plan", "writing guidelines", "guidelines",
    ]

    /// First words of the phrases: most titles are rejected on their first word.
    private static let firstWords: Set<Substring> = Set(phrases.map { $0.prefix(while: { $0 != " " }) })

    static func matches(_ title: String) -> Bool {
        let first = title.drop(while: { !$0.isLetter }).prefix(while: { $0.isLetter }).prefix(20).lowercased()
        guard firstWords.contains(Substring(first)) else { return false }
        let t = BlueprintText.normalized(Substring(title.prefix(80)))
        return phrases.contains { p in
            guard t.hasPrefix(p) else { return false }
            let tail = t.dropFirst(p.count)
            return tail.isEmpty || tail.hasPrefix(":") || tail.hasPrefix(" (") || tail.hasPrefix(" -")
                || tail.hasPrefix(" –") || tail.hasPrefix(" —")
        }
    }
}
