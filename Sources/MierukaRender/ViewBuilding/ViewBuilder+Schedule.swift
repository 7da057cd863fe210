import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// 「取組の工程」: the item's schedule as written, with the grade or state of each scheduled year
    /// that has a result. Nothing is derived: a year's result is shown beside the step it falls in.
    func schedule(_ planIndex: PlanIndex, _ itemIndex: Int) -> ScheduleView? {
        let plan = planIndex.plan
        let item = plan.items[itemIndex]
        guard !item.schedule.isEmpty else { return nil }
        let format = PlanFormatter(plan: plan)
        let rows = item.schedule.map { step in
            ScheduleRowView(
                years: step.years.label(plan.yearStyle), step: step.text,
                results: item.results.filter { step.years.contains($0.year) && ($0.grade != nil || $0.state != nil) }
                    .map { result in
                        ScheduleResultView(
                            year: format.year(result.year),
                            reportURL: reportHref(plan, result.year),
                            value: gradeOrState(plan, grade: result.grade, state: result.state))
                    })
        }
        return ScheduleView(caption: "取組の工程（計画）と各年度の評価", rows: rows)
    }
}
