import MierukaModel

/// The item documents of every plan by number (再掲 numbers too), for the cells a results CSV
/// repeats from them: 取組項目 is compared with the item's title, 目標値 with a KPI's target, and a
/// 実績値 is read against the KPI's unit.
package struct CSVItemLookup: Sendable {
    private let items: [String: [String: ItemDocument]]
    private let gradeScales: [String: [(code: String, label: String)]]

    package init(_ documents: [ItemDocument], plans: [PlanDocument] = []) {
        var scales: [String: [(code: String, label: String)]] = [:]
        for plan in plans where scales[plan.slug] == nil {
            scales[plan.slug] = plan.grades.map { (($0.code ?? $0.label).value, $0.label.value) }
        }
        self.gradeScales = scales
        var items: [String: [String: ItemDocument]] = [:]
        for document in documents {
            for number in [document.number] + document.relisted.map(\.number) {
                let key = WidthNormalization.fold(number.value)
                // The first document wins, as in the merge, which reports the duplicate.
                if items[document.planSlug]?[key] == nil { items[document.planSlug, default: [:]][key] = document }
            }
        }
        self.items = items
    }

    /// The plan's grading scale (code and meaning), when the plan is known.
    func grades(plan: String) -> [(code: String, label: String)]? {
        gradeScales[plan]
    }

    func item(plan: String, number: String) -> ItemDocument? {
        items[plan]?[WidthNormalization.fold(number)]
    }

    /// The item's KPI named by id, else by name (as results name them).
    func kpi(plan: String, number: String, named name: String) -> KPIDocument? {
        guard let item = item(plan: plan, number: number) else { return nil }
        return item.kpis.first { $0.id?.value == name } ?? item.kpis.first { $0.name.value == name }
    }
}
