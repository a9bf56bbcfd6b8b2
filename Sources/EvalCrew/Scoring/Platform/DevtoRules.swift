/// dev.to (Forem) publishing limits, read from Forem's source (forem/forem).
enum DevtoRules {
    /// `app/models/article.rb`: `validates :title, length: { maximum: 128 }`.
    static let maxTitleLength = 128
    /// `app/models/article.rb`: `MAX_TAG_LIST_SIZE = 4`.
    static let maxTags = 4
    /// `app/models/tag.rb`: tag names are at most 30 characters, alphanumeric only (Forem lower-cases).
    static let maxTagLength = 30
    /// `app/models/article.rb`: `validates :body_markdown, bytesize: { maximum: 800.kilobytes }`.
    static let maxBodyBytes = 800 * 1024
    /// `app/models/article.rb`: `MAX_USER_MENTIONS = 7`.
    static let maxMentions = 7
    /// `app/models/article.rb`: `ai_disclosure_level` values.
    static let aiDisclosureLevels: Set<String> = ["not_disclosed", "no_ai", "some_ai", "fully_autonomous"]

    /// Whether a tag (as Forem lower-cases it) is valid: `^[a-z0-9]{1,30}$`.
    static func isValidTag(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        return !lower.isEmpty && lower.count <= maxTagLength &&
            lower.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }
    }

    /// The tags of a post's front matter. `tags: #a #b` is a YAML comment, so like Forem's fixer
    /// it is read from the literal line.
    static func tags(in frontMatter: FrontMatter?) -> [String] {
        guard let frontMatter else { return [] }
        if let literal = frontMatter.literal("tags")?.literal, literal.hasPrefix("#") {
            return tags(from: .text(literal))
        }
        return tags(from: frontMatter.values["tags"])
    }

    /// The tags of a `tags` front-matter value: a comma-separated string (`#a #b` is fixed to `a,b`
    /// as Forem's fixer does) or a YAML list.
    static func tags(from value: FrontMatter.Value?) -> [String] {
        switch value {
        case .list(let items):
            return items.map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        case .text(let text):
            let separators: Set<Character> = text.contains(",") ? [","] : (text.contains("#") ? [" ", "#"] : [","])
            return text.split(whereSeparator: { separators.contains($0) })
                .map { String($0.trimmingWhitespace()).trimmingPrefix("#") }
                .map(String.init).filter { !$0.isEmpty }
        case nil:
            return []
        }
    }
}
