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

    /// The SVG as text (for tests; pages take `markup`).
    var html: String? { markup.map { String(decoding: $0, as: UTF8.self) } }

    /// The SVG as UTF-8 bytes, as the page's template writes it. Nil unless there is an actual
    /// and something to compare it with.
    var markup: [UInt8]? {
        guard !actuals.isEmpty, baseline != nil || target != nil || actuals.count > 1 else { return nil }
        let points = self.points
        guard let layout = Layout(self, points: points) else { return nil }
        var drawing = Drawing(layout: layout, scope: scope)
        drawing.svg.openChart("chart chart-kpi", width: Self.width, height: Self.height, title: title)
        writeDescription(to: &drawing.svg)
        drawing.svg.end("desc")
        drawing.drawTicks()
        drawing.drawYears(of: points)
        if let target { drawing.drawTarget(target) }
        drawing.drawActuals(actuals)
        if let baseline, let year = baseline.year { drawing.drawBaseline(baseline, year: year) }
        drawing.svg.end("svg")
        return drawing.svg.bytes
    }

    /// The actuals, then the baseline and the target.
    var points: [Point] { actuals + [baseline, target].compactMap { $0 } }

    /// The text equivalent, written into the chart's `<desc>`: 「基準値 43施設（2016年度）、実績 40施設
    /// （2017年度）、…、目標値 26施設（2021年度）」.
    func writeDescription(to svg: inout SVGWriter) {
        var first = true
        func part(_ label: StaticString, _ point: Point) {
            if !first { svg.literal("、") }
            first = false
            svg.literal(label)
            svg.escaped(point.text)
            if let year = point.yearLabel {
                svg.literal("（")
                svg.escaped(year)
                svg.literal("）")
            }
        }
        if let baseline { part("基準値 ", baseline) }
        for point in actuals { part("実績 ", point) }
        if let target { part("目標値 ", target) }
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
