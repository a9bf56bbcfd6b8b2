/// A piece of text checked on its own: one sentence of a paragraph or list item, a heading, a
/// table row, or one line of the blueprint.
struct TextUnit: Sendable {
    enum Role: Sendable, Equatable {
        case heading, paragraph, listItem, tableRow
        /// A line of the blueprint (no post location).
        case blueprintLine
    }

    var role: Role
    /// The unit's rendered text as UTF-8.
    var bytes: [UInt8]
    /// For post units: the block and, per byte (plus one past the end), the code-point offset in the block text.
    var blockIndex: Int?
    var scalarOfByte: [Int]
    /// The unit starts its block (a list item's or heading's first sentence).
    var startsBlock: Bool
    /// Blueprint units: the 1-based line and the line's text as written.
    var blueprintLine: Int?
    var verbatim: String?

    /// A short line written in title case (a bold pseudo-heading, a blueprint section title).
    var looksTitled = false

    /// Headings, table rows and title-case lines: capitalised common words are not names there.
    var isTitleCase: Bool { role == .heading || role == .tableRow || looksTitled }

    /// Whether most longer words of a short text start with a capital ("Unlocking Potential: The
    /// Unparalleled Advantages of Hugging Face for LLMs").
    static func isTitled(_ b: [UInt8]) -> Bool {
        var long = 0, capitalised = 0, words = 0
        b.withUnsafeBufferPointer { p in
            ByteText.forEachWord(p) { start, end, _ in
                words += 1
                guard end - start > 3 else { return }
                long += 1
                if ByteText.isUpper(p[start]) { capitalised += 1 }
            }
        }
        return words <= 16 && long >= 3 && Double(capitalised) >= 0.7 * Double(long)
    }

    /// The unit's code-point range in the post, widened over emphasis and code markers at its edges
    /// (`**HNSW**` is quoted whole).
    func verbatimRange(in post: PostDocument) -> Range<Int>? {
        guard let range = postRange(0..<bytes.count, in: post) else { return nil }
        let scalars = post.index.scalars
        var lo = range.lowerBound, hi = range.upperBound
        while lo > 0, "*_`".unicodeScalars.contains(scalars[lo - 1]) { lo -= 1 }
        while hi < scalars.count, "*_`".unicodeScalars.contains(scalars[hi]) { hi += 1 }
        return lo..<hi
    }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The post code-point range of a byte range of this unit.
    func postRange(_ range: Range<Int>, in post: PostDocument) -> Range<Int>? {
        guard let blockIndex, !range.isEmpty else { return nil }
        let lo = scalarOfByte[range.lowerBound]
        let hi = scalarOfByte[range.upperBound - 1] + 1
        return post.blocks[blockIndex].postRange(lo..<hi)
    }

    /// The unit's text as written: verbatim from the post (markup included) or the blueprint line.
    func sentence(in post: PostDocument) -> String {
        if let verbatim { return verbatim }
        guard let range = verbatimRange(in: post) else { return text(0..<bytes.count) }
        return post.index.substring(range)
    }
}

/// Builds the units of a post and of a blueprint.
enum TextUnits {
    /// The post's prose blocks split into sentences (a heading or table row is one unit; a list
    /// item is split into its sentences but never merged with the next item).
    static func post(_ post: PostDocument) -> [TextUnit] {
        var units: [TextUnit] = []
        for (bi, block) in post.blocks.enumerated() {
            let bytes = Array(block.text.utf8)
            var scalarOfByte: [Int] = []
            scalarOfByte.reserveCapacity(bytes.count + 1)
            var scalar = 0
            for s in block.text.unicodeScalars {
                for _ in 0..<UTF8.width(s) { scalarOfByte.append(scalar) }
                scalar += 1
            }
            scalarOfByte.append(scalar)
            let role: TextUnit.Role
            switch block.kind {
            case .heading: role = .heading
            case .tableRow: role = .tableRow
            case .paragraph: role = block.inList ? .listItem : .paragraph
            }
            let ranges = (role == .heading || role == .tableRow) ? [trimmed(bytes, 0..<bytes.count)]
                : SentenceSplitter.split(bytes)
            for (k, range) in ranges.enumerated() where !range.isEmpty {
                let piece = Array(bytes[range])
                var unit = TextUnit(role: role, bytes: piece, blockIndex: bi,
                                    scalarOfByte: Array(scalarOfByte[range.lowerBound...range.upperBound]),
                                    startsBlock: k == 0, blueprintLine: nil, verbatim: nil)
                unit.looksTitled = ranges.count == 1 && piece.last != 0x2E && TextUnit.isTitled(piece)
                units.append(unit)
            }
        }
        return units
    }

    /// Labels of blueprint lines that hold the plan's structure (titles it chose, files, budgets,
    /// tone), not facts: such lines are not checked.
    static let planningLabels = ["title", "source", "tone", "audience", "goal", "tag", "word", "length", "read time",
                                 "estimated", "structure", "format", "platform"]

    /// The blueprint's lines, markup stripped at the start, split into sentences; headings and
    /// planning lines (`Compelling Section Title: …`, `Sources: …`, word budgets) are left out.
    static func blueprint(_ text: String) -> [TextUnit] {
        var units: [TextUnit] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.drop(while: { $0 == " " }).hasPrefix("#") { continue }
            // Section headers with a word budget ("Engaging Opening Hook (Approx. 150 words)"): the plan's titles.
            if hasWordBudget(line) { continue }
            if let colon = line.firstIndex(of: ":") {
                let label = line[..<colon].lowercased()
                if label.count <= 60, planningLabels.contains(where: { label.contains($0) }) { continue }
            }
            var bytes = Array(line.utf8)
            // Strip list markers, heading marks, quote marks and outline numbers at the start.
            var start = 0
            while start < bytes.count, " \t*-#>+".utf8.contains(bytes[start]) { start += 1 }
            var digitsEnd = start
            while digitsEnd < bytes.count, ByteText.isDigit(bytes[digitsEnd]) { digitsEnd += 1 }
            if digitsEnd > start, digitsEnd < bytes.count, bytes[digitsEnd] == 0x2E || bytes[digitsEnd] == 0x29 {
                start = digitsEnd + 1
                while start < bytes.count, " \t*".utf8.contains(bytes[start]) { start += 1 }
            }
            bytes = Array(bytes[start...])
            while let last = bytes.last, ByteText.isSpace(last) { bytes.removeLast() }
            guard bytes.contains(where: ByteText.isAlnum), !bytes.starts(with: "```".utf8) else { continue }
            for range in SentenceSplitter.split(bytes) where !range.isEmpty {
                let piece = Array(bytes[range])
                var unit = TextUnit(role: .blueprintLine, bytes: piece, blockIndex: nil, scalarOfByte: [],
                                    startsBlock: range.lowerBound == 0, blueprintLine: n + 1,
                                    verbatim: String(decoding: piece, as: UTF8.self))
                unit.looksTitled = piece.last != 0x2E && TextUnit.isTitled(piece)
                units.append(unit)
            }
        }
        return units
    }

    /// A number followed by "words" ("(Approx. 150 words)", "Estimated: 200 words").
    static func hasWordBudget(_ line: Substring) -> Bool {
        let lowered = line.lowercased()
        guard let r = lowered.range(of: " words") ?? lowered.range(of: " word") else { return false }
        let before = lowered[..<r.lowerBound].reversed().drop { $0 == "~" }
        return before.first?.isNumber == true
    }

    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, ByteText.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, ByteText.isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }
}

/// Splits text into sentences: after `.`, `!` or `?` (and closing quotes or brackets) followed by
/// a space and a capital letter, digit or opening quote — but not after abbreviations (`e.g.`,
/// `Dr.`, `vs.`), initials or dotted acronyms (`U.S.`), and never inside decimals or versions.
enum SentenceSplitter {
    /// Abbreviations that do not end a sentence when a capital follows ("Dr. Smith", "e.g. Pinecone",
    /// "St. Louis"). Ones that often do end one ("Inc.", "etc.", "CA.") are left out on purpose.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "no", "fig", "approx", "gen", "gov", "sen", "rep",
        "lt", "col", "capt", "sgt", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "eg", "ie", "cf", "vol", "ch", "sec", "pp", "p", "rev", "op",
    ]

    static func split(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            guard c == 0x2E || c == 0x21 || c == 0x3F else { i += 1; continue }
            var j = i + 1
            while j < n, b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F { j += 1 }
            // Closing quotes, brackets and emphasis markers stay with the sentence.
            while j < n {
                if b[j] == 0x22 || b[j] == 0x27 || b[j] == 0x29 || b[j] == 0x5D || b[j] == 0x2A || b[j] == 0x5F { j += 1; continue }
                if j + 2 < n, b[j] == 0xE2, b[j + 1] == 0x80, b[j + 2] == 0x9D || b[j + 2] == 0x99 { j += 3; continue }
                break
            }
            guard j < n, ByteText.isSpace(b[j]) else { i = j; continue }
            var k = j
            while k < n, ByteText.isSpace(b[k]) { k += 1 }
            guard k < n, startsSentence(b, k) else { i = k; continue }
            if c == 0x2E, j == i + 1, isAbbreviation(b, i) { i = k; continue }
            out.append(TextUnits.trimmed(b, start..<j))
            start = k
            i = k
        }
        if start < n { out.append(TextUnits.trimmed(b, start..<n)) }
        return out.filter { !$0.isEmpty }
    }

    private static func startsSentence(_ b: [UInt8], _ k: Int) -> Bool {
        let c = b[k]
        if ByteText.isUpper(c) || ByteText.isDigit(c) { return true }
        if c == 0x22 || c == 0x27 || c == 0x28 || c == 0x2A || c == 0x5B { return true }
        if c == 0xE2, k + 2 < b.count, b[k + 1] == 0x80, b[k + 2] == 0x9C || b[k + 2] == 0x98 { return true }
        if c >= 0xC3, c < 0xE0 { return true }   // accented capital letters (approximation)
        return false
    }

    /// The word ending at the period at `i` is an abbreviation, an initial or a dotted acronym.
    private static func isAbbreviation(_ b: [UInt8], _ i: Int) -> Bool {
        var s = i
        while s > 0, ByteText.isLetter(b[s - 1]) { s -= 1 }
        let word = b[s..<i]
        if word.isEmpty { return false }
        if word.count == 1 { return true }   // initials: "J. Smith", "U.S."
        if s >= 2, b[s - 1] == 0x2E, ByteText.isLetter(b[s - 2]) { return true }  // "e.g", "U.S"
        let lowered = String(decoding: word.map(ByteText.lower), as: UTF8.self)
        return abbreviations.contains(lowered)
    }
}
