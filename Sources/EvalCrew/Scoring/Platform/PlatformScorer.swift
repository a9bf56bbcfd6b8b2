import Foundation

/// Checks a post against the target platform's publishing rules (dev.to by default).
public enum PlatformScorer {
    public static let name = "platform"

    public static func score(_ input: ScoringInput) -> ScorerResult {
        guard input.options.platform == .devto else {
            return ScorerResult(scorer: name, status: .skipped, detail: "platform checks off (--platform none)",
                                primaryMetric: PlatformMetrics.errors.name)
        }
        let post = input.post
        var findings: [Finding] = []
        if let wrapper = post.fenceWrapper {
            findings.append(Finding(
                kind: "fence-wrapper", severity: .error, scorer: name,
                message: "the whole post is wrapped in a ```\(wrapper.language) code fence; dev.to would show it, front matter included, as one code block — remove the first and last lines",
                location: post.location(line: wrapper.openingLine), match: post.index.line(wrapper.openingLine)))
        }
        findings += frontMatterFindings(post)
        findings += chatterFindings(post)
        findings += emptySectionFindings(post)
        if post.text.utf8.count > DevtoRules.maxBodyBytes {
            findings.append(Finding(kind: "body-too-large", severity: .error, scorer: name,
                                    message: "the post is \(post.text.utf8.count / 1024) KB; dev.to accepts at most 800 KB"))
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let tags = DevtoRules.tags(in: post.frontMatter)
        return ScorerResult(
            scorer: name, status: .scored, detail: "dev.to rules",
            primaryMetric: PlatformMetrics.errors.name,
            metrics: [MetricValue(PlatformMetrics.errors.name, Double(errors)),
                      MetricValue(PlatformMetrics.warnings.name, Double(warnings)),
                      MetricValue(PlatformMetrics.tags.name, Double(tags.count))],
            findings: findings)
    }

    private static func frontMatterFindings(_ post: PostDocument) -> [Finding] {
        guard let fm = post.frontMatter else {
            return [Finding(kind: "front-matter-missing", severity: .error, scorer: name,
                            message: "no front matter: dev.to needs a `---` block with at least `title:` at the top of the post")]
        }
        var findings: [Finding] = []
        let at = { (key: String) -> TextLocation? in fm.literal(key).map { post.location(line: $0.line) } }
        if let error = fm.yamlError {
            findings.append(Finding(kind: "front-matter-invalid", severity: .error, scorer: name,
                                    message: "the front matter is not valid YAML: \(error)",
                                    location: post.location(line: fm.openingLine)))
        }
        let title = fm.values["title"].flatMap { if case .text(let t) = $0 { return t } else { return nil } } ?? ""
        if title.trimmingWhitespace().isEmpty {
            findings.append(Finding(kind: "title-missing", severity: .error, scorer: name,
                                    message: "the front matter has no `title:`; dev.to requires one",
                                    location: post.location(line: fm.openingLine)))
        } else if title.count > DevtoRules.maxTitleLength {
            findings.append(Finding(kind: "title-too-long", severity: .error, scorer: name,
                                    message: "the title has \(title.count) characters; dev.to allows \(DevtoRules.maxTitleLength)",
                                    location: at("title"), match: title))
        }
        if let published = fm.literal("published"), !["true", "false"].contains(published.literal) {
            findings.append(Finding(kind: "published-invalid", severity: .error, scorer: name,
                                    message: "`published: \(published.literal)` — dev.to takes only the literal true or false",
                                    location: post.location(line: published.line), match: published.literal))
        }
        if (fm.literal("description")?.literal ?? "").isEmpty {
            findings.append(Finding(kind: "description-missing", severity: .warning, scorer: name,
                                    message: "no `description:`; dev.to will use the first 104 characters of the body",
                                    location: post.location(line: fm.openingLine)))
        }
        let tags = DevtoRules.tags(in: fm)
        if tags.count > DevtoRules.maxTags {
            findings.append(Finding(kind: "too-many-tags", severity: .error, scorer: name,
                                    message: "\(tags.count) tags; dev.to allows at most \(DevtoRules.maxTags) (Tag list exceed the maximum of 4 tags)",
                                    location: at("tags"), match: tags.joined(separator: ", ")))
        }
        for tag in tags where !DevtoRules.isValidTag(tag) {
            findings.append(Finding(kind: "invalid-tag", severity: .error, scorer: name,
                                    message: "tag “\(tag)” is not a valid dev.to tag: letters and digits only, at most 30 (e.g. “\(tag.lowercased().filter { $0.isLetter || $0.isNumber })”)",
                                    location: at("tags"), match: tag))
        }
        for key in ["cover_image", "canonical_url"] {
            if let field = fm.literal(key), !field.literal.isEmpty {
                let value = field.literal.trimmingCharacters(in: ["\"", "'"])
                if !(value.hasPrefix("http://") || value.hasPrefix("https://")) || value.contains(" ") {
                    findings.append(Finding(kind: "invalid-url", severity: .error, scorer: name,
                                            message: "`\(key)` must be an http(s) URL without spaces",
                                            location: post.location(line: field.line), match: value))
                }
            }
        }
        if let level = fm.literal("ai_disclosure_level") {
            if !DevtoRules.aiDisclosureLevels.contains(level.literal.trimmingCharacters(in: ["\"", "'"])) {
                findings.append(Finding(kind: "ai-disclosure-invalid", severity: .error, scorer: name,
                                        message: "`ai_disclosure_level: \(level.literal)` — use one of \(DevtoRules.aiDisclosureLevels.sorted().joined(separator: ", "))",
                                        location: post.location(line: level.line), match: level.literal))
            }
        } else {
            findings.append(Finding(kind: "ai-disclosure-missing", severity: .warning, scorer: name,
                                    message: "no `ai_disclosure_level:`; an AI-written post should declare it (e.g. `fully_autonomous`)",
                                    location: post.location(line: fm.openingLine)))
        }
        return findings
    }

    private static func chatterFindings(_ post: PostDocument) -> [Finding] {
        var findings: [Finding] = []
        let skip = post.codeLines.union(post.frontMatter.map { Set($0.openingLine...$0.closingLine) } ?? [])
        for number in 1...post.index.lineStarts.count where !skip.contains(number) {
            let line = post.index.line(number)
            guard let chatter = AgentChatter.match(line[...]) else { continue }
            // Chatter above the front matter hides it from dev.to: the post would publish without its title and tags.
            let abovePost = post.frontMatter.map { number < $0.openingLine } ?? false
            let message: String
            if chatter.isProtocol {
                message = "leftover agent protocol “\(chatter.marker)” in the post: the writer's scratchpad reached the output"
            } else if abovePost {
                message = "assistant chatter “\(line.trimmingWhitespace().prefix(60))” above the front matter: dev.to reads front matter only at the very top — remove the line"
            } else {
                message = "leftover assistant chatter “\(Self.excerpt(line.trimmingWhitespace(), limit: 60))”: not part of the post"
            }
            findings.append(Finding(kind: "agent-chatter", severity: chatter.isProtocol || abovePost ? .error : .warning,
                                    scorer: name, message: message, location: post.location(line: number),
                                    match: String(line.trimmingWhitespace())))
        }
        return findings
    }

    /// An H2 or H3 with nothing before the next heading of the same or higher level. An H1 directly
    /// followed by an H2 is a title, not an empty section.
    private static func emptySectionFindings(_ post: PostDocument) -> [Finding] {
        var findings: [Finding] = []
        let outline = post.outline
        for (i, element) in outline.enumerated() {
            guard case .heading(let level, let text) = element.kind, level == 2 || level == 3 else { continue }
            var hasContent = false
            for next in outline[(i + 1)...] {
                if case .heading(let nextLevel, _) = next.kind {
                    if nextLevel <= level { break }
                    continue
                }
                hasContent = true
                break
            }
            if !hasContent {
                findings.append(Finding(kind: "empty-section", severity: .warning, scorer: name,
                                        message: "section “\(text)” has no content before the next heading",
                                        location: post.location(line: element.startLine), match: text))
            }
        }
        return findings
    }

    /// The first `limit` characters of `text`, cut at a word boundary with an ellipsis when longer.
    static func excerpt(_ text: some StringProtocol, limit: Int) -> String {
        guard text.count > limit else { return String(text) }
        let head = text.prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut + "…"
    }
}
