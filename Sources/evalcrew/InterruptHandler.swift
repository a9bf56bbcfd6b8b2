import Dispatch
import Foundation

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation of the running work; a second one
/// exits at once (the store stays consistent: every committed case is its own transaction). When
/// the handler goes away the signals get their default action back, so a later step (the gate
/// check, printing) can be stopped with Ctrl-C as usual.
final class InterruptHandler: @unchecked Sendable {
    /// Whether a signal arrived; touched only on the handler's queue.
    private final class Flag: @unchecked Sendable {
        var raised = false
    }

    private let signals = [SIGINT, SIGTERM]
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "evalcrew.signals")

    /// Installs the handler; `onInterrupt` runs once, on the first signal.
    init(onInterrupt: @escaping @Sendable () -> Void) {
        let flag = Flag()
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if flag.raised {
                    FileHandle.standardError.write(Data("\nevalcrew: interrupted again, exiting now\n".utf8))
                    exit(130)
                }
                flag.raised = true
                onInterrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
