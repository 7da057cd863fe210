/// An item's page: where it is listed, its KPIs, each year's result and its financial effect.
public struct ItemPageView: TemplateView {
    public let plan: PlanHeaderView
    public let number: String
    public let title: String
    public let summary: String?
    public let listings: [ListingView]
    public let departments: [LinkView]
    public let latestGrade: GradeView?
    public let latestYear: String?
    public let kpiTable: KPITableView?
    /// The item's grades across the years (「評価の推移」), when it has two or more.
    public var gradeHistory: GradeHistoryView? = nil
    /// Newest year first.
    public let results: [YearResultView]
    public let effectByYear: EffectByYearView?
    public let bodyHTML: String?

    public static let fields = FieldTable<ItemPageView>(
        "item page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .text("number") { $0.number },
            .text("title") { $0.title },
            .text("summary") { $0.summary },
            .list("listings", ListingView.self) { $0.listings },
            .list("departments", LinkView.self) { $0.departments },
            .flag("hasDepartments") { !$0.departments.isEmpty },
            .view("latestGrade", GradeView.self) { $0.latestGrade },
            .text("latestYear") { $0.latestYear },
            .view("kpiTable", KPITableView.self) { $0.kpiTable },
            .view("gradeHistory", GradeHistoryView.self) { $0.gradeHistory },
            .list("results", YearResultView.self) { $0.results },
            .flag("hasResults") { !$0.results.isEmpty },
            .view("effectByYear", EffectByYearView.self) { $0.effectByYear },
            .html("bodyHTML") { $0.bodyHTML },
        ])
}

/// Where an item is listed: number and policy (and whether it is the 再掲 listing).
public struct ListingView: TemplateView {
    public let number: String
    public let policy: String
    public let policyURL: String
    public let level: String
    public let isRelisting: Bool

    public static let fields = FieldTable<ListingView>(
        "listing",
        [
            .text("number") { $0.number },
            .text("policy") { $0.policy },
            .text("policyURL") { $0.policyURL },
            .text("level") { $0.level },
            .flag("isRelisting") { $0.isRelisting },
        ])
}
