import MierukaParallel

/// A thread-safe collector for stages that work in parallel (loading files, rendering pages).
/// Order of arrival does not matter: reports are sorted before they are printed.
package final class DiagnosticSink: Sendable {
    private let storage = Lock<[Diagnostic]>([])

    package init() {}

    package func report(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    package func report(_ diagnostics: Diagnostics) {
        guard !diagnostics.isEmpty else { return }
        storage.withLock { $0.append(contentsOf: diagnostics.all) }
    }

    package var collected: Diagnostics {
        storage.withLock { Diagnostics($0) }
    }
}
