import MierukaModel

/// What an item's entry says in every year's report, whatever the year: its numbers
/// (「1・2」), its policies, its departments, and each KPI's target as the plan sets it. Made once
/// per plan (`PlanHrefs`) instead of once per item and year.
struct ReportItemTexts: Sendable {
    let numbers: String
    let policies: String
    let departments: String?
    /// Per KPI, in the item's order: its target as shown (「26施設（2021年度）」), nil without one.
    let targets: [String?]

    init(_ item: Item, plan: Plan) {
        let format = PlanFormatter(plan: plan)
        numbers = item.listings.map(\.number).joined(separator: "・")
        policies = item.listings.map { plan.policies[$0.policy].numberedTitle + ($0.isRelisting ? "（再掲）" : "") }
            .joined(separator: "、")
        departments = item.departments.isEmpty ? nil : item.departments.joined(separator: "、")
        targets = item.kpis.map { kpi in kpi.target.map { Self.target($0, unit: kpi.unit, format: format) } }
    }

    /// A target as shown: its value, then its year or years.
    static func target(_ target: KPIPoint, unit: String, format: PlanFormatter) -> String {
        var text = target.value.display(unit: unit)
        if let years = target.years { text += "（\(format.years(years))）" }
        return text
    }
}
