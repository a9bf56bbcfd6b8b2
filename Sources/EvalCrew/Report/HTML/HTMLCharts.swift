import Foundation

/// The report's charts as inline SVG built in the same libxml2 tree: labels are text nodes
/// (escaped), coordinates and colours are evalcrew's own numbers and literals.
enum HTMLCharts {
    static let worse = "#b3261e", better = "#1b7a3a", warn = "#9a6700", muted = "#8a93a0", ink = "#1d2330"

    /// One row per verdict: the margin band around zero, the 95% interval and Δ, each row on its
    /// own scale (metrics have different units), coloured by the outcome.
    static func deltas(_ verdicts: [MetricVerdict], _ tree: borrowing HTMLTree, in main: HTMLNode) {
        let rows = verdicts.filter { $0.meanDifference != nil }
        guard !rows.isEmpty else { return }
        let width = 1040.0, labelWidth = 290.0, valueWidth = 290.0, rowHeight = 34.0
        let plotLeft = labelWidth, plotWidth = width - labelWidth - valueWidth
        let height = rowHeight * Double(rows.count) + 28
        tree.element("h3", in: main, text: "Δ against the baseline with 95% intervals (grey band: ± margin)")
        let svg = tree.element("svg", in: main, ["viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))",
                                                 "role": "img", "aria-label": "per-metric differences with their intervals"])
        let zero = plotLeft + plotWidth / 2
        line(tree, in: svg, x1: zero, y1: 4, x2: zero, y2: height - 20, stroke: ink, width: 1)
        text(tree, in: svg, "0", x: zero, y: height - 6, anchor: "middle", size: 11, fill: muted)
        text(tree, in: svg, "← lower", x: plotLeft, y: height - 6, anchor: "start", size: 11, fill: muted)
        text(tree, in: svg, "higher →", x: plotLeft + plotWidth, y: height - 6, anchor: "end", size: 11, fill: muted)
        for (index, verdict) in rows.enumerated() {
            let y = 8 + rowHeight * Double(index), mid = y + rowHeight / 2 - 4
            let delta = verdict.meanDifference ?? 0, margin = verdict.metric.margin
            let interval = verdict.interval ?? delta...delta
            let extent = max(abs(interval.lowerBound), abs(interval.upperBound), abs(delta), margin, 1e-9) * 1.15
            func x(_ value: Double) -> Double { zero + value / extent * plotWidth / 2 }
            let colour = self.colour(verdict.outcome)
            text(tree, in: svg, verdict.metric.name, x: labelWidth - 10, y: mid + 4, anchor: "end", size: 13, fill: ink)
            rect(tree, in: svg, x: x(-margin), y: y + 4, width: x(margin) - x(-margin), height: rowHeight - 16, fill: "#e6e9ee")
            line(tree, in: svg, x1: x(interval.lowerBound), y1: mid, x2: x(interval.upperBound), y2: mid, stroke: colour, width: 3)
            for end in [interval.lowerBound, interval.upperBound] {
                line(tree, in: svg, x1: x(end), y1: mid - 6, x2: x(end), y2: mid + 6, stroke: colour, width: 2)
            }
            tree.element("circle", in: svg, ["cx": coordinate(x(delta)), "cy": coordinate(mid), "r": "5", "fill": colour])
            text(tree, in: svg, "Δ \(ReportNumber.signed(delta))  [\(ReportNumber.interval(verdict.interval))]  \(verdict.outcome.rawValue)",
                 x: plotLeft + plotWidth + 12, y: mid + 4, anchor: "start", size: 12, fill: colour)
        }
    }

    /// Small multiples: each main metric's mean over the scored results of the suite's last runs, oldest first.
    static func trend(_ runs: [RunScores], _ tree: borrowing HTMLTree, in main: HTMLNode) {
        let metrics = ComparisonSettings.primaryMetrics
        let series = metrics.map { metric in runs.map { mean(metric, in: $0) } }
        let shown = zip(metrics, series).filter { $0.1.contains { $0 != nil } }
        guard !shown.isEmpty else { return }
        tree.element("h3", in: main, text: "Trend over the suite's last \(runs.count) runs (mean of scored results; oldest left)")
        let panelWidth = 300.0, panelHeight = 150.0, columns = 3
        let rowsCount = (shown.count + columns - 1) / columns
        let width = panelWidth * Double(columns), height = panelHeight * Double(rowsCount) + 24
        let svg = tree.element("svg", in: main, ["viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))",
                                                 "role": "img", "aria-label": "trend of the main metrics"])
        for (position, (metric, values)) in shown.enumerated() {
            let left = panelWidth * Double(position % columns) + 36, top = panelHeight * Double(position / columns) + 22
            let plotWidth = panelWidth - 60, plotHeight = panelHeight - 60
            text(tree, in: svg, metric, x: left - 30, y: top - 8, anchor: "start", size: 12, fill: ink)
            rect(tree, in: svg, x: left, y: top, width: plotWidth, height: plotHeight, fill: "#f6f7f9")
            let present = values.compactMap { $0 }
            let low = present.min() ?? 0, high = present.max() ?? 1
            let span = high - low > 1e-12 ? high - low : max(abs(high), 1) * 0.1
            let floor = high - low > 1e-12 ? low : low - span / 2
            func x(_ index: Int) -> Double { left + (runs.count > 1 ? plotWidth * Double(index) / Double(runs.count - 1) : plotWidth / 2) }
            func y(_ value: Double) -> Double { top + plotHeight - (value - floor) / span * plotHeight }
            text(tree, in: svg, ReportNumber.format(high), x: left - 4, y: top + 10, anchor: "end", size: 10, fill: muted)
            text(tree, in: svg, ReportNumber.format(low), x: left - 4, y: top + plotHeight, anchor: "end", size: 10, fill: muted)
            let points = values.enumerated().compactMap { index, value in value.map { "\(coordinate(x(index))),\(coordinate(y($0)))" } }
            tree.element("polyline", in: svg, ["points": points.joined(separator: " "), "fill": "none", "stroke": "#2f5d9b",
                                               "stroke-width": "2"])
            for (index, value) in values.enumerated() {
                guard let value else { continue }
                tree.element("circle", in: svg, ["cx": coordinate(x(index)), "cy": coordinate(y(value)), "r": "3.5",
                                                 "fill": index == runs.count - 1 ? ink : "#2f5d9b"])
            }
            for index in [0, runs.count - 1] {
                let label = runs[index].summary.label ?? String(runs[index].summary.id.prefix(6))
                text(tree, in: svg, String(label.prefix(18)), x: x(index), y: top + plotHeight + 16,
                     anchor: index == 0 ? "start" : "end", size: 10, fill: muted)
            }
        }
    }

    /// The mean of a metric over a run's scored results; nil when none has it.
    static func mean(_ metric: String, in run: RunScores) -> Double? {
        let values = run.results.filter { $0.status == .scored }.compactMap { $0.metrics[metric] }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func colour(_ outcome: MetricVerdict.Outcome) -> String {
        switch outcome {
        case .regressed: return worse
        case .improved: return better
        case .inconclusive: return warn
        case .noChange, .noVerdict: return muted
        }
    }

    private static func coordinate(_ value: Double) -> String { String(format: "%.1f", value.isFinite ? value : 0) }

    private static func line(_ tree: borrowing HTMLTree, in svg: HTMLNode, x1: Double, y1: Double, x2: Double, y2: Double,
                             stroke: String, width: Double) {
        tree.element("line", in: svg, ["x1": coordinate(x1), "y1": coordinate(y1), "x2": coordinate(x2), "y2": coordinate(y2),
                                       "stroke": stroke, "stroke-width": coordinate(width)])
    }

    private static func rect(_ tree: borrowing HTMLTree, in svg: HTMLNode, x: Double, y: Double, width: Double, height: Double,
                             fill: String) {
        tree.element("rect", in: svg, ["x": coordinate(x), "y": coordinate(y), "width": coordinate(max(width, 0)),
                                       "height": coordinate(max(height, 0)), "fill": fill])
    }

    private static func text(_ tree: borrowing HTMLTree, in svg: HTMLNode, _ content: String, x: Double, y: Double, anchor: String,
                             size: Double, fill: String) {
        tree.element("text", in: svg, text: content, ["x": coordinate(x), "y": coordinate(y), "text-anchor": anchor,
                                                      "font-size": coordinate(size), "fill": fill])
    }
}
