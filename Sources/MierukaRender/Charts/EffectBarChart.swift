import MierukaModel

/// Expected against actual financial effect per fiscal year: two bars per year, the expected one
/// hatched in outline and the actual one solid, each with its amount written on it; negative
/// amounts go below the zero line. The table beside it is the text equivalent.
struct EffectBarChart {
    struct Year {
        let label: String
        let expected: Money?
        let actual: Money?
    }

    let scope: String
    let title: String
    let unit: MoneyUnit
    let years: [Year]

    static let width = 640.0
    static let plotTop = 24.0
    static let plotHeight = 180.0
    static let left = 8.0

    var html: String? {
        let amounts = years.flatMap { [$0.expected, $0.actual] }.compactMap { $0?.amount(in: unit).doubleValue }
        guard !amounts.isEmpty, let top = amounts.max(), let bottom = amounts.min() else { return nil }
        let high = max(top, 0)
        let low = min(bottom, 0)
        let span = max(high - low, 1e-9)
        func y(_ value: Double) -> Double { Self.plotTop + (high - value) / span * Self.plotHeight }
        let zero = y(0)
        let height = Self.plotTop + Self.plotHeight + 70
        var svg = SVGWriter(scope: scope)
        svg.open(
            "svg",
            [
                ("class", "chart chart-effects"), ("role", "img"),
                ("viewBox", "0 0 \(Int(Self.width)) \(SVGWriter.number(height))"),
                ("aria-labelledby", .text(svg.id("title") + " " + svg.id("desc"))),
            ])
        svg.element("title", [("id", .text(svg.id("title")))], text: title)
        svg.element("desc", [("id", .text(svg.id("desc")))], text: description)
        GradePatterns.definitions(&svg, styles: [.stripes])
        svg.text("chart-label", x: 0, y: 14, "単位：\(unit.rawValue)")

        let group = (Self.width - Self.left) / Double(max(years.count, 1))
        let bar = min(56, group * 0.32)
        for (offset, year) in years.enumerated() {
            let center = Self.left + group * (Double(offset) + 0.5)
            let bars: [(Money?, Double, Bool)] = [(year.expected, center - bar - 2, false), (year.actual, center + 2, true)]
            for (amount, x, isActual) in bars {
                guard let amount else { continue }
                let value = amount.amount(in: unit).doubleValue
                let barTop = min(y(value), zero)
                let barHeight = max(abs(y(value) - zero), 1)
                svg.rect(
                    isActual ? "chart-segment chart-actual" : "chart-segment chart-expected", x: x, y: barTop, width: bar,
                    height: barHeight, fill: isActual ? nil : GradePatterns.fill(.stripes, in: svg))
                let labelY = value >= 0 ? barTop - 4 : barTop + barHeight + 13
                svg.text("chart-value", x: x + bar / 2, y: labelY, anchor: "middle", amount.amount(in: unit).formatted())
            }
            svg.text("chart-label", x: center, y: Self.plotTop + Self.plotHeight + 34, anchor: "middle", year.label)
        }
        svg.line("chart-axis", x1: 0, x2: Self.width, y1: zero, y2: zero)
        // Legend
        let legendY = Self.plotTop + Self.plotHeight + 48
        svg.rect("chart-segment chart-expected", x: 0, y: legendY, width: 18, height: 18, fill: GradePatterns.fill(.stripes, in: svg))
        svg.text("chart-label", x: 26, y: legendY + 14, "効果見込額")
        svg.rect("chart-segment chart-actual", x: 160, y: legendY, width: 18, height: 18)
        svg.text("chart-label", x: 186, y: legendY + 14, "効果額（実績）")
        svg.end("svg")
        return svg.output
    }

    var description: String {
        years.map { year in
            let expected = year.expected.map { $0.formatted(in: unit) } ?? "なし"
            let actual = year.actual.map { $0.formatted(in: unit) } ?? "なし"
            return "\(year.label)：見込額 \(expected)、実績 \(actual)"
        }.joined(separator: "。")
    }
}
