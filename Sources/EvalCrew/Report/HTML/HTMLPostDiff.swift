/// The word diff of a changed case's post against the baseline's shown repeat: removed words
/// struck through, added words highlighted, long unchanged runs cut to a little context.
enum HTMLPostDiff {
    enum Change { case same, removed, added }

    /// Words of unchanged context kept on each side of a change.
    static let context = 12

    static func render(old: String, new: String, _ tree: borrowing HTMLTree, in section: HTMLNode) {
        guard let diff = segments(old: old, new: new) else { return }
        let removed = diff.segments.filter { $0.0 == .removed }.reduce(0) { $0 + words($1.1) }
        let added = diff.segments.filter { $0.0 == .added }.reduce(0) { $0 + words($1.1) }
        tree.element("h3", in: section, text: "The post against the baseline's: \(removed) words removed, \(added) added"
                     + (diff.isRewrite ? " (rewritten: too many edits to align)" : ""))
        let block = tree.element("div", in: section, ["class": "diff"])
        for (change, text) in diff.segments {
            switch change {
            case .same: tree.text(text, in: block)
            case .removed: tree.element("del", in: block, text: text)
            case .added: tree.element("ins", in: block, text: text)
            }
        }
    }

    /// The trimmed word diff as segments; nil when the posts are the same.
    static func segments(old: String, new: String) -> (segments: [(Change, String)], isRewrite: Bool)? {
        let diff = WordDiff(old: old, new: new)
        guard diff.hasChanges else { return nil }
        let trimmed = diff.trimmed(context: context)
        return (trimmed.segments.map { segment in
            switch segment.change {
            case .same: return (Change.same, segment.text)
            case .removed: return (Change.removed, segment.text)
            case .added: return (Change.added, segment.text)
            }
        }, diff.isRewrite)
    }

    private static func words(_ text: String) -> Int { text.split(whereSeparator: { $0.isWhitespace }).count }
}
