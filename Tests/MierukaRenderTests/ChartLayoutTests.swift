import Foundation
import MierukaModel
import Testing

@testable import MierukaRender

/// The charts keep every label inside the viewBox and off the others, by the widths `ChartText`
/// estimates (scripts/check-charts.py measures the same in Chromium with real fonts). Made-up data.
@Suite struct ChartLayoutTests {
    /// A label as written: its lines' baselines and texts, anchor and font size (by the theme's classes).
    struct Label {
        let lines: [(x: Double, y: Double, text: String)]
        let anchor: ChartText.Anchor
        let fontSize: Double
        let bold: Bool

        var boxes: [ChartBox] {
            lines.map { ChartText.box($0.text, fontSize: fontSize, bold: bold, x: $0.x, y: $0.y, anchor: anchor) }
        }
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    static func unescaped(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The viewBox and labels of one chart's SVG.
    static func parse(_ svg: String) throws -> (viewBox: ChartBox, labels: [Label]) {
        let view = try #require(attribute("viewBox", in: Substring(svg)))
            .split(separator: " ").compactMap { Double($0) }
        try #require(view.count == 4)
        var labels: [Label] = []
        for chunk in svg.components(separatedBy: "<text ").dropFirst() {
            let tag = chunk.prefix { $0 != ">" }
            let body = chunk.dropFirst(tag.count + 1)
            let content = body.components(separatedBy: "</text>").first ?? ""
            let cls = attribute("class", in: tag) ?? ""
            let anchor: ChartText.Anchor =
                switch attribute("text-anchor", in: tag) {
                case "middle": .middle
                case "end": .end
                default: .start
                }
            var lines: [(x: Double, y: Double, text: String)] = []
            if content.contains("<tspan") {
                for span in content.components(separatedBy: "<tspan").dropFirst() {
                    let spanTag = span.prefix { $0 != ">" }
                    let text = span.dropFirst(spanTag.count + 1).prefix { $0 != "<" }
                    lines.append(
                        (try #require(Double(attribute("x", in: spanTag) ?? "")),
                         try #require(Double(attribute("y", in: spanTag) ?? "")), unescaped(text)))
                }
            } else {
                lines.append(
                    (try #require(Double(attribute("x", in: tag) ?? "")), try #require(Double(attribute("y", in: tag) ?? "")),
                     unescaped(Substring(content))))
            }
            let small = cls.contains("chart-tick") || cls.contains("chart-number")
            labels.append(Label(lines: lines, anchor: anchor, fontSize: small ? 12 : 13, bold: cls.contains("chart-number")))
        }
        return (ChartBox(x: view[0], y: view[1], width: view[2], height: view[3]), labels)
    }

    /// Every label inside the viewBox, and no two labels over each other.
    static func expectLaidOut(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (viewBox, labels) = try parse(svg)
        #expect(!labels.isEmpty, sourceLocation: sourceLocation)
        for label in labels {
            for (box, line) in zip(label.boxes, label.lines) {
                #expect(box.isInside(viewBox), "「\(line.text)」 leaves the viewBox: \(box)", sourceLocation: sourceLocation)
            }
        }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] {
                for boxA in a.boxes {
                    for boxB in b.boxes where boxA.intersects(boxB, gap: 0) {
                        #expect(
                            Bool(false), "「\(a.lines.map(\.text))」 and 「\(b.lines.map(\.text))」 overlap",
                            sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test func fullWidthCharactersAreAWholeEmAndDigitsLess() {
        #expect(ChartText.width("目標", fontSize: 13) == 26)
        #expect(ChartText.width("9,718", fontSize: 13) < ChartText.width("９，７１８", fontSize: 13))
        #expect(ChartText.width("△50", fontSize: 10) >= 10 + 2 * 5.5)
        #expect(ChartText.width("12", fontSize: 12, bold: true) > ChartText.width("12", fontSize: 12))
    }

    @Test func wrappingBreaksBetweenJapaneseCharactersButNeverInsideANumber() {
        let text = "目標 年間延べ1,234,567人以上の参加を維持し、さらに増やす"
        let lines = ChartText.wrap(text, maxWidth: 120, fontSize: 13)
        #expect(lines.count > 1)
        for line in lines { #expect(ChartText.width(line, fontSize: 13) <= 120, "「\(line)」") }
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
        #expect(lines.contains { $0.contains("1,234,567") })
        // Closing punctuation stays with the character before it.
        #expect(!lines.contains { $0.hasPrefix("、") })
        #expect(ChartText.wrap("短い", maxWidth: 120, fontSize: 13) == ["短い"])
    }

    @Test func aKPIChartKeepsALongTargetAndWideNumbersInside() throws {
        let points = (2016...2021).map { year in
            KPILineChart.Point(
                year: year, yearLabel: "平成\(year - 1988)年度", value: 2_750_000 + Double(year - 2016) * 60_000,
                text: "約\(275 + (year - 2016) * 6)万件（速報値）")
        }
        let chart = KPILineChart(
            scope: "t/kpi", title: "ホームページアクセス数の推移",
            baseline: KPILineChart.Point(year: 2015, yearLabel: "平成27年度", value: 2_700_000, text: "約270万件"),
            target: KPILineChart.Point(
                year: 2021, yearLabel: "令和3年度", value: 3_000_000, text: "年間3,000,000件以上を維持（計画期間の最終年度）"),
            actuals: points)
        let svg = try #require(chart.html)
        try Self.expectLaidOut(svg)
        #expect(svg.contains("<tspan"), "the long target label is wrapped")
    }

    @Test func aKPIChartsFirstValueStaysOffTheAxisNumbers() throws {
        // kodaira-3/01/ had 「9,855人」 over the axis number 9,900 and 9,600 over 平成28年度.
        let chart = KPILineChart(
            scope: "t/kpi2", title: "来場者数の推移", baseline: nil,
            target: KPILineChart.Point(year: 2021, yearLabel: "令和3年度", value: 10_000, text: "10,000人"),
            actuals: [
                KPILineChart.Point(year: 2016, yearLabel: "平成28年度", value: 9_855, text: "9,855人"),
                KPILineChart.Point(year: 2017, yearLabel: "平成29年度", value: 9_700, text: "9,700人"),
            ])
        try Self.expectLaidOut(try #require(chart.html))
    }

    @Test func anEffectChartOfManyYearsStaggersItsLabels() throws {
        var years: [EffectBarChart.Year] = []
        for offset in 0..<10 {
            let expected: Int64 = 1_234_567_000 + Int64(offset) * 1_000_000
            let actual: Int64 = offset % 3 == 0 ? -345_678_000 : 1_345_678_000
            years.append(
                EffectBarChart.Year(
                    label: "令和\(offset + 1)年度", expected: Money(yen: expected), actual: Money(yen: actual)))
        }
        let chart = EffectBarChart(scope: "t/effects", title: "財政効果額の推移", unit: .thousandYen, years: years)
        try Self.expectLaidOut(try #require(chart.html))
    }

    @Test func aGradeChartWrapsALongLegend() throws {
        let grades = [
            Grade(code: "A", label: "計画どおり進捗しており、計画期間内に目標を達成できる見込みである"),
            Grade(code: "B", label: "おおむね計画どおり"),
            Grade(code: "C", label: "計画より遅れており、目標の達成には取組の見直しが必要である"),
        ]
        let chart = GradeBarChart(
            scope: "t/grades", title: "評価の分布", grades: grades, ranked: true,
            rows: [
                GradeBarChart.Row(label: String(repeating: "市民サービスの向上と行政運営の効率化", count: 3), counts: [3, 2, 1], ungraded: 1),
                GradeBarChart.Row(label: "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", counts: [0, 1, 0], ungraded: 0),
            ])
        let svg = try #require(chart.html)
        try Self.expectLaidOut(svg)
        #expect(svg.contains("<tspan"))
    }
}
