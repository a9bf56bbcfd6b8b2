import Foundation
import Synchronization
import XCTest
@testable import EvalCrew

/// The HTTP crew adapter against a local stand-in for a deployed crew's kickoff API: both status
/// shapes, the token, refusals, retries (429 with `Retry-After`, 5xx, dropped and refused
/// connections), slow and malformed answers, a crew that never finishes, and cancellation.
final class HTTPCrewAdapterTests: XCTestCase {
    /// The class's server, started by its first test and stopped when the class is done.
    private static let sharedServer = Mutex<HTTPKickoffServer?>(nil)
    private var server: HTTPKickoffServer!
    /// This test's path prefix on the shared server.
    private var prefix = ""
    private let tokenVariable = "EVALCREW_TEST_CREW_TOKEN"

    override func setUpWithError() throws {
        server = try Self.sharedServer.withLock { shared in
            if shared == nil { shared = try HTTPKickoffServer() }
            return shared!
        }
        prefix = "/" + UUID().uuidString.prefix(8).lowercased()
    }

    override class func tearDown() {
        sharedServer.withLock { shared in
            shared?.stop()
            shared = nil
        }
        super.tearDown()
    }

    // MARK: - Completion

    func testCompletesInTheStatusShapeAndKeepsTheFinalBodyAsTheOutput() async throws {
        let outcome = await adapter("ok").invoke(invocation(["topic": "Semantic Search", "audience": "support teams"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        XCTAssertNil(outcome.error)
        let output = try XCTUnwrap(outcome.output)
        XCTAssertEqual(output.kind, .file)
        XCTAssertEqual(output.files.map(\.path), ["kickoff-status.json"])
        let run = try readRun(output)
        XCTAssertEqual(run.format, .kickoffStatus)
        XCTAssertEqual(run.tasks.map(\.name), ["draft_creation_task", "final_writing_task"])
        XCTAssertEqual(run.tasks.map(\.agent), ["Strategic Content Architect", "Master Content Creator"])
        XCTAssertTrue(run.post.hasPrefix("# Vector Databases for Semantic Search"), run.post)
        XCTAssertTrue(run.post.contains("## Why it matters for support teams"), run.post)

        let received = try await requests()
        let kickoff = try XCTUnwrap(received.first)
        XCTAssertEqual(kickoff.method, "POST")
        XCTAssertEqual(kickoff.path, "\(prefix)/ok/kickoff")
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((kickoff.body ?? "").utf8)) as? [String: Any])
        XCTAssertEqual(body["inputs"] as? [String: String], ["topic": "Semantic Search", "audience": "support teams"])
        XCTAssertNil(kickoff.authorization, "no token_env, no Authorization header")
        let polls = received.filter(\.isStatus)
        XCTAssertEqual(polls.count, 2, "one `running` answer, then `completed`")
        XCTAssertTrue(polls.allSatisfy { $0.method == "GET" })
    }

    func testCompletesInTheStateShapeWithAStringResult() async throws {
        let outcome = await adapter("state").invoke(invocation(["topic": "HNSW"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let run = try readRun(try XCTUnwrap(outcome.output))
        XCTAssertEqual(run.format, .kickoffStatus)
        XCTAssertEqual(run.tasks, [])
        XCTAssertTrue(run.post.hasPrefix("# Vector Databases for HNSW"), run.post)
        let polls = try await requests().filter(\.isStatus)
        XCTAssertEqual(polls.count, 3, "PENDING, STARTED, SUCCESS")
    }

    // MARK: - The token

    func testSendsTheBearerTokenFromTheNamedVariable() async throws {
        let outcome = await adapter("auth", token: HTTPKickoffServer.token).invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let received = try await requests()
        XCTAssertFalse(received.isEmpty)
        XCTAssertTrue(received.allSatisfy { $0.authorization == "Bearer \(HTTPKickoffServer.token)" })
    }

    func testAWrongTokenFailsAtOnceNamingTheVariableButNotTheToken() async throws {
        let wrong = "wrong-token-987654"
        let outcome = await adapter("auth", token: wrong).invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("HTTP 401"), error)
        XCTAssertTrue(error.contains("Invalid or missing bearer token"), error)
        XCTAssertTrue(error.contains(tokenVariable), error)
        XCTAssertFalse(error.contains(wrong), error)
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 1, "a 401 is not retried")
    }

    func testAnUnsetTokenVariableFailsBeforeAnyRequest() async throws {
        var spec = HTTPCrewSpec(baseURL: url("auth"), tokenEnvironmentVariable: tokenVariable)
        spec.pollInterval = 0.05
        let outcome = await HTTPCrewAdapter(spec: spec, environment: [tokenVariable: "  "]).invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        XCTAssertTrue(outcome.error?.contains("\(tokenVariable) is not set") == true, outcome.error ?? "")
        XCTAssertNil(outcome.output)
        let received = try await requests()
        XCTAssertEqual(received.count, 0)
    }

    func testATokenEchoedByTheServerIsRedactedFromErrorAndOutput() async throws {
        let outcome = await adapter("echo-token", token: HTTPKickoffServer.token).invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertFalse(error.contains(HTTPKickoffServer.token), error)
        XCTAssertTrue(error.contains("rejected Bearer [token redacted]"), error)
        let kept = try XCTUnwrap(outcome.output?.files.first)
        XCTAssertEqual(kept.path, "kickoff-response.json")
        let text = String(decoding: kept.contents, as: UTF8.self)
        XCTAssertFalse(text.contains(HTTPKickoffServer.token), text)
        XCTAssertTrue(text.contains("[token redacted]"), text)
    }

    // MARK: - Refusals

    func testMissingInputsAreNamedFromThe422() async throws {
        let outcome = await adapter("inputs").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("HTTP 422"), error)
        XCTAssertTrue(error.contains("the crew needs the input(s) audience"), error)
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 1, "a 422 is not retried")
    }

    func testEveryCaseInputIsSent() async throws {
        let outcome = await adapter("inputs").invoke(invocation(["topic": "RAG", "audience": "data engineers"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let run = try readRun(try XCTUnwrap(outcome.output))
        XCTAssertTrue(run.post.contains("for data engineers"), run.post)
    }

    // MARK: - Retries

    func testA429IsRetriedAfterTheSecondsInRetryAfter() async throws {
        let outcome = await adapter("ratelimit").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 2)
        // The backoff alone would have waited 0.05 s; the server asked for 1 s.
        XCTAssertGreaterThanOrEqual(kickoffs[1].time - kickoffs[0].time, 0.95)
    }

    func testA429IsRetriedAfterAnHTTPDateInRetryAfter() async throws {
        let outcome = await adapter("ratelimit-date").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 2)
    }

    func testARetryAfterPastTheTimeoutEndsTheInvocationAsTimedOut() async throws {
        let outcome = await adapter("ratelimit-long").invoke(invocation(["topic": "RAG"], timeout: 20))

        XCTAssertEqual(outcome.status, .timedOut)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("retried in 3600 s after HTTP 429: rate_limited: Quota exhausted"), error)
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 1)
    }

    func testA5xxIsRetriedForTheKickoffAndForAStatusPoll() async throws {
        let outcome = await adapter("flaky").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let received = try await requests()
        XCTAssertEqual(received.filter(\.isKickoff).count, 2, "500 then 200")
        XCTAssertEqual(received.filter(\.isStatus).count, 2, "503 then completed")
    }

    func testAPersistent503GivesUpAfterMaxAttempts() async throws {
        var spec = spec("down")
        spec.maxAttempts = 3
        let outcome = await HTTPCrewAdapter(spec: spec, environment: [:]).invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("failed 3 time(s), last: HTTP 503: unavailable: crew is scaling up"), error)
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 3)
    }

    func testAConnectionClosedWithoutAnAnswerIsRetried() async throws {
        let outcome = await adapter("drop").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let kickoffs = try await requests().filter(\.isKickoff)
        XCTAssertEqual(kickoffs.count, 2)
    }

    func testARefusedConnectionIsRetriedThenReported() async throws {
        // Port 9 (discard) on loopback: nothing listens there on a test machine.
        var spec = HTTPCrewSpec(baseURL: "http://127.0.0.1:9/crew", connectTimeout: 2, requestTimeout: 2, pollInterval: 0.05,
                                maxPollInterval: 0.05, maxAttempts: 2)
        spec.tokenEnvironmentVariable = nil
        let outcome = await HTTPCrewAdapter(spec: spec, environment: [:]).invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.hasPrefix("POST http://127.0.0.1:9/crew/kickoff failed 2 time(s)"), error)
        XCTAssertTrue(error.lowercased().contains("connect"), error)
    }

    // MARK: - Slow, malformed and unfinished answers

    func testAStatusSlowerThanTheRequestTimeoutIsRetriedThenReported() async throws {
        var spec = spec("slow")
        spec.requestTimeout = 0.2
        spec.maxAttempts = 2
        let outcome = await HTTPCrewAdapter(spec: spec, environment: [:]).invoke(invocation(["topic": "RAG"], timeout: 30))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("/slow/status/"), error)
        XCTAssertTrue(error.contains("failed 2 time(s), last: Operation timed out"), error)
        XCTAssertTrue(error.contains("within the request timeout of 0.2 s: raise the crew's `request_timeout`"), error)
    }

    func testMalformedStatusJSONFailsWithASnippetAndKeepsTheBody() async throws {
        let outcome = await adapter("garbage").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("answered with JSON cut off at line 1"), error)
        XCTAssertTrue(error.contains(##"the body starts: `{"status": "completed", "result": {"output": "# Cut off`"##), error)
        let kept = try XCTUnwrap(outcome.output?.files.first)
        XCTAssertEqual(kept.path, "kickoff-status.json")
        XCTAssertEqual(String(decoding: kept.contents, as: UTF8.self), ##"{"status": "completed", "result": {"output": "# Cut off"##)
    }

    func testAKickoffAnswerThatIsNotJSONFails() async throws {
        let outcome = await adapter("html-kickoff").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.hasPrefix("POST \(url("html-kickoff"))/kickoff answered with malformed JSON"), error)
        XCTAssertTrue(error.contains("`<html><body><h1>Gateway says hi</h1></body></html>`"), error)
    }

    func testAStatusThatNeverCompletesTimesOutKeepingTheLastStatus() async throws {
        let outcome = await adapter("never").invoke(invocation(["topic": "RAG"], timeout: 1.2))

        XCTAssertEqual(outcome.status, .timedOut)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("did not finish within the timeout of 1.2 s"), error)
        XCTAssertTrue(error.contains("last status `running`"), error)
        let kept = try XCTUnwrap(outcome.output?.files.first)
        XCTAssertEqual(kept.path, "kickoff-status.json")
        XCTAssertTrue(String(decoding: kept.contents, as: UTF8.self).contains(#""status": "running""#))
    }

    func testAPollDueAfterTheDeadlineIsBroughtForwardToSeeALateFinish() async throws {
        // The crew finishes 0.3 s after kickoff; the first poll is due at 5 s, past the 1 s timeout.
        var spec = spec("late")
        spec.pollInterval = 5
        spec.maxPollInterval = 5
        let outcome = await HTTPCrewAdapter(spec: spec, environment: [:]).invoke(invocation(["topic": "RAG"], timeout: 1))

        XCTAssertEqual(outcome.status, .completed, outcome.error ?? "")
        let polls = try await requests().filter(\.isStatus)
        XCTAssertEqual(polls.count, 1)
    }

    func testAnErrorStatusFailsWithTheServersReason() async throws {
        let outcome = await adapter("error").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("the crew failed on the server (status `error`"), error)
        XCTAssertTrue(error.contains("Task final_writing_task failed: LLM quota exceeded"), error)
        XCTAssertEqual(outcome.output?.files.first?.path, "kickoff-status.json")
    }

    func testAFailureStateFailsWithTheExceptionText() async throws {
        let outcome = await adapter("failure").invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        let error = try XCTUnwrap(outcome.error)
        XCTAssertTrue(error.contains("(status `FAILURE`"), error)
        XCTAssertTrue(error.contains("ValueError: the writer returned an empty answer"), error)
    }

    // MARK: - Cancellation and set-up errors

    func testCancellingStopsPolling() async throws {
        let adapter = adapter("never")
        let invocation = invocation(["topic": "RAG"], timeout: 60)
        let task = Task { await adapter.invoke(invocation) }
        try await waitForRequests { $0.filter(\.isStatus).count >= 2 }
        task.cancel()
        let outcome = await task.value

        XCTAssertEqual(outcome.status, .cancelled)
        try await Task.sleep(for: .milliseconds(200))  // lets a poll already on the wire land in the log
        let pollsAtCancel = try await requests().filter(\.isStatus).count
        try await Task.sleep(for: .milliseconds(300))  // six poll intervals: a poller still running would show
        let pollsLater = try await requests().filter(\.isStatus).count
        XCTAssertEqual(pollsLater, pollsAtCancel)
    }

    func testCancellingDuringASlowRequestReturnsCancelled() async throws {
        var spec = spec("slow")
        spec.requestTimeout = 30
        let adapter = HTTPCrewAdapter(spec: spec, environment: [:])
        let invocation = invocation(["topic": "RAG"], timeout: 60)
        let task = Task { await adapter.invoke(invocation) }
        try await waitForRequests { $0.contains(where: \.isStatus) }
        task.cancel()
        let outcome = await task.value

        XCTAssertEqual(outcome.status, .cancelled)
        XCTAssertEqual(outcome.error, "cancelled while the crew ran")
    }

    func testAnAnswerLargerThanTheLimitIsAbandoned() async throws {
        var request = HTTPRequest(method: .get, url: "http://127.0.0.1:\(server.port)/_requests", headers: [], body: nil,
                                  connectTimeout: 2, timeout: 10)
        request.maxResponseBytes = 1
        let client = HTTPClient(library: try HTTPCurlLibrary.shared.get())

        let result = await client.send(request)
        guard case .failure(.responseTooLarge(limit: 1)) = result else { return XCTFail("\(result)") }
    }

    func testAURLThatIsNotHTTPFailsBeforeAnyRequest() async {
        let outcome = await HTTPCrewAdapter(spec: HTTPCrewSpec(baseURL: "ftp://127.0.0.1/crew"), environment: [:])
            .invoke(invocation(["topic": "RAG"]))

        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.error, "the crew's url `ftp://127.0.0.1/crew` is not an http:// or https:// URL; "
                       + "fix `crew: {http: {url: …}}` in the suite")
    }

    func testAMissingLibcurlIsAnErrorNamingTheDebianPackage() throws {
        guard case let .failure(error) = HTTPCurlLibrary.load(names: ["libcurl-evalcrew-missing.so.9"]) else {
            return XCTFail("a library that does not exist loaded")
        }
        XCTAssertTrue(error.description.contains("libcurl-evalcrew-missing.so.9"), error.description)
        XCTAssertTrue(error.description.contains("install the Debian package libcurl4"), error.description)
    }

    // MARK: - Helpers

    /// The run in the adapter's output, read as the runner reads it (shape detected).
    private func readRun(_ output: CrewArtifact) throws -> CrewRun {
        let file = try XCTUnwrap(output.files.first)
        return try CrewOutputReader.read(text: String(decoding: file.contents, as: UTF8.self), path: file.path)
    }

    /// The crew URL of a server scenario, under this test's prefix.
    private func url(_ scenario: String) -> String { "http://127.0.0.1:\(server.port)\(prefix)/\(scenario)" }

    private func requests() async throws -> [HTTPKickoffServer.ReceivedRequest] {
        try await server.requests(under: prefix)
    }

    private func spec(_ scenario: String) -> HTTPCrewSpec {
        HTTPCrewSpec(baseURL: url(scenario), connectTimeout: 2, requestTimeout: 10, pollInterval: 0.05,
                     maxPollInterval: 0.05, maxAttempts: 3)
    }

    /// An adapter for a scenario; with `token`, the spec names `tokenVariable` and the environment holds it.
    private func adapter(_ scenario: String, token: String? = nil) -> HTTPCrewAdapter {
        var spec = spec(scenario)
        guard let token else { return HTTPCrewAdapter(spec: spec, environment: [:]) }
        spec.tokenEnvironmentVariable = tokenVariable
        return HTTPCrewAdapter(spec: spec, environment: [tokenVariable: token])
    }

    private func invocation(_ inputs: KeyValuePairs<String, String>, timeout: Double = 30) -> CrewInvocation {
        CrewInvocation(caseID: "case-1", repeatIndex: 1, inputs: inputs.map { CrewInput(name: $0.key, value: $0.value) },
                       timeout: timeout, tracePath: "/nonexistent/case-1.trace.jsonl")
    }

    /// Polls the server's request log until `condition` holds (a stuck test fails after 10 s).
    private func waitForRequests(_ condition: ([HTTPKickoffServer.ReceivedRequest]) -> Bool) async throws {
        for _ in 0..<200 {
            if condition(try await requests()) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("the server never saw the expected requests")
    }
}
