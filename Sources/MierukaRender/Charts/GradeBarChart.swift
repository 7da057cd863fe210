import MierukaModel

/// A horizontal stacked bar per policy: how many items got each grade. Each segment has its
/// grade's pattern and, when wide enough, its count; the legend spells the grades out; the table
/// beside the chart gives every number (the chart's text equivalent).
struct GradeBarChart {
    struct Row {
        let label: String
        /// One count per grade of the scale, best first.
        let counts: [Int]
        let ungraded: Int

        var total: Int { counts.reduce(0, +) + ungraded }
    }

    let scope: String
    /// What the chart shows (the table's caption).
    let title: String
    let grades: [Grade]
    /// Whether the plan ranks the scale best first; only then are grades coloured better and worse.
    let ranked: Bool
    let rows: [Row]

    static let width = 640.0
    static let barHeight = 22.0
    static let rowHeight = 50.0
    /// The font size of the theme's `.chart text`.
    static let labelSize = 13.0

    /// The SVG as text (for tests; pages take `markup`).
    var html: String? { markup.map { String(decoding: $0, as: UTF8.self) } }

    /// The SVG as UTF-8 bytes, as the page's template writes it. Nil when there is nothing to draw.
    var markup: [UInt8]? {
        guard let longest = rows.map(\.total).max(), longest > 0 else { return nil }
        var svg = SVGWriter(scope: scope)
        let hasUngraded = rows.contains { $0.ungraded > 0 }
        let styles = grades.indices.map { GradePatterns.style(rank: $0, of: grades.count, ranked: ranked) } + (hasUngraded ? [.empty] : [])
        // The legend: two columns, each label wrapped to its column; a row as tall as its
        // longer label.
        let labels = grades.map(\.spelledOut) + (hasUngraded ? ["未評価"] : [])
        let legendLines = labels.map { ChartText.wrap($0, maxWidth: Self.width / 2 - 26 - 8, fontSize: Self.labelSize) }
        let lineHeight = ChartText.lineHeight(Self.labelSize)
        var legendRowTops: [Double] = []
        var legendBottom = Double(rows.count) * Self.rowHeight + 12
        for pair in stride(from: 0, to: legendLines.count, by: 2) {
            legendRowTops.append(legendBottom)
            let lines = legendLines[pair..<min(pair + 2, legendLines.count)].map(\.count).max() ?? 1
            legendBottom += 24 + Double(lines - 1) * lineHeight
        }
        let height = legendBottom
        let plotWidth = Self.width - 70
        svg.openChart("chart chart-grades", width: Self.width, height: height, title: title)
        writeDescription(to: &svg)
        svg.end("desc")
        GradePatterns.definitions(&svg, styles: styles, ranked: ranked)
        // Each style's fill, named once (a row of ungraded listings has the last, `.empty`, style).
        let fills = styles.map { GradePatterns.fill($0, in: svg) }

        for (offset, row) in rows.enumerated() {
            let top = Double(offset) * Self.rowHeight
            svg.text("chart-label", x: 0, y: top + 16, Self.shortened(row.label))
            var x = 0.0
            let barTop = top + 22
            let segments = row.counts.enumerated().map { ($0.offset, $0.element) } + [(grades.count, row.ungraded)]
            for (rank, count) in segments where count > 0 {
                let width = plotWidth * Double(count) / Double(longest)
                let colour = rank < grades.count ? GradePatterns.colourClass(rank: rank, of: grades.count, ranked: ranked) : "chart-none"
                svg.rect(
                    "chart-segment \(colour)", x: x, y: barTop, width: width, height: Self.barHeight,
                    fill: fills[rank])
                if width >= 24 {
                    Self.boxedNumber(&svg, String(count), centerX: x + width / 2, centerY: barTop + Self.barHeight / 2)
                }
                x += width
            }
            svg.text("chart-value", x: x + 6, y: barTop + 16, "計\(row.total)")
        }

        // Legend: a swatch with the pattern, the code and what it means.
        for (offset, lines) in legendLines.enumerated() {
            let x = offset % 2 == 0 ? 0.0 : Self.width / 2
            let y = legendRowTops[offset / 2]
            let colour = offset < grades.count ? GradePatterns.colourClass(rank: offset, of: grades.count, ranked: ranked) : "chart-none"
            svg.rect("chart-segment \(colour)", x: x, y: y, width: 18, height: 18, fill: fills[offset])
            svg.text("chart-label", x: x + 26, y: y + 14, lines: lines, lineHeight: lineHeight)
        }
        svg.end("svg")
        return svg.bytes
    }

    /// What a screen reader says for the chart, written into its `<desc>`: the totals in words
    /// (the table has the rest): 「計：「達成」 3項目、…。…」.
    func writeDescription(to svg: inout SVGWriter) {
        for (offset, row) in rows.enumerated() {
            if offset > 0 { svg.literal("。") }
            svg.escaped(row.label)
            svg.literal("：")
            var parts = 0
            for (grade, count) in zip(grades, row.counts) {
                if parts > 0 { svg.literal("、") }
                svg.escaped(grade.spelledOut)
                svg.escaped(" \(count)項目")
                parts += 1
            }
            if row.ungraded > 0 {
                if parts > 0 { svg.literal("、") }
                svg.escaped("未評価 \(row.ungraded)項目")
            }
        }
    }

    /// A number on a white box, readable on any pattern.
    static func boxedNumber(_ svg: inout SVGWriter, _ text: String, centerX: Double, centerY: Double) {
        let boxWidth = 8.0 + 8.0 * Double(text.count)
        svg.rect("chart-number-box", x: centerX - boxWidth / 2, y: centerY - 8, width: boxWidth, height: 16)
        svg.text("chart-number", x: centerX, y: centerY + 4.5, anchor: "middle", text)
    }

    /// Long policy titles are cut to fit one line (the table beside the chart has them whole).
    /// Cut to `limit` characters and to the chart's width as `ChartText` measures it.
    static func shortened(_ label: String, limit: Int = 42) -> String {
        var cut = label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
        while ChartText.width(cut, fontSize: labelSize) > width, cut.count > 1 {
            cut = String(cut.dropLast(cut.hasSuffix("…") ? 2 : 1)) + "…"
        }
        return cut
    }
}
