import Foundation

/// The word and read-time targets a post is measured against, and where they came from.
public struct LengthTargets: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case flags = "command-line flags"
        case taskDescription = "task description"
        case blueprint = "blueprint word budget"
    }

    public var words: Int?
    public var minutes: Double?
    public var wordsOrigin: Origin?
    public var minutesOrigin: Origin?

    /// Resolves targets: flags first, then the task descriptions ("Approximate word count: 1500
    /// words", "Target read time: 6 minutes"), then the blueprint's word budget.
    static func resolve(options: ScoringOptions, tasks: [CrewTask], blueprintBudget: Int?) -> LengthTargets {
        var targets = LengthTargets()
        if let words = options.targetWords {
            targets.words = words
            targets.wordsOrigin = .flags
        }
        if let minutes = options.targetMinutes {
            targets.minutes = minutes
            targets.minutesOrigin = .flags
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

    /// "word count: 1500 words", "1,500-word post", "about 1500 words" (the first such statement).
    static func statedWords(in text: String) -> Int? {
        let patterns = [
            #"(?i)word\s*count\s*(?:of|:|-|is)?\s*(?:about|around|approximately|approx\.?|~)?\s*(\d[\d,]*)"#,
            #"(?i)(?:approximately|approx\.?|about|around|~)\s*(\d[\d,]*)\s*words"#,
            #"(?i)(\d[\d,]*)[\s-]*words?\s+(?:blog\s+)?(?:post|article)"#,
        ]
        for pattern in patterns {
            if let match = firstCapture(pattern, in: text), let value = Int(match.replacingOccurrences(of: ",", with: "")),
               value >= 50 {
                return value
            }
        }
        return nil
    }

    /// "Target read time: 6 minutes", "6-minute read".
    static func statedMinutes(in text: String) -> Double? {
        let patterns = [
            #"(?i)read(?:ing)?\s*time\s*(?:of|:|-|is)?\s*(?:about|around|approximately|~)?\s*(\d+(?:\.\d+)?)\s*(?:min|minutes?)"#,
            #"(?i)(\d+(?:\.\d+)?)[\s-]*min(?:ute)?s?\s+read"#,
        ]
        for pattern in patterns {
            if let match = firstCapture(pattern, in: text), let value = Double(match), value > 0 { return value }
        }
        return nil
    }

    private static func firstCapture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }
}
