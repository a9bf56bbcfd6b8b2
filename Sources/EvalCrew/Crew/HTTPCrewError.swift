import Foundation

/// Why a deployed crew (`crew: {http: …}`) produced no output to score.
///
/// Every message names the request or the setting at fault and what to do about it. None ever
/// holds the bearer token: only the name of the variable it comes from.
public enum HTTPCrewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libcurl could not be loaded (it is opened on first use, not linked).
    case libcurlUnavailable(reason: String)
    /// The suite names a token variable that is unset or empty in evalcrew's environment.
    case tokenNotSet(variable: String)
    /// The token variable holds a line break, which would corrupt the request's headers.
    case tokenHasLineBreak(variable: String)
    /// The crew's `url` is not an http(s) URL.
    case invalidURL(String)
    /// The server refused the request with a 4xx status (other than 429), so retrying cannot help.
    case rejected(request: String, status: Int, server: HTTPServerComplaint, tokenVariable: String?)
    /// The server answered with a redirect; evalcrew does not follow them (the token would go along).
    case redirected(request: String, status: Int, location: String?)
    /// Every attempt failed with 429, 5xx or a connection problem; `requestTimeout` is set when
    /// the last one was the request timing out.
    case gaveUp(request: String, attempts: Int, lastProblem: String, requestTimeout: Double?)
    /// libcurl failed in a way retrying cannot help (TLS, a malformed URL, …).
    case transferFailed(request: String, message: String)
    /// The server's answer is not the JSON the kickoff API returns; `snippet` is its start.
    case malformedResponse(request: String, problem: String, snippet: String)
    /// The crew ran and reported an error status.
    case crewFailed(kickoffID: String, state: String, message: String?)
    /// The invocation's timeout passed before the crew finished.
    case timedOut(seconds: Double, kickoffID: String?, lastState: String?, detail: String?)
    /// The task running the invocation was cancelled.
    case cancelled

    /// The outcome status this error stands for.
    var outcomeStatus: CrewOutcome.Status {
        switch self {
        case .timedOut: return .timedOut
        case .cancelled: return .cancelled
        default: return .failed
        }
    }

    public var description: String {
        switch self {
        case let .libcurlUnavailable(reason):
            return "libcurl could not be loaded (\(reason)); HTTP crews need it: install the Debian package "
                + "libcurl4 (or libcurl4-openssl-dev, which the build needs anyway)"
        case let .tokenNotSet(variable):
            return "the crew's bearer token variable \(variable) is not set (the suite's `token_env`); "
                + "export \(variable) before running evalcrew"
        case let .tokenHasLineBreak(variable):
            return "the bearer token in \(variable) contains a line break; set it to the token alone"
        case let .invalidURL(url):
            return "the crew's url `\(url)` is not an http:// or https:// URL; fix `crew: {http: {url: …}}` in the suite"
        case let .rejected(request, status, server, tokenVariable):
            var text = "\(request) was refused with HTTP \(status)\(server.summary)"
            if !server.missingInputs.isEmpty {
                text += "; the crew needs the input(s) \(server.missingInputs.joined(separator: ", ")): add them to the case's `inputs`"
            } else if status == 401 || status == 403 {
                text += tokenVariable.map { "; check the token in \($0)" } ?? "; the suite sets no `token_env`: does the crew need a token?"
            } else if status == 404 {
                text += "; check the crew's url in the suite"
            }
            return text
        case let .redirected(request, status, location):
            return "\(request) was redirected (HTTP \(status)) to \(location ?? "an unnamed location"); "
                + "evalcrew does not follow redirects: use the final URL as the crew's url"
        case let .gaveUp(request, attempts, lastProblem, requestTimeout?):
            return "\(request) failed \(attempts) time(s), last: \(lastProblem); the server did not answer within "
                + "the request timeout of \(HTTPCrewError.format(requestTimeout)) s: raise the crew's `request_timeout` or check the server"
        case let .gaveUp(request, attempts, lastProblem, nil):
            return "\(request) failed \(attempts) time(s), last: \(lastProblem); "
                + "check that the crew is up, or raise the crew's `max_attempts`"
        case let .transferFailed(request, message):
            return "\(request) failed: \(message)"
        case let .malformedResponse(request, problem, snippet):
            return "\(request) answered with \(problem); the body starts: \(snippet)"
        case let .crewFailed(kickoffID, state, message):
            return "the crew failed on the server (status `\(state)`, kickoff \(kickoffID))"
                + (message.map { ": \($0)" } ?? "; the status gave no reason")
        case let .timedOut(seconds, kickoffID, lastState, detail):
            var text = "the crew did not finish within the timeout of \(HTTPCrewError.format(seconds)) s"
            if let kickoffID { text += " (kickoff \(kickoffID)" + (lastState.map { ", last status `\($0)`)" } ?? ")") }
            if let detail { text += "; \(detail)" }
            return text + "; raise the case's `timeout` if the crew needs longer"
        case .cancelled:
            return "cancelled while the crew ran"
        }
    }

    /// `30`, `0.25`: seconds as a person writes them.
    static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e9 else { return String(seconds) }
        if seconds == seconds.rounded() { return String(Int(seconds)) }
        var text = String(format: "%.2f", seconds)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// What a server said when it refused a request: its `{"error", "message"}` body, or the start of
/// whatever else it sent.
public struct HTTPServerComplaint: Equatable, Sendable {
    public var error: String?
    public var message: String?
    /// `details.missing_inputs` of a 422.
    public var missingInputs: [String]
    /// The start of a body that is not the JSON error shape.
    public var snippet: String?

    public init(error: String? = nil, message: String? = nil, missingInputs: [String] = [], snippet: String? = nil) {
        self.error = error
        self.message = message
        self.missingInputs = missingInputs
        self.snippet = snippet
    }

    /// ": error: message", ": body snippet" or "".
    var summary: String {
        let parts = [error, message].compactMap { $0 }.filter { !$0.isEmpty }
        if !parts.isEmpty { return ": " + parts.joined(separator: ": ") }
        if let snippet, !snippet.isEmpty { return ": \(snippet)" }
        return ""
    }
}
