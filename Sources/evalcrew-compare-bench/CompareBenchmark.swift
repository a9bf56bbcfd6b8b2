import EvalCrew
import Foundation

/// `evalcrew-compare-bench EVALCREW`: how long `evalcrew compare` takes on two big runs.
///
/// Fills a temporary store with two runs of 1,000 cases × 3 repeats (`--cases`, `--repeats`), each
/// result with the crewai fixture's real report (its ~26 metrics, jittered per case and repeat so
/// that cases move, and 10 findings) and a post that differs between the runs, then times the
/// whole `evalcrew compare A B` process (text to /dev/null, and JSON) over several runs.
/// `EVALCREW_BENCH_KEEP=1` keeps the store (its path is printed) for profiling.
@main
enum CompareBenchmark {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
            arguments.removeSubrange(index...(index + 1))
            return value
        }
        let cases = option("--cases", 1_000), repeats = option("--repeats", 3), rounds = option("--rounds", 7)
        guard let binary = arguments.first else {
            FileHandle.standardError.write(Data("usage: evalcrew-compare-bench EVALCREW [--cases N] [--repeats N] [--rounds N]\n".utf8))
            exit(2)
        }
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-compare-bench-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if ProcessInfo.processInfo.environment["EVALCREW_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: folder) } }
            let store = folder.appendingPathComponent("compare.db").path
            if ProcessInfo.processInfo.environment["EVALCREW_BENCH_KEEP"] != nil { print("store kept: \(store)") }
            let fill = Date()
            let sample = try Sample.load()
            let (a, b) = try await Sample.fill(store: store, sample: sample, cases: cases, repeats: repeats)
            print("compare two runs of \(cases) cases × \(repeats) repeats × \(sample.metricCount) metrics, "
                  + "\(sample.report.findings.count) findings per result, posts differing "
                  + "(store filled in \(String(format: "%.1f", Date().timeIntervalSince(fill))) s)")
            for format in ["text", "json"] {
                var times: [Double] = []
                for _ in 0..<rounds {
                    times.append(try timeProcess(binary, ["compare", a, b, "--format", format, "--store", store]))
                }
                times.sort()
                print("  evalcrew compare --format \(format): median \(ms(times[times.count / 2])) ms, best \(ms(times[0])) ms "
                      + "over \(rounds) runs (whole process)" + (format == "text" ? " — target ≤ 300 ms" : ""))
            }
        } catch {
            FileHandle.standardError.write(Data("evalcrew-compare-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.0f", seconds * 1000) }

    /// Runs `binary arguments` with output to /dev/null; its wall time in seconds (exit 0 or 3 accepted).
    static func timeProcess(_ binary: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "evalcrew-compare-bench", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(binary) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)"])
        }
        return seconds
    }
}
