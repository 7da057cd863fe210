/// The departments (担当部局) of a plan.
public struct DepartmentsPageView: TemplateView {
    public let plan: PlanHeaderView
    public let departments: [DepartmentSummaryView]

    public static let fields = FieldTable<DepartmentsPageView>(
        "departments page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .list("departments", DepartmentSummaryView.self) { $0.departments },
        ])
}

public struct DepartmentSummaryView: TemplateView {
    public let name: String
    public let url: String
    public let itemCount: String

    public static let fields = FieldTable<DepartmentSummaryView>(
        "department summary",
        [
            .text("name") { $0.name },
            .text("url") { $0.url },
            .text("itemCount") { $0.itemCount },
        ])
}

/// One department's items in a plan.
public struct DepartmentPageView: TemplateView {
    public let plan: PlanHeaderView
    public let name: String
    public let items: ItemTableView

    public static let fields = FieldTable<DepartmentPageView>(
        "department page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .text("name") { $0.name },
            .view("items", ItemTableView.self) { $0.items },
        ])
}
