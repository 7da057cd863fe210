import Foundation

/// Lets writes into a folder through until the folder is closed, and tells whoever closes it when
/// the writes still in progress are done: after `close()` returns, nothing writes there any more,
/// so the folder can be deleted while a build that was still running goes on in memory.
///
/// Writes pass side by side (the pages are written from several threads); only `close()` waits,
/// for as long as the writes it found in progress take (each is one file).
package final class WriteGate: @unchecked Sendable {
    // Unchecked: `inProgress` and `closed` are read and changed only while `condition` is locked.
    private let condition = NSCondition()
    private var inProgress = 0
    private var closed = false

    package init() {}

    /// Counts a write as in progress; false (and nothing counted) once the gate is closed.
    package func enter() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return false }
        inProgress += 1
        return true
    }

    /// Ends a write that `enter()` let through.
    package func leave() {
        condition.lock()
        inProgress -= 1
        if inProgress == 0 { condition.broadcast() }
        condition.unlock()
    }

    /// Lets no write through from now on, and waits until those in progress have ended.
    package func close() {
        condition.lock()
        closed = true
        while inProgress > 0 { condition.wait() }
        condition.unlock()
    }

    package var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }
}
