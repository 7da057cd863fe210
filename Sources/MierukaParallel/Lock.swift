#if canImport(Glibc)
    import Glibc
#endif

/// State shared between threads, reached only while holding a lock: the project's replacement for
/// `Synchronization.Mutex`, with the same `withLock` shape.
///
/// Why not `Mutex`: on Linux it waits on a futex of its own, which ThreadSanitizer does not see
/// as synchronisation, so every access made inside `withLock` from two threads is reported as a
/// "Swift access race" (`scripts/tsan-mutex-repro.sh` shows it with a two-thread program), and
/// `scripts/sanitizers.sh thread` stopped on the first one. A pthread mutex is intercepted by
/// ThreadSanitizer, so a run under it reports only real races, including an access to the state
/// made without the lock.
///
/// It is used in every build, not only under the sanitizer: one code path is tested by every test
/// run, and the cost is nil for a build (a lock and unlock take about the same time as `Mutex`'s;
/// figures in docs/reference.md, "Fuzzing and sanitizers").
package final class Lock<State: ~Copyable>: @unchecked Sendable {
    // Unchecked: `state` is only reached inside `withLock`, between lock and unlock of `mutex`;
    // `sending` in and out keeps non-Sendable state from escaping, as with `Mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let state: UnsafeMutablePointer<State>

    package init(_ initial: consuming sending State) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        state = .allocate(capacity: 1)
        state.initialize(to: initial)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Calls `body` with the state while holding the lock; other threads wait.
    package func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending State) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state.pointee)
    }
}
