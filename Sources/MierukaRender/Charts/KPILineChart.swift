import Foundation
import MierukaModel

/// A KPI over the years: its actuals joined by a line (circles), the baseline (a hollow square)
/// and the target (a dashed line, and a diamond at its year), each labelled with its value in
/// words, so that neither colour nor shape alone carries meaning. The KPI table is the text
/// equivalent.
struct KPILineChart {
    struct Point {
        let year: Int?
        let yearLabel: String?
        let value: Double
        /// As the table shows it: 「9,718人」.
        let text: String
    }

    let scope: String
    let title: String
    let baseline: Point?
    let target: Point?
    let actuals: [Point]

    static let width = 640.0
    static let height = 230.0
    static let left = 84.0
    static let right = 104.0
    static let top = 20.0
    static let bottom = 48.0

    /// Nil unless there is an actual and something to compare it with.
    var html: String? {
        guard !actuals.isEmpty, baseline != nil || target != nil || actuals.count > 1 else { return nil }
        let all = actuals + [baseline, target].compactMap { $0 }
        let years = all.compactMap(\.year)
        guard let firstYear = years.min(), let lastYear = years.max() else { return nil }
        let values = all.map(\.value)
        guard var low = values.min(), var high = values.max() else { return nil }
        if low == high {
            low -= max(abs(low) * 0.1, 1)
            high += max(abs(high) * 0.1, 1)
        }
        // Room above and below, so that no point sits on the axis under the year labels.
        let margin = (high - low) * 0.12
        low -= margin
        high += margin
        let ticks = Self.ticks(low: low, high: high)
        low = min(low, ticks.first ?? low)
        high = max(high, ticks.last ?? high)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? Self.left + plotWidth / 2
                : Self.left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear)
        }
        func y(_ value: Double) -> Double { Self.top + (high - value) / (high - low) * plotHeight }

        var svg = SVGWriter(scope: scope)
        svg.open(
            "svg",
            [
                ("class", "chart chart-kpi"), ("role", "img"), ("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"),
                ("aria-labelledby", .text(svg.id("title") + " " + svg.id("desc"))),
            ])
        svg.element("title", [("id", .text(svg.id("title")))], text: title)
        svg.element("desc", [("id", .text(svg.id("desc")))], text: description)
        let decimals = Self.decimals(ticks)
        for tick in ticks {
            svg.line("chart-grid", x1: Self.left, x2: Self.left + plotWidth, y1: y(tick), y2: y(tick))
            svg.text("chart-tick", x: Self.left - 8, y: y(tick) + 4, anchor: "end", Self.format(tick, decimals: decimals))
        }
        // Year labels under every year that has a point.
        var labelled = Set<Int>()
        for point in all.sorted(by: { ($0.year ?? 0) < ($1.year ?? 0) }) {
            guard let year = point.year, let label = point.yearLabel, labelled.insert(year).inserted else { continue }
            svg.text("chart-tick", x: x(year), y: Self.height - Self.bottom + 20, anchor: "middle", label)
        }
        if let target {
            svg.line("chart-target", x1: Self.left, x2: Self.left + plotWidth, y1: y(target.value), y2: y(target.value))
            svg.text("chart-label", x: Self.left + plotWidth + 6, y: y(target.value) + 4, "目標 " + target.text)
            if let year = target.year {
                let cx = x(year)
                let cy = y(target.value)
                svg.open(
                    "path",
                    [("class", "chart-target-mark"), ("d", "M\(SVGWriter.number(cx)),\(SVGWriter.number(cy - 7)) l7,7 l-7,7 l-7,-7 z")],
                    close: true)
            }
        }
        if let baseline, let year = baseline.year {
            let cx = x(year)
            let cy = y(baseline.value)
            svg.rect("chart-baseline-mark", x: cx - 6, y: cy - 6, width: 12, height: 12)
            svg.text("chart-value", x: cx + 10, y: cy + 18, "基準 " + baseline.text)
        }
        let line = actuals.compactMap { point in point.year.map { (x($0), y(point.value)) } }
        if line.count > 1 {
            let d = line.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGWriter.number($0.element.0)),\(SVGWriter.number($0.element.1))" }.joined(separator: " ")
            svg.open("path", [("class", "chart-line"), ("d", .text(d))], close: true)
        }
        for point in actuals {
            guard let year = point.year else { continue }
            svg.circle("chart-actual-mark", cx: x(year), cy: y(point.value), r: 5)
            svg.text("chart-value", x: x(year), y: y(point.value) - 10, anchor: "middle", point.text)
        }
        svg.end("svg")
        return svg.output
    }

    var description: String {
        var parts: [String] = []
        if let baseline { parts.append("基準値 " + baseline.text + (baseline.yearLabel.map { "（\($0)）" } ?? "")) }
        for point in actuals { parts.append("実績 " + point.text + (point.yearLabel.map { "（\($0)）" } ?? "")) }
        if let target { parts.append("目標値 " + target.text + (target.yearLabel.map { "（\($0)）" } ?? "")) }
        return parts.joined(separator: "、")
    }

    /// Four or five round ticks covering low…high.
    static func ticks(low: Double, high: Double) -> [Double] {
        let rough = (high - low) / 4
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        var tick = floor(low / step) * step
        var ticks: [Double] = []
        while tick <= high + step * 0.001, ticks.count < 12 {
            ticks.append(tick)
            tick += step
        }
        if let last = ticks.last, last < high { ticks.append(last + step) }
        return ticks
    }

    static func decimals(_ ticks: [Double]) -> Int {
        guard ticks.count > 1 else { return 0 }
        let step = ticks[1] - ticks[0]
        return step >= 1 ? 0 : min(4, Int(ceil(-log10(step))))
    }

    /// 1,200 or 0.25 (what the tick is, grouped like the tables).
    static func format(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let units = Int64((value * scale).rounded())
        return DecimalNumber(units: units, scale: decimals).formatted()
    }
}
