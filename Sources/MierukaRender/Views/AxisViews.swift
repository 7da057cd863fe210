/// One status axis on a year's report: its name, who graded on it, its counts (table and chart)
/// and its change from the previous year, each built by the rules of the plan's own grades.
package struct AxisReportView: TemplateView {
    /// The plan's name for the axis (「着手状況」).
    package let name: String
    /// The anchor of the axis's section (「axis-1」).
    package let id: String
    /// 「評価者：委員会評価（市の報告書による）」, when the report says who graded.
    package let gradedBy: String?
    package let gradeTable: GradeTableView?
    package let comparison: YearComparisonView?
    /// The counts the report publishes on the axis for the year (公表値), shown before Mieruka's own.
    package var publishedTable: GradeTableView? = nil

    package static let fields = FieldTable<AxisReportView>(
        "status axis of a year report",
        [
            .text("name") { $0.name },
            .text("id") { $0.id },
            .text("gradedBy") { $0.gradedBy },
            .view("gradeTable", GradeTableView.self) { $0.gradeTable },
            .view("publishedTable", GradeTableView.self) { $0.publishedTable },
            .view("comparison", YearComparisonView.self) { $0.comparison },
        ])
}

/// An item's value on one status axis in one year: the axis's name beside the grade (or state),
/// and who graded it when the report says so.
package struct AxisValueView: TemplateView {
    package let name: String
    package let value: GradeOrStateView
    /// 「委員会評価」
    package let gradedBy: String?
    /// How the grade was reached and the members' grades behind it, when the report says.
    package var composition: String? = nil

    package static let fields = FieldTable<AxisValueView>(
        "value on a status axis",
        [
            .text("name") { $0.name },
            .view("value", GradeOrStateView.self) { $0.value },
            .text("gradedBy") { $0.gradedBy },
            .text("composition") { $0.composition },
        ])
}

/// An item's values on one status axis across the years (「着手状況の推移」).
package struct AxisHistoryView: TemplateView {
    package let name: String
    package let id: String
    package let history: GradeHistoryView

    package static let fields = FieldTable<AxisHistoryView>(
        "history on a status axis",
        [
            .text("name") { $0.name },
            .text("id") { $0.id },
            .view("history", GradeHistoryView.self) { $0.history },
        ])
}
