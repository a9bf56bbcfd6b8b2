import Foundation

/// Runs cases through a deployed crew's kickoff API (`crew: {http: {url: …, token_env: …}}`):
/// `POST {url}/kickoff` with the case's inputs, then `GET {url}/status/{kickoff_id}` with a
/// growing interval until the crew is done, failed, or out of time.
///
/// The output is the final status body exactly as received (`kickoff-status.json`), which
/// `CrewOutputReader` reads as `InputFormat.kickoffStatus`. The bearer token is read from the
/// variable the suite names, sent only in the `Authorization` header, and removed from anything
/// the outcome carries (errors, bodies).
public struct HTTPCrewAdapter: CrewAdapter {
    public var spec: HTTPCrewSpec
    /// Where `spec.tokenEnvironmentVariable` is looked up: evalcrew's environment unless a test
    /// passes its own.
    public var environment: [String: String]

    public init(spec: HTTPCrewSpec, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.spec = spec
        self.environment = environment
    }

    public func invoke(_ invocation: CrewInvocation) async -> CrewOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double { (clock.now - start).httpSeconds }
        let token: String?
        let client: HTTPClient
        do {
            token = try bearerToken()
            try checkURL()
            client = HTTPClient(library: try HTTPCurlLibrary.shared.get())
        } catch {
            return CrewOutcome(status: error.outcomeStatus, error: error.description, duration: seconds())
        }
        let redactor = HTTPTokenRedactor(token: token)
        // `Duration.seconds` traps on infinity or NaN: bound the timeout (a billion seconds is forever here).
        let allowed = invocation.timeout.isNaN ? 0 : min(max(0, invocation.timeout), 1e9)
        var session = HTTPKickoffSession(spec: spec, token: token, client: client,
                                         deadline: start + .seconds(allowed), timeout: invocation.timeout)
        do {
            let body = try await session.run(inputs: invocation.inputs)
            return CrewOutcome(status: .completed, output: redactor.redact(.file(name: "kickoff-status.json", contents: body)),
                               duration: seconds())
        } catch {
            return CrewOutcome(status: error.outcomeStatus, output: session.lastBody.map(redactor.redact),
                               error: redactor.redact(error.description), duration: seconds())
        }
    }

    /// The token from the environment, trimmed; nil when the suite names no variable.
    private func bearerToken() throws(HTTPCrewError) -> String? {
        guard let variable = spec.tokenEnvironmentVariable else { return nil }
        let token = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !token.isEmpty else { throw .tokenNotSet(variable: variable) }
        guard !token.contains(where: \.isNewline) else { throw .tokenHasLineBreak(variable: variable) }
        return token
    }

    private func checkURL() throws(HTTPCrewError) {
        guard let url = URL(string: spec.baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { throw .invalidURL(spec.baseURL) }
    }
}

/// Removes the bearer token from text and bytes an outcome carries, in case a server echoes it.
struct HTTPTokenRedactor {
    var token: String?

    static let placeholder = "[token redacted]"

    func redact(_ text: String) -> String {
        guard let token, !token.isEmpty else { return text }
        return text.replacingOccurrences(of: token, with: Self.placeholder)
    }

    func redact(_ artifact: CrewArtifact) -> CrewArtifact {
        guard let token, !token.isEmpty else { return artifact }
        let needle = Data(token.utf8)
        var redacted = artifact
        for index in redacted.files.indices {
            var contents = redacted.files[index].contents
            var searchFrom = contents.startIndex
            while let range = contents.range(of: needle, in: searchFrom..<contents.endIndex) {
                contents.replaceSubrange(range, with: Data(Self.placeholder.utf8))
                searchFrom = range.lowerBound + Self.placeholder.utf8.count
            }
            redacted.files[index].contents = contents
        }
        return redacted
    }
}
