/// Expected against actual financial effect per policy (効果見込額・実績効果額).
package struct EffectTableView: TemplateView {
    package let caption: String
    package let isDeclared: Bool
    package let source: String?
    package let rowHeading: String
    /// "千円"
    package let unit: String
    package let rows: [EffectRowView]
    package let total: EffectRowView
    /// What in the table Mieruka computed (differences and rates; the whole table when it sums the
    /// items), said under it.
    package let derivedNote: String

    /// Summed by Mieruka from the transcribed items rather than published by the city (集計).
    package var isDerived: Bool { !isDeclared }

    package static let fields = FieldTable<EffectTableView>(
        "effect table",
        [
            .text("caption") { $0.caption },
            .flag("isDeclared") { $0.isDeclared },
            .text("source") { $0.source },
            .text("rowHeading") { $0.rowHeading },
            .text("unit") { $0.unit },
            .list("rows", EffectRowView.self) { $0.rows },
            .view("total", EffectRowView.self) { $0.total },
            .text("derivedNote") { $0.derivedNote },
            .flag("isDerived") { $0.isDerived },
        ])
}

package struct EffectRowView: TemplateView {
    package let title: String
    package let url: String?
    package let expected: String
    package let actual: String
    package let difference: String
    package let rate: String

    package static let fields = FieldTable<EffectRowView>(
        "effect row",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .text("expected") { $0.expected },
            .text("actual") { $0.actual },
            .text("difference") { $0.difference },
            .text("rate") { $0.rate },
        ])
}

/// Effects year by year, with running totals (累計) only where a rule allows them: the city's own
/// (公表値), or a sum over an unbroken run of fiscal years from the plan's first year.
package struct EffectByYearView: TemplateView {
    package let caption: String
    package let unit: String
    package let rows: [EffectYearRowView]
    /// The 累計 row, only when the years shown run unbroken from the plan's first year.
    package let total: EffectYearRowView?
    /// Expected against actual per year as a bar chart (inline SVG as UTF-8 bytes;
    /// the table is its text equivalent).
    package let chartHTML: [UInt8]?
    /// Which years the table holds, and why it gives no 累計 when it gives none.
    package let yearsNote: String?
    /// What Mieruka computed in the table, and by which rule.
    package let derivedNote: String

    package static let fields = FieldTable<EffectByYearView>(
        "effect by year",
        [
            .text("caption") { $0.caption },
            .text("unit") { $0.unit },
            .list("rows", EffectYearRowView.self) { $0.rows },
            .view("total", EffectYearRowView.self) { $0.total },
            .markup("chartHTML") { $0.chartHTML },
            .text("yearsNote") { $0.yearsNote },
            .text("derivedNote") { $0.derivedNote },
        ])
}

package struct EffectYearRowView: TemplateView {
    package let year: String
    /// Where the year's amounts come from: 「公表値」 (the city's table) or 「集計」 (Mieruka's sum of
    /// the items); nil when they are an item's own amounts.
    package let basis: String?
    package let expected: String
    package let actual: String
    package let difference: String
    package let cumulativeExpected: String
    package let cumulativeActual: String
    /// The 累計 is the city's own (公表値), not Mieruka's sum.
    package let cumulativeIsPublished: Bool
    /// Actual over expected (「83.2%」), or 「—」.
    package let rate: String

    package static let fields = FieldTable<EffectYearRowView>(
        "effect year row",
        [
            .text("year") { $0.year },
            .text("basis") { $0.basis },
            .text("expected") { $0.expected },
            .text("actual") { $0.actual },
            .text("difference") { $0.difference },
            .text("cumulativeExpected") { $0.cumulativeExpected },
            .text("cumulativeActual") { $0.cumulativeActual },
            .flag("cumulativeIsPublished") { $0.cumulativeIsPublished },
            .text("rate") { $0.rate },
        ])
}
