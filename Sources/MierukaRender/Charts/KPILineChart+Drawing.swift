import MierukaModel

extension KPILineChart {
    /// Where the chart's parts go: the range of values with its ticks, the margins (wide enough for
    /// the axis numbers on the left and the target's label on the right), and a point's year and
    /// value as coordinates.
    struct Layout {
        let firstYear: Int
        let lastYear: Int
        let low: Double
        let high: Double
        let ticks: [Double]
        let tickTexts: [String]
        let left: Double
        let plotWidth: Double
        let plotHeight: Double
        /// The target's label (「目標 …」), wrapped when wider than `maxRight` allows.
        let targetLines: [String]

        /// Nil without a year or a value to place. `points` are the chart's (`KPILineChart.points`,
        /// made once for the layout and the year labels).
        init?(_ chart: KPILineChart, points all: [Point]) {
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
            let ticks = KPILineChart.ticks(low: low, high: high)
            self.low = min(low, ticks.first ?? low)
            self.high = max(high, ticks.last ?? high)
            let decimals = KPILineChart.decimals(ticks)
            let tickTexts = ticks.map { KPILineChart.format($0, decimals: decimals) }
            let widestTick = tickTexts.map { ChartText.width($0, fontSize: KPILineChart.tickSize) }.max() ?? 0
            let left = max(KPILineChart.left, (widestTick + 14).rounded(.up))
            let targetText = chart.target.map { "目標 " + $0.text }
            let targetLines =
                targetText.map { ChartText.wrap($0, maxWidth: KPILineChart.maxRight - 12, fontSize: KPILineChart.labelSize) } ?? []
            let targetWidth = targetLines.map { ChartText.width($0, fontSize: KPILineChart.labelSize) }.max() ?? 0
            let right = min(max(KPILineChart.right, (targetWidth + 12).rounded(.up)), KPILineChart.maxRight)
            self.firstYear = firstYear
            self.lastYear = lastYear
            self.ticks = ticks
            self.tickTexts = tickTexts
            self.left = left
            self.plotWidth = KPILineChart.width - left - right
            self.plotHeight = KPILineChart.height - KPILineChart.top - KPILineChart.bottom
            self.targetLines = targetLines
        }

        func x(_ year: Int) -> Double {
            lastYear == firstYear ? left + plotWidth / 2
                : left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear)
        }

        func y(_ value: Double) -> Double { KPILineChart.top + (high - value) / (high - low) * plotHeight }

        /// Where a label `width` wide (`ChartText.width`), centred on `x`, may go: there, or moved
        /// sideways into the viewBox and off the axis numbers.
        func across(width: Double, x: Double, y: Double, into spots: inout [(x: Double, y: Double)]) {
            let half = width / 2
            let inside = min(max(x, half + 0.5), KPILineChart.width - half - 0.5)
            spots.append((inside, y))
            spots.append((max(inside, left - 2 + half), y))
            spots.append((min(inside, left + plotWidth + 2 - half), y))
        }
    }

    /// The chart being drawn: the SVG written so far and the room its labels have taken, changed
    /// only by the steps below, which the chart takes in order (a label placed earlier keeps its
    /// place; a later one goes around it).
    struct Drawing {
        let layout: Layout
        var svg: SVGWriter
        var placer = ChartLabelPlacer(bounds: ChartBox(x: 0, y: 0, width: KPILineChart.width, height: KPILineChart.height))
        /// The places a label may go, tried in order: one list, emptied for each label (a chart
        /// places a dozen labels or so).
        private var spots: [(x: Double, y: Double)] = []

        init(layout: Layout, scope: String) {
            self.layout = layout
            self.svg = SVGWriter(scope: scope)
            spots.reserveCapacity(15)
        }

        /// The value axis: a grid line and a number per tick.
        mutating func drawTicks() {
            let left = layout.left
            for (tick, text) in zip(layout.ticks, layout.tickTexts) {
                svg.line("chart-grid", x1: left, x2: left + layout.plotWidth, y1: layout.y(tick), y2: layout.y(tick))
                svg.text("chart-tick", x: left - 8, y: layout.y(tick) + 4, anchor: "end", text)
                placer.reserve(ChartText.box(text, fontSize: KPILineChart.tickSize, x: left - 8, y: layout.y(tick) + 4, anchor: .end))
            }
        }

        /// Year labels under every year that has a point; a second row when they would touch.
        mutating func drawYears(of points: [Point]) {
            // A handful of years: a list is cheaper to search than a set is to hash.
            var labelled: [Int] = []
            let yearBaseline = KPILineChart.height - KPILineChart.bottom + 22
            let size = KPILineChart.tickSize
            for point in points.sorted(by: { ($0.year ?? 0) < ($1.year ?? 0) }) {
                guard let year = point.year, let label = point.yearLabel, !labelled.contains(year) else { continue }
                labelled.append(year)
                let x = layout.x(year)
                let width = ChartText.width(label, fontSize: size)
                spots.removeAll(keepingCapacity: true)
                layout.across(width: width, x: x, y: yearBaseline, into: &spots)
                layout.across(width: width, x: x, y: yearBaseline + ChartText.lineHeight(size) + 1, into: &spots)
                let spot = placer.place(width: width, fontSize: size, anchor: .middle, at: spots)
                svg.text("chart-tick", x: spot.x, y: spot.y, anchor: "middle", label)
            }
        }

        /// The target: a dashed line with its label at the right, and a diamond at its year.
        mutating func drawTarget(_ target: Point) {
            let right = layout.left + layout.plotWidth
            let lines = layout.targetLines
            svg.line("chart-target", x1: layout.left, x2: right, y1: layout.y(target.value), y2: layout.y(target.value))
            let lineHeight = ChartText.lineHeight(KPILineChart.labelSize)
            let blockHeight = Double(lines.count - 1) * lineHeight
            let top = ChartText.ascent * KPILineChart.labelSize
            let bottom = KPILineChart.height - ChartText.descent * KPILineChart.labelSize - blockHeight
            let firstBaseline = min(max(layout.y(target.value) + 4 - blockHeight / 2, top), bottom)
            svg.text("chart-label", x: right + 6, y: firstBaseline, lines: lines, lineHeight: lineHeight)
            for (offset, line) in lines.enumerated() {
                placer.reserve(
                    ChartText.box(
                        line, fontSize: KPILineChart.labelSize, x: right + 6, y: firstBaseline + Double(offset) * lineHeight))
            }
            if let year = target.year {
                let cx = layout.x(year)
                let cy = layout.y(target.value)
                svg.open(
                    "path",
                    [("class", "chart-target-mark"), ("d", "M\(SVGWriter.number(cx)),\(SVGWriter.number(cy - 7)) l7,7 l-7,7 l-7,-7 z")],
                    close: true)
            }
        }

        /// The actuals: joined by a line, a circle each, and each one's value above its point,
        /// else below it, else further up or down; left off when it fits nowhere (the KPI table
        /// gives every value).
        mutating func drawActuals(_ actuals: [Point]) {
            let line = actuals.compactMap { point in point.year.map { (x: layout.x($0), y: layout.y(point.value)) } }
            if line.count > 1 { svg.polyline("chart-line", line) }
            for point in actuals {
                guard let year = point.year else { continue }
                let cx = layout.x(year)
                let cy = layout.y(point.value)
                svg.circle("chart-actual-mark", cx: cx, cy: cy, r: 5)
                // Measured once for all of its places.
                let width = ChartText.width(point.text, fontSize: KPILineChart.labelSize)
                spots.removeAll(keepingCapacity: true)
                for y in [cy - 10, cy + 20, cy - 24, cy + 34, cy - 38] {
                    layout.across(width: width, x: cx, y: y, into: &spots)
                }
                if let spot = placer.placeIfFits(width: width, fontSize: KPILineChart.labelSize, anchor: .middle, at: spots) {
                    svg.text("chart-value", x: spot.x, y: spot.y, anchor: "middle", point.text)
                }
            }
        }

        /// The baseline: a hollow square at its year, with its value beside it.
        mutating func drawBaseline(_ baseline: Point, year: Int) {
            let cx = layout.x(year)
            let cy = layout.y(baseline.value)
            svg.rect("chart-baseline-mark", x: cx - 6, y: cy - 6, width: 12, height: 12)
            let text = "基準 " + baseline.text
            let spot = placer.place(
                text, fontSize: KPILineChart.labelSize, anchor: .start,
                at: [(cx + 10, cy + 18), (cx + 10, cy - 10), (cx + 10, cy + 32), (cx + 10, cy - 24), (cx + 10, cy + 4)])
            svg.text("chart-value", x: spot.x, y: spot.y, text)
        }
    }
}
