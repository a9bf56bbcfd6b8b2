/// The reading time dev.to displays, by Forem's own algorithm.
///
/// Forem (`app/models/article.rb`, `calculate_reading_time`) counts `body.split(/\W+/)` on the raw
/// markdown after the front matter and divides by 275, rounding up. `\W` is ASCII there: `café`
/// splits into `caf`, code and URLs count (`https://example.com/x` is 3 words), and a body that
/// starts with a non-word character yields one extra empty field (Ruby keeps a leading empty field
/// and drops trailing ones).
public enum DevtoReadingTime {
    /// Forem's words per minute.
    public static let wordsPerMinute = 275.0

    /// The words Forem counts in `body`.
    public static func words(in body: String) -> Int {
        var count = 0
        var inWord = false
        var sawAnything = false
        for byte in body.utf8 {
            let isWord = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) ||
                (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            if isWord && !inWord { count += 1 }
            if !isWord && !sawAnything { count += 1 }  // leading delimiter: Ruby keeps an empty first field
            inWord = isWord
            sawAnything = true
        }
        return count
    }

    /// The minutes dev.to shows for a post: its body is what follows front matter that Forem can see
    /// (front matter inside a fence wrapper is body to Forem).
    public static func minutes(post: PostDocument) -> Int {
        var body = post.text
        if post.fenceWrapper == nil, let fm = post.frontMatter {
            let start = fm.closingLine < post.index.lineStarts.count ? post.index.lineStarts[fm.closingLine] : post.index.scalars.count
            body = post.index.substring(start..<post.index.scalars.count)
        }
        let words = Double(words(in: body))
        return Int((words / wordsPerMinute).rounded(.up))
    }
}
