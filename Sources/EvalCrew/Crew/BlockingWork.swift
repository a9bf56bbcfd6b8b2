import Dispatch

/// Runs blocking work (file reads of up to hundreds of megabytes) on a Dispatch thread, so the
/// cooperative pool stays free for the other crews of a run.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// Waits `seconds` without holding a thread. Unlike `Task.sleep` it ignores cancellation: the
    /// supervising loop must keep pacing itself while it stops a cancelled crew.
    static func pause(seconds: Double) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
        }
    }
}
