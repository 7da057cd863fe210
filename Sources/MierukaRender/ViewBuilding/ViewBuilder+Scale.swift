import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// 「評価の区分と基準」: the plan's grades, then the states it gives instead of a grade, each
    /// with its criterion as written; only for a plan that writes criteria (`definition:`).
    func scaleView(_ plan: Plan) -> ScaleView? {
        scaleView(grades: plan.grades, states: plan.states, heading: plan.statesHeading, caption: "評価の区分と基準")
    }

    /// 「着手状況の区分と基準」: one table per status axis whose grades or states have criteria
    /// (`definition:`), in the plan's order of axes; axes without criteria have none.
    func axisScaleViews(_ plan: Plan) -> [ScaleView] {
        plan.axes.compactMap { axis in
            scaleView(grades: axis.grades, states: axis.states, heading: axis.statesHeading, caption: "\(axis.name)の区分と基準")
        }
    }

    private func scaleView(grades: GradeScale, states: GradeScale, heading: String, caption: String) -> ScaleView? {
        let all = grades.grades + states.grades
        guard all.contains(where: { $0.definition != nil }) else { return nil }
        let hasCodes = all.contains { $0.hasCode }
        let rows = grades.grades.map { row($0, hasCodes: hasCodes) }
            + states.grades.map { row($0, hasCodes: hasCodes, state: heading) }
        return ScaleView(caption: caption, hasCodes: hasCodes, rows: rows)
    }

    /// `state`: the heading over the plan's or axis's states, for a state's row (「対象外（評価の対象外）」).
    private func row(_ grade: Grade, hasCodes: Bool, state: String? = nil) -> ScaleRowView {
        let label = state.map { "\(grade.label)（\($0)）" } ?? grade.label
        return ScaleRowView(
            code: grade.hasCode ? grade.code : "", label: label,
            definition: grade.definition ?? "—", hasCodes: hasCodes)
    }
}
