import Dispatch
import Synchronization

/// Runs independent pieces of work on a fixed number of threads.
///
/// Every stage that works in parallel (reading, parsing, rendering, exporting) goes through here,
/// so that `--jobs N` sets how many threads a build uses, and a test can build the same site on one
/// thread and on many and compare the output byte for byte.
package enum Parallel {
    /// How many threads to use when not told: one per active processor.
    package static var defaultJobs: Int { max(1, ProcessInfoLite.activeProcessorCount) }

    /// Calls `body` once for every index in `0..<count`, from `jobs` threads (all processors when
    /// nil), in no particular order. Returns when every call has returned.
    package static func forEach(_ count: Int, jobs: Int?, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let workers = min(count, max(1, jobs ?? defaultJobs))
        if workers == 1 {
            for index in 0..<count { body(index) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body(index)
            }
        }
    }

    /// `body` applied to every element, from `jobs` threads (all processors when nil); the results
    /// come back in the order of the elements.
    package static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], jobs: Int? = nil, _ body: @Sendable (Element) -> Result
    ) -> [Result] {
        let slots = Lock<[Result?]>(Array(repeating: nil, count: elements.count))
        forEach(elements.count, jobs: jobs) { offset in
            let result = body(elements[offset])
            slots.withLock { $0[offset] = result }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}

/// The processor count without Foundation (this module is used by Foundation-free targets too).
enum ProcessInfoLite {
    static var activeProcessorCount: Int {
        #if canImport(Glibc)
            return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
            return 2
        #endif
    }
}

#if canImport(Glibc)
    import Glibc
#endif
