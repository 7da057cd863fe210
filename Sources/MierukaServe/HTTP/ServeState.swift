import MierukaDiagnostics
import MierukaParallel
import Synchronization

/// What the server answers from, shared between the builds and the requests.
package final class ServeState: Sendable {
    package struct Snapshot: Sendable {
        /// The path the site is served under ("/kaikaku/").
        package var basePath: String
        /// Changes with every build that changes what a page shows; pages reload when it does.
        package var generation: String
        /// The diagnostics of the last build when it failed (the page then shows them).
        package var failure: Diagnostics?
        /// True once a build has succeeded.
        package var hasSite: Bool
    }

    private let snapshotLock: Lock<Snapshot>
    private let counter = Atomic<Int>(0)
    /// Distinguishes this run of the server from an earlier one on the same port, so that a page
    /// left open across a restart reloads too.
    private let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    package init(basePath: String) {
        snapshotLock = Lock(Snapshot(basePath: basePath, generation: "", failure: nil, hasSite: false))
        snapshotLock.withLock { $0.generation = runID + "-0" }
    }

    package var snapshot: Snapshot { snapshotLock.withLock { $0 } }

    /// Records the outcome of a build; returns the new generation when open pages should reload.
    @discardableResult
    package func update(basePath: String, hasSite: Bool, failure: Diagnostics?, outputChanged: Bool) -> String? {
        let next = runID + "-" + String(counter.add(1, ordering: .relaxed).newValue)
        return snapshotLock.withLock { snapshot in
            let changed =
                outputChanged || snapshot.failure != failure || snapshot.basePath != basePath || snapshot.hasSite != hasSite
            snapshot.basePath = basePath
            snapshot.failure = failure
            snapshot.hasSite = hasSite
            guard changed else { return nil }
            snapshot.generation = next
            return next
        }
    }
}
