import ArgumentParser
import EvalCrew
import Foundation

extension EvalCrewCommand {
    /// `evalcrew metrics`: the metric catalogue.
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "List every metric: name, unit, direction, default margin; primary metrics are marked.")

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let primaries = Set(MetricCatalogue.primary.values)
            switch format {
            case .json:
                struct Entry: Encodable {
                    let name, unit, direction, summary: String
                    let margin: Double
                    let primary: Bool
                }
                let entries = MetricCatalogue.all.map {
                    Entry(name: $0.name, unit: $0.unit, direction: $0.direction.rawValue, summary: $0.summary,
                          margin: $0.margin, primary: primaries.contains($0.name))
                }
                FileHandleOutput.standardOutput(try ReportJSON.encode(["metrics": entries]))
            case .text:
                let width = MetricCatalogue.all.map(\.name.count).max() ?? 0
                var lines: [String] = []
                for metric in MetricCatalogue.all {
                    let mark = primaries.contains(metric.name) ? "*" : " "
                    let margin = metric.margin == metric.margin.rounded() ? String(Int(metric.margin)) : String(metric.margin)
                    lines.append("\(mark) \(metric.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(metric.unit.padding(toLength: 8, withPad: " ", startingAt: 0)) \(metric.direction.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) ±\(margin.padding(toLength: 5, withPad: " ", startingAt: 0)) \(metric.summary)")
                }
                lines.append("")
                lines.append("* primary metric of its scorer · direction: higher/lower is better, or closest to the target")
                FileHandleOutput.standardOutput(lines.joined(separator: "\n"))
            }
        }
    }

    /// `evalcrew version`: evalcrew's version and the C libraries it is linked against.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "version", abstract: "Show evalcrew's version and its linked C libraries.")

        func run() throws {
            var lines = ["evalcrew \(Evaluator.version) (scorers v\(Evaluator.scorerVersion), report schema v\(ScoreReport.schemaVersion))"]
            for library in LinkedLibraries.versions { lines.append("  \(library.name) \(library.version)") }
            FileHandleOutput.standardOutput(lines.joined(separator: "\n"))
        }
    }
}
