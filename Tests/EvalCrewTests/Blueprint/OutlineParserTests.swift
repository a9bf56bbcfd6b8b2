import Foundation
import Testing
import EvalCrew

/// The fixtures directory, found from this file so tests run from any working directory.
private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

private func fixture(_ path: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
}

/// The 1-based line of the first line containing `marker`: tests locate items by their text,
/// never by hand-counted line numbers.
private func line(of marker: String, in text: String) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { $0.contains(marker) }.map { $0 + 1 }
}

@Suite("OutlineParser")
struct OutlineParserTests {
    // MARK: Real blueprints

    @Test("a label shrunk by a rich wrap does not swallow the section's budget")
    func shrunkLabelKeepsTheBudget() throws {
        // Rich dropped the indentation of `- Sources:` at a wrap (seen at 34 widths of the fixture).
        let text = """
        1. Compelling Section Title: "Why Your Search Bar Needs Vectors"
           - Key points:
             - Vector search is the retrieval layer of RAG
         - Sources: 01_what_is_a_vector_database.txt
           - Estimated word distribution: 200 words

        2. Compelling Section Title: "Embeddings in Plain English"
           - Key points:
             - An embedding model maps text to a vector
           - Estimated word distribution: 250 words
        """
        let outline = try #require(OutlineParser.plannedOutline(text))
        #expect(outline.sections.map(\.budgetWords) == [200, 250])
        #expect(outline.sections[0].sourceFiles == ["01_what_is_a_vector_database.txt"])
    }

    @Test("seed 000: bold numbered items inside a code fence")
    func seed000() throws {
        let text = try fixture("blueprints/seed000_blueprint.md")
        let outline = try #require(OutlineParser.parse(text))
        #expect(OutlineParser.hasOutline(text))

        #expect(outline.sections.count == 7)
        #expect(outline.sections.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(outline.sections.map(\.budgetWords) == [150, 200, 300, 250, 250, 200, 150])
        #expect(outline.totalBudgetWords == 1500)
        #expect(outline.statedTotalWords == nil)

        let first = outline.sections[0]
        #expect(first.outlineTitle == "Engaging Opening Hook and Introduction")
        #expect(first.compellingTitle == "The AI Revolution: How Hugging Face is Democratizing Large Language Models")
        #expect(first.line == line(of: "**1. Engaging Opening Hook", in: text))
        #expect(first.keyPoints.count == 3)
        #expect(first.keyPoints[0] == "The unprecedented impact of AI, with LLMs at its forefront, reshaping industries and daily lives.")
        #expect(first.evidence == ["Over 700,000 models hosted on Hugging Face,"])

        #expect(outline.sections[1].outlineTitle == "From Statistical Models to Transformer Titans: Hugging Face's Journey with LLMs")
        #expect(outline.sections[2].outlineTitle == "Unlocking Potential: The Unparalleled Advantages of Hugging Face for LLMs")
        // One of section 3's key points lost its indentation in the rich print; labels still place it.
        #expect(outline.sections[2].keyPoints.count == 4)
        #expect(outline.sections[2].keyPoints[1].hasPrefix("Community & Collaboration: Hugging Face fosters"))
        #expect(outline.sections[2].evidence.count == 3)

        let fourth = outline.sections[3]
        #expect(fourth.evidence.contains { $0.hasPrefix("Their deployment also raises important ethical") })
        #expect(fourth.keyPoints.first == "Bias Mitigation: The critical challenge of addressing inherent biases in training data that can lead to unfair or discriminatory outputs.")

        #expect(outline.sections[4].keyPoints.count == 4)
        #expect(outline.sections[4].evidence.count == 3)
        #expect(outline.sections[5].compellingTitle == "The Road Ahead: Future Trends and Expert Outlook on LLMs")
        // Indented deeper than its label, "Call to Action/Engagement:" is a key point, not a label.
        #expect(outline.sections[6].keyPoints.count == 3)
        #expect(outline.sections[6].evidence.isEmpty)

        // "Content Strategy" and "Content Elements" are blueprint parts, not sections.
        #expect(!outline.sections.contains { $0.outlineTitle.hasPrefix("Content") })
        #expect(outline.sections.allSatisfy { $0.sourceFiles.isEmpty })
        #expect(outline.suggestedTags.isEmpty)
    }

    @Test("seed 000: evidence list carries section numbers and lines")
    func seed000Evidence() throws {
        let text = try fixture("blueprints/seed000_blueprint.md")
        let outline = try #require(OutlineParser.parse(text))
        let sectionEvidence = outline.evidence.filter { $0.section != nil }
        #expect(sectionEvidence.count == 13)
        #expect(sectionEvidence.map(\.text) == outline.sections.flatMap(\.evidence))
        let ethical = try #require(outline.evidence.first { $0.text.hasPrefix("Their deployment also raises") })
        #expect(ethical.section == 4)
        #expect(ethical.line == line(of: "\"Their deployment also raises", in: text))

        // The "Content Elements" part: key statistics and expert quotes, with no section.
        let global = outline.evidence.filter { $0.section == nil }
        #expect(global.map(\.text) == [
            "Over 700,000 models hosted on Hugging Face",
            "transformer architecture revolutionized the field",
            "transforming industries, and driving innovation across various sectors.",
            "Experts widely acknowledge Hugging Face's instrumental role in democratizing AI, fostering innovation, and promoting ethical practices within the LLM landscape.",
            "The AI community, including researchers and developers worldwide, views Hugging Face as a vital platform for pushing the boundaries of what LLMs can achieve responsibly.",
        ])
        #expect(global.first?.line == line(of: "*   \"Over 700,000 models hosted on Hugging Face\"", in: text))
        #expect(outline.evidence.map(\.line) == outline.evidence.map(\.line).sorted())
    }

    @Test("crewai fixture: `N. Compelling Section Title:` lines with `- Sources:`")
    func crewaiFixture() throws {
        let text = try fixture("crewai-1.15.30/native/task_draft_creation_task.raw.md")
        let outline = try #require(OutlineParser.parse(text))
        #expect(OutlineParser.hasOutline(text))
        let titles = [
            "Why Your Search Bar Needs Vectors",
            "Embeddings in Plain English: Turning Text into Coordinates",
            "Inside the Index: HNSW vs IVF",
            "Picking the Right Vector Database for Your Stack",
            "Key Takeaways",
        ]
        #expect(outline.sections.map(\.outlineTitle) == titles)
        #expect(outline.sections.map(\.compellingTitle) == titles)
        #expect(outline.sections.map(\.number) == [1, 2, 3, 4, 5])
        #expect(outline.sections.map(\.budgetWords) == [200, 250, 350, 300, 150])
        #expect(outline.statedTotalWords == 1250)
        #expect(outline.totalBudgetWords == 1250)
        #expect(outline.sections.map(\.keyPoints.count) == [3, 3, 3, 3, 2])
        #expect(outline.sections[0].keyPoints[1] == "Similarity is measured with cosine similarity, dot product or Euclidean (L2) distance")
        #expect(outline.sections[4].keyPoints == ["Recap of the retrieval pipeline: chunk, embed, index, query",
                                                  "One concrete next step for the reader"])
        #expect(outline.sections.map(\.sourceFiles) == [
            ["01_what_is_a_vector_database.txt"], ["02_embeddings.txt"], ["03_indexing_hnsw_ivf.txt"],
            ["04_choosing_a_vector_database.txt"], [],
        ])
        #expect(outline.sections[2].line == line(of: "3. Compelling Section Title", in: text))
        #expect(outline.suggestedTags == ["vectordatabase", "ai", "rag", "database"])
        #expect(outline.evidence.isEmpty)
    }

    @Test("every fixture variant carries the same blueprint", arguments: ["native", "react", "native-shared", "native-clean"])
    func fixtureVariants(variant: String) throws {
        let reference = try #require(OutlineParser.parse(try fixture("crewai-1.15.30/native/task_draft_creation_task.raw.md")))
        let text = try fixture("crewai-1.15.30/\(variant)/task_draft_creation_task.raw.md")
        #expect(OutlineParser.parse(text) == reference)
    }

    @Test("shrunk indentation changes nothing: membership is decided by labels")
    func indentationFree() throws {
        let text = try fixture("crewai-1.15.30/native/task_draft_creation_task.raw.md")
        let reference = try #require(OutlineParser.parse(text))
        let flat = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.drop(while: { $0 == " " }) }.joined(separator: "\n")
        #expect(OutlineParser.parse(flat) == reference)
        let shrunk = text.replacingOccurrences(of: "     - ", with: "   - ")
        #expect(OutlineParser.parse(shrunk) == reference)
    }

    // MARK: Posts are not blueprints

    @Test("posts do not parse as outlines", arguments: [
        "crewai-1.15.30/native/task_final_writing_task.raw.md",
        "crewai-1.15.30/native-clean/task_final_writing_task.raw.md",
        "crewai-1.15.30/native/output_file_final_post.md",
        "seeds/001_e9839e506ff525b4.txt",
    ])
    func posts(path: String) throws {
        let text = try fixture(path)
        #expect(OutlineParser.parse(text) == nil)
        #expect(!OutlineParser.hasOutline(text))
    }

    @Test("a tutorial post with numbered headings and lists is not a blueprint")
    func numberedPost() {
        let post = """
        ---
        title: "Getting Started with Zorblax"
        tags: zorblax, streaming
        ---

        # Getting Started with Zorblax

        ## 1. Install the CLI

        Run the installer, then check the version:

        ```bash
        # 1. install
        curl -sSf https://zorblax.example/install | sh
        ```

        - **Linux:** use the tarball
        - **macOS:** use Homebrew

        ## 2. Create a Stream

        1. Pick a name
        2. Choose a partition count

        ## 3. Key Takeaways

        - Streams are ordered per partition.
        - Consumers keep offsets.
        """
        #expect(OutlineParser.parse(post) == nil)
        #expect(!OutlineParser.hasOutline(post))
    }

    // MARK: Other planners' styles

    @Test("`## N. Title (~N words)` headings with bold labels and `+` bullets")
    func headingStyle() throws {
        let text = """
        # Blueprint: Zorblax Streams for Busy Engineers

        **Target audience:** Platform engineers
        **Tone:** Friendly

        ## 1. Why Zorblax Streams Matter (~200 words)
        **Compelling Section Title:** "Streams That Never Sleep"
        **Key points:**
        * Zorblax keeps ordered logs per partition
        * Consumers resume from stored offsets
        **Supporting evidence:** "Zorblax 4.2 handles 1.2 million events per second" and "Offsets are committed every 5 seconds"
        **Estimated word distribution:** 200 words

        ## 2. Wiring Up Your First Flux Consumer (Approx. 350 words)
        - **Compelling Section Title**: Your First Flux Consumer in Ten Minutes
        - **Key points**:
            + Install the `flux-cli` package
            + Create a consumer group named `ingest`
            + Handle rebalances gracefully
        - **Estimated length**: 350 words

        ## 3. Wrapping Up (~150 words)
        - Key points:
          - Recap the ordering guarantees
        - Word count: 140-160

        **Total word count:** 700 words
        **Suggested tags:** #zorblax #streaming #devops
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(OutlineParser.hasOutline(text))
        #expect(outline.sections.map(\.outlineTitle) == ["Why Zorblax Streams Matter", "Wiring Up Your First Flux Consumer", "Wrapping Up"])
        #expect(outline.sections.map(\.compellingTitle) == ["Streams That Never Sleep", "Your First Flux Consumer in Ten Minutes", nil])
        #expect(outline.sections.map(\.budgetWords) == [200, 350, 150])
        #expect(outline.sections[1].keyPoints == ["Install the flux-cli package", "Create a consumer group named ingest", "Handle rebalances gracefully"])
        #expect(outline.sections[2].keyPoints == ["Recap the ordering guarantees"])
        #expect(outline.sections[0].evidence == ["Zorblax 4.2 handles 1.2 million events per second", "Offsets are committed every 5 seconds"])
        #expect(outline.evidence.map(\.section) == [1, 1])
        #expect(outline.evidence.first?.line == line(of: "**Supporting evidence:**", in: text))
        #expect(outline.statedTotalWords == 700)
        #expect(outline.suggestedTags == ["zorblax", "streaming", "devops"])
        #expect(outline.sections[1].line == line(of: "## 2. Wiring Up", in: text))
    }

    @Test("`### Section N: Title` headings, `Word count: 250-300` ranges, sources")
    func sectionWordStyle() throws {
        let text = """
        Content Plan: Quillmark Ledgers

        ### Section 1: The Ledger Problem
        * Compelling Section Title: "Why Spreadsheets Lie"
        * Key points to cover:
          * Manual reconciliation drifts
          * Audit trails get lost
        * Supporting evidence from RAG research: "Teams lose 11 hours a month reconciling by hand."
        * Estimated word distribution: 250 words

        ### Section 2: How Quillmark Balances Books
        * Compelling Section Title: "Double Entry, Zero Tears"
        * Key points to cover:
          * Every posting has a mirror
          * Ledgers close nightly
        * Sources: quillmark_overview.md, `ledger_faq.txt`
        * Word count: 250-300

        ### Section 3: Getting Started
        * Key points:
          * Import a CSV
        * Estimated length: 150 words
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.number) == [1, 2, 3])
        #expect(outline.sections.map(\.outlineTitle) == ["The Ledger Problem", "How Quillmark Balances Books", "Getting Started"])
        #expect(outline.sections.map(\.compellingTitle) == ["Why Spreadsheets Lie", "Double Entry, Zero Tears", nil])
        #expect(outline.sections.map(\.budgetWords) == [250, 275, 150])
        #expect(outline.totalBudgetWords == 675)
        #expect(outline.sections[1].sourceFiles == ["quillmark_overview.md", "ledger_faq.txt"])
        #expect(outline.sections[0].evidence == ["Teams lose 11 hours a month reconciling by hand."])
        #expect(outline.sections.map(\.keyPoints.count) == [2, 2, 1])
    }

    @Test("plain numbered items, flat `+` bullets, `- Word count: 250-300`, curly quotes")
    func plainNumberedStyle() throws {
        let text = """
        Here is the plan for the Plinth caching article.

        1. **Cold Starts Hurt**
        + Compelling Section Title: "The First Request Is the Slowest"
        + Key points:
        + Plinth warms caches lazily
        + **Warm pools:** keep three replicas hot
        - Word count: 250-300

        2. **Tuning Plinth TTLs** (~300 words)
        + Key points:
        + Short TTLs for session data
        + Long TTLs for catalog pages
        + Supporting evidence: “TTL misses dropped by a third after tuning”

        Tags: plinth, caching, performance
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.outlineTitle) == ["Cold Starts Hurt", "Tuning Plinth TTLs"])
        #expect(outline.sections.map(\.budgetWords) == [275, 300])
        #expect(outline.sections[0].compellingTitle == "The First Request Is the Slowest")
        #expect(outline.sections[0].keyPoints == ["Plinth warms caches lazily", "Warm pools: keep three replicas hot"])
        #expect(outline.sections[1].evidence == ["TTL misses dropped by a third after tuning"])
        #expect(outline.suggestedTags == ["plinth", "caching", "performance"])
        #expect(outline.statedTotalWords == nil)
        #expect(outline.totalBudgetWords == 575)
    }

    @Test("bold numbered items with numbered key points, after a numbered strategy list")
    func numberedKeyPointsAndPreamble() throws {
        let text = """
        **Content Strategy:**
        1. Main angle: Vexil queues are boring, and that is good
        2. Value: readers leave with a working setup

        **Detailed Outline:**

        **1. Meet Vexil (Approx. 150 words)**
        **Key points:**
        1. Vexil stores jobs in a single table
        2. Workers poll with backoff
        **Estimated word distribution:** 150 words

        **2. Retries Without Tears (Approx. 300 words)**
        **Key Points to Cover**
        1. Exponential backoff with jitter
        2. Dead-letter queues
        3. Idempotent handlers
        **Supporting Evidence:** "Vexil retried 98% of failed jobs successfully"

        **Content Elements:**
        - **Key statistics:** "Vexil processes 40k jobs per minute"
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.outlineTitle) == ["Meet Vexil", "Retries Without Tears"])
        #expect(outline.sections.map(\.budgetWords) == [150, 300])
        #expect(outline.sections[0].keyPoints == ["Vexil stores jobs in a single table", "Workers poll with backoff"])
        #expect(outline.sections[1].keyPoints.count == 3)
        #expect(outline.evidence.map(\.text) == ["Vexil retried 98% of failed jobs successfully", "Vexil processes 40k jobs per minute"])
        #expect(outline.evidence.map(\.section) == [2, nil])
    }

    @Test("unnumbered bold section titles count when they carry plan items")
    func unnumberedBoldTitles() throws {
        let text = """
        **Introduction: The Kettle Protocol (~120 words)**
        - Key points: why kettles need a protocol

        **How Kettles Negotiate (~250 words)**
        - Key points:
          - Handshake in three steps
          - Temperature is a capability

        **Notes for the writer**
        - Keep it light
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.outlineTitle) == ["Introduction: The Kettle Protocol", "How Kettles Negotiate"])
        #expect(outline.sections.map(\.number) == [nil, nil])
        #expect(outline.sections.map(\.budgetWords) == [120, 250])
        #expect(outline.sections[0].keyPoints == ["why kettles need a protocol"])
        #expect(OutlineParser.hasOutline(text))
    }

    @Test("mixed header styles, italic labels, trailing budget notes")
    func mixedStyles() throws {
        let text = """
        ## Blog Outline

        **Section 1: Introduction** (150 words)
        * Hook: a story about Gribble
        * Key points: what Gribble is; why now

        ### 2. **Gribble Internals** – 300 words
        - *Key points*
          - Arena allocator
          - Lock-free queues
        - _Sources_: gribble_arch.pdf

        ## Section 3 - Benchmarks (Word count: 250-300)
        Key talking points:
        - Throughput vs. Redis
        - Tail latency

        4. Deep Dive: Gribble Shards — ~400 words
        - Key points:
          - Shards rebalance on join

        Estimated Total Word Count: 1,200
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.number) == [1, 2, 3, 4])
        #expect(outline.sections.map(\.outlineTitle) == ["Introduction", "Gribble Internals", "Benchmarks", "Deep Dive: Gribble Shards"])
        #expect(outline.sections.map(\.budgetWords) == [150, 300, 275, 400])
        #expect(outline.sections.map(\.keyPoints) == [
            ["what Gribble is; why now"], ["Arena allocator", "Lock-free queues"],
            ["Throughput vs. Redis", "Tail latency"], ["Shards rebalance on join"],
        ])
        #expect(outline.sections[1].sourceFiles == ["gribble_arch.pdf"])
        #expect(outline.statedTotalWords == 1200)
    }

    @Test("a fenced blueprint with CRLF line endings and no closing fence")
    func fencedCRLFUnclosed() throws {
        let text = try fixture("blueprints/seed000_blueprint.md")
        let reference = try #require(OutlineParser.parse(text))
        var unclosed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        unclosed.removeLast(3)  // crewai drops a final fence when the answer holds an odd number of them
        #expect(OutlineParser.parse(unclosed) == reference)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(OutlineParser.parse(crlf) == reference)
        let markdownFence = "Here is the blueprint:\n```markdown" + text.dropFirst(3)
        #expect(OutlineParser.parse(markdownFence)?.sections.map(\.budgetWords) == reference.sections.map(\.budgetWords))
    }

    @Test("code blocks in a blueprint are not read")
    func codeBlockIgnored() throws {
        let text = """
        ## 1. Setup (~100 words)
        - Key points:
          - Install it
        ```python
        ## 2. Not a section (~999 words)
        - Key points: no
        ```
        ## 2. Usage (~200 words)
        - Key points:
          - Call it
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.budgetWords) == [100, 200])
        #expect(outline.sections.map(\.keyPoints) == [["Install it"], ["Call it"]])
    }

    @Test("totalBudgetWords falls back to the stated total when a section has no budget")
    func totalFallback() throws {
        let text = """
        1. Compelling Section Title: "Alpha"
           - Key points:
             - a
           - Estimated word distribution: 100 words
        2. Compelling Section Title: "Beta"
           - Key points:
             - b

        **Total estimated length:** 900 words
        """
        let outline = try #require(OutlineParser.parse(text))
        #expect(outline.sections.map(\.budgetWords) == [100, nil])
        #expect(outline.statedTotalWords == 900)
        #expect(outline.totalBudgetWords == 900)
    }

    @Test("an outline round-trips through JSON")
    func codable() throws {
        let outline = try #require(OutlineParser.parse(try fixture("blueprints/seed000_blueprint.md")))
        let data = try JSONEncoder().encode(outline)
        #expect(try JSONDecoder().decode(Outline.self, from: data) == outline)
    }

    // MARK: Robustness

    @Test("no outline in empty or garbage input", arguments: [
        "", " ", "\n\n\n", "\r\n", "1.", "**", "#", "```", "```markdown", "- ", "* **", "1. **Key points:**",
        "## 1.\n## 2.", "Total estimated length:", "Tags:", "\"", "“unclosed", "(((((", "[~", "1,", "e\u{301}\u{301}",
        "🚀🚀🚀\n- 🚀: \"🚀\"", "\u{0}\u{1}\u{2}", String(repeating: "*", count: 1000), "Key points: a\nKey points: b",
    ])
    func garbage(text: String) {
        #expect(OutlineParser.parse(text) == nil)
        #expect(!OutlineParser.hasOutline(text))
    }

    @Test("random bytes never crash the parser")
    func randomInput() {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array("#*-+•1234567890.:()[]~`\"“”'_ \t\n\r\u{00A0}aZé🚀\u{301}wordsKey points:Sources:Total")
        for _ in 0..<300 {
            let count = Int(rng.next() % 400)
            let text = String((0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            _ = OutlineParser.parse(text)
            _ = OutlineParser.hasOutline(text)
        }
        for _ in 0..<100 {
            let bytes = (0..<Int(rng.next() % 300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            _ = OutlineParser.parse(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test("a truncated blueprint keeps what is complete")
    func truncated() throws {
        let text = try fixture("blueprints/seed000_blueprint.md")
        let cut = String(text[..<(text.range(of: "*   **Key points to cover:**\n        *   **Bias Mitigation")!.upperBound)])
        let outline = try #require(OutlineParser.parse(cut))
        #expect(outline.sections.count == 4)
        #expect(outline.sections.map(\.budgetWords) == [150, 200, 300, 250])
        #expect(outline.sections[3].keyPoints == ["Bias Mitigation"])
        #expect(outline.sections[3].compellingTitle == "Navigating the Landscape: Challenges and Ethical Considerations of LLMs")
        // Every prefix parses without trouble, and never yields more sections than the whole.
        let characters = Array(text)
        for end in stride(from: 0, to: characters.count, by: 61) {
            let sections = OutlineParser.parse(String(characters[..<end]))?.sections.count ?? 0
            #expect(sections <= 7)
        }
    }

    @Test("2 MB inputs complete fast")
    func hugeInput() throws {
        let blueprint = try fixture("blueprints/seed000_blueprint.md")
        let size = 2 * 1024 * 1024
        let repeated = String(String(repeating: blueprint, count: size / blueprint.utf8.count + 1).prefix(size))
        let oneLine = String(repeating: "x", count: size)
        let brackets = "1. " + String(repeating: "(", count: size)
        let post = try fixture("crewai-1.15.30/native-clean/task_final_writing_task.raw.md")
        let manyPosts = String(repeating: post, count: size / post.utf8.count + 1)
        for text in [repeated, oneLine, brackets, manyPosts] {
            let clock = ContinuousClock()
            let elapsed = clock.measure { _ = OutlineParser.parse(text) }
            // Generous for an unoptimised build on a busy machine; a release build takes a fraction.
            #expect(elapsed < .seconds(20))
        }
        // The repeated blueprint restarts its numbering: one run of 7 sections is chosen.
        #expect(OutlineParser.parse(repeated)?.sections.count == 7)
    }
}

/// A small deterministic generator, so the random-input test is reproducible.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
