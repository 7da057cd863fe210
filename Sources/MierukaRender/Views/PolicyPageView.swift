/// A policy's page: its text, sub-policies, KPIs, grade distribution and items.
public struct PolicyPageView: TemplateView {
    public let plan: PlanHeaderView
    public let policy: PolicyNodeView
    public let parent: LinkView?
    public let kpiTable: KPITableView?
    public let matrices: [PolicyMatrixView]
    public let gradeTable: GradeTableView?
    public let effectTable: EffectTableView?
    public let items: ItemTableView

    public static let fields = FieldTable<PolicyPageView>(
        "policy page",
        [
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
