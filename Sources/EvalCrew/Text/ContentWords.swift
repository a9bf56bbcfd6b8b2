/// The content words of a text: lower-cased prose words without stop words, lightly stemmed.
///
/// Used to match titles, key points and evidence against a post, where exact wording differs.
public enum ContentWords {
    /// The content words of `text`, in order.
    ///
    /// One pass over the code points with the word rule of `ProseWords`, on lower-cased ASCII bytes:
    /// this runs over whole posts and every planned key point, so it avoids a String per character.
    public static func of(_ text: String) -> [String] {
        var result: [String] = []
        var word: [UInt8] = []
        var pendingJoiner: UInt8?
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count > 1 || (word.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) else { return }
            let lowered = String(decoding: word, as: UTF8.self)
            guard !stopWords.contains(lowered) else { return }
            result.append(stem(word))
        }
        for scalar in text.unicodeScalars {
            if ProseWords.isWordScalar(scalar) {
                if let joiner = pendingJoiner {
                    word.append(joiner)
                    pendingJoiner = nil
                }
                let v = UInt8(scalar.value)
                word.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            } else if ProseWords.isJoiner(scalar), !word.isEmpty, pendingJoiner == nil {
                pendingJoiner = scalar == "-" ? UInt8(ascii: "-") : UInt8(ascii: "'")
            } else {
                pendingJoiner = nil
                flush()
            }
        }
        flush()
        return result
    }

    /// Strips the plural, possessive and common inflection endings (of a lower-cased word), so
    /// `models` and `Model's` meet.
    private static func stem(_ word: [UInt8]) -> String {
        var w = word[...]
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard w.count >= n else { return false }
            return suffix.withUTF8Buffer { zip(w.suffix(n), $0).allSatisfy { $0 == $1 } }
        }
        if ends("'s") { w = w.dropLast(2) }
        if w.count > 4, ends("ies") { return String(decoding: w.dropLast(3), as: UTF8.self) + "y" }
        if w.count > 5, ends("ing") { w = w.dropLast(3) }
        else if w.count > 4, ends("ed") { w = w.dropLast(2) }
        else if w.count > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") { w = w.dropLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// The share of `part`'s distinct words that occur in `whole` (0 when `part` is empty).
    public static func coverage(of part: [String], in whole: Set<String>) -> Double {
        let distinct = Set(part)
        guard !distinct.isEmpty else { return 0 }
        return Double(distinct.filter(whole.contains).count) / Double(distinct.count)
    }

    /// Words too common to say anything about a topic.
    public static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "into", "onto", "about", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's",
        "this", "that", "these", "those", "their", "they", "them", "there", "here", "we", "you", "your", "our",
        "i", "he", "she", "his", "her", "not", "no", "so", "if", "then", "than", "too", "very", "can", "will",
        "would", "should", "could", "may", "might", "must", "do", "does", "did", "have", "has", "had", "what",
        "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any", "each", "every", "some",
        "such", "more", "most", "other", "also", "just", "only", "own", "same", "both", "via", "vs", "versus",
        "up", "out", "over", "under", "again", "further", "once", "while", "because", "until", "between",
        "through", "during", "before", "after", "above", "below", "off", "s", "t", "one", "many", "much",
    ]
}
