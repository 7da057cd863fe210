/// The plan's own KPIs (主要目標) as the report prints them: a column per year or span that has an
/// actual, the published rate where there is one, and Mieruka's exact comparison with a target
/// written as an inequality, marked as Mieruka's.
package struct PlanKPITableView: TemplateView {
    package let title: String
    /// 「実績（平成20年度）」, 「累計（平成20年度～平成22年度）」.
    package let columns: [String]
    /// The published rate's heading (達成率, 進捗率), when any KPI has one.
    package let rateHeading: String?
    package let hasComparison: Bool
    package let rows: [PlanKPIRowView]
    /// What the marks in cells mean (見込み …) and what Mieruka compared.
    package let comparisonNote: String?
    package let note: String?
    package let source: String?

    package static let fields = FieldTable<PlanKPITableView>(
        "plan KPI table",
        [
            .text("title") { $0.title },
            .texts("columns") { $0.columns },
            .text("rateHeading") { $0.rateHeading },
            .flag("hasComparison") { $0.hasComparison },
            .list("rows", PlanKPIRowView.self) { $0.rows },
            .text("comparisonNote") { $0.comparisonNote },
            .text("note") { $0.note },
            .text("source") { $0.source },
        ])
}

package struct PlanKPIRowView: TemplateView {
    package let name: String
    package let baseline: String
    package let baselineYear: String?
    package let target: String
    package let targetYear: String?
    package let cells: [PlanKPICellView]
    package let rate: String?
    /// 「達成」, 「未達成」 or 「—」 (Mieruka's comparison).
    package let comparison: String
    package let note: String?

    package static let fields = FieldTable<PlanKPIRowView>(
        "plan KPI row",
        [
            .text("name") { $0.name },
            .text("baseline") { $0.baseline },
            .text("baselineYear") { $0.baselineYear },
            .text("target") { $0.target },
            .text("targetYear") { $0.targetYear },
            .list("cells", PlanKPICellView.self) { $0.cells },
            .text("rate") { $0.rate },
            .text("comparison") { $0.comparison },
            .text("note") { $0.note },
        ])
}

package struct PlanKPICellView: TemplateView {
    package let value: String
    /// 「（目標 91.6パーセント）」: the interim target printed beside the actual.
    package let interimTarget: String?
    /// 見込み, 速報値.
    package let provisional: String?

    package static let fields = FieldTable<PlanKPICellView>(
        "plan KPI cell",
        [
            .text("value") { $0.value },
            .text("interimTarget") { $0.interimTarget },
            .text("provisional") { $0.provisional },
        ])
}
