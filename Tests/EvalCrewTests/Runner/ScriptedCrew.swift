import EvalCrew
import Foundation

/// A crew adapter that answers from a script: per case id, an outcome maker; it sleeps for a
/// while first when asked, and honours cancellation the way real adapters do.
struct ScriptedCrew: CrewAdapter {
    var delay: Duration = .zero
    var answer: @Sendable (CrewInvocation) -> CrewOutcome
    let log = InvocationLog()

    func invoke(_ invocation: CrewInvocation) async -> CrewOutcome {
        await log.started(invocation)
        defer { Task { await log.ended() } }
        if delay > .zero {
            do { try await Task.sleep(for: delay) } catch {
                return CrewOutcome(status: .cancelled, error: "the run was interrupted", duration: 0)
            }
        }
        return answer(invocation)
    }
}

/// What a scripted crew saw: every invocation, and the most that ran at once.
actor InvocationLog {
    private(set) var invocations: [CrewInvocation] = []
    private(set) var running = 0
    private(set) var mostAtOnce = 0

    func started(_ invocation: CrewInvocation) {
        invocations.append(invocation)
        running += 1
        mostAtOnce = max(mostAtOnce, running)
    }

    func ended() { running -= 1 }
}
