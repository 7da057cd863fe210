/// The home page: the site's own text and its plans.
package struct HomeView: TemplateView {
    /// The page's heading: the home document's `title:` (content/_index.md), else the site's title.
    package let heading: String
    package let introHTML: String?
    package let plans: [PlanSummaryView]
    /// 「計画 4件、取組項目 計1,234項目」
    package let totals: String?

    package static let fields = FieldTable<HomeView>(
        "home page",
        [
            .text("heading") { $0.heading },
            .html("introHTML") { $0.introHTML },
            .list("plans", PlanSummaryView.self) { $0.plans },
            .text("totals") { $0.totals },
            .flag("hasPlans") { !$0.plans.isEmpty },
        ])
}

/// A plan as listed on the home page, with its latest year's grade distribution.
package struct PlanSummaryView: TemplateView {
    package let city: String
    package let title: String
    package let subtitle: String?
    package let url: String
    package let period: String
    package let summary: String?
    /// 「取組項目 43項目（うち再掲2項目）」 or nil for a plan without items.
    package let itemCount: String?
    /// 「基本方針 5」: the top level of the plan's hierarchy and how many there are.
    package let policyCount: String?
    package let latestYear: String?
    package let grades: GradeTableView?
    package let reportURL: String?
    /// 「町の公表値」 (or 「公表値」), from who publishes the plan's reports.
    package var publishedMark = "市の公表値"

    package static let fields = FieldTable<PlanSummaryView>(
        "plan summary",
        [
            .text("city") { $0.city },
            .text("title") { $0.title },
            .text("subtitle") { $0.subtitle },
            .text("url") { $0.url },
            .text("period") { $0.period },
            .text("summary") { $0.summary },
            .text("itemCount") { $0.itemCount },
            .text("policyCount") { $0.policyCount },
            .text("latestYear") { $0.latestYear },
            .view("grades", GradeTableView.self) { $0.grades },
            .text("reportURL") { $0.reportURL },
            .text("publishedMark") { $0.publishedMark },
        ])
}
