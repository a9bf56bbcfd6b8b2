import Foundation

/// The JSON form of reports: snake_case keys, sorted, stable across runs.
public enum ReportJSON {
    /// A configured encoder: what `--format json` prints.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// A score report as `encode(_:)` prints it, written directly (`PrettyJSON`): every
    /// `evalcrew score` prints one, and `JSONEncoder` would cost as much as the scoring.
    public static func encode(_ report: ScoreReport) throws -> String {
        var json = PrettyJSON()
        report.write(to: &json)
        if let text = json.text { return text }
        // A NaN or infinite metric: JSONEncoder refuses it with its own error, as it always has.
        return String(decoding: try encoder().encode(report), as: UTF8.self)
    }
}
