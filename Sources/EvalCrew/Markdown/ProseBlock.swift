/// One block of rendered prose: a heading, a paragraph or a table row, with its words located in the post.
public struct ProseBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case tableRow
    }

    public var kind: Kind
    /// The rendered text: markup removed, soft breaks as spaces, link URLs and HTML tags dropped.
    public var text: String
    /// The post-text code-point offset of each code point of `text`.
    public var offsets: [Int]
    /// 1-based lines in the post where the block starts and ends.
    public var startLine: Int
    public var endLine: Int
    /// Whether the block sits inside a list item (bullets read as fragments, not sentences).
    public var inList: Bool
    /// Words in `text`, by the project's word rule.
    public var words: Int

    /// The heading level, when the block is a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// The post-text offsets spanned by the code points `range` of `text`.
    public func postRange(_ range: Range<Int>) -> Range<Int> {
        guard !offsets.isEmpty, !range.isEmpty else {
            let at = offsets.isEmpty ? 0 : offsets[min(range.lowerBound, offsets.count - 1)]
            return at..<at
        }
        let lo = offsets[min(range.lowerBound, offsets.count - 1)]
        let hi = offsets[min(range.upperBound - 1, offsets.count - 1)] + 1
        return lo..<max(lo, hi)
    }
}

/// A post's section: an H1 or H2 with everything up to the next H1 or H2 (its H3s included).
public struct PostSection: Sendable, Equatable {
    /// The heading text; nil for text before the first H1/H2.
    public var title: String?
    /// 1 or 2; 0 for the text before the first heading.
    public var level: Int
    /// 1-based line of the heading (or of the first block for the leading text).
    public var line: Int
    /// Indices into `PostDocument.blocks` of the section's body blocks (its own heading excluded).
    public var blockIndices: [Int]
    /// Prose words in the body, the heading excluded.
    public var words: Int
    /// Body text joined, for matching against a plan.
    public var bodyText: String
}

/// A block-level element in document order, for structural checks (empty sections).
public struct BlockOutline: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int, text: String)
        case content
        case code(info: String)
    }

    public var kind: Kind
    public var startLine: Int
    public var endLine: Int
}
