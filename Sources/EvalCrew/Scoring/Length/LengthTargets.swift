import Foundation

/// The word and read-time targets a post is measured against, and where they came from.
public struct LengthTargets: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case flags = "command-line flags"
        case suite = "suite settings"
        case taskDescription = "task description"
        case blueprint = "blueprint word budget"
    }

    public var words: Int?
    public var minutes: Double?
    public var wordsOrigin: Origin?
    public var minutesOrigin: Origin?

    /// Resolves targets: flags (or a suite's settings) first, then the task descriptions ("Approximate word count: 1500
    /// words", "Target read time: 6 minutes"), then the blueprint's word budget.
    static func resolve(options: ScoringOptions, tasks: [CrewTask], blueprintBudget: Int?) -> LengthTargets {
        var targets = LengthTargets()
        if let words = options.targetWords {
            targets.words = words
            targets.wordsOrigin = options.targetsOrigin
        }
        if let minutes = options.targetMinutes {
            targets.minutes = minutes
            targets.minutesOrigin = options.targetsOrigin
        }
        // The writer's task states the post's targets; the planner's may state the same or the blueprint's own length.
        for task in tasks.reversed() {
            if targets.words == nil, let words = statedWords(in: task.description) {
                targets.words = words
                targets.wordsOrigin = .taskDescription
            }
            if targets.minutes == nil, let minutes = statedMinutes(in: task.description) {
                targets.minutes = minutes
                targets.minutesOrigin = .taskDescription
            }
        }
        if targets.words == nil, let budget = blueprintBudget {
            targets.words = budget
            targets.wordsOrigin = .blueprint
        }
        return targets
    }

    /// "word count: 1500 words", "about 1,500 words", "a 1500-word post" (the first such statement).
    static func statedWords(in text: String) -> Int? {
        let words = StatementScanner(text)
        for i in words.tokens.indices {
            let token = words.tokens[i]
            // "word count: 1500": the first number within the next few tokens.
            if token.text == "word", words.text(i + 1) == "count",
               let value = words.number(after: i + 1, within: 5), value >= 50 {
                return Int(value)
            }
            // "about 1500 words", "1500-word post".
            if token.text == "words" || token.text == "word", let value = words.number(at: i - 1), value >= 50 {
                let qualified = ["approximately", "approx", "about", "around", "roughly", "~"].contains(words.text(i - 2))
                let names = ["post", "article", "blog"].contains(words.text(i + 1))
                if qualified || names { return Int(value) }
            }
        }
        return nil
    }

    /// "Target read time: 6 minutes", "a 6-minute read".
    static func statedMinutes(in text: String) -> Double? {
        let words = StatementScanner(text)
        for i in words.tokens.indices {
            if ["read", "reading"].contains(words.tokens[i].text), words.text(i + 1) == "time",
               let value = words.number(after: i + 1, within: 4), value > 0,
               let unit = words.text(i + 1 + words.offsetOfNumber(after: i + 1, within: 4)! + 1),
               unit.hasPrefix("min") {
                return value
            }
            if words.tokens[i].text.hasPrefix("min"), words.text(i + 1) == "read", let value = words.number(at: i - 1), value > 0 {
                return value
            }
        }
        return nil
    }
}

/// Lower-cased word and number tokens of a task description, for reading stated targets.
struct StatementScanner {
    struct Token {
        var text: String
        var number: Double?
    }

    let tokens: [Token]

    init(_ text: String) {
        var tokens: [Token] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            let digits = current.replacingOccurrences(of: ",", with: "")
            tokens.append(Token(text: current, number: Double(digits)))
            current = ""
        }
        for scalar in text.unicodeScalars {
            if ProseWords.isWordScalar(scalar) || (scalar == "." && !current.isEmpty && current.last!.isNumber)
                || (scalar == "," && !current.isEmpty && current.last!.isNumber) {
                current.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first!)
            } else {
                flush()
                if scalar == "~" { tokens.append(Token(text: "~")) }
            }
        }
        flush()
        // A trailing "." or "," belongs to the sentence, not the number.
        self.tokens = tokens.map { token in
            var token = token
            while let last = token.text.last, last == "." || last == "," {
                token.text.removeLast()
                token.number = Double(token.text.replacingOccurrences(of: ",", with: ""))
            }
            return token
        }
    }

    func text(_ i: Int) -> String? { tokens.indices.contains(i) ? tokens[i].text : nil }
    func number(at i: Int) -> Double? { tokens.indices.contains(i) ? tokens[i].number : nil }

    /// The first number among the `within` tokens after `i`.
    func number(after i: Int, within: Int) -> Double? {
        offsetOfNumber(after: i, within: within).flatMap { number(at: i + $0) }
    }

    /// How far after `i` the first number within `within` tokens is.
    func offsetOfNumber(after i: Int, within: Int) -> Int? {
        (1...within).first { number(at: i + $0) != nil }
    }
}
