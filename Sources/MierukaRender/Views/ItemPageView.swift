/// An item's page: where it is listed, its KPIs, each year's result and its financial effect.
package struct ItemPageView: TemplateView {
    package let plan: PlanHeaderView
    package let number: String
    package let title: String
    package let summary: String?
    package let listings: [ListingView]
    package let departments: [LinkView]
    package let latestGrade: GradeView?
    package let latestYear: String?
    package let kpiTable: KPITableView?
    /// The item's grades across the years (「評価の推移」), when it has two or more.
    package var gradeHistory: GradeHistoryView? = nil
    /// 「取組の工程」, when the item has a schedule.
    package var schedule: ScheduleView? = nil
    /// 「細目」, when the item has sub-items.
    package var subitems: SubItemListView? = nil
    /// When revisions added or took out the item, or revised its targets.
    package var revisionHistory: ItemRevisionHistoryView? = nil
    /// Opinions published on the item (委員会の意見), latest year first.
    package var opinions: [OpinionView] = []
    /// The latest year's values on the plan's status axes, and each axis's history.
    package var latestAxes: [AxisValueView] = []
    package var latestAxesYear: String? = nil
    package var axisHistories: [AxisHistoryView] = []
    /// Who gave the latest grade, when the report says.
    package var latestGradedBy: String? = nil
    /// Newest year first.
    package let results: [YearResultView]
    package let effectByYear: EffectByYearView?
    package let bodyHTML: String?

    /// The effects by year of the other kinds of amounts (単年度 / 継続), after `effectByYear`.
    package var moreEffectByYears: [EffectByYearView] = []

    package static let fields = FieldTable<ItemPageView>(
        "item page",
        [
            .list("moreEffectByYears", EffectByYearView.self) { $0.moreEffectByYears },
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
            .view("schedule", ScheduleView.self) { $0.schedule },
            .view("subitems", SubItemListView.self) { $0.subitems },
            .view("revisionHistory", ItemRevisionHistoryView.self) { $0.revisionHistory },
            .list("opinions", OpinionView.self) { $0.opinions },
            .flag("hasOpinions") { !$0.opinions.isEmpty },
            .list("latestAxes", AxisValueView.self) { $0.latestAxes },
            .text("latestAxesYear") { $0.latestAxesYear },
            .list("axisHistories", AxisHistoryView.self) { $0.axisHistories },
            .text("latestGradedBy") { $0.latestGradedBy },
            .list("results", YearResultView.self) { $0.results },
            .flag("hasResults") { !$0.results.isEmpty },
            .view("effectByYear", EffectByYearView.self) { $0.effectByYear },
            .html("bodyHTML") { $0.bodyHTML },
        ])
}

/// Where an item is listed: number and policy (and whether it is the 再掲 listing).
package struct ListingView: TemplateView {
    package let number: String
    package let policy: String
    package let policyURL: String
    package let level: String
    package let isRelisting: Bool

    package static let fields = FieldTable<ListingView>(
        "listing",
        [
            .text("number") { $0.number },
            .text("policy") { $0.policy },
            .text("policyURL") { $0.policyURL },
            .text("level") { $0.level },
            .flag("isRelisting") { $0.isRelisting },
        ])
}
