/// Leftover agent protocol and preamble lines that must not reach a published post.
enum AgentChatter {
    /// ReAct protocol markers: the writer's scratchpad leaked into the answer.
    static let protocolPrefixes = ["Thought:", "Final Answer:", "Action:", "Action Input:", "Observation:"]
    /// Chatter an LLM puts before or after the post (an opening "Sure!" is skipped first).
    static let preamblePatterns = [
        "here is your blog post", "here's your blog post", "here is the blog post", "here's the blog post",
        "here is the final", "here's the final", "here is the complete", "here's the complete",
        "here is the publish-ready", "here's the publish-ready", "i now can give a great answer",
        "i hope this helps", "let me know if you", "as an ai language model", "here is the blog post",
        "here is the article", "here's the article", "feel free to", "i have written", "i've written",
    ]
    /// Openers that make any line chatter when followed by one of the patterns.
    static let openers = ["sure!", "sure,", "certainly!", "certainly,", "of course!", "of course,", "absolutely!"]

    /// The chatter on one line, if any: the marker and whether it is protocol (an error) or preamble.
    static func match(_ line: Substring) -> (marker: String, isProtocol: Bool)? {
        let trimmed = line.trimmingWhitespace().drop(while: { $0 == "*" || $0 == "_" || $0 == ">" || $0 == " " })
        for prefix in protocolPrefixes where trimmed.hasPrefix(prefix) { return (prefix, true) }
        var lower = Substring(trimmed.lowercased())
        for opener in openers where lower.hasPrefix(opener) {
            lower = lower.dropFirst(opener.count).trimmingWhitespace()
            if lower.isEmpty { return (opener, false) }
        }
        for pattern in preamblePatterns where lower.hasPrefix(pattern) { return (pattern, false) }
        return nil
    }
}
