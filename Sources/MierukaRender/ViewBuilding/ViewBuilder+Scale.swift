import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// 「評価の区分と基準」: the plan's grades, then the states it gives instead of a grade, each
    /// with its criterion as written; only for a plan that writes criteria (`definition:`).
    func scaleView(_ plan: Plan) -> ScaleView? {
        let all = plan.grades.grades + plan.states.grades
        guard all.contains(where: { $0.definition != nil }) else { return nil }
        let hasCodes = all.contains { $0.hasCode }
        let rows = plan.grades.grades.map { row($0, hasCodes: hasCodes, state: false) }
            + plan.states.grades.map { row($0, hasCodes: hasCodes, state: true) }
        return ScaleView(caption: "評価の区分と基準", hasCodes: hasCodes, rows: rows)
    }

    private func row(_ grade: Grade, hasCodes: Bool, state: Bool) -> ScaleRowView {
        let label = state ? "\(grade.label)（評価の対象外）" : grade.label
        return ScaleRowView(
            code: grade.hasCode ? grade.code : "", label: label,
            definition: grade.definition ?? "—", hasCodes: hasCodes)
    }
}
