import Foundation
import XCTest
@testable import EvalCrew

/// Speed of the grounding scorer alone (skipped unless `EVALCREW_BENCH=1`; meaningful in release).
///
/// Inputs from `python3 /work/shared/bench/make_corpus.py /tmp/evalcrew-bench` (override with
/// `EVALCREW_BENCH_DIR`): the 2,550-word post and its blueprint against 1, 10 and 50 MB of sources.
final class GroundingSpeedBenchmark: XCTestCase {
    func testScoreSpeed() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["EVALCREW_BENCH"] == "1", "set EVALCREW_BENCH=1 to run")
        let dir = env["EVALCREW_BENCH_DIR"] ?? "/tmp/evalcrew-bench"
        let post = PostDocument(try String(contentsOfFile: dir + "/post.md", encoding: .utf8))
        let blueprint = try String(contentsOfFile: dir + "/blueprint.md", encoding: .utf8)
        let sizes = (env["EVALCREW_BENCH_SIZES"] ?? "1,10,50").split(separator: ",").compactMap { Int($0) }
        let rounds = Int(env["EVALCREW_BENCH_ROUNDS"] ?? "3") ?? 3
        for size in sizes {
            let path = "\(dir)/corpus\(size).txt"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let basis = GroundingBasis.build(sources: [(path, text)])
            var best = (index: Double.infinity, analyze: Double.infinity, total: Double.infinity)
            for _ in 0..<rounds {
                let t0 = Date()
                let index = BasisIndex(basis)
                let t1 = Date()
                let analysis = GroundingScorer.analyze(post: post, index: index, options: GroundingOptions(blueprint: blueprint))
                let t2 = Date()
                _ = GroundingScorer.result(post: post, basis: basis, index: index, analysis: analysis)
                let t3 = Date()
                best = (min(best.index, t1.timeIntervalSince(t0)), min(best.analyze, t2.timeIntervalSince(t1)),
                        min(best.total, t3.timeIntervalSince(t0)))
            }
            print(String(format: "grounding speed: %2d MB  index %7.1f ms  analyze %6.1f ms  total %7.1f ms",
                         size, best.index * 1000, best.analyze * 1000, best.total * 1000))
        }
    }
}
