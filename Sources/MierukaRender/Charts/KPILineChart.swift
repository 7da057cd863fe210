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
    /// The widest the right margin grows for the target's label before it wraps.
    static let maxRight = 200.0
    /// The font sizes of the theme's `.chart text` and `.chart .chart-tick`.
    static let labelSize = 13.0
    static let tickSize = 12.0
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
        let decimals = Self.decimals(ticks)
        let tickTexts = ticks.map { Self.format($0, decimals: decimals) }
        // Margins wide enough for the axis numbers on the left and the target's label on the
        // right; a target label wider than `maxRight` is wrapped.
        let widestTick = tickTexts.map { ChartText.width($0, fontSize: Self.tickSize) }.max() ?? 0
        let left = max(Self.left, (widestTick + 14).rounded(.up))
        let targetText = target.map { "目標 " + $0.text }
        let targetLines = targetText.map { ChartText.wrap($0, maxWidth: Self.maxRight - 12, fontSize: Self.labelSize) } ?? []
        let targetWidth = targetLines.map { ChartText.width($0, fontSize: Self.labelSize) }.max() ?? 0
        let right = min(max(Self.right, (targetWidth + 12).rounded(.up)), Self.maxRight)
        let plotWidth = Self.width - left - right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ year: Int) -> Double {
            lastYear == firstYear ? left + plotWidth / 2
                : left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear)
        }
        func y(_ value: Double) -> Double { Self.top + (high - value) / (high - low) * plotHeight }
        var placer = ChartLabelPlacer(bounds: ChartBox(x: 0, y: 0, width: Self.width, height: Self.height))
        /// Where a label centred on `x` may go: there, or moved sideways into the viewBox and
        /// off the axis numbers.
        func across(_ text: String, size: Double, x: Double, y: Double) -> [(x: Double, y: Double)] {
            let half = ChartText.width(text, fontSize: size) / 2
            let inside = min(max(x, half + 0.5), Self.width - half - 0.5)
            return [(inside, y), (max(inside, left - 2 + half), y), (min(inside, left + plotWidth + 2 - half), y)]
        }

        var svg = SVGWriter(scope: scope)
        svg.open(
            "svg",
            [
                ("class", "chart chart-kpi"), ("role", "img"), ("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"),
                ("aria-labelledby", .text(svg.id("title") + " " + svg.id("desc"))),
            ])
        svg.element("title", [("id", .text(svg.id("title")))], text: title)
        svg.element("desc", [("id", .text(svg.id("desc")))], text: description)
        for (tick, text) in zip(ticks, tickTexts) {
            svg.line("chart-grid", x1: left, x2: left + plotWidth, y1: y(tick), y2: y(tick))
            svg.text("chart-tick", x: left - 8, y: y(tick) + 4, anchor: "end", text)
            placer.reserve(ChartText.box(text, fontSize: Self.tickSize, x: left - 8, y: y(tick) + 4, anchor: .end))
        }
        // Year labels under every year that has a point; a second row when they would touch.
        var labelled = Set<Int>()
        let yearBaseline = Self.height - Self.bottom + 22
        for point in all.sorted(by: { ($0.year ?? 0) < ($1.year ?? 0) }) {
            guard let year = point.year, let label = point.yearLabel, labelled.insert(year).inserted else { continue }
            let spot = placer.place(
                label, fontSize: Self.tickSize, anchor: .middle,
                at: across(label, size: Self.tickSize, x: x(year), y: yearBaseline)
                    + across(label, size: Self.tickSize, x: x(year), y: yearBaseline + ChartText.lineHeight(Self.tickSize) + 1))
            svg.text("chart-tick", x: spot.x, y: spot.y, anchor: "middle", label)
        }
        if let target {
            svg.line("chart-target", x1: left, x2: left + plotWidth, y1: y(target.value), y2: y(target.value))
            let lineHeight = ChartText.lineHeight(Self.labelSize)
            let blockHeight = Double(targetLines.count - 1) * lineHeight
            let top = ChartText.ascent * Self.labelSize
            let bottom = Self.height - ChartText.descent * Self.labelSize - blockHeight
            let firstBaseline = min(max(y(target.value) + 4 - blockHeight / 2, top), bottom)
            svg.text(
                "chart-label", x: left + plotWidth + 6, y: firstBaseline, lines: targetLines, lineHeight: lineHeight)
            for (offset, line) in targetLines.enumerated() {
                placer.reserve(
                    ChartText.box(
                        line, fontSize: Self.labelSize, x: left + plotWidth + 6,
                        y: firstBaseline + Double(offset) * lineHeight))
            }
            if let year = target.year {
                let cx = x(year)
                let cy = y(target.value)
                svg.open(
                    "path",
                    [("class", "chart-target-mark"), ("d", "M\(SVGWriter.number(cx)),\(SVGWriter.number(cy - 7)) l7,7 l-7,7 l-7,-7 z")],
                    close: true)
            }
        }
        let line = actuals.compactMap { point in point.year.map { (x($0), y(point.value)) } }
        if line.count > 1 {
            let d = line.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGWriter.number($0.element.0)),\(SVGWriter.number($0.element.1))" }.joined(separator: " ")
            svg.open("path", [("class", "chart-line"), ("d", .text(d))], close: true)
        }
        // Each actual's value above its point, else below it, else further up or down.
        for point in actuals {
            guard let year = point.year else { continue }
            let cx = x(year)
            let cy = y(point.value)
            svg.circle("chart-actual-mark", cx: cx, cy: cy, r: 5)
            let spots = [cy - 10, cy + 20, cy - 24, cy + 34, cy - 38].flatMap {
                across(point.text, size: Self.labelSize, x: cx, y: $0)
            }
            // Left off when it fits nowhere (the KPI table gives every value).
            if let spot = placer.placeIfFits(point.text, fontSize: Self.labelSize, anchor: .middle, at: spots) {
                svg.text("chart-value", x: spot.x, y: spot.y, anchor: "middle", point.text)
            }
        }
        if let baseline, let year = baseline.year {
            let cx = x(year)
            let cy = y(baseline.value)
            svg.rect("chart-baseline-mark", x: cx - 6, y: cy - 6, width: 12, height: 12)
            let text = "基準 " + baseline.text
            let spot = placer.place(
                text, fontSize: Self.labelSize, anchor: .start,
                at: [(cx + 10, cy + 18), (cx + 10, cy - 10), (cx + 10, cy + 32), (cx + 10, cy - 24), (cx + 10, cy + 4)])
            svg.text("chart-value", x: spot.x, y: spot.y, text)
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
