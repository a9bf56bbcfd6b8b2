import Foundation

/// One HTTP request as evalcrew sends it to a deployed crew.
struct HTTPRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    var method: Method
    var url: String
    /// Complete header lines (`Name: value`).
    var headers: [String]
    var body: Data?
    /// Seconds to establish the connection.
    var connectTimeout: Double
    /// Seconds the whole request may take, connection included.
    var timeout: Double
    /// A larger answer is abandoned: a status body holds one post, not gigabytes.
    var maxResponseBytes: Int = 64 << 20

    /// `POST https://…/kickoff`: how the request is named in messages (never with its headers).
    var label: String { "\(method.rawValue) \(url)" }
}

/// A server's complete answer (whatever its status).
struct HTTPResponse: Sendable {
    var status: Int
    /// Header fields of the final response, in order, names as sent.
    var headers: [(name: String, value: String)]
    var body: Data

    /// The first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Why a request got no HTTP answer at all.
enum HTTPTransportError: Error, Equatable, Sendable {
    /// No connection could be made (refused, unresolvable host): retryable.
    case cannotConnect(String)
    /// The connect or request timeout passed: retryable.
    case timedOut(String)
    /// The connection broke before a complete answer arrived: retryable.
    case dropped(String)
    /// The task was cancelled.
    case cancelled
    /// The answer outgrew `HTTPRequest.maxResponseBytes`.
    case responseTooLarge(limit: Int)
    /// Anything else libcurl reports (TLS, a malformed URL, …): retrying cannot help.
    case failed(String)

    /// True for the problems a later attempt may not have.
    var isRetryable: Bool {
        switch self {
        case .cannotConnect, .timedOut, .dropped: return true
        case .cancelled, .responseTooLarge, .failed: return false
        }
    }

    var message: String {
        switch self {
        case let .cannotConnect(text), let .timedOut(text), let .dropped(text), let .failed(text): return text
        case .cancelled: return "cancelled"
        case let .responseTooLarge(limit):
            return "the answer is larger than " + (limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) bytes")
        }
    }
}
