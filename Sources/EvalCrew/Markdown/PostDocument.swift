import CCmarkGFM

/// A post parsed into the markdown model every scorer shares.
///
/// The post text is kept exactly as given; a whole-post fence wrapper and the front matter are
/// blanked out (replaced by spaces, keeping every line and offset) before cmark-gfm parses the rest,
/// so every location refers to the original text.
public struct PostDocument: Sendable {
    /// The post exactly as given.
    public let text: String
    public let index: TextIndex
    public let fenceWrapper: FenceWrapper?
    public let frontMatter: FrontMatter?
    /// Prose blocks in document order.
    public let blocks: [ProseBlock]
    /// Block elements in document order, code included.
    public let outline: [BlockOutline]
    /// Sections in order; the first may be untitled leading text.
    public let sections: [PostSection]
    /// Lines (1-based) inside fenced or indented code blocks, the fence lines included.
    public let codeLines: Set<Int>

    /// All prose words, headings included.
    public var words: Int { blocks.reduce(0) { $0 + $1.words } }

    /// The H1 title, if the post has one.
    public var title: String? {
        blocks.first { $0.headingLevel == 1 }?.text
    }

    /// The location of a code-point range of the post text.
    public func location(_ range: Range<Int>) -> TextLocation {
        index.location(offset: range.lowerBound, endOffset: range.upperBound)
    }

    /// The location of a whole 1-based line, without its newline.
    public func location(line: Int) -> TextLocation {
        let number = max(1, min(line, index.lineStarts.count))
        let start = index.lineStarts[number - 1]
        return index.location(offset: start, endOffset: start + index.line(number).unicodeScalars.count)
    }

    public init(_ text: String) {
        self.text = text
        let index = TextIndex(text)
        self.index = index
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let wrapper = FenceWrapper.find(lines: lines)
        var blanked = Set<Int>()  // 1-based lines to blank
        if let wrapper {
            blanked.insert(wrapper.openingLine)
            if let closing = wrapper.closingLine { blanked.insert(closing) }
        }
        let visible = lines.enumerated().map { blanked.contains($0.offset + 1) ? Substring("") : $0.element }
        let frontMatter = FrontMatter.find(lines: visible)
        if let frontMatter { blanked.formUnion(frontMatter.openingLine...frontMatter.closingLine) }
        self.fenceWrapper = wrapper
        self.frontMatter = frontMatter

        var parseText = ""
        parseText.reserveCapacity(text.utf8.count)
        for (i, line) in lines.enumerated() {
            if i > 0 { parseText.append("\n") }
            if blanked.contains(i + 1) {
                parseText.append(String(repeating: " ", count: line.utf8.count))
            } else {
                parseText.append(contentsOf: line)
            }
        }
        var walker = MarkdownWalker(index: index)
        walker.walk(parseText)
        self.blocks = walker.blocks
        self.outline = walker.outline
        self.codeLines = walker.codeLines
        self.sections = PostDocument.sections(of: walker.blocks)
    }

    private static func sections(of blocks: [ProseBlock]) -> [PostSection] {
        var sections: [PostSection] = []
        for (i, block) in blocks.enumerated() {
            if let level = block.headingLevel, level <= 2 {
                sections.append(PostSection(title: block.text, level: level, line: block.startLine,
                                            blockIndices: [], words: 0, bodyText: ""))
                continue
            }
            if sections.isEmpty {
                sections.append(PostSection(title: nil, level: 0, line: block.startLine, blockIndices: [],
                                            words: 0, bodyText: ""))
            }
            sections[sections.count - 1].blockIndices.append(i)
            sections[sections.count - 1].words += block.words
        }
        for s in sections.indices {
            sections[s].bodyText = sections[s].blockIndices.map { blocks[$0].text }.joined(separator: "\n")
        }
        return sections
    }
}
