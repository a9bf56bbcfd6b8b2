/// The end-of-run summary: one row per case, one column per scorer's primary metric (mean over
/// the case's scored repeats).
public struct RunTable: Sendable, Equatable {
    /// A column: a scorer and its primary metric.
    public struct Column: Sendable, Equatable {
        public var scorer: String
        public var metric: String
    }

    /// A case's row.
    public struct Row: Sendable, Equatable {
        public var caseID: String
        public var repeats: Int
        public var scored: Int
        /// Per column, the mean over scored repeats; nil when no repeat has a value.
        public var means: [Double?]
        /// Statuses of the repeats that were not scored, e.g. `["timed-out", "failed"]`.
        public var problems: [CaseStatus]
    }

    public var columns: [Column]
    public var rows: [Row]

    /// Builds the table from finished invocations (any order; rows follow first appearance).
    public init(results: [CaseDigest]) {
        var columns: [Column] = []
        for result in results {
            for metric in result.primaryMetrics where !columns.contains(where: { $0.scorer == metric.scorer }) {
                columns.append(Column(scorer: metric.scorer, metric: metric.metric))
            }
        }
        var order: [String] = []
        var byCase: [String: [CaseDigest]] = [:]
        for result in results {
            if byCase[result.caseID] == nil { order.append(result.caseID) }
            byCase[result.caseID, default: []].append(result)
        }
        self.columns = columns
        rows = order.map { caseID in
            let repeats = byCase[caseID]!
            let means: [Double?] = columns.map { column in
                let values = repeats.compactMap { repeat_ in
                    repeat_.primaryMetrics.first { $0.scorer == column.scorer }?.value
                }
                return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            return Row(caseID: caseID, repeats: repeats.count, scored: repeats.filter { $0.status == .scored }.count,
                       means: means, problems: repeats.map(\.status).filter { $0 != .scored })
        }
    }
}
