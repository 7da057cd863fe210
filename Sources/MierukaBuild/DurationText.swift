/// Durations as every command prints them (`build`, `check`, `serve`, `--timings`), without
/// Foundation's locale-dependent formatting.
package enum DurationText {
    /// "1.23 s" (with `decimals` decimals, rounded).
    package static func seconds(_ value: Double, decimals: Int = 2) -> String {
        var scale = 1
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        let units = Int((max(value, 0) * Double(scale)).rounded())
        guard decimals > 0 else { return "\(units) s" }
        let fraction = String(units % scale)
        return "\(units / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction + " s"
    }

    /// "14 ms" under a second, else "1.23 s": the time of one of serve's rebuilds.
    package static func brief(_ value: Double) -> String {
        value < 1 ? "\(Int((max(value, 0) * 1000).rounded())) ms" : seconds(value)
    }

    /// One line per stage, the times aligned: "  render   0.231 s".
    package static func stages(_ stages: [(name: String, seconds: Double)]) -> String {
        let width = stages.map(\.name.count).max() ?? 0
        return stages.map { stage in
            "  " + stage.name + String(repeating: " ", count: width - stage.name.count) + "  " + seconds(stage.seconds, decimals: 3)
        }.joined(separator: "\n")
    }
}
