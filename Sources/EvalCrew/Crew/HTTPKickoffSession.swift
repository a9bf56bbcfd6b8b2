import Foundation

/// One invocation's conversation with the kickoff API: the kickoff, the status polls, and the
/// retries of each request, all within the invocation's deadline.
struct HTTPKickoffSession {
    let spec: HTTPCrewSpec
    let client: HTTPClient
    let deadline: ContinuousClock.Instant
    /// The invocation's timeout in seconds, for messages.
    let timeout: Double
    /// Headers every request carries (the token among them).
    private let headers: [String]
    private let baseURL: String
    /// `spec`'s poll intervals, made usable whatever the spec says (the suite loader already
    /// rejects non-positive values; a zero or NaN here would hammer the server).
    private let pollInterval: Double
    private let maxPollInterval: Double

    /// The kickoff id, once the crew was started.
    private(set) var kickoffID: String?
    /// The last state a status poll reported.
    private(set) var lastState: String?
    /// The last body worth keeping when the invocation fails: a status, or a refusal.
    private(set) var lastBody: CrewArtifact?
    /// True once a poll was brought forward to just before the deadline.
    private var tookLastLook = false

    init(spec: HTTPCrewSpec, token: String?, client: HTTPClient, deadline: ContinuousClock.Instant, timeout: Double) {
        self.spec = spec
        self.client = client
        self.deadline = deadline
        self.timeout = timeout
        var headers = ["Accept: application/json"]
        if let token { headers.append("Authorization: Bearer \(token)") }
        self.headers = headers
        var base = spec.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        pollInterval = spec.pollInterval.isFinite && spec.pollInterval > 0 ? spec.pollInterval : 1
        maxPollInterval = max(pollInterval, spec.maxPollInterval.isFinite ? spec.maxPollInterval : pollInterval)
    }

    /// Starts the crew and waits for it; returns the final status body as received.
    mutating func run(inputs: [CrewInput]) async throws(HTTPCrewError) -> Data {
        let id = try await kickoff(inputs)
        kickoffID = id
        return try await poll(id)
    }

    // MARK: - Kickoff and polling

    private mutating func kickoff(_ inputs: [CrewInput]) async throws(HTTPCrewError) -> String {
        var values: [String: String] = [:]
        for input in inputs { values[input.name] = input.value }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        do { body = try encoder.encode(["inputs": values]) } catch {
            throw .transferFailed(request: "POST \(baseURL)/kickoff", message: "cannot encode the inputs: \(error)")
        }
        let request = HTTPRequest(method: .post, url: baseURL + "/kickoff", headers: headers + ["Content-Type: application/json"],
                                  body: body, connectTimeout: spec.connectTimeout, timeout: spec.requestTimeout)
        let response = try await send(request, keepAs: "kickoff-response.json")
        let value = try json(response, of: request, keepAs: "kickoff-response.json")
        let id = value["kickoff_id"]?.string ?? value["kickoff_id"]?.int.map(String.init)
        guard let id, !id.isEmpty else {
            lastBody = .file(name: "kickoff-response.json", contents: response.body)
            throw .malformedResponse(request: request.label, problem: "JSON without a `kickoff_id`",
                                     snippet: HTTPResponseBody.snippet(response.body))
        }
        return id
    }

    private mutating func poll(_ id: String) async throws(HTTPCrewError) -> Data {
        let segment = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        let request = HTTPRequest(method: .get, url: "\(baseURL)/status/\(segment)", headers: headers, body: nil,
                                  connectTimeout: spec.connectTimeout, timeout: spec.requestTimeout)
        var interval = pollInterval
        while true {
            try await pause(interval)
            let response = try await send(request, keepAs: "kickoff-status.json")
            let value = try json(response, of: request, keepAs: "kickoff-status.json")
            lastBody = .file(name: "kickoff-status.json", contents: response.body)
            guard let status = KickoffStatus(value) else {
                throw .malformedResponse(request: request.label, problem: "JSON without a kickoff `status` or `state`",
                                         snippet: HTTPResponseBody.snippet(response.body))
            }
            lastState = status.reported
            switch status.phase {
            case .completed:
                return response.body
            case .failed:
                throw .crewFailed(kickoffID: id, state: status.reported, message: status.failureMessage.map(Self.clip))
            case .running:
                interval = min(interval * 2, maxPollInterval)
            }
        }
    }

    // MARK: - One request, retried

    /// Sends `request` until it gets an answer other than 429 or 5xx, retrying those and lost
    /// connections up to `maxAttempts` times with a growing delay (or the server's `Retry-After`).
    /// Returns a 2xx answer; any other ends the invocation (`keepAs` names its body in the outcome).
    private mutating func send(_ request: HTTPRequest, keepAs name: String) async throws(HTTPCrewError) -> HTTPResponse {
        var delay = pollInterval
        var attempt = 1
        while true {
            var attemptRequest = request
            let left = try remaining()
            attemptRequest.timeout = min(request.timeout, left)
            attemptRequest.connectTimeout = min(request.connectTimeout, left)

            let problem: String
            var timedOutAfter: Double?
            var wait = delay
            switch await client.send(attemptRequest) {
            case let .success(response) where response.status == 429 || (500...599).contains(response.status):
                problem = "HTTP \(response.status)\(HTTPResponseBody.complaint(response.body).summary)"
                if let header = response.header("Retry-After"), let asked = HTTPRetryAfter.delay(header) { wait = asked }
            case let .success(response):
                return try accept(response, of: request, keepAs: name)
            case .failure(.cancelled):
                throw .cancelled
            case let .failure(error) where error.isRetryable:
                if case .timedOut = error {
                    if (try? remaining()) == nil { throw timedOut(detail: nil) }
                    timedOutAfter = attemptRequest.timeout
                }
                problem = error.message
            case let .failure(error):
                throw .transferFailed(request: request.label, message: error.message)
            }
            guard attempt < max(1, spec.maxAttempts) else {
                throw .gaveUp(request: request.label, attempts: attempt, lastProblem: problem, requestTimeout: timedOutAfter)
            }
            try await pause(wait, retrying: "\(request.label) was to be retried in \(HTTPCrewError.format(wait)) s after \(problem)")
            attempt += 1
            delay = min(delay * 2, maxPollInterval)
        }
    }

    /// A 2xx answer as is; a refusal or redirect as the error that ends the invocation.
    private mutating func accept(_ response: HTTPResponse, of request: HTTPRequest,
                                 keepAs name: String) throws(HTTPCrewError) -> HTTPResponse {
        switch response.status {
        case 200..<300:
            return response
        case 300..<400:
            throw .redirected(request: request.label, status: response.status, location: response.header("Location"))
        case 400..<500:
            lastBody = .file(name: name, contents: response.body)
            throw .rejected(request: request.label, status: response.status, server: HTTPResponseBody.complaint(response.body),
                            tokenVariable: spec.tokenEnvironmentVariable)
        default:
            lastBody = .file(name: name, contents: response.body)
            throw .malformedResponse(request: request.label, problem: "HTTP status \(response.status)",
                                     snippet: HTTPResponseBody.snippet(response.body))
        }
    }

    private mutating func json(_ response: HTTPResponse, of request: HTTPRequest,
                               keepAs name: String) throws(HTTPCrewError) -> PyValue {
        switch HTTPResponseBody.json(response.body) {
        case let .success(value):
            return value
        case let .failure(problem):
            lastBody = .file(name: name, contents: response.body)
            throw .malformedResponse(request: request.label, problem: problem.text, snippet: HTTPResponseBody.snippet(response.body))
        }
    }

    // MARK: - Time

    /// Seconds left before the deadline; the timeout error when none are.
    private func remaining() throws(HTTPCrewError) -> Double {
        let left = (deadline - ContinuousClock.now).httpSeconds
        guard left > 0 else { throw timedOut(detail: nil) }
        return left
    }

    /// Sleeps `seconds` when that ends before the deadline. A poll (`retrying` nil) due after it
    /// is brought forward once, to just before the deadline, so a crew that finishes late in its
    /// time is still seen done; a retry due after it (`retrying` says which) is a timeout at once.
    private mutating func pause(_ seconds: Double, retrying: String? = nil) async throws(HTTPCrewError) {
        let left = try remaining()
        var sleep = max(0, seconds)
        if sleep >= left {
            guard retrying == nil, !tookLastLook else { throw timedOut(detail: retrying) }
            tookLastLook = true
            sleep = left - min(1, left / 4)
        }
        do { try await Task.sleep(for: .seconds(sleep)) } catch { throw .cancelled }
    }

    private func timedOut(detail: String?) -> HTTPCrewError {
        .timedOut(seconds: timeout, kickoffID: kickoffID, lastState: lastState, detail: detail)
    }

    private static func clip(_ text: String) -> String {
        text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}

extension Duration {
    /// The duration in seconds, for timeouts and outcome durations.
    var httpSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
