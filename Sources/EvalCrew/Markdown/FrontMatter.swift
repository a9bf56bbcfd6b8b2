import Yams

/// The YAML front matter at the top of a post (`---` … `---`).
public struct FrontMatter: Sendable, Equatable, Codable {
    /// The YAML between the delimiters, as written.
    public var raw: String
    /// 1-based lines of the opening and closing delimiters.
    public var openingLine: Int
    public var closingLine: Int
    /// Each top-level `key: value` line as written (value text after the colon, trimmed), in order.
    /// Kept as text because some rules are about the literal (`published` must be `true`/`false`).
    public var literals: [Field]
    /// The YAML parse error, when the block is not valid YAML.
    public var yamlError: String?
    /// Top-level keys and values as YAML parsed them, flattened to text (lists as arrays).
    public var values: [String: Value]

    public struct Field: Sendable, Equatable, Codable {
        public var key: String
        public var literal: String
        public var line: Int
    }

    public enum Value: Sendable, Equatable, Codable {
        case text(String)
        case list([String])
    }

    /// The literal of a key, if present.
    public func literal(_ key: String) -> Field? { literals.first { $0.key == key } }

    /// Finds and parses front matter starting at the first non-blank line among `lines`
    /// (lines are of the post with any fence wrapper already blanked).
    ///
    /// Leading assistant chatter ("Here is your blog post:") is stepped over: the platform scorer
    /// reports it, and the front matter after it is still the post's.
    static func find(lines: [Substring]) -> FrontMatter? {
        var first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) })
        while let line = first, AgentChatter.match(lines[line]) != nil {
            first = lines[(line + 1)...].firstIndex(where: { !$0.allSatisfy(\.isWhitespace) })
        }
        guard let first, lines[first].trimmingWhitespace() == "---" else { return nil }
        guard let close = lines[(first + 1)...].firstIndex(where: {
            let t = $0.trimmingWhitespace()
            return t == "---" || t == "..."
        }) else { return nil }
        let body = lines[(first + 1)..<close]
        let raw = body.joined(separator: "\n")
        var literals: [Field] = []
        for (i, line) in zip(body.indices, body) {
            guard let first = line.first, !first.isWhitespace, first != "#", first != "-",
                  let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace()
            guard !key.isEmpty, !key.contains(" ") else { continue }
            literals.append(Field(key: String(key), literal: String(line[line.index(after: colon)...].trimmingWhitespace()),
                                  line: i + 1))
        }
        var values: [String: Value] = [:]
        var yamlError: String?
        do {
            // The basic resolver: values are read as text, and the default one compiles ICU regexes, which costs
            // more than scoring a post.
            if let node = try Yams.compose(yaml: raw, .basic), let mapping = node.mapping {
                for (k, v) in mapping {
                    guard let key = k.string else { continue }
                    if let seq = v.sequence {
                        values[key] = .list(seq.map { $0.string ?? "" })
                    } else {
                        values[key] = .text(v.string ?? "")
                    }
                }
            } else if !raw.allSatisfy(\.isWhitespace) {
                yamlError = "front matter is not a mapping of keys to values"
            }
        } catch {
            yamlError = String(describing: error).split(separator: "\n").first.map(String.init) ?? "invalid YAML"
        }
        return FrontMatter(raw: raw, openingLine: first + 1, closingLine: close + 1, literals: literals,
                           yamlError: yamlError, values: values)
    }
}
