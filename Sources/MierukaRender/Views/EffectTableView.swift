/// Expected against actual financial effect per policy (効果見込額・実績効果額).
public struct EffectTableView: TemplateView {
    public let caption: String
    public let isDeclared: Bool
    public let source: String?
    public let rowHeading: String
    /// "千円"
    public let unit: String
    public let rows: [EffectRowView]
    public let total: EffectRowView

    public static let fields = FieldTable<EffectTableView>(
        "effect table",
        [
            .text("caption") { $0.caption },
            .flag("isDeclared") { $0.isDeclared },
            .text("source") { $0.source },
            .text("rowHeading") { $0.rowHeading },
            .text("unit") { $0.unit },
            .list("rows", EffectRowView.self) { $0.rows },
            .view("total", EffectRowView.self) { $0.total },
        ])
}

public struct EffectRowView: TemplateView {
    public let title: String
    public let url: String?
    public let expected: String
    public let actual: String
    public let difference: String
    public let rate: String

    public static let fields = FieldTable<EffectRowView>(
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

/// Effects year by year with running totals (an item's, or a plan's).
public struct EffectByYearView: TemplateView {
    public let caption: String
    public let unit: String
    public let rows: [EffectYearRowView]
    public let total: EffectYearRowView
    /// Expected against actual per year as a bar chart (inline SVG; the table is its text equivalent).
    public let chartHTML: String?

    public static let fields = FieldTable<EffectByYearView>(
        "effect by year",
        [
            .text("caption") { $0.caption },
            .text("unit") { $0.unit },
            .list("rows", EffectYearRowView.self) { $0.rows },
            .view("total", EffectYearRowView.self) { $0.total },
            .html("chartHTML") { $0.chartHTML },
        ])
}

public struct EffectYearRowView: TemplateView {
    public let year: String
    public let expected: String
    public let actual: String
    public let difference: String
    public let cumulativeExpected: String
    public let cumulativeActual: String
    /// Actual over expected (「83.2%」), or 「—」.
    public let rate: String

    public static let fields = FieldTable<EffectYearRowView>(
        "effect year row",
        [
            .text("year") { $0.year },
            .text("expected") { $0.expected },
            .text("actual") { $0.actual },
            .text("difference") { $0.difference },
            .text("cumulativeExpected") { $0.cumulativeExpected },
            .text("cumulativeActual") { $0.cumulativeActual },
            .text("rate") { $0.rate },
        ])
}
