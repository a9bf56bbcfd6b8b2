/// The platform scorer's metrics.
public enum PlatformMetrics {
    public static let errors = MetricDefinition(
        "platform.errors", unit: "findings", direction: .lowerIsBetter, margin: 1,
        summary: "Rule violations that stop or break publishing (front matter, tags, fence wrapper, chatter).")
    public static let warnings = MetricDefinition(
        "platform.warnings", unit: "findings", direction: .lowerIsBetter, margin: 1,
        summary: "Issues worth fixing that do not stop publishing (no description, empty sections, no AI disclosure).")
    public static let tags = MetricDefinition(
        "platform.tags", unit: "tags", direction: .closestToTarget, margin: 1,
        summary: "Tags in the front matter (dev.to allows 4).")

    public static let all = [errors, warnings, tags]
}
