/// Reads the items under one section header: compelling title, key points, evidence, sources, budget.
///
/// Membership is decided by labels, not by indentation depth: a line belongs to the item whose
/// label came last. Depth is used only one way round: a bullet indented deeper than the label
/// line is that label's item whatever it says (`**Call to Action:** …` as a key point), because
/// rich-printing can shrink indentation but never grow it.
struct BlueprintSectionReader {
    /// What was read under a header.
    struct Result {
        var section: PlannedSection
        /// Quoted evidence with the line each quote is on.
        var evidence: [(text: String, line: Int)]
        /// Whether the section carries any planning mark (budget, compelling title, a key-point,
        /// evidence or sources label): what tells a blueprint section from a post's heading.
        var hasPlanningMarks: Bool
    }

    private enum State {
        case start
        case keyPoints(indent: Int, count: Int, blankSinceLast: Bool)
        case evidence(indent: Int)
        case sources(indent: Int)
        case other(indent: Int)
        case compellingPending
        case budgetPending
    }

    static func read(header: BlueprintHeader, lines: ArraySlice<BlueprintLine>) -> Result {
        var compelling = header.compellingTitle
        var budget: Int?
        var keyPoints: [String] = []
        var looseBullets: [String] = []
        var evidence: [(String, Int)] = []
        var sourceFiles: [String] = []
        var labelled = false
        var state = State.start

        for line in lines where !line.isCode {
            if line.isBlank {
                if case .keyPoints(let indent, let count, _) = state {
                    state = .keyPoints(indent: indent, count: count, blankSinceLast: true)
                }
                continue
            }
            let content = line.content
            let numbered = BlueprintText.listNumber(content)
            let isItem = line.isBulleted || numbered != nil
            let itemText = numbered?.rest ?? content

            // Deeper than its label: the label's item, whatever it looks like — unless it is itself one
            // of a section's own labels: a rich wrap can leave `- Sources:` shallower than the
            // `- Estimated word distribution:` after it, which is still the section's budget.
            let ownLabel: Set<BlueprintLabel.Kind> = [.budget, .compellingTitle, .keyPoints, .evidence, .sources]
            switch line.label.map({ ownLabel.contains($0.kind) }) == true ? .start : state {
            case .keyPoints(let indent, let count, _) where isItem && line.indent > indent:
                keyPoints.append(BlueprintText.plain(itemText))
                state = .keyPoints(indent: indent, count: count + 1, blankSinceLast: false)
                continue
            case .evidence(let indent) where line.indent > indent:
                evidence += quotes(in: content, line: line.number)
                continue
            case .sources(let indent) where line.indent > indent:
                sourceFiles += BlueprintText.fileNames(in: content)
                continue
            case .other(let indent) where line.indent > indent:
                continue
            default:
                break
            }

            if let label = line.label, label.kind != .unknown {
                let rest = label.rest
                switch label.kind {
                case .compellingTitle:
                    if compelling == nil, !rest.isEmpty { compelling = BlueprintWordBudget.split(title: BlueprintText.plain(rest)).title }
                    labelled = true
                    state = rest.isEmpty && compelling == nil ? .compellingPending : .other(indent: line.indent)
                case .keyPoints:
                    labelled = true
                    if !rest.isEmpty { keyPoints.append(BlueprintText.plain(rest)) }
                    state = .keyPoints(indent: line.indent, count: rest.isEmpty ? 0 : 1, blankSinceLast: false)
                case .evidence:
                    labelled = true
                    evidence += quotes(in: rest, line: line.number)
                    state = .evidence(indent: line.indent)
                case .sources:
                    labelled = true
                    sourceFiles += BlueprintText.fileNames(in: rest)
                    state = .sources(indent: line.indent)
                case .budget:
                    labelled = true
                    if let value = BlueprintWordBudget.parse(rest) {
                        budget = budget ?? value
                        state = .other(indent: line.indent)
                    } else {
                        state = .budgetPending
                    }
                case .totalLength, .tags, .globalPart, .sectionPart, .unknown:
                    state = .other(indent: line.indent)
                }
                continue
            }

            switch state {
            case .keyPoints(let indent, let count, let blankSinceLast):
                if isItem {
                    keyPoints.append(BlueprintText.plain(itemText))
                    state = .keyPoints(indent: indent, count: count + 1, blankSinceLast: false)
                } else if count > 0, !blankSinceLast, line.indent > 0 {
                    // A lazily wrapped key point.
                    keyPoints[keyPoints.count - 1] += " " + BlueprintText.plain(content)
                } else if count == 0 {
                    keyPoints.append(BlueprintText.plain(content))
                    state = .keyPoints(indent: indent, count: 1, blankSinceLast: false)
                } else {
                    state = .other(indent: line.indent)
                }
            case .evidence:
                evidence += quotes(in: content, line: line.number)
            case .sources:
                sourceFiles += BlueprintText.fileNames(in: content)
            case .compellingPending:
                compelling = BlueprintWordBudget.split(title: BlueprintText.plain(itemText)).title
                state = .other(indent: line.indent)
            case .budgetPending:
                budget = budget ?? BlueprintWordBudget.parse(content)
                state = .other(indent: line.indent)
            case .start:
                if isItem {
                    looseBullets.append(BlueprintText.plain(itemText))
                } else if budget == nil, let value = budgetNote(content) {
                    budget = value
                }
            case .other:
                break
            }
        }

        budget = budget ?? header.budget
        if compelling?.isEmpty == true { compelling = nil }
        let hasMarks = labelled || budget != nil || compelling != nil
        // Unlabelled bullets are key points only under a header that is plainly a plan item.
        if keyPoints.isEmpty, hasMarks { keyPoints = looseBullets }
        keyPoints.removeAll { $0.isEmpty }
        let section = PlannedSection(
            number: header.number, outlineTitle: header.title, compellingTitle: compelling,
            budgetWords: budget, keyPoints: keyPoints, evidence: evidence.map(\.0),
            sourceFiles: sourceFiles, line: header.index + 1)
        return Result(section: section, evidence: evidence.map { (text: $0.0, line: $0.1) }, hasPlanningMarks: hasMarks)
    }

    private static func quotes(in text: Substring, line: Int) -> [(String, Int)] {
        BlueprintText.quotedStrings(in: text).map { ($0, line) }
    }

    /// A short stand-alone budget line: `*(~300 words)*`, `Approx. 300 words`.
    private static func budgetNote(_ content: Substring) -> Int? {
        guard content.count <= 40 else { return nil }
        let plain = BlueprintText.plain(content)
        guard BlueprintText.has(Substring(plain.lowercased()), "word") else { return nil }
        return BlueprintWordBudget.parse(Substring(plain))
    }
}
