/// The post as the scorers read it, each finding highlighted in place (`<mark>`) with a numbered
/// reference to its entry in the findings list beside it.
///
/// Finding locations are code-point offsets into the post text; the text goes into libxml2 as
/// UTF-8 slices between the offsets, so nothing is copied per character and nothing is parsed.
enum HTMLPostView {
    struct Located {
        var number: Int
        var start: Int
        var end: Int
        var finding: Finding
    }

    static func render(_ post: String, findings: [(number: Int, finding: Finding)], anchor: (Int) -> String,
                       _ tree: borrowing HTMLTree, in container: HTMLNode) {
        let scalarCount = post.unicodeScalars.count
        let located = findings.compactMap { number, finding -> Located? in
            guard let location = finding.location else { return nil }
            let start = min(max(location.offset, 0), scalarCount)
            return Located(number: number, start: start, end: min(max(location.endOffset, start), scalarCount), finding: finding)
        }
        var points = Set([0, scalarCount])
        for item in located { points.insert(item.start); points.insert(item.end) }
        let boundaries = points.sorted()
        let bytes = utf8Offsets(of: boundaries, in: post)

        func references(endingAt point: Int) {
            for item in located where item.end == point {
                let sup = tree.element("sup", in: container, ["class": "ref"])
                tree.element("a", in: sup, text: String(item.number), ["href": "#" + anchor(item.number)])
            }
        }
        var text = post
        text.withUTF8 { utf8 in
            references(endingAt: 0)
            for index in 0..<(boundaries.count - 1) {
                let (from, to) = (boundaries[index], boundaries[index + 1])
                let slice = UnsafeBufferPointer(rebasing: utf8[bytes[index]..<bytes[index + 1]])
                let active = located.filter { $0.start <= from && $0.end >= to }
                if active.isEmpty {
                    tree.text(utf8: slice, in: container)
                } else {
                    let severity = active.map(\.finding.severity).min() ?? .info
                    let title = active.map { "\($0.number). \($0.finding.kind): \($0.finding.message)" }.joined(separator: "\n")
                    let mark = tree.element("mark", in: container, ["class": "sev-\(severity.rawValue)", "title": title])
                    tree.text(utf8: slice, in: mark)
                }
                references(endingAt: to)
            }
        }
    }

    /// The UTF-8 byte offset of each code-point offset in `sorted` (ascending, within the text).
    private static func utf8Offsets(of sorted: [Int], in text: String) -> [Int] {
        var offsets = [Int](repeating: 0, count: sorted.count)
        var position = 0, scalarIndex = 0, byteIndex = 0
        for scalar in text.unicodeScalars {
            while position < sorted.count && sorted[position] == scalarIndex {
                offsets[position] = byteIndex
                position += 1
            }
            scalarIndex += 1
            byteIndex += UTF8.width(scalar)
        }
        while position < sorted.count {
            offsets[position] = byteIndex
            position += 1
        }
        return offsets
    }
}
