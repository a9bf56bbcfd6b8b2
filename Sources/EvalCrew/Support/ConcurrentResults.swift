/// Slots that `DispatchQueue.concurrentPerform` iterations fill, one slot per iteration.
///
/// Each index is written by exactly one iteration and read only after `concurrentPerform`
/// returns, so the slots need no lock; that contract is why this is `@unchecked Sendable`.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = UnsafeMutableBufferPointer.allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> Value? {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// The slots in index order (nil where an iteration left its slot empty).
    var values: [Value?] { Array(slots) }
}
