import Dispatch
import Foundation

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation of the running work; a second one
/// exits at once (the store stays consistent: every committed case is its own transaction).
final class InterruptHandler: @unchecked Sendable {
    // Touched only on `queue`.
    private var sources: [DispatchSourceSignal] = []
    private var interrupted = false
    private let queue = DispatchQueue(label: "evalcrew.signals")

    /// Installs the handler; `onInterrupt` runs once, on the first signal.
    init(onInterrupt: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in
                if self.interrupted {
                    FileHandle.standardError.write(Data("\nevalcrew: interrupted again, exiting now\n".utf8))
                    exit(130)
                }
                self.interrupted = true
                onInterrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal arrived.
    var wasInterrupted: Bool { queue.sync { interrupted } }

    deinit {
        for source in sources { source.cancel() }
    }
}
