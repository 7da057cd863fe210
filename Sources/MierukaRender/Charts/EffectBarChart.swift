import MierukaModel

/// Expected against actual financial effect per fiscal year: two bars per year, the expected one
/// hatched in outline and the actual one solid, each with its amount written on it; negative
/// amounts go below the zero line. The table beside it is the text equivalent.
struct EffectBarChart {
    struct Year {
        let label: String
        let expected: Money?
        let actual: Money?
        /// An amount's words when the city wrote it as an increase (「425万4千円の増」), written on
        /// its bar (below the zero line) instead of the number.
        var expectedText: String? = nil
        var actualText: String? = nil
        /// An amount as written when it is an approximate figure (「約1,200」): it has no bar, and
        /// the text equivalent says it as written (「約1,200（概数）」), never 「なし」.
        var expectedApproximate: String? = nil
        var actualApproximate: String? = nil
        /// The amounts in the chart's unit (「4,700」), when the table beside the chart has made
        /// them already; the chart makes them otherwise.
        var expectedFigure: String? = nil
        var actualFigure: String? = nil

        /// An amount's figure in `unit`: the one given, else made here.
        func figure(_ amount: Money, given: String?, unit: MoneyUnit) -> String {
            given ?? amount.amount(in: unit).formatted()
        }
    }

    let scope: String
    let title: String
    let unit: MoneyUnit
    let years: [Year]

    static let width = 640.0
    /// Room above the plot for the unit and the labels of the highest bars.
    static let plotTop = 40.0
    static let plotHeight = 180.0
    static let left = 8.0
    /// The font sizes of the theme's `.chart text`.
    static let labelSize = 13.0

    /// The SVG as text (for tests; pages take `markup`).
    var html: String? { markup.map { String(decoding: $0, as: UTF8.self) } }

    /// The SVG as UTF-8 bytes, as the page's template writes it.
    var markup: [UInt8]? {
        let amounts = years.flatMap { [$0.expected, $0.actual] }.compactMap { $0?.amount(in: unit).doubleValue }
        guard !amounts.isEmpty, let top = amounts.max(), let bottom = amounts.min() else { return nil }
        let high = max(top, 0)
        let low = min(bottom, 0)
        let span = max(high - low, 1e-9)
        func y(_ value: Double) -> Double { Self.plotTop + (high - value) / span * Self.plotHeight }
        let zero = y(0)
        let group = (Self.width - Self.left) / Double(max(years.count, 1))
        let bar = min(56, group * 0.32)
        func center(_ offset: Int) -> Double { Self.left + group * (Double(offset) + 0.5) }
        var placer = ChartLabelPlacer(bounds: ChartBox(x: 0, y: 0, width: Self.width, height: Self.plotTop + Self.plotHeight + 90))
        // A label `width` wide (measured once, `ChartText.width`) centred on x, moved into the viewBox.
        func inside(_ width: Double, x: Double, y: Double) -> (x: Double, y: Double) {
            let half = width / 2
            return (min(max(x, half + 0.5), Self.width - half - 0.5), y)
        }
        let unitLabel = "単位：\(unit.rawValue)"
        placer.reserve(ChartText.box(unitLabel, fontSize: Self.labelSize, x: 0, y: 16))
        // The years under the plot, on a second row where neighbours would touch.
        let yearBaseline = Self.plotTop + Self.plotHeight + 36
        let yearSpots = years.enumerated().map { offset, year in
            let width = ChartText.width(year.label, fontSize: Self.labelSize)
            return placer.place(
                width: width, fontSize: Self.labelSize, anchor: .middle,
                at: [inside(width, x: center(offset), y: yearBaseline),
                     inside(width, x: center(offset), y: yearBaseline + ChartText.lineHeight(Self.labelSize) + 1)])
        }
        let secondRow = yearSpots.contains { $0.y > yearBaseline } ? ChartText.lineHeight(Self.labelSize) + 1 : 0
        let legendY = Self.plotTop + Self.plotHeight + 50 + secondRow
        let height = legendY + 22
        var svg = SVGWriter(scope: scope)
        let stripes = GradePatterns.fill(.stripes, in: svg)
        svg.openChart("chart chart-effects", width: Self.width, height: height, title: title)
        writeDescription(to: &svg)
        svg.end("desc")
        GradePatterns.definitions(&svg, styles: [.stripes], ranked: true)
        svg.text("chart-label", x: 0, y: 16, unitLabel)

        for (offset, year) in years.enumerated() {
            let center = center(offset)
            let bars: [(Money?, Double, Bool, String?, String?)] = [
                (year.expected, center - bar - 2, false, year.expectedText, year.expectedFigure),
                (year.actual, center + 2, true, year.actualText, year.actualFigure),
            ]
            for (amount, x, isActual, written, figure) in bars {
                guard let amount else { continue }
                let value = amount.amount(in: unit).doubleValue
                let barTop = min(y(value), zero)
                let barHeight = max(abs(y(value) - zero), 1)
                svg.rect(
                    isActual ? "chart-segment chart-actual" : "chart-segment chart-expected", x: x, y: barTop, width: bar,
                    height: barHeight, fill: isActual ? nil : stripes)
                // The amount over its bar (under it when negative), else further out.
                let text = written ?? year.figure(amount, given: figure, unit: unit)
                let outward: [Double] = value >= 0
                    ? [barTop - 4, barTop - 20, barTop - 36] : [barTop + barHeight + 14]
                // Left off when it fits nowhere (the table beside the chart gives every amount).
                let width = ChartText.width(text, fontSize: Self.labelSize)
                if let spot = placer.placeIfFits(
                    width: width, fontSize: Self.labelSize, anchor: .middle,
                    at: outward.map { inside(width, x: x + bar / 2, y: $0) })
                {
                    svg.text("chart-value", x: spot.x, y: spot.y, anchor: "middle", text)
                }
            }
            svg.text("chart-label", x: yearSpots[offset].x, y: yearSpots[offset].y, anchor: "middle", year.label)
        }
        svg.line("chart-axis", x1: 0, x2: Self.width, y1: zero, y2: zero)
        Self.drawLegend(&svg, y: legendY, stripes: stripes)
        svg.end("svg")
        return svg.bytes
    }

    /// The legend: a swatch of each bar's pattern and what it is.
    static func drawLegend(_ svg: inout SVGWriter, y: Double, stripes: String?) {
        svg.rect("chart-segment chart-expected", x: 0, y: y, width: 18, height: 18, fill: stripes)
        svg.text("chart-label", x: 26, y: y + 14, "効果見込額")
        svg.rect("chart-segment chart-actual", x: 160, y: y, width: 18, height: 18)
        svg.text("chart-label", x: 186, y: y + 14, "効果額（実績）")
    }

    /// The text equivalent, written into the chart's `<desc>`: 「2017年度：見込額 61,990千円、実績
    /// 45,181千円。2018年度：…」.
    func writeDescription(to svg: inout SVGWriter) {
        for (offset, year) in years.enumerated() {
            if offset > 0 { svg.literal("。") }
            svg.escaped(year.label)
            svg.literal("：見込額 ")
            writeSpoken(year.expected, figure: year.expectedFigure, approximate: year.expectedApproximate, to: &svg)
            svg.literal("、実績 ")
            writeSpoken(year.actual, figure: year.actualFigure, approximate: year.actualApproximate, to: &svg)
        }
    }

    /// `spoken(…)`, written where it goes, from the figure the table made when it made one.
    private func writeSpoken(_ money: Money?, figure: String?, approximate: String?, to svg: inout SVGWriter) {
        guard let money, let figure else {
            return svg.escaped(Self.spoken(money, approximate: approximate, unit: unit))
        }
        svg.escaped(figure)
        svg.escaped(unit.rawValue)
    }

    /// An amount in the text equivalent: the amount, an approximate figure as written with
    /// 「（概数）」, else 「なし」.
    static func spoken(_ money: Money?, approximate: String?, unit: MoneyUnit) -> String {
        if let money { return money.formatted(in: unit) }
        return approximate.map { "\($0)（概数）" } ?? "なし"
    }
}
