import Foundation
@testable import EvalCrew

/// Inputs for the grounding tests, built from the fixtures without the parsers.
enum GroundingFixtures {
    /// The four source documents of the crewai fixtures, as (path, text).
    static func sources() throws -> [(path: String, text: String)] {
        let dir = Fixtures.path("crewai-1.15.30/sources")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { ("sources/" + $0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)) }
    }

    /// The run's retrievals: `tool` messages of every task in the JSON dump.
    static func retrievals(_ variant: String) throws -> [Retrieval] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crewai-1.15.30/\(variant)/crew_output.model_dump_json.json")))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var out: [Retrieval] = []
        for task in root["tasks_output"] as? [[String: Any]] ?? [] {
            for message in task["messages"] as? [[String: Any]] ?? [] where message["role"] as? String == "tool" {
                out.append(Retrieval(tool: message["name"] as? String ?? "tool", text: message["content"] as? String ?? "",
                                     origin: .toolMessage))
            }
        }
        return out
    }

    /// The run's tasks (descriptions and expected outputs).
    static func tasks(_ variant: String) throws -> [CrewTask] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("crewai-1.15.30/\(variant)/crew_output.model_dump_json.json")))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (root["tasks_output"] as? [[String: Any]] ?? []).map {
            CrewTask(name: $0["name"] as? String ?? "", agent: $0["agent"] as? String ?? "",
                     description: $0["description"] as? String ?? "", expectedOutput: $0["expected_output"] as? String ?? "",
                     raw: $0["raw"] as? String ?? "")
        }
    }

    /// The quoted evidence of a blueprint: strings in double quotes on its "Supporting evidence" lines
    /// (a stand-in for `Outline.evidence` until the blueprint parser is wired in).
    static func quotedEvidence(_ blueprint: String) -> [String] {
        var out: [String] = []
        for line in blueprint.split(separator: "\n") where line.lowercased().contains("evidence") {
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            var k = 1
            while k < parts.count - 1 { out.append(String(parts[k])); k += 2 }
        }
        return out
    }

    /// The findings of a kind, by match.
    static func matches(_ result: ScorerResult, _ kind: String) -> [String] {
        result.findings.filter { $0.kind == kind }.compactMap(\.match)
    }
}
