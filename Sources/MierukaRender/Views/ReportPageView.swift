/// A year's progress report: the site's version of the city's annual progress document.
package struct ReportPageView: TemplateView {
    package let plan: PlanHeaderView
    package let year: String
    /// The summary sentence (「全43項目（再掲2項目）の取組のうち、3項目が…」).
    package let summary: String?
    /// What the city's report itself says about the year.
    package let notesHTML: String?
    package let gradeTable: GradeTableView?
    package let effectTable: EffectTableView?
    /// What changed since the previous fiscal year (「前年度からの変化」).
    package var comparison: YearComparisonView? = nil
    /// Each status axis of the plan (`axes:`): its counts, chart and change, beside the grades'.
    package var axes: [AxisReportView] = []
    /// The year's figures at points within it (`as_of:`), each point apart, in their order.
    package var snapshots: [SnapshotReportView] = []
    /// 「評価者：内部評価」: who graded the plan's own grades, when the report says.
    package var gradedBy: String? = nil
    /// Opinions published beside the year's results: on the year as a whole, then on items.
    package var opinions: [OpinionView] = []
    package let highlights: [HighlightGroupView]
    /// Items grouped by grade, best grade first, then those without a grade.
    package let sections: [ReportSectionView]
    package let otherYears: [LinkView]

    /// The effect tables of the plan's other kinds of amounts (単年度 / 継続), after `effectTable`.
    package var moreEffectTables: [EffectTableView] = []

    package static let fields = FieldTable<ReportPageView>(
        "year report page",
        [
            .list("moreEffectTables", EffectTableView.self) { $0.moreEffectTables },
            .view("plan", PlanHeaderView.self) { $0.plan },
            .text("year") { $0.year },
            .text("summary") { $0.summary },
            .html("notesHTML") { $0.notesHTML },
            .view("gradeTable", GradeTableView.self) { $0.gradeTable },
            .view("effectTable", EffectTableView.self) { $0.effectTable },
            .view("comparison", YearComparisonView.self) { $0.comparison },
            .list("axes", AxisReportView.self) { $0.axes },
            .list("snapshots", SnapshotReportView.self) { $0.snapshots },
            .flag("hasSnapshots") { !$0.snapshots.isEmpty },
            .text("gradedBy") { $0.gradedBy },
            .list("opinions", OpinionView.self) { $0.opinions },
            .flag("hasOpinions") { !$0.opinions.isEmpty },
            .list("highlights", HighlightGroupView.self) { $0.highlights },
            .list("sections", ReportSectionView.self) { $0.sections },
            .flag("hasSections") { !$0.sections.isEmpty },
            .list("otherYears", LinkView.self) { $0.otherYears },
        ])
}

package struct ReportSectionView: TemplateView {
    package let heading: String
    package let id: String
    package let grade: GradeView?
    package let items: [ReportItemView]

    package static let fields = FieldTable<ReportSectionView>(
        "report section",
        [
            .text("heading") { $0.heading },
            .text("id") { $0.id },
            .view("grade", GradeView.self) { $0.grade },
            .list("items", ReportItemView.self) { $0.items },
        ])
}

package struct ReportItemView: TemplateView {
    /// 「7・41」 for an item listed twice.
    package let numbers: String
    package let title: String
    package let url: String
    package let policies: String
    package let departments: String?
    package let grade: GradeView?
    package let kpis: [ReportKPIView]
    package let progressHTML: String?
    package let factorsHTML: String?
    package let nextStepsHTML: String?
    package let effect: String?
    /// The year's values on the plan's status axes.
    package var axes: [AxisValueView] = []
    /// Who gave the grade, when the report says.
    package var gradedBy: String? = nil
    /// Why the grade the report gives could not be read (`grade_unreadable:`).
    package var unreadable: String? = nil
    /// The previous year's grade the report prints beside the item (`previous_grade:`), as printed.
    package var previousGrade: String? = nil
    /// How the plan's grade was reached and the members' grades behind it (`grading:`), as the
    /// item's page says it under the grade.
    package var composition: String? = nil

    package static let fields = FieldTable<ReportItemView>(
        "report item",
        [
            .text("numbers") { $0.numbers },
            .text("title") { $0.title },
            .text("url") { $0.url },
            .text("policies") { $0.policies },
            .text("departments") { $0.departments },
            .view("grade", GradeView.self) { $0.grade },
            .list("kpis", ReportKPIView.self) { $0.kpis },
            .flag("hasKPIs") { !$0.kpis.isEmpty },
            .html("progressHTML") { $0.progressHTML },
            .html("factorsHTML") { $0.factorsHTML },
            .html("nextStepsHTML") { $0.nextStepsHTML },
            .text("effect") { $0.effect },
            .list("axes", AxisValueView.self) { $0.axes },
            .text("gradedBy") { $0.gradedBy },
            .text("unreadable") { $0.unreadable },
            .text("previousGrade") { $0.previousGrade },
            .text("composition") { $0.composition },
        ])
}

/// A KPI's value in the report's year, against its target.
package struct ReportKPIView: TemplateView {
    package let name: String
    package let actual: String
    package let target: String?
    package let progress: String?

    package static let fields = FieldTable<ReportKPIView>(
        "report KPI",
        [
            .text("name") { $0.name },
            .text("actual") { $0.actual },
            .text("target") { $0.target },
            .text("progress") { $0.progress },
        ])
}
