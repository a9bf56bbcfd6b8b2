import Foundation
import Synchronization

/// Sends HTTP requests with libcurl without blocking Swift's cooperative thread pool.
///
/// `curl_easy_perform` blocks until the answer is complete (seconds, for a slow crew); each
/// request gets a thread of its own, and the awaiting task is resumed when it is done.
struct HTTPClient: Sendable {
    let library: HTTPCurlLibrary

    /// Sends `request`. Cancelling the calling task returns `.cancelled` at once; the abandoned
    /// transfer stops at libcurl's next progress callback, on its own thread.
    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, HTTPTransportError> {
        let completion = HTTPRequestCompletion()
        let library = library
        return await withTaskCancellationHandler {
            await completion.wait {
                let thread = Thread {
                    let result = HTTPCurlTransfer.perform(request, library: library) { completion.isCancelled }
                    completion.finish(result)
                }
                thread.name = "evalcrew-http"
                thread.start()
            }
        } onCancel: {
            completion.cancel()
        }
    }
}

/// Hands one request's result to the task awaiting it, exactly once: from the transfer's thread
/// when it finishes, or from the cancellation handler when the task is cancelled first.
final class HTTPRequestCompletion: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Result<HTTPResponse, HTTPTransportError>, Never>)
        case cancelled
        case done
    }

    private let state = Mutex(State.idle)

    /// True once the awaiting task was cancelled: the transfer should stop.
    var isCancelled: Bool {
        state.withLock { if case .cancelled = $0 { return true } else { return false } }
    }

    /// Suspends until `finish` or `cancel`; `start` launches the work (unless already cancelled).
    func wait(start: () -> Void) async -> Result<HTTPResponse, HTTPTransportError> {
        await withCheckedContinuation { continuation in
            let launch = state.withLock { state -> Bool in
                guard case .idle = state else { return false }
                state = .waiting(continuation)
                return true
            }
            if launch { start() } else { continuation.resume(returning: .failure(.cancelled)) }
        }
    }

    /// The transfer's result; ignored when the task was cancelled first.
    func finish(_ result: Result<HTTPResponse, HTTPTransportError>) {
        let continuation = state.withLock { state -> CheckedContinuation<Result<HTTPResponse, HTTPTransportError>, Never>? in
            guard case let .waiting(continuation) = state else { return nil }
            state = .done
            return continuation
        }
        continuation?.resume(returning: result)
    }

    /// Resumes the waiting task with `.cancelled` and tells the transfer to stop.
    func cancel() {
        let continuation = state.withLock { state -> CheckedContinuation<Result<HTTPResponse, HTTPTransportError>, Never>? in
            switch state {
            case let .waiting(continuation):
                state = .cancelled
                return continuation
            case .idle:
                state = .cancelled
                return nil
            case .cancelled, .done:
                return nil
            }
        }
        continuation?.resume(returning: .failure(.cancelled))
    }
}
