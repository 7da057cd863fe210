/// A year's progress report: the site's version of the city's annual progress document.
public struct ReportPageView: TemplateView {
    public let plan: PlanHeaderView
    public let year: String
    /// The summary sentence (「全43項目（再掲2項目）の取組のうち、3項目が…」).
    public let summary: String?
    /// What the city's report itself says about the year.
    public let notesHTML: String?
    public let gradeTable: GradeTableView?
    public let effectTable: EffectTableView?
    /// What changed since the previous fiscal year (「前年度からの変化」).
    public var comparison: YearComparisonView? = nil
    public let highlights: [HighlightGroupView]
    /// Items grouped by grade, best grade first, then those without a grade.
    public let sections: [ReportSectionView]
    public let otherYears: [LinkView]

    public static let fields = FieldTable<ReportPageView>(
        "year report page",
        [
            .view("plan", PlanHeaderView.self) { $0.plan },
            .text("year") { $0.year },
            .text("summary") { $0.summary },
            .html("notesHTML") { $0.notesHTML },
            .view("gradeTable", GradeTableView.self) { $0.gradeTable },
            .view("effectTable", EffectTableView.self) { $0.effectTable },
            .view("comparison", YearComparisonView.self) { $0.comparison },
            .list("highlights", HighlightGroupView.self) { $0.highlights },
            .list("sections", ReportSectionView.self) { $0.sections },
            .flag("hasSections") { !$0.sections.isEmpty },
            .list("otherYears", LinkView.self) { $0.otherYears },
        ])
}

public struct ReportSectionView: TemplateView {
    public let heading: String
    public let id: String
    public let grade: GradeView?
    public let items: [ReportItemView]

    public static let fields = FieldTable<ReportSectionView>(
        "report section",
        [
            .text("heading") { $0.heading },
            .text("id") { $0.id },
            .view("grade", GradeView.self) { $0.grade },
            .list("items", ReportItemView.self) { $0.items },
        ])
}

public struct ReportItemView: TemplateView {
    /// 「7・41」 for an item listed twice.
    public let numbers: String
    public let title: String
    public let url: String
    public let policies: String
    public let departments: String?
    public let grade: GradeView?
    public let kpis: [ReportKPIView]
    public let progressHTML: String?
    public let factorsHTML: String?
    public let nextStepsHTML: String?
    public let effect: String?

    public static let fields = FieldTable<ReportItemView>(
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
        ])
}

/// A KPI's value in the report's year, against its target.
public struct ReportKPIView: TemplateView {
    public let name: String
    public let actual: String
    public let target: String?
    public let progress: String?

    public static let fields = FieldTable<ReportKPIView>(
        "report KPI",
        [
            .text("name") { $0.name },
            .text("actual") { $0.actual },
            .text("target") { $0.target },
            .text("progress") { $0.progress },
        ])
}
