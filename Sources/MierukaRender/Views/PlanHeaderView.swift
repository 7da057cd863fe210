/// What identifies a plan at the top of its pages.
package struct PlanHeaderView: TemplateView {
    package let city: String
    package let title: String
    package let subtitle: String?
    package let url: String
    package let period: String
    /// 「5年間」, when the period is closed.
    package let periodYears: String?
    package let summary: String?
    /// 「町の公表値」 (or 「公表値」), from who publishes the plan's reports.
    package var publishedMark = "市の公表値"
    /// 「町の」 (or nothing), before 公表どおり.
    package var publisherOf = "市の"

    package static let fields = FieldTable<PlanHeaderView>(
        "plan",
        [
            .text("city") { $0.city },
            .text("title") { $0.title },
            .text("subtitle") { $0.subtitle },
            .text("url") { $0.url },
            .text("period") { $0.period },
            .text("periodYears") { $0.periodYears },
            .text("summary") { $0.summary },
            .text("publishedMark") { $0.publishedMark },
            .text("publisherOf") { $0.publisherOf },
        ])
}
