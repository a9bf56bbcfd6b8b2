/// One line of a blueprint with the markdown structure the outline reader needs.
///
/// Indentation is kept only to compare lines: a rich-printed blueprint may have lost a few spaces
/// of nested indentation at soft wraps, so no rule depends on an exact depth.
struct BlueprintLine {
    /// 1-based line number in the blueprint.
    var number: Int
    /// Leading spaces (a tab counts 4).
    var indent: Int
    /// 1…6 for an ATX heading (`## 3. Title`), nil otherwise.
    var headingLevel: Int?
    /// Whether the line is a `*`, `-`, `+` or `•` list item.
    var isBulleted: Bool
    /// The text after indentation, heading marks and bullet marker, trimmed.
    var content: Substring
    /// Inside a code block (or a fence line): never part of the outline.
    var isCode: Bool
    /// The label the line opens with (`**Key points:**`), read once here since every pass needs it.
    var label: BlueprintLabel?

    var isBlank: Bool { content.isEmpty }
}

/// Splits a blueprint into ``BlueprintLine``s.
enum BlueprintLines {
    /// Fences whose content is still markdown: the planner wrapping the whole blueprint in
    /// ```` ``` ```` or ```` ```markdown ```` (seed 000), possibly without its closing fence.
    private static let transparentInfo: Set<String> = ["", "markdown", "md", "text", "txt", "plaintext", "plain"]

    static func read(_ text: String) -> [BlueprintLine] {
        var lines: [BlueprintLine] = []
        var openFence: (char: Character, length: Int)?
        for (offset, rawLine) in rawLines(text).enumerated() {
            var line = structure(of: rawLine, number: offset + 1)
            if let fence = fence(in: line.content, indent: line.indent) {
                if let open = openFence {
                    if fence.char == open.char, fence.length >= open.length, fence.info.isEmpty { openFence = nil }
                    line.isCode = true
                } else if !transparentInfo.contains(fence.info) {
                    openFence = (fence.char, fence.length)
                    line.isCode = true
                }
                line.content = line.content.prefix(0)
                line.headingLevel = nil
                line.isBulleted = false
            } else if openFence != nil {
                line.isCode = true
            }
            if !line.isCode, !line.isBlank {
                line.label = BlueprintLabel.read(line.content, bare: line.headingLevel != nil)
            }
            lines.append(line)
        }
        return lines
    }

    /// The text's lines, split at `\n` (a `\r` before it dropped), as in ``TextIndex``'s numbering.
    /// Scans bytes: `\n` is ASCII, so cutting there never splits a scalar.
    private static func rawLines(_ text: String) -> [Substring] {
        let whole = Substring(text)
        let bytes = whole.utf8
        var result: [Substring] = []
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                var end = i
                if end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
                result.append(whole[start..<end])
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        result.append(whole[start..<bytes.endIndex])
        return result
    }

    /// Indentation, heading level and bullet of one raw line.
    private static func structure(of raw: Substring, number: Int) -> BlueprintLine {
        var indent = 0
        var i = raw.startIndex
        while i < raw.endIndex, BlueprintText.isBlank(raw[i]) {
            indent += raw[i] == "\t" ? 4 : 1
            i = raw.index(after: i)
        }
        var content = BlueprintText.trimmed(raw[i...])
        var heading: Int?
        var bulleted = false
        let hashes = content.prefix(while: { $0 == "#" }).count
        if (1...6).contains(hashes) {
            let after = content.dropFirst(hashes)
            if after.isEmpty || BlueprintText.isBlank(after.first!) {
                heading = hashes
                var title = BlueprintText.trimmed(after)
                // An optional closing sequence: `## Title ##`.
                let closing = title.reversed().prefix(while: { $0 == "#" }).count
                if closing > 0, closing < title.count,
                   BlueprintText.isBlank(title[title.index(title.endIndex, offsetBy: -closing - 1)]) {
                    title = BlueprintText.trimmed(title.dropLast(closing))
                }
                content = title
            }
        }
        if heading == nil, let first = content.first, "*-+•".contains(first) {
            let after = content.dropFirst()
            if after.isEmpty || BlueprintText.isBlank(after.first!) {
                bulleted = true
                content = BlueprintText.trimmed(after)
            }
        }
        return BlueprintLine(number: number, indent: indent, headingLevel: heading, isBulleted: bulleted,
                             content: content, isCode: false, label: nil)
    }

    /// A code fence (```` ``` ```` or `~~~`, 3 or more) and its info word, lower-cased.
    private static func fence(in content: Substring, indent: Int) -> (char: Character, length: Int, info: String)? {
        guard let first = content.first, first == "`" || first == "~" else { return nil }
        let length = content.prefix(while: { $0 == first }).count
        guard length >= 3 else { return nil }
        let info = BlueprintText.trimmed(content.dropFirst(length))
        if first == "`", info.contains(Character("`")) { return nil }
        let word = info.prefix(while: { !BlueprintText.isBlank($0) && $0 != "{" })
        return (first, length, String(word).lowercased())
    }
}
