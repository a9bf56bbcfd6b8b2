import EvalCrew
import Foundation

/// Formats metric values for tables: ratios with two decimals, percentages with one, counts whole.
enum MetricFormatting {
    static func format(_ value: Double?, metric: String) -> String {
        guard let value else { return "–" }
        let unit = MetricCatalogue.all.first { $0.name == metric }?.unit ?? ""
        switch unit {
        case "ratio": return String(format: "%.2f", value)
        case "%", "min": return String(format: "%.1f", value)
        case "tokens": return String(Int(value.rounded()))
        default: return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
    }

    /// `1.2s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3600, (whole % 3600) / 60)
    }
}

/// Renders a `RunTable` as aligned text.
struct RunTableRenderer {
    let style: Style

    func render(_ table: RunTable) -> String {
        var header = ["case", "scored"] + table.columns.map(\.scorer)
        var rows: [[String]] = table.rows.map { row in
            var scored = "\(row.scored)/\(row.repeats)"
            if !row.problems.isEmpty {
                let counts = Dictionary(grouping: row.problems, by: \.rawValue).map { "\($0.value.count) \($0.key)" }.sorted()
                scored += " (" + counts.joined(separator: ", ") + ")"
            }
            return [row.caseID, scored] + zip(table.columns, row.means).map { MetricFormatting.format($1, metric: $0.metric) }
        }
        if table.columns.isEmpty { header = ["case", "scored"] }
        rows.insert(header, at: 0)
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.enumerated().map { index, cells in
            let line = cells.enumerated().map { column, cell in
                column < 2 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                           : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
            return index == 0 ? style.bold(line) : line
        }.joined(separator: "\n") + legend(table)
    }

    /// Which metric each column shows, and that it is a mean over repeats.
    private func legend(_ table: RunTable) -> String {
        guard !table.columns.isEmpty else { return "" }
        let names = table.columns.map(\.metric).joined(separator: ", ")
        let repeated = table.rows.contains { $0.scored > 1 }
        return "\n" + style.dim((repeated ? "mean over scored repeats of " : "") + names)
    }
}
