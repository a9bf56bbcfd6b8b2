import EvalCrew
import Foundation

/// `evalcrew-store-bench`: how fast the run store writes case results and lists runs, and how
/// many bytes a case result takes.
///
///     evalcrew-store-bench [--results N] [--runs N] [--concurrency N] [--output-bytes N]
///     evalcrew-store-bench --populate PATH [--runs N]     (fills a store with N runs of 10 cases)
///
/// Each case result carries the crewai fixture's output (19.5 KB; `--output-bytes` cuts it shorter),
/// its trace, parsed run, and its real report cut to 10 findings.
@main
enum StoreBenchmark {
    static let casesPerRun = 10

    static func main() async {
        do {
            let options = try Options(CommandLine.arguments.dropFirst())
            var sample = try BenchmarkCase.load(findings: 10)
            if let bytes = options.outputBytes { sample.output = sample.output.prefix(bytes) }
            if let path = options.populate {
                let seconds = try await populate(path: path, runs: options.runs, sample: sample, concurrency: options.concurrency)
                print("populated \(path): \(options.runs) runs × \(casesPerRun) cases in \(format(seconds)) s")
                return
            }
            print("case result: \(sample.output.count) bytes of output, \(sample.trace.count) bytes of trace, "
                  + "\(sample.metricCount) metrics, \(sample.report.findings.count) findings; \(options.concurrency) concurrent writers")
            try await benchmarkWrites(results: options.results, sample: sample, concurrency: options.concurrency)
            try await benchmarkListing(runs: options.runs, sample: sample, concurrency: options.concurrency)
        } catch {
            FileHandle.standardError.write(Data("evalcrew-store-bench: \(error)\n".utf8))
            exit(2)
        }
    }

    /// Writes `results` case results into one run of a fresh store, reporting time and size at each quarter.
    static func benchmarkWrites(results: Int, sample: BenchmarkCase, concurrency: Int) async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("writes.db").path
        let store = try await SQLiteRunStore.open(path: path)
        let start = Date()
        let run = try await store.beginRun(newRun(suite: "bench", label: "writes", startedAt: start, planned: results))
        let marks = Set([results / 4, results / 2, results])
        print("\nwrite \(results) case results (one transaction each) into \(path)")
        print("  results    seconds   results/s   store bytes   bytes/result")
        var written = 0
        try await record(count: results, concurrency: concurrency) { index in
            try await store.recordCase(sample.result(index, startedAt: start), in: run)
        } progress: {
            written += 1
            if marks.contains(written) {
                let seconds = Date().timeIntervalSince(start)
                let bytes = storeBytes(path)
                print("  \(pad(written, 7))   \(pad(format(seconds), 7))   \(pad(Int(Double(written) / seconds), 9))   "
                      + "\(pad(bytes, 11))   \(pad(bytes / written, 12))")
            }
        }
        try await store.finishRun(run, status: .completed, endedAt: Date())
        await store.close()
        let total = Date().timeIntervalSince(start)
        let bytes = storeBytes(path)
        print("  total \(format(total)) s (target ≤ 5 s for 10,000); after close (WAL checkpointed): "
              + "\(bytes) bytes, \(bytes / results) bytes per case result")
    }

    /// Fills a store with `runs` runs of 10 cases, then times `listRuns` over it.
    static func benchmarkListing(runs: Int, sample: BenchmarkCase, concurrency: Int) async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("list.db").path
        let fill = try await populate(path: path, runs: runs, sample: sample, concurrency: concurrency)
        print("\nlist \(runs) runs × \(casesPerRun) cases (filled in \(format(fill)) s, \(storeBytes(path)) bytes)")
        let store = try await SQLiteRunStore.open(path: path)
        var times: [Double] = []
        var listed = 0
        for _ in 0..<7 {
            let start = Date()
            listed = try await store.listRuns(suite: nil).count
            times.append(Date().timeIntervalSince(start))
        }
        let first = times[0]
        let median = times.sorted()[times.count / 2]
        print("  listRuns: \(listed) runs; first call \(format(first * 1000)) ms, median of 7 \(format(median * 1000)) ms (target ≤ 100 ms)")
        await store.close()
    }

    /// Fills the store at `path` with `runs` completed runs of 10 scored cases each.
    static func populate(path: String, runs: Int, sample: BenchmarkCase, concurrency: Int) async throws -> Double {
        let store = try await SQLiteRunStore.open(path: path)
        let start = Date()
        for number in 0..<runs {
            let startedAt = Date(timeIntervalSince1970: 1_760_000_000 + Double(number) * 60)
            let run = try await store.beginRun(newRun(suite: number % 2 == 0 ? "nightly" : "smoke", label: "v\(number % 7)",
                                                      startedAt: startedAt, planned: casesPerRun))
            try await record(count: casesPerRun, concurrency: concurrency) { index in
                try await store.recordCase(sample.result(index, startedAt: startedAt), in: run)
            } progress: {}
            try await store.finishRun(run, status: .completed, endedAt: startedAt.addingTimeInterval(45))
        }
        await store.close()
        return Date().timeIntervalSince(start)
    }

    /// Runs `write(0..<count)` with at most `concurrency` in flight, like the runner's finishing cases.
    static func record(count: Int, concurrency: Int, _ write: @escaping @Sendable (Int) async throws -> Void,
                       progress: () -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(concurrency, count) {
                let index = next
                group.addTask { try await write(index) }
                next += 1
            }
            while try await group.next() != nil {
                progress()
                if next < count {
                    let index = next
                    group.addTask { try await write(index) }
                    next += 1
                }
            }
        }
    }

    static func newRun(suite: String, label: String, startedAt: Date, planned: Int) -> NewRun {
        NewRun(suiteName: suite, suitePath: "suites/\(suite).yaml", suiteHash: String(repeating: "5e", count: 32), label: label,
               metadata: ["git_revision": "4f2c9e1"], evalcrewVersion: Evaluator.version, scorerVersion: Evaluator.scorerVersion,
               startedAt: startedAt, plannedResults: planned)
    }

    /// The store file plus its WAL.
    static func storeBytes(_ path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalcrew-store-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    static func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let text = value.description
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// The benchmark's command line.
struct Options {
    var results = 10_000
    var runs = 1_000
    var concurrency = 4
    var populate: String?
    var outputBytes: Int?

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
            switch flag {
            case "--results": results = try Self.positive(value, flag)
            case "--runs": runs = try Self.positive(value, flag)
            case "--concurrency": concurrency = try Self.positive(value, flag)
            case "--populate": populate = value
            case "--output-bytes": outputBytes = try Self.positive(value, flag)
            default:
                throw UsageError(message: "unknown option \(flag); use [--results N] [--runs N] [--concurrency N] [--output-bytes N] or --populate PATH [--runs N]")
            }
        }
    }

    private static func positive(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw UsageError(message: "\(flag) takes a whole number above 0, not '\(text)'") }
        return value
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
