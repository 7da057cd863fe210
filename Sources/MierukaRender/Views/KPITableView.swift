/// KPIs with baseline, target, each year's actual (and grade), and progress.
package struct KPITableView: TemplateView {
    package let caption: String
    package let years: [String]
    package let rows: [KPIRowView]
    /// Some KPI has a baseline and a numeric target, so the progress column means something.
    package let hasProgress: Bool
    /// One line chart per KPI that has actuals to compare (the table is their text equivalent).
    package let charts: [KPIChartView]
    /// Some value shown is provisional (見込み, 速報値): the table says it is not used for 進捗率.
    package var hasProvisional = false

    package static let fields = FieldTable<KPITableView>(
        "KPI table",
        [
            .text("caption") { $0.caption },
            .texts("years") { $0.years },
            .flag("hasYears") { !$0.years.isEmpty },
            .list("rows", KPIRowView.self) { $0.rows },
            .flag("hasProgress") { $0.hasProgress },
            .list("charts", KPIChartView.self) { $0.charts },
            .flag("hasCharts") { !$0.charts.isEmpty },
            .flag("hasProvisional") { $0.hasProvisional },
        ])
}

/// A KPI's chart with the words of its caption.
package struct KPIChartView: TemplateView {
    package let caption: String
    /// The chart's inline SVG, as UTF-8 bytes (written into the page as they are).
    package let chartHTML: [UInt8]

    package static let fields = FieldTable<KPIChartView>(
        "KPI chart",
        [
            .text("caption") { $0.caption },
            .markup("chartHTML") { $0.chartHTML },
        ])
}

package struct KPIRowView: TemplateView {
    package let name: String
    package let unit: String
    package let baseline: String
    package let baselineYear: String?
    package let target: String
    package let targetYear: String?
    /// Target − baseline, e.g. 「△2人」.
    package let change: String?
    /// 「減少を目指す指標」 for KPIs that should fall.
    package let direction: String?
    package let cells: [KPICellView]
    package let progress: String
    /// The year the progress is computed for.
    package let progressYear: String?
    package let note: String?

    package static let fields = FieldTable<KPIRowView>(
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

package struct KPICellView: TemplateView {
    package let value: String
    package let grade: GradeView?
    /// Who gave the grade, when the report says (「自己評価」).
    package var gradedBy: String? = nil
    /// 「見込み・9月末」 when the value is not yet confirmed.
    package var provisional: String? = nil

    package static let fields = FieldTable<KPICellView>(
        "KPI cell",
        [
            .text("value") { $0.value },
            .view("grade", GradeView.self) { $0.grade },
            .text("gradedBy") { $0.gradedBy },
            .text("provisional") { $0.provisional },
        ])
}
