import Foundation

/// One case's findings in B against A's, over all scored repeats of each: new, resolved, persisting.
public struct FindingsDiff: Sendable, Equatable {
    public var caseID: String
    /// In B and matched by nothing in A.
    public var new: [Finding]
    /// In A and matched by nothing in B.
    public var resolved: [Finding]
    /// In B and matched in A (B's wording).
    public var persisting: [Finding]

    public init(caseID: String, new: [Finding], resolved: [Finding], persisting: [Finding]) {
        self.caseID = caseID
        self.new = new
        self.resolved = resolved
        self.persisting = persisting
    }

    /// Compares the distinct findings of A's and B's repeats of a case.
    ///
    /// The same finding in several repeats counts once (by `FindingIdentity`). Claim findings match
    /// when their sentences share at least half their content words; all others by kind and value.
    public init(caseID: String, a: [Finding], b: [Finding]) {
        let inA = FindingIdentity.distinct(a), inB = FindingIdentity.distinct(b)
        var matchedA = Set<Int>()
        var new: [Finding] = [], persisting: [Finding] = []
        for identity in inB {
            if let match = inA.indices.first(where: { !matchedA.contains($0) && inA[$0].matches(identity) }) {
                matchedA.insert(match)
                persisting.append(identity.finding)
            } else {
                new.append(identity.finding)
            }
        }
        let resolved = inA.indices.filter { !matchedA.contains($0) }.map { inA[$0].finding }
        self.init(caseID: caseID, new: new, resolved: resolved, persisting: persisting)
    }
}

/// What makes two findings the same finding across runs.
///
/// Entity, number, tag and section findings match by kind and normalised value (the section's
/// title for section findings; case, spacing, surrounding punctuation, possessives, thousands
/// separators and `percent` for `%` do not count); claim findings by kind and the sentence's content words, when the
/// shared words are at least half of the larger set (a reworded sentence still matches, a different
/// claim does not); findings without a value (a fence wrapper) by kind alone.
struct FindingIdentity {
    static let claimKinds: Set<String> = ["unsupported-claim"]
    static let claimOverlap = 0.5

    var finding: Finding
    var key: String
    var contentWords: Set<String>?

    init(_ finding: Finding, normalised: (String) -> String = FindingIdentity.normalised) {
        self.finding = finding
        if Self.claimKinds.contains(finding.kind) {
            key = finding.kind
            contentWords = Set(ContentWords.of(finding.sentence ?? finding.match ?? finding.message))
        } else {
            key = finding.kind + "\u{1F}" + normalised(finding.match ?? "")
            contentWords = nil
        }
    }

    func matches(_ other: FindingIdentity) -> Bool {
        guard key == other.key else { return false }
        guard let words = contentWords, let otherWords = other.contentWords else { return true }
        let larger = max(words.count, otherWords.count)
        guard larger > 0 else { return true }
        return Double(words.intersection(otherWords).count) / Double(larger) >= Self.claimOverlap
    }

    /// The findings with repeats of the same one (exact key, or matching claim) dropped.
    static func distinct(_ findings: [Finding]) -> [FindingIdentity] {
        var kept: [FindingIdentity] = []
        var seenKeys = Set<String>()
        // Repeats of a case mostly repeat the same values: normalise each once.
        var normalisedValues: [String: String] = [:]
        func normalise(_ value: String) -> String {
            if let known = normalisedValues[value] { return known }
            let result = normalised(value)
            normalisedValues[value] = result
            return result
        }
        for finding in findings {
            let identity = FindingIdentity(finding, normalised: normalise)
            if identity.contentWords == nil {
                if seenKeys.insert(identity.key).inserted { kept.append(identity) }
            } else if !kept.contains(where: { $0.matches(identity) }) {
                kept.append(identity)
            }
        }
        return kept
    }

    /// Lowercased, whitespace collapsed, surrounding punctuation dropped: "LanceDB," and "lancedb" match.
    ///
    /// One pass over the code points: comparisons normalise every finding of both runs, and
    /// Foundation's trimming bridges each string through NSString.
    static func normalised(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in value.lowercased().unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(scalar)
        }
        trimPunctuation(&scalars)
        // Trimmed before (`LanceDB's,`) and after (`73 percent` is `73%`, whose `%` goes too).
        var unified = spellingsUnified(String(scalars)).unicodeScalars
        trimPunctuation(&unified)
        return String(unified)
    }

    private static func trimPunctuation(_ scalars: inout String.UnicodeScalarView) {
        while let first = scalars.first, isPunctuation(first) { scalars.removeFirst() }
        while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
    }

    /// One spelling for what a crew writes several ways: a possessive (`lancedb's`), thousands
    /// separators (`1,000`), and `percent` for `%`.
    static func spellingsUnified(_ value: String) -> String {
        var text = value
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { text.removeLast(2) }
        if text.hasSuffix(" percent") { text = String(text.dropLast(" percent".count)) + "%" }
        guard text.contains(",") else { return text }
        // A comma after a digit and before exactly three digits groups thousands.
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            let groupsThousands = character == "," && index > 0 && characters[index - 1].isNumber && index + 3 < characters.count
                && characters[(index + 1)...(index + 3)].allSatisfy(\.isNumber)
                && (index + 4 == characters.count || !characters[index + 4].isNumber)
            if !groupsThousands { result.append(character) }
        }
        return result
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    /// Unicode's punctuation categories (`%` is one; `$` and `+` are symbols and stay).
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
