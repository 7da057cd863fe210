/// KPIs with baseline, target, each year's actual (and grade), and progress.
public struct KPITableView: TemplateView {
    public let caption: String
    public let years: [String]
    public let rows: [KPIRowView]
    /// Some KPI has a baseline and a numeric target, so the progress column means something.
    public let hasProgress: Bool
    /// One line chart per KPI that has actuals to compare (the table is their text equivalent).
    public let charts: [KPIChartView]

    public static let fields = FieldTable<KPITableView>(
        "KPI table",
        [
            .text("caption") { $0.caption },
            .texts("years") { $0.years },
            .flag("hasYears") { !$0.years.isEmpty },
            .list("rows", KPIRowView.self) { $0.rows },
            .flag("hasProgress") { $0.hasProgress },
            .list("charts", KPIChartView.self) { $0.charts },
            .flag("hasCharts") { !$0.charts.isEmpty },
        ])
}

/// A KPI's chart with the words of its caption.
public struct KPIChartView: TemplateView {
    public let caption: String
    public let chartHTML: String

    public static let fields = FieldTable<KPIChartView>(
        "KPI chart",
        [
            .text("caption") { $0.caption },
            .html("chartHTML") { $0.chartHTML },
        ])
}

public struct KPIRowView: TemplateView {
    public let name: String
    public let unit: String
    public let baseline: String
    public let baselineYear: String?
    public let target: String
    public let targetYear: String?
    /// Target − baseline, e.g. 「△2人」.
    public let change: String?
    /// 「減少を目指す指標」 for KPIs that should fall.
    public let direction: String?
    public let cells: [KPICellView]
    public let progress: String
    /// The year the progress is computed for.
    public let progressYear: String?
    public let note: String?

    public static let fields = FieldTable<KPIRowView>(
        "KPI row",
        [
            .text("name") { $0.name },
            .text("unit") { $0.unit },
            .text("baseline") { $0.baseline },
            .text("baselineYear") { $0.baselineYear },
            .text("target") { $0.target },
            .text("targetYear") { $0.targetYear },
            .text("change") { $0.change },
            .text("direction") { $0.direction },
            .list("cells", KPICellView.self) { $0.cells },
            .text("progress") { $0.progress },
            .text("progressYear") { $0.progressYear },
            .text("note") { $0.note },
        ])
}

public struct KPICellView: TemplateView {
    public let value: String
    public let grade: GradeView?

    public static let fields = FieldTable<KPICellView>(
        "KPI cell",
        [
            .text("value") { $0.value },
            .view("grade", GradeView.self) { $0.grade },
        ])
}
