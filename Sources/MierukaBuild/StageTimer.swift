import Dispatch

/// Times the stages of a run, for `--timings` (load, parse, merge, validate, render, write).
package struct StageTimer: Sendable {
    package private(set) var stages: [(name: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds
    private let origin = DispatchTime.now().uptimeNanoseconds

    package init() {}

    /// Ends the current stage under `name` and starts the next.
    package mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - started) / 1e9))
        started = now
    }

    func stagesLast() -> Double? { stages.last?.seconds }

    /// Ends a stage whose files were read as they were parsed: the part of its time spent reading
    /// is added to the previous stage (load), the rest is `name`.
    package mutating func splitLast(_ name: String, reading ratio: Double) {
        lap(name)
        guard stages.count >= 2 else { return }
        let current = stages.removeLast()
        let previous = stages.removeLast()
        stages.append((previous.name, previous.seconds + current.seconds * ratio))
        stages.append((current.name, current.seconds * (1 - ratio)))
    }

    mutating func replaceLast(with replacements: [(String, Double)]) {
        stages.removeLast()
        stages.append(contentsOf: replacements.map { (name: $0.0, seconds: $0.1) })
    }

    package var total: Double {
        Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e9
    }

    /// One line per stage: "  render   0.231 s".
    package var report: String { DurationText.stages(stages) }
}
