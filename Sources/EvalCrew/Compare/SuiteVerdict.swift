import Foundation

/// Decides a gated metric's verdict from the per-case differences (`comparing-runs.md`, "Suite verdict").
enum SuiteVerdict {
    /// Clustering by case group needs at least this many groups: below it the interval is too wide to say anything.
    static let minimumGroups = 10

    static func decide(_ metric: ComparedMetric, cases: [CaseMetricComparison], groups: [String: String], noise: NoiseBand,
                       bootstrap: Bool) -> MetricVerdict {
        let paired = cases.filter { $0.orientedDifference != nil }
        let differences = paired.map { $0.orientedDifference! }
        let n = differences.count
        let counts = (worse: paired.filter { $0.label == .worse }.count, better: paired.filter { $0.label == .better }.count)
        func noVerdict(_ reason: String) -> MetricVerdict {
            MetricVerdict(metric: metric, outcome: .noVerdict, reason: reason, cases: n, worseCases: counts.worse,
                          betterCases: counts.better, tiedCases: n - counts.worse - counts.better)
        }
        guard metric.isOrdered else {
            return noVerdict("\(metric.name) has a target evalcrew does not know, so no better or worse")
        }
        guard n >= 2 else {
            return noVerdict(n == 0 ? "no case has \(metric.name) in both runs" : "only 1 case has \(metric.name) in both runs; a verdict needs at least 2")
        }

        let mean = differences.reduce(0, +) / Double(n)
        let caseVariance = RepeatSummary.variance(differences) ?? 0
        var pairing = MetricVerdict.Pairing.cases
        var standardError = (caseVariance / Double(n)).squareRoot()
        var degrees = n - 1
        var groupCount: Int?
        let clusters = clusterSums(paired, mean: mean, groups: groups)
        let declaredGroups = Set(paired.compactMap { groups[$0.caseID] }).count
        if let clusters, declaredGroups >= minimumGroups {
            let c = Double(clusters.count)
            standardError = (c / (c - 1) * clusters.reduce(0) { $0 + $1 * $1 }).squareRoot() / Double(n)
            degrees = clusters.count - 1
            pairing = .groups
            groupCount = clusters.count
        }
        let halfWidth = StudentT.quantile975(degreesOfFreedom: degrees) * standardError
        let interval = (mean - halfWidth)...(mean + halfWidth)
        let margin = metric.margin
        let outcome: MetricVerdict.Outcome
        if interval.upperBound < -margin {
            outcome = .regressed
        } else if interval.lowerBound > margin {
            outcome = .improved
        } else if interval.lowerBound >= -margin && interval.upperBound <= margin {
            outcome = .noChange
        } else {
            outcome = .inconclusive
        }

        var verdict = MetricVerdict(
            metric: metric, outcome: outcome, cases: n, pairing: pairing, groups: groupCount, orientedMeanDifference: mean,
            standardError: standardError, degreesOfFreedom: degrees, orientedInterval: interval, worseCases: counts.worse,
            betterCases: counts.better, tiedCases: n - counts.worse - counts.better,
            wilcoxonP: WilcoxonSignedRank.pValue(differences),
            bootstrapInterval: bootstrap ? PairedBootstrap.interval(differences) : nil)
        if outcome == .inconclusive {
            // A true change is called REGRESSED (or IMPROVED) 80% of the time once it exceeds the margin
            // by (t + z₀.₈)·SE: the interval must clear the margin, not just zero.
            let t = StudentT.quantile975(degreesOfFreedom: degrees)
            verdict.detectableChange = margin + (t + zPower) * standardError
            if margin > 0 {
                if let cases = casesNeeded(caseVariance: caseVariance, margin: margin), cases > n {
                    verdict.casesNeeded = cases
                    verdict.repeatsNeeded = repeatsNeeded(paired, caseVariance: caseVariance, n: n, t: t, margin: margin, noise: noise)
                } else {
                    // The spread is already small enough: the mean difference sits near the margin itself.
                    verdict.nearMargin = true
                }
            }
        }
        return verdict
    }

    /// z(0.80): the power term of the sample-size formulas.
    static let zPower = 0.84

    /// The fewest cases m whose interval would tell a change of the margin from none with 80% power:
    /// m ≥ (t(m − 1) + 0.84)²·Var(d)/δ² (`comparing-runs.md`'s n ≈ 7.84·Var(d)/δ², with t for small m).
    /// Nil beyond a million cases.
    static func casesNeeded(caseVariance: Double, margin: Double) -> Int? {
        func enough(_ m: Int) -> Bool {
            let factor = StudentT.quantile975(degreesOfFreedom: m - 1) + zPower
            return Double(m) >= factor * factor * caseVariance / (margin * margin)
        }
        var high = 2
        while !enough(high) {
            high *= 2
            if high > 1_000_000 { return nil }
        }
        var low = high / 2
        while low + 1 < high {
            let middle = (low + high) / 2
            if enough(middle) { high = middle } else { low = middle }
        }
        return max(2, high)
    }

    /// Σ_{i∈c}(d_i − D̄) per group, when the suite declares groups; cases without one are groups of their own.
    private static func clusterSums(_ cases: [CaseMetricComparison], mean: Double, groups: [String: String]) -> [Double]? {
        guard cases.contains(where: { groups[$0.caseID] != nil }) else { return nil }
        var sums: [String: Double] = [:]
        for comparison in cases {
            let key = groups[comparison.caseID].map { "g:" + $0 } ?? "c:" + comparison.caseID
            sums[key, default: 0] += comparison.orientedDifference! - mean
        }
        return Array(sums.values)
    }

    /// Repeats per run that give 80% power at the margin with these cases; nil when the spread
    /// between cases alone is too large for any number of repeats (more cases are needed).
    ///
    /// Var(d) ≈ ω²_Δ + σ²_w·(1/k_A + 1/k_B): repeats shrink only the within-case term.
    private static func repeatsNeeded(_ cases: [CaseMetricComparison], caseVariance: Double, n: Int, t: Double, margin: Double,
                                      noise: NoiseBand) -> Int? {
        guard let within = noise.pooledVariance, within > 0 else { return nil }
        let kA = Double(cases.reduce(0) { $0 + ($1.a?.count ?? 0) }) / Double(cases.count)
        let kB = Double(cases.reduce(0) { $0 + ($1.b?.count ?? 0) }) / Double(cases.count)
        let between = max(0, caseVariance - within * (1 / kA + 1 / kB))
        let allowed = Double(n) * margin * margin / ((t + zPower) * (t + zPower)) - between
        guard allowed > 0 else { return nil }
        return max(1, Int((2 * within / allowed).rounded(.up)))
    }
}
