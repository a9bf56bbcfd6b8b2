import Foundation

/// The run as JUnit XML for CI: one testcase per case and one per gate, failures carrying the reasons.
///
/// A case fails as `CaseOutcome` decides: a repeat not scored, an error-severity finding in any
/// scored repeat, or (when comparing) labelled worse than the baseline on a verdict metric.
public enum JUnitReport {
    /// The XML document as UTF-8 bytes.
    public static func render(_ input: RunReportInput) -> Data {
        let suite = input.run.summary.suiteName
        let outcomes = CaseOutcome.all(input)
        let gates = input.gates?.results ?? []
        let caseFailures = outcomes.filter(\.failed).count, gateFailures = gates.filter { !$0.passed }.count
        var xml = XMLText()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<testsuites name=\"evalcrew\" tests=\"\(outcomes.count + gates.count)\" failures=\"\(caseFailures + gateFailures)\">\n")
        xml.raw("  <testsuite name=\"")
        xml.escaped("evalcrew cases: \(suite)")
        xml.raw("\" tests=\"\(outcomes.count)\" failures=\"\(caseFailures)\" errors=\"0\" skipped=\"0\" timestamp=\"")
        xml.escaped(HTMLSummary.timestamp(input.run.summary.startedAt))
        xml.raw("\">\n")
        properties(input, into: &xml)
        for outcome in outcomes {
            testcase(className: "evalcrew.\(suite).cases", name: outcome.caseID,
                     failure: outcome.failed ? (outcome.reasons.first ?? "failed", outcome.reasons.joined(separator: "\n")) : nil,
                     into: &xml)
        }
        xml.raw("  </testsuite>\n")
        if !gates.isEmpty {
            xml.raw("  <testsuite name=\"")
            xml.escaped("evalcrew gates: \(suite)")
            xml.raw("\" tests=\"\(gates.count)\" failures=\"\(gateFailures)\" errors=\"0\" skipped=\"0\">\n")
            for gate in gates {
                var details = gate.message
                if !gate.failingCases.isEmpty { details += "\nfailing cases: " + gate.failingCases.joined(separator: ", ") }
                testcase(className: "evalcrew.\(suite).gates", name: gate.gate + (gate.line.map { " (line \($0))" } ?? ""),
                         failure: gate.passed ? nil : (gate.message, details), into: &xml)
            }
            xml.raw("  </testsuite>\n")
        }
        xml.raw("</testsuites>\n")
        return Data(xml.text.utf8)
    }

    private static func properties(_ input: RunReportInput, into xml: inout XMLText) {
        var pairs = [("run", input.run.summary.id), ("scorer_version", input.run.summary.scorerVersion)]
        if let label = input.run.summary.label { pairs.append(("label", label)) }
        if let baseline = input.comparison?.a { pairs.append(("baseline", baseline.id)) }
        for verdict in input.comparison?.verdicts ?? [] { pairs.append(("verdict." + verdict.metric.name, verdict.summaryLine)) }
        xml.raw("    <properties>\n")
        for (name, value) in pairs {
            xml.raw("      <property name=\"")
            xml.escaped(name)
            xml.raw("\" value=\"")
            xml.escaped(value)
            xml.raw("\"/>\n")
        }
        xml.raw("    </properties>\n")
    }

    private static func testcase(className: String, name: String, failure: (message: String, details: String)?,
                                 into xml: inout XMLText) {
        xml.raw("    <testcase classname=\"")
        xml.escaped(className)
        xml.raw("\" name=\"")
        xml.escaped(name)
        guard let failure else {
            xml.raw("\"/>\n")
            return
        }
        xml.raw("\">\n      <failure message=\"")
        xml.escaped(failure.message)
        xml.raw("\" type=\"evalcrew\">")
        xml.escaped(failure.details)
        xml.raw("</failure>\n    </testcase>\n")
    }
}

/// XML text built by appending: markup of evalcrew's own, and escaped strings with every
/// character XML 1.0 forbids dropped (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF).
struct XMLText {
    private(set) var text = ""

    mutating func raw(_ markup: String) { text += markup }

    /// Escapes `&`, `<`, `>`, `"` and `'` (safe in text and attribute values); tabs and line breaks
    /// become character references so attribute values keep them.
    mutating func escaped(_ value: String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "'": text += "&apos;"
            case "\n": text += "&#10;"
            case "\r": text += "&#13;"
            case "\t": text += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                text.unicodeScalars.append(scalar)
            }
        }
    }
}
