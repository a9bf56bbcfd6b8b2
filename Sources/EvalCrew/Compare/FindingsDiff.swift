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
/// title for section findings; case, spacing, surrounding punctuation and possessives do not
/// count); number findings by the grounding scorer's number keys (`1,000` is `1000`, `73 percent`
/// is `73%`); claim findings by kind and the sentence's content words, when the
/// shared words are at least half of the larger set (a reworded sentence still matches, a different
/// claim does not); findings without a value (a fence wrapper) by kind alone.
struct FindingIdentity {
    static let claimKinds: Set<String> = ["unsupported-claim"]
    /// Findings about one number: matched by the grounding scorer's number keys.
    static let numberKinds: Set<String> = ["unsupported-number"]
    static let claimOverlap = 0.5

    var finding: Finding
    var key: String
    var contentWords: Set<String>?

    init(_ finding: Finding, normalised: (String) -> String = FindingIdentity.normalised) {
        self.finding = finding
        if Self.claimKinds.contains(finding.kind) {
            key = finding.kind
            contentWords = Set(ContentWords.of(finding.sentence ?? finding.match ?? finding.message))
        } else if Self.numberKinds.contains(finding.kind), let number = Self.numberKey(finding.match ?? "") {
            key = finding.kind + "\u{1F}#" + number
            contentWords = nil
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

    /// Lowercased, whitespace collapsed, surrounding punctuation and a possessive dropped:
    /// "LanceDB's," and "lancedb" match.
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
        var text = String(scalars)
        for possessive in ["'s", "’s"] where text.hasSuffix(possessive) { text.removeLast(2) }
        return text
    }

    /// The number a finding's value names, as the grounding scorer keys it (`1,000` and `1000`,
    /// `73%` and `73 percent`, `three` and `3` share one); nil unless the value holds exactly one number.
    static func numberKey(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        let mentions = bytes.withUnsafeBufferPointer { NumberScanner.scan($0) }
        guard mentions.count == 1 else { return nil }
        return mentions[0].keys.map(\.description).sorted().joined(separator: ",")
    }

    private static func trimPunctuation(_ scalars: inout String.UnicodeScalarView) {
        while let first = scalars.first, isPunctuation(first) { scalars.removeFirst() }
        while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
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
