import MierukaParallel

/// A seam for tests: counts the writer's operations that change the file system (each staged
/// file, each folder made, each rename, exchange and removal in the output) and makes the k-th
/// one fail as a full disk would, so that a failure can be simulated at every point of a write.
package final class WriteFaults: Sendable {
    private let failing: Int?
    private let counted = Lock<Int>(0)
    /// False to act as on a file system that cannot exchange two paths in one step (the update
    /// then replaces a file by two renames).
    let canExchange: Bool

    /// - Parameters:
    ///   - operation: the 1-based operation that fails; nil counts without failing.
    ///   - canExchange: false to take the path of file systems without RENAME_EXCHANGE.
    package init(failingAt operation: Int?, canExchange: Bool = true) {
        failing = operation
        self.canExchange = canExchange
    }

    /// How many operations were attempted (the failing one included).
    package var operations: Int {
        counted.withLock { $0 }
    }

    /// Called before each operation.
    func step(_ what: @autoclosure () -> String) throws(OutputError) {
        let number = counted.withLock { count in
            count += 1
            return count
        }
        if number == failing {
            throw OutputError(.io, "\(what()): simulated failure of operation \(number)")
        }
    }
}

extension Optional where Wrapped == WriteFaults {
    func step(_ what: @autoclosure () -> String) throws(OutputError) {
        if let faults = self { try faults.step(what()) }
    }
}
