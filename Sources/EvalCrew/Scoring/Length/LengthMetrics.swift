/// The length scorer's metrics.
public enum LengthMetrics {
    public static let words = MetricDefinition(
        "length.words", unit: "words", direction: .closestToTarget, margin: 75,
        summary: "Prose words by the project's word rule (headings included; code, front matter, URLs, tags excluded).")
    public static let targetWords = MetricDefinition(
        "length.target_words", unit: "words", direction: .closestToTarget, margin: 0,
        summary: "The word target the post was measured against (flags, task description or blueprint budget).")
    public static let deviationPct = MetricDefinition(
        "length.deviation_pct", unit: "%", direction: .lowerIsBetter, margin: 5,
        summary: "|words − target| / target × 100.")
    public static let deltaPct = MetricDefinition(
        "length.delta_pct", unit: "%", direction: .closestToTarget, margin: 5,
        summary: "(words − target) / target × 100: positive when the post is too long.")
    public static let readMinutes = MetricDefinition(
        "length.read_minutes", unit: "min", direction: .closestToTarget, margin: 0.5,
        summary: "Prose words / the configured reading rate (default 250 wpm, the crew's own plan).")
    public static let devtoMinutes = MetricDefinition(
        "length.devto_minutes", unit: "min", direction: .closestToTarget, margin: 1,
        summary: "The reading time dev.to displays: ceil(Forem's word count / 275).")
    public static let sections = MetricDefinition(
        "length.sections", unit: "sections", direction: .closestToTarget, margin: 1,
        summary: "Sections (H1/H2 with their body) in the post.")

    public static let all = [words, targetWords, deviationPct, deltaPct, readMinutes, devtoMinutes, sections]
}
