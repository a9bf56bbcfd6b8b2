/// Reads the blueprint-wide items: stated total length, suggested tags, and global evidence.
struct BlueprintGlobals {
    var statedTotalWords: Int?
    var suggestedTags: [String] = []
    /// Quotes from evidence items outside the sections ("Key statistics" under "Content Elements").
    var evidence: [PlannedEvidence] = []

    /// Reads `lines`, taking evidence only from lines for which `inSection` is false.
    static func read(_ lines: [BlueprintLine], inSection: (Int) -> Bool, isHeader: (Int) -> Bool) -> BlueprintGlobals {
        var globals = BlueprintGlobals()
        var evidenceIndent: Int?
        var tagsIndent: Int?
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            let line = lines[index]
            guard !line.isCode, !line.isBlank else { continue }
            let label = line.label

            // Tags listed one per bullet under a bare `Suggested tags:` label.
            if let indent = tagsIndent {
                if label == nil, line.isBulleted || line.indent > indent, globals.suggestedTags.count < 64 {
                    globals.suggestedTags += tags(in: line.content)
                    continue
                }
                tagsIndent = nil
            }
            if let label {
                switch label.kind {
                case .totalLength where globals.statedTotalWords == nil:
                    globals.statedTotalWords = BlueprintWordBudget.parse(label.rest)
                case .tags where globals.suggestedTags.isEmpty:
                    globals.suggestedTags = tags(in: label.rest)
                    if label.rest.isEmpty { tagsIndent = line.indent }
                default:
                    break
                }
            }

            guard !inSection(index) else {
                evidenceIndent = nil
                continue
            }
            if let label, label.kind == .evidence {
                evidenceIndent = line.indent
                globals.append(quotesIn: label.rest, line: line.number)
            } else if let indent = evidenceIndent {
                let deeper = line.indent > indent
                let ends = isHeader(index) || (!deeper && (label != nil || !line.isBulleted))
                if ends {
                    evidenceIndent = nil
                } else {
                    globals.append(quotesIn: line.content, line: line.number)
                }
            }
        }
        return globals
    }

    private mutating func append(quotesIn text: Substring, line: Int) {
        for quote in BlueprintText.quotedStrings(in: text) {
            evidence.append(PlannedEvidence(text: quote, section: nil, line: line))
        }
    }

    /// `vectordatabase, ai, rag`, `#ai #rag`, `[ai, rag]`, `` `ai`, `rag` ``.
    private static func tags(in text: Substring) -> [String] {
        let plain = BlueprintText.plain(text)
        let separators: Set<Character> = plain.contains(Character(",")) ? [","] : [" ", "\t"]
        return plain.split(whereSeparator: { separators.contains($0) }).compactMap { piece in
            var t = BlueprintText.trimmed(piece)
            t = t.drop(while: { "[#\"'“‘(".contains($0) })
            while let last = t.last, "]\"'”’).".contains(last) { t = t.dropLast() }
            t = BlueprintText.trimmed(t)
            return t.isEmpty ? nil : String(t)
        }
    }
}
