/// The departments (担当部局) of a plan.
package struct DepartmentsPageView: TemplateView {
    package let plan: PlanHeaderView
    package let departments: [DepartmentSummaryView]

    package static let fields = FieldTable<DepartmentsPageView>(
        "departments page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .list("departments", DepartmentSummaryView.self) { $0.departments },
        ])
}

package struct DepartmentSummaryView: TemplateView {
    package let name: String
    package let url: String
    package let itemCount: String

    package static let fields = FieldTable<DepartmentSummaryView>(
        "department summary",
        [
            .text("name") { $0.name },
            .text("url") { $0.url },
            .text("itemCount") { $0.itemCount },
        ])
}

/// One department's items in a plan.
package struct DepartmentPageView: TemplateView {
    package let plan: PlanHeaderView
    package let name: String
    package let items: ItemTableView

    package static let fields = FieldTable<DepartmentPageView>(
        "department page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .text("name") { $0.name },
            .view("items", ItemTableView.self) { $0.items },
        ])
}
