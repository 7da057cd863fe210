// Four threads add to one counter and set inside a lock, 10,000 times each. Built with
// `-sanitize=thread` by scripts/tsan-mutex-repro.sh, once with `Synchronization.Mutex` and once
// with the project's `Lock` (Sources/MierukaParallel/Lock.swift). Every access is inside
// `withLock`, so any report is a false positive of the lock, not a race in this program.
// Built with `-D RACE`, each thread also adds to a plain variable without the lock: a real race,
// which ThreadSanitizer must still report.
#if canImport(Glibc)
    import Glibc
#endif
#if USE_MUTEX
    import Synchronization
    typealias Shared<State> = Mutex<State>
#else
    typealias Shared<State> = Lock<State>
#endif

struct Tally {
    var count = 0
    var seen: Set<Int> = []
}

final class Box: Sendable {
    let tally = Shared(Tally())
}

let box = Box()
let threadCount = 4
let rounds = 10_000
nonisolated(unsafe) var unguarded = 0

var threads: [pthread_t] = []
for _ in 0..<threadCount {
    var thread = pthread_t()
    pthread_create(&thread, nil, { _ in
        for round in 0..<rounds {
            box.tally.withLock {
                $0.count += 1
                $0.seen.insert(round % 97)
            }
            #if RACE
                unguarded += 1
            #endif
        }
        return nil
    }, nil)
    threads.append(thread)
}
for thread in threads { pthread_join(thread, nil) }
let total = box.tally.withLock { $0.count }
print("count \(total) (expected \(threadCount * rounds))")
exit(total == threadCount * rounds ? 0 : 1)
