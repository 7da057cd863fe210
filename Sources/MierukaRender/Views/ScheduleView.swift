/// An item's schedule (取組の工程) as the plan writes it, one row per step, with the results of the
/// step's years beside it.
package struct ScheduleView: TemplateView {
    package let caption: String
    package let rows: [ScheduleRowView]

    package static let fields = FieldTable<ScheduleView>(
        "schedule",
        [
            .text("caption") { $0.caption },
            .list("rows", ScheduleRowView.self) { $0.rows },
        ])
}

package struct ScheduleRowView: TemplateView {
    /// 令和6年度 or 令和6年度～令和9年度, as the step is written.
    package let years: String
    /// 検討, 試行, 実施 … in the plan's words.
    package let step: String
    /// The grade or state of each of the step's years that has a result, oldest first.
    package let results: [ScheduleResultView]

    package static let fields = FieldTable<ScheduleRowView>(
        "schedule row",
        [
            .text("years") { $0.years },
            .text("step") { $0.step },
            .list("results", ScheduleResultView.self) { $0.results },
            .flag("hasResults") { !$0.results.isEmpty },
        ])
}

package struct ScheduleResultView: TemplateView {
    package let year: String
    package let reportURL: String
    package let value: GradeOrStateView

    package static let fields = FieldTable<ScheduleResultView>(
        "schedule result",
        [
            .text("year") { $0.year },
            .text("reportURL") { $0.reportURL },
            .view("value", GradeOrStateView.self) { $0.value },
        ])
}
