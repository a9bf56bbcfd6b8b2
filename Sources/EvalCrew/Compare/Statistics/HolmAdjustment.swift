/// Holm's step-down adjustment of p-values tested together (several gated metrics).
public enum HolmAdjustment {
    /// The adjusted p-values, in the order given; nil stays nil and does not count as a test.
    public static func adjust(_ pValues: [Double?]) -> [Double?] {
        let tested = pValues.indices.filter { pValues[$0] != nil }.sorted { pValues[$0]! < pValues[$1]! }
        var adjusted = pValues
        var running = 0.0
        for (rank, index) in tested.enumerated() {
            running = max(running, min(1, Double(tested.count - rank) * pValues[index]!))
            adjusted[index] = running
        }
        return adjusted
    }
}
