import CCmarkGFM

/// Walks a cmark-gfm AST and collects prose blocks with their words located in the post text.
///
/// cmark gives source positions for blocks only, so each inline text is found in the source by a
/// forward search from a cursor inside its block; escapes and entities fall back to per-character
/// matching, which keeps every offset inside the block.
struct MarkdownWalker {
    let index: TextIndex
    private(set) var blocks: [ProseBlock] = []
    private(set) var outline: [BlockOutline] = []
    private(set) var codeLines: Set<Int> = []

    private var current: (kind: ProseBlock.Kind, text: [Unicode.Scalar], offsets: [Int], start: Int, end: Int,
                          startLine: Int, endLine: Int)?
    private var cursor = 0
    private var listDepth = 0
    private var linkURLs: [String] = []
    private var cellCount = 0

    init(index: TextIndex) { self.index = index }

    mutating func walk(_ markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_parser_feed(parser, $0, buf.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        let iter = cmark_iter_new(root)!
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else if event == CMARK_EVENT_EXIT { exit(node) }
        }
    }

    private func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func startOffset(_ node: OpaquePointer) -> Int {
        index.offset(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    private func endOffset(_ node: OpaquePointer) -> Int {
        min(index.scalars.count,
            index.offset(line: Int(cmark_node_get_end_line(node)), byteColumn: Int(cmark_node_get_end_column(node))) + 1)
    }

    private mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_ITEM:
            listDepth += 1
        case CMARK_NODE_HEADING:
            begin(.heading(level: Int(cmark_node_get_heading_level(node))), node)
        case CMARK_NODE_PARAGRAPH:
            // Paragraphs inside table cells do not occur; a paragraph is always its own block.
            begin(.paragraph, node)
        case CMARK_NODE_CODE_BLOCK:
            let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
            if first <= last { codeLines.formUnion(first...last) }
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            outline.append(BlockOutline(kind: .code(info: info), startLine: first, endLine: last))
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
            if type == CMARK_NODE_HTML_BLOCK {
                outline.append(BlockOutline(kind: .content, startLine: first, endLine: last))
            }
        case CMARK_NODE_TEXT:
            let text = literal(node)
            // An autolink's text is its URL: URLs are not words.
            if let url = linkURLs.last, url == text || url == "mailto:" + text || url == "http://" + text {
                skip(text)
            } else {
                append(text)
            }
        case CMARK_NODE_CODE:
            append(literal(node))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            appendSpace()
        case CMARK_NODE_HTML_INLINE:
            skip(literal(node))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            linkURLs.append(cmark_node_get_url(node).map { String(cString: $0) } ?? "")
        default:
            switch typeName(node) {
            case "table_row", "table_header":
                cellCount = 0
                begin(.tableRow, node)
            case "table_cell":
                if cellCount > 0 { appendSpace() }
                cellCount += 1
            default:
                break
            }
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_ITEM:
            listDepth -= 1
        case CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH:
            finish()
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            _ = linkURLs.popLast()
        default:
            if ["table_row", "table_header"].contains(typeName(node)) { finish() }
        }
    }

    private mutating func begin(_ kind: ProseBlock.Kind, _ node: OpaquePointer) {
        let start = startOffset(node)
        current = (kind, [], [], start, max(start, endOffset(node)),
                   Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node)))
        cursor = start
    }

    private mutating func finish() {
        guard let block = current else { return }
        current = nil
        // Trim the spaces that breaks and tags left at the edges.
        var lo = 0, hi = block.text.count
        while lo < hi, block.text[lo] == " " { lo += 1 }
        while hi > lo, block.text[hi - 1] == " " { hi -= 1 }
        let scalars = Array(block.text[lo..<hi])
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let text = String(view)
        let prose = ProseBlock(kind: block.kind, text: text, offsets: Array(block.offsets[lo..<hi]),
                               startLine: block.startLine, endLine: block.endLine, inList: listDepth > 0,
                               words: ProseWords.ranges(in: scalars).count)
        blocks.append(prose)
        switch block.kind {
        case .heading(let level):
            outline.append(BlockOutline(kind: .heading(level: level, text: text), startLine: block.startLine,
                                        endLine: block.endLine))
        case .paragraph, .tableRow:
            outline.append(BlockOutline(kind: .content, startLine: block.startLine, endLine: block.endLine))
        }
    }

    /// Appends inline text, locating each code point in the post.
    private mutating func append(_ literal: String) {
        guard current != nil else { return }
        let scalars = Array(literal.unicodeScalars)
        guard !scalars.isEmpty else { return }
        let end = current!.end
        if let found = find(scalars, from: cursor, before: end) {
            current!.text.append(contentsOf: scalars)
            current!.offsets.append(contentsOf: found..<(found + scalars.count))
            cursor = found + scalars.count
            return
        }
        for s in scalars {
            var at = cursor
            let limit = min(end, cursor + 16)
            while at < limit, index.scalars[at] != s { at += 1 }
            if at < limit {
                cursor = at + 1
            } else {
                at = min(cursor, max(0, index.scalars.count - 1))
            }
            current!.text.append(s)
            current!.offsets.append(at)
        }
    }

    /// Moves the cursor past source text that is not prose (HTML tags, autolink URLs).
    private mutating func skip(_ literal: String) {
        guard let block = current else { return }
        let scalars = Array(literal.unicodeScalars)
        if let found = find(scalars, from: cursor, before: block.end) { cursor = found + scalars.count }
    }

    private mutating func appendSpace() {
        guard current != nil, current!.text.last != " " else { return }
        current!.text.append(" ")
        current!.offsets.append(min(cursor, max(0, index.scalars.count - 1)))
    }

    private func find(_ needle: [Unicode.Scalar], from start: Int, before end: Int) -> Int? {
        let hay = index.scalars
        guard !needle.isEmpty, start + needle.count <= end else { return nil }
        var i = start
        while i + needle.count <= end {
            if hay[i] == needle[0] {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
