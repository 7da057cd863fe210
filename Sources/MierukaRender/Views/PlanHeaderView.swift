/// What identifies a plan at the top of its pages.
public struct PlanHeaderView: TemplateView {
    public let city: String
    public let title: String
    public let subtitle: String?
    public let url: String
    public let period: String
    /// 「5年間」, when the period is closed.
    public let periodYears: String?
    public let summary: String?

    public static let fields = FieldTable<PlanHeaderView>(
        "plan",
        [
            .text("city") { $0.city },
            .text("title") { $0.title },
            .text("subtitle") { $0.subtitle },
            .text("url") { $0.url },
            .text("period") { $0.period },
            .text("periodYears") { $0.periodYears },
            .text("summary") { $0.summary },
        ])
}
