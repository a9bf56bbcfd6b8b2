/// Parses a planner's blueprint into an ``Outline``.
///
/// Reads the styles planners actually write: `**3. Title (Approx. 300 words)**` items with
/// `**Compelling Section Title:**` / `**Key points to cover:**` bullets (seed 000, inside a code
/// fence), `3. Compelling Section Title: "…"` lines with `- Key points:` / `- Sources:` /
/// `- Estimated word distribution:` (the crewai fixture), `## 3. Title` and `### Section 3: Title`
/// headings, with any bullet marker, indentation, and label spelling.
public enum OutlineParser {
    /// Parses a blueprint; nil when the text holds no outline (e.g. a plain post). Never throws,
    /// never crashes on any input.
    public static func parse(_ text: String) -> Outline? {
        let lines = BlueprintLines.read(text)
        let headers = lines.indices.compactMap { BlueprintHeader.read(lines[$0], index: $0) }
        guard !headers.isEmpty else { return nil }
        var headerAt = [Int?](repeating: nil, count: lines.count)
        for (k, header) in headers.enumerated() { headerAt[header.index] = k }
        let terminators = lines.map(isTerminator)

        let ends = headers.map { bodyEnd(of: $0, lines: lines, headers: headers, headerAt: headerAt, terminators: terminators) }
        let drafts = headers.indices.map { k in
            BlueprintSectionReader.read(header: headers[k], lines: lines[(headers[k].index + 1)..<ends[k]])
        }
        guard let chosen = bestRun(headers: headers, drafts: drafts) else { return nil }

        // Sections of one run never overlap: each stops where the next one starts.
        var sections: [PlannedSection] = []
        var evidence: [PlannedEvidence] = []
        var inSection = [Bool](repeating: false, count: lines.count)
        for (position, k) in chosen.enumerated() {
            var end = ends[k]
            var draft = drafts[k]
            if position + 1 < chosen.count, headers[chosen[position + 1]].index < end {
                end = headers[chosen[position + 1]].index
                draft = BlueprintSectionReader.read(header: headers[k], lines: lines[(headers[k].index + 1)..<end])
            }
            for i in headers[k].index..<end { inSection[i] = true }
            sections.append(draft.section)
            evidence += draft.evidence.map { PlannedEvidence(text: $0.text, section: draft.section.number, line: $0.line) }
        }
        let globals = BlueprintGlobals.read(lines, inSection: { inSection[$0] }, isHeader: { headerAt[$0] != nil })
        evidence += globals.evidence
        // In blueprint order; quotes on one line keep their order (`sort` is not documented stable).
        evidence = evidence.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        return Outline(sections: sections, statedTotalWords: globals.statedTotalWords,
                       evidence: evidence, suggestedTags: globals.suggestedTags)
    }

    /// Whether the text looks like a blueprint (has an outline with ≥ 2 sections, at least one of
    /// them having a budget, key points, or a compelling title).
    public static func hasOutline(_ text: String) -> Bool {
        plannedOutline(text) != nil
    }

    /// The outline when the text is a blueprint: at least 2 sections, one of them with a budget,
    /// key points or a compelling title (what `hasOutline` tests), parsed once.
    public static func plannedOutline(_ text: String) -> Outline? {
        guard let outline = parse(text), outline.sections.count >= 2,
              outline.sections.contains(where: { $0.budgetWords != nil || !$0.keyPoints.isEmpty || $0.compellingTitle != nil })
        else { return nil }
        return outline
    }

    /// A blueprint-wide line that closes the section above it: `**Total estimated length:** …`,
    /// `**Suggested tags:** …`, or an unindented part label such as `Target audience:`.
    private static func isTerminator(_ line: BlueprintLine) -> Bool {
        guard !line.isCode, !line.isBlank, !line.isBulleted,
              let label = line.label else { return false }
        switch label.kind {
        case .totalLength, .tags: return line.indent <= 3
        case .globalPart: return line.indent == 0
        default: return false
        }
    }

    /// Where a header's items end: at the next header that is its peer or above it, or at a
    /// blueprint-wide line.
    private static func bodyEnd(of header: BlueprintHeader, lines: [BlueprintLine], headers: [BlueprintHeader],
                                headerAt: [Int?], terminators: [Bool]) -> Int {
        var j = header.index + 1
        while j < lines.count {
            if terminators[j] { return j }
            if let k = headerAt[j], closes(header, with: headers[k]) { return j }
            j += 1
        }
        return lines.count
    }

    private static func closes(_ header: BlueprintHeader, with next: BlueprintHeader) -> Bool {
        if next.isNonContent { return true }
        let level = header.style.headingLevel
        if level > 0 {
            // Heading sections hold anything but a heading at their level or above.
            return next.style.headingLevel > 0 && next.style.headingLevel <= level
        }
        // A bold or numbered item ends at any heading, at its own kind of item, and at bold lines;
        // a plain numbered line under a bold item is a nested list.
        return next.style.headingLevel > 0 || next.style == header.style || next.style.bold
    }

    /// The headers that form the outline: of the runs of same-style headers (a run restarts when
    /// numbering does), the one with the most sections carrying planning marks.
    private static func bestRun(headers: [BlueprintHeader], drafts: [BlueprintSectionReader.Result]) -> [Int]? {
        var runsByStyle: [BlueprintHeader.Style: [[Int]]] = [:]
        var lastNumber: [BlueprintHeader.Style: Int] = [:]
        var styleOrder: [BlueprintHeader.Style] = []
        for (k, header) in headers.enumerated() where !header.isNonContent {
            let style = header.style
            if runsByStyle[style] == nil {
                runsByStyle[style] = [[]]
                styleOrder.append(style)
            }
            if let n = header.number {
                if let last = lastNumber[style], n <= last { runsByStyle[style]!.append([]) }
                lastNumber[style] = n
            } else if !drafts[k].hasPlanningMarks {
                continue  // an unnumbered heading without plan items is prose structure
            }
            runsByStyle[style]![runsByStyle[style]!.count - 1].append(k)
        }
        // A planner may mix header styles (`**Section 1:**`, then `### 2.`, then `## Section 3`):
        // the numbered headers with plan items, whatever their style, form one more candidate run.
        // It comes last, so a single-style run wins a tie.
        var mixed: [[Int]] = [[]]
        var mixedLast: Int?
        for (k, header) in headers.enumerated() where !header.isNonContent && drafts[k].hasPlanningMarks {
            guard let n = header.number else { continue }
            if let last = mixedLast, n <= last { mixed.append([]) }
            mixedLast = n
            mixed[mixed.count - 1].append(k)
        }
        var best: [Int]?
        var bestKey = (score: 0, count: 0, start: Int.max)
        for runs in styleOrder.map({ runsByStyle[$0]! }) + [mixed] {
            for run in runs where !run.isEmpty {
                let score = run.filter { drafts[$0].hasPlanningMarks }.count
                let key = (score: score, count: run.count, start: headers[run[0]].index)
                if key.score > bestKey.score
                    || (key.score == bestKey.score && key.count > bestKey.count)
                    || (key.score == bestKey.score && key.count == bestKey.count && key.start < bestKey.start) {
                    best = run
                    bestKey = key
                }
            }
        }
        return bestKey.score > 0 ? best : nil
    }
}
