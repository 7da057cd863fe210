/// A plan's page: overview, policies, grade distribution, financial effects, item list.
package struct PlanPageView: TemplateView {
    package let plan: PlanHeaderView
    package let bodyHTML: String?
    /// The name of the top level of the hierarchy (「基本方針」).
    package let policyLevel: String
    package let policies: [PolicyNodeView]
    package let lineage: [LineageEntryView]
    package let matrices: [MatrixView]
    package let timelines: [TimelineView]
    package let tables: [PublishedTableView]
    /// The latest year's highlighted items, with the year in each group's title.
    package let highlights: [HighlightGroupView]
    /// The published documents the pages are transcribed from.
    package let sources: [String]
    package let reports: [LinkView]
    package let gradeTable: GradeTableView?
    /// The notes of the published year shown in the grade table.
    package let notesHTML: String?
    package let effectTable: EffectTableView?
    package let effectByYear: EffectByYearView?
    package let items: ItemTableView
    package let departmentsURL: String?
    /// The plan's open data page.
    package let dataURL: String
    package let feedURL: String?
    /// Said when the plan has no yearly results yet.
    package let noResultsNote: String?
    /// Money tables and achievement counts the reports publish outside the policy tree.
    package var moneyTables: [MoneyTableView] = []
    package var achievements: [AchievementView] = []
    /// 「評価の区分と基準」, when the plan writes criteria for its grades.
    package var scale: ScaleView? = nil
    /// 「着手状況の区分と基準」…: one per status axis that writes criteria for its grades.
    package var axisScales: [ScaleView] = []
    package var planKPIs: [PlanKPITableView] = []
    /// 「計画の見直し」: the plan's declared revisions.
    package var revisions: PlanRevisionsView? = nil

    /// The effect tables of the plan's other kinds of amounts (単年度 / 継続), after `effectTable`.
    package var moreEffectTables: [EffectTableView] = []
    /// The effects by year of the other kinds of amounts (単年度 / 継続), after `effectByYear`.
    package var moreEffectByYears: [EffectByYearView] = []

    package static let fields = FieldTable<PlanPageView>(
        "plan page",
        [
            .list("moreEffectTables", EffectTableView.self) { $0.moreEffectTables },
            .list("moreEffectByYears", EffectByYearView.self) { $0.moreEffectByYears },
            .view("plan", PlanHeaderView.self) { $0.plan },
            .html("bodyHTML") { $0.bodyHTML },
            .text("policyLevel") { $0.policyLevel },
            .list("policies", PolicyNodeView.self) { $0.policies },
            .flag("hasPolicies") { !$0.policies.isEmpty },
            .list("lineage", LineageEntryView.self) { $0.lineage },
            .flag("hasLineage") { !$0.lineage.isEmpty },
            .view("revisions", PlanRevisionsView.self) { $0.revisions },
            .list("matrices", MatrixView.self) { $0.matrices },
            .list("timelines", TimelineView.self) { $0.timelines },
            .list("tables", PublishedTableView.self) { $0.tables },
            .list("highlights", HighlightGroupView.self) { $0.highlights },
            .list("reports", LinkView.self) { $0.reports },
            .texts("sources") { $0.sources },
            .flag("hasSources") { !$0.sources.isEmpty },
            .flag("hasReports") { !$0.reports.isEmpty },
            .view("gradeTable", GradeTableView.self) { $0.gradeTable },
            .html("notesHTML") { $0.notesHTML },
            .view("effectTable", EffectTableView.self) { $0.effectTable },
            .view("effectByYear", EffectByYearView.self) { $0.effectByYear },
            .view("items", ItemTableView.self) { $0.items.rows.isEmpty ? nil : $0.items },
            .text("departmentsURL") { $0.departmentsURL },
            .text("dataURL") { $0.dataURL },
            .text("feedURL") { $0.feedURL },
            .text("noResultsNote") { $0.noResultsNote },
            .list("moneyTables", MoneyTableView.self) { $0.moneyTables },
            .list("achievements", AchievementView.self) { $0.achievements },
            .view("scale", ScaleView.self) { $0.scale },
            .list("axisScales", ScaleView.self) { $0.axisScales },
            .flag("hasScales") { $0.scale != nil || !$0.axisScales.isEmpty },
            .list("planKPIs", PlanKPITableView.self) { $0.planKPIs },
        ])
}
