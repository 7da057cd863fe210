import MierukaDiagnostics

/// A node of a plan's policy hierarchy: 基本方針, 戦略, 推進項目, 分野 … (one to three levels).
package struct Policy: Sendable {
    package let id: String
    /// The number as the plan writes it: Ⅰ, 1, ❶, 戦略1 (nil when the plan does not number it).
    package let number: String?
    package let title: String
    /// Markdown: the policy's explanation (考え方, 戦略の内容 …).
    package let description: String?
    /// 0 for the top level.
    package let level: Int
    /// Index of the parent in `Plan.policies`, nil at the top level.
    package let parent: Int?
    /// Indices of the children in `Plan.policies`, in the plan's order.
    package let children: [Int]
    /// KPIs set for the policy itself (Komatsu sets its KPIs per 基本方針).
    package let kpis: [KPI]
    /// The URL segment of the policy page.
    package let slug: String
    package let location: SourceLocation

    package init(
        id: String, number: String?, title: String, description: String?, level: Int, parent: Int?,
        children: [Int], kpis: [KPI], slug: String, location: SourceLocation
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.description = description
        self.level = level
        self.parent = parent
        self.children = children
        self.kpis = kpis
        self.slug = slug
        self.location = location
    }

    /// "Ⅰ 地域協働の推進", or the title alone when unnumbered.
    package var numberedTitle: String {
        guard let number, !number.isEmpty else { return title }
        return "\(number) \(title)"
    }
}
