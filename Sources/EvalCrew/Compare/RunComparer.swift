import Foundation

/// Compares two runs' scores following `comparing-runs.md`: descriptive per-case labels from a
/// moderated noise band, paired suite-level intervals for the verdicts, rules without statistics.
public enum RunComparer {
    /// The metric whose median picks the repeat shown in diffs, unless the settings' first metric says otherwise.
    public static let diffMetric = GroundingMetrics.primary.name

    /// Compares baseline `a` with candidate `b`.
    public static func compare(_ a: RunScores, _ b: RunScores, settings: ComparisonSettings = ComparisonSettings()) -> RunComparison {
        var issues: [ComparisonIssue] = []
        if a.summary.suiteName != b.summary.suiteName {
            issues.append(.differentSuites(a: a.summary.suiteName, b: b.summary.suiteName))
        } else if a.suiteHash != b.suiteHash {
            issues.append(.suiteChanged(aHash: a.suiteHash, bHash: b.suiteHash))
        }
        if a.scorerVersion != b.scorerVersion { issues.append(.differentScorers(a: a.scorerVersion, b: b.scorerVersion)) }
        for run in [a, b] where run.summary.status != .completed {
            issues.append(.unfinished(run: run.summary.id, status: run.summary.status))
        }

        let casesA = ScoredCases(a), casesB = ScoredCases(b)
        let onlyA = casesA.order.filter { casesB.all[$0] == nil }, onlyB = casesB.order.filter { casesA.all[$0] == nil }
        if !onlyA.isEmpty { issues.append(.onlyInA(onlyA)) }
        if !onlyB.isEmpty { issues.append(.onlyInB(onlyB)) }
        if !casesA.failed.isEmpty { issues.append(.failedInA(casesA.failed)) }
        if !casesB.failed.isEmpty { issues.append(.failedInB(casesB.failed)) }

        // Names are checked against the catalogue where users give them (`--metric`, gates).
        let metrics = settings.metrics.compactMap { name in
            ComparedMetric(named: name, marginOverrides: settings.marginOverrides, directionOverrides: settings.directionOverrides)
        }
        let blocked = issues.first { $0.blocksVerdicts }
        let shared = blocked == nil ? casesB.order.filter { casesA.scored[$0] != nil && casesB.scored[$0] != nil } : []

        var verdicts: [MetricVerdict] = [], caseMetrics: [[CaseMetricComparison]] = []
        for metric in metrics {
            if let blocked {
                verdicts.append(MetricVerdict(metric: metric, outcome: .noVerdict, reason: blocked.message, cases: 0))
                caseMetrics.append([])
                continue
            }
            let perCase = compareCases(metric, shared: shared, a: casesA, b: casesB)
            caseMetrics.append(perCase.comparisons)
            verdicts.append(SuiteVerdict.decide(metric, cases: perCase.comparisons, groups: casesB.groups, noise: perCase.noise,
                                                bootstrap: settings.bootstrap))
        }
        let adjusted = HolmAdjustment.adjust(verdicts.map(\.wilcoxonP))
        for index in verdicts.indices { verdicts[index].holmP = adjusted[index] }

        // Case-major order: every metric of a case together.
        var byCase: [CaseMetricComparison] = []
        byCase.reserveCapacity(shared.count * metrics.count)
        for position in shared.indices {
            for perMetric in caseMetrics where position < perMetric.count { byCase.append(perMetric[position]) }
        }

        return RunComparison(
            a: a.summary, b: b.summary, settings: settings, sharedCases: shared,
            repeatsA: casesA.maxRepeats, repeatsB: casesB.maxRepeats, verdicts: verdicts, caseMetrics: byCase,
            rules: RuleChecks.compare(shared: shared, a: casesA.scored, b: casesB.scored),
            findings: findingsDiffs(shared, a: casesA, b: casesB),
            issues: issues,
            representativeRepeats: Dictionary(uniqueKeysWithValues: shared.map { caseID in
                let metric = metrics.first { $0.name == diffMetric } ?? metrics.first
                return (caseID, RepresentativeRepeats(a: medianRepeat(casesA.scored[caseID]!, metric: metric),
                                                      b: medianRepeat(casesB.scored[caseID]!, metric: metric)))
            }))
    }

    /// Per shared case with findings in either run; cases are independent, so they are diffed on every core.
    private static func findingsDiffs(_ shared: [String], a: ScoredCases, b: ScoredCases) -> [FindingsDiff] {
        let diffs = ConcurrentResults<FindingsDiff>(count: shared.count)
        DispatchQueue.concurrentPerform(iterations: shared.count) { index in
            let caseID = shared[index]
            let diff = FindingsDiff(caseID: caseID, a: a.scored[caseID]!.flatMap(\.findings), b: b.scored[caseID]!.flatMap(\.findings))
            diffs[index] = diff.new.isEmpty && diff.resolved.isEmpty && diff.persisting.isEmpty ? nil : diff
        }
        return diffs.values.compactMap { $0 }
    }

    /// Per shared case: both runs' summaries, d_i, the noise band and the label.
    private static func compareCases(_ metric: ComparedMetric, shared: [String], a: ScoredCases,
                                     b: ScoredCases) -> (comparisons: [CaseMetricComparison], noise: NoiseBand) {
        func summary(_ results: [ScoredResult]) -> RepeatSummary? {
            var values: [Double] = [], oriented: [Double] = []
            for result in results {
                guard let value = result.metrics[metric.name] else { continue }
                if metric.isOrdered {
                    guard let orientedValue = metric.oriented(in: result.metrics) else { continue }
                    oriented.append(orientedValue)
                } else {
                    oriented.append(value)
                }
                values.append(value)
            }
            return values.isEmpty ? nil : RepeatSummary(values: values, oriented: oriented)
        }
        let pairs = shared.map { (summary(a.scored[$0]!), summary(b.scored[$0]!)) }
        // σ̂²_w pools every scored case of both runs, shared or not: more degrees of freedom for the band.
        let sharedSet = Set(shared)
        let unshared = a.order.filter { !sharedSet.contains($0) }.compactMap { a.scored[$0].flatMap(summary) }
            + b.order.filter { !sharedSet.contains($0) }.compactMap { b.scored[$0].flatMap(summary) }
        let noise = NoiseBand(pooling: pairs.flatMap { [$0.0, $0.1].compactMap { $0 } } + unshared)
        let comparisons = zip(shared, pairs).map { caseID, pair -> CaseMetricComparison in
            guard let summaryA = pair.0, let summaryB = pair.1 else {
                return CaseMetricComparison(caseID: caseID, metric: metric.name, a: pair.0, b: pair.1, orientedDifference: nil,
                                            band: metric.margin, marginOnly: true, label: .notComparable)
            }
            let difference = summaryB.orientedMean - summaryA.orientedMean
            let standardError = noise.standardError(summaryA, summaryB)
            let band = max(metric.margin, 2 * (standardError ?? 0))
            let label: CaseMetricComparison.Label
            if !metric.isOrdered {
                label = abs(difference) > band ? .changed : .withinNoise
            } else {
                label = difference < -band ? .worse : difference > band ? .better : .withinNoise
            }
            return CaseMetricComparison(caseID: caseID, metric: metric.name, a: summaryA, b: summaryB,
                                        orientedDifference: difference, band: band, marginOnly: standardError == nil, label: label)
        }
        return (comparisons, noise)
    }

    /// The repeat whose value is closest to the median of the case's repeats (the lower one on a tie).
    ///
    /// Shared with golden approval, which keeps the same representative repeat a diff would show.
    static func medianRepeat(_ results: [ScoredResult], metric: ComparedMetric?) -> Int {
        let valued = results.compactMap { result in metric.flatMap { result.metrics[$0.name] }.map { (result.repeatIndex, $0) } }
        guard !valued.isEmpty else { return results.first?.repeatIndex ?? 1 }
        let sorted = valued.map(\.1).sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return valued.min { abs($0.1 - median) < abs($1.1 - median) || (abs($0.1 - median) == abs($1.1 - median) && $0.0 < $1.0) }!.0
    }
}

/// A run's case results grouped by case: the scored ones, every one, the failures.
struct ScoredCases {
    /// Case ids in first-stored order.
    var order: [String] = []
    var all: [String: [ScoredResult]] = [:]
    /// Only cases with at least one scored repeat.
    var scored: [String: [ScoredResult]] = [:]
    /// `case#repeat (status)` of every result not scored.
    var failed: [String] = []
    var groups: [String: String] = [:]
    var maxRepeats = 0

    init(_ run: RunScores) {
        for result in run.results {
            if all[result.caseID] == nil { order.append(result.caseID) }
            all[result.caseID, default: []].append(result)
            if let group = result.group { groups[result.caseID] = group }
            if result.status == .scored {
                scored[result.caseID, default: []].append(result)
            } else {
                failed.append("\(result.caseID)#\(result.repeatIndex) (\(result.status.rawValue))")
            }
        }
        maxRepeats = all.values.map(\.count).max() ?? 0
    }
}
