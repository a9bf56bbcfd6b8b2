/// The content words of a text: lower-cased prose words without stop words, lightly stemmed.
///
/// Used to match titles, key points and evidence against a post, where exact wording differs.
public enum ContentWords {
    /// The content words of `text`, in order.
    public static func of(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return ProseWords.ranges(in: scalars).compactMap { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            let word = String(view).lowercased()
            guard word.count > 1 || word.first?.isNumber == true, !stopWords.contains(word) else { return nil }
            return stem(word)
        }
    }

    /// Strips the plural, possessive and common inflection endings, so `models` and `Model's` meet.
    public static func stem(_ word: String) -> String {
        var w = word
        for suffix in ["'s", "’s"] where w.hasSuffix(suffix) { w.removeLast(2) }
        if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 5, w.hasSuffix("ing") { return String(w.dropLast(3)) }
        if w.count > 4, w.hasSuffix("ed") { return String(w.dropLast(2)) }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
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
