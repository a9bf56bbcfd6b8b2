import Foundation
import XCTest
@testable import EvalCrew

/// Developer harness for the RAGTruth development split (skipped unless `EVALCREW_RAGTRUTH=1`).
///
/// Scores every item's `response.md` against its `sources/` exactly as `evalcrew score … --sources`
/// would, and writes one JSON line per item (findings, plus each sentence's support features
/// for tuning) to `EVALCREW_RAGTRUTH_OUT` (default `/tmp/ragtruth-grounding.jsonl`).
/// `scripts/ragtruth-replay.py` replays those lines as an evalcrew binary for the benchmark's `eval.py`.
final class GroundingRAGTruthHarness: XCTestCase {
    func testScoreRAGTruthDevelopmentSplit() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["EVALCREW_RAGTRUTH"] == "1", "set EVALCREW_RAGTRUTH=1 to run")
        let root = env["EVALCREW_RAGTRUTH_DIR"] ?? "/work/shared/benchmarks/ragtruth-dev"
        let out = env["EVALCREW_RAGTRUTH_OUT"] ?? "/tmp/ragtruth-grounding.jsonl"
        let threshold = env["EVALCREW_CLAIM_THRESHOLD"].flatMap(Double.init) ?? GroundingOptions.defaultClaimThreshold
        let fm = FileManager.default
        let ids = try fm.contentsOfDirectory(atPath: root + "/items").sorted()
        var lines: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let started = Date()
        for id in ids {
            let dir = "\(root)/items/\(id)"
            let response = try String(contentsOfFile: dir + "/response.md", encoding: .utf8)
            let sourceNames = try fm.contentsOfDirectory(atPath: dir + "/sources").sorted()
            let sources = try sourceNames.map { ("items/\(id)/sources/\($0)", try String(contentsOfFile: "\(dir)/sources/\($0)", encoding: .utf8)) }
            let post = PostDocument(response)
            let basis = GroundingBasis.build(sources: sources)
            let options = GroundingOptions(claimThreshold: threshold)
            let result = GroundingScorer.score(post: post, basis: basis, options: options)
            // Sentence features for tuning.
            let index = BasisIndex(basis)
            let analysis = GroundingScorer.analyze(post: post, index: index, options: options)
            var sentences: [[String: Any]] = []
            for u in analysis.units {
                guard let a = u.assessment, let range = u.unit.postRange(0..<u.unit.bytes.count, in: post) else { continue }
                let span = a.uncoveredSpan.flatMap { u.unit.postRange($0, in: post) }
                sentences.append(["start": range.lowerBound, "end": range.upperBound, "words": a.contentWords,
                                  "basis": a.basisCoverage, "passage": a.passageCoverage, "pairs": a.pairCoverage,
                                  "negword": a.negatedWord, "bm25": a.bestScore, "chatter": u.isChatter,
                                  "role": "\(u.unit.role)", "span_start": span?.lowerBound ?? -1, "span_end": span?.upperBound ?? -1])
            }
            let findings = try JSONSerialization.jsonObject(with: encoder.encode(result.findings))
            let line: [String: Any] = ["id": id, "findings": findings, "sentences": sentences]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        print("ragtruth: \(ids.count) items in \(String(format: "%.2f", Date().timeIntervalSince(started))) s → \(out)")
    }
}
