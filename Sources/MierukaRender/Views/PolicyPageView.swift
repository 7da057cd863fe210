/// A policy's page: its text, sub-policies, KPIs, grade distribution and items.
package struct PolicyPageView: TemplateView {
    package let plan: PlanHeaderView
    package let policy: PolicyNodeView
    package let parent: LinkView?
    package let kpiTable: KPITableView?
    package let matrices: [PolicyMatrixView]
    package let gradeTable: GradeTableView?
    package let effectTable: EffectTableView?
    package let items: ItemTableView

    /// The effect tables of the plan's other kinds of amounts (単年度 / 継続), after `effectTable`.
    package var moreEffectTables: [EffectTableView] = []

    package static let fields = FieldTable<PolicyPageView>(
        "policy page",
        [
            .list("moreEffectTables", EffectTableView.self) { $0.moreEffectTables },
            .view("plan", PlanHeaderView.self) { $0.plan },
            .view("policy", PolicyNodeView.self) { $0.policy },
            .view("parent", LinkView.self) { $0.parent },
            .view("kpiTable", KPITableView.self) { $0.kpiTable },
            .list("matrices", PolicyMatrixView.self) { $0.matrices },
            .view("gradeTable", GradeTableView.self) { $0.gradeTable },
            .view("effectTable", EffectTableView.self) { $0.effectTable },
            .view("items", ItemTableView.self) { $0.items.rows.isEmpty ? nil : $0.items },
        ])
}
