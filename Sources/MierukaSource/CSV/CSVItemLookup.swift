import MierukaModel

/// The item documents of every plan by number (再掲 numbers too), for the cells a results CSV
/// repeats from them: 取組項目 is compared with the item's title, 目標値 with a KPI's target, and a
/// 実績値 is read against the KPI's unit.
package struct CSVItemLookup: Sendable {
    private let items: [String: [String: ItemDocument]]
    private let gradeScales: [String: [(code: String, label: String)]]
    /// Headers of the plans' status axes' columns (normalized) → how the axis is named in a result.
    let axisHeaders: [String: String]
    /// An axis as a header names it (its name or its id) → one key for the axis, so that a grader
    /// column named after the name finds the values of a column named after the id or columns:.
    let axisKeys: [String: String]

    package init(_ documents: [ItemDocument], plans: [PlanDocument] = []) {
        var scales: [String: [(code: String, label: String)]] = [:]
        for plan in plans where scales[plan.slug] == nil {
            scales[plan.slug] = plan.grades.map { (($0.code ?? $0.label).value, $0.label.value) }
        }
        self.gradeScales = scales
        self.axisHeaders = Self.axisHeaders(plans)
        var keys: [String: String] = [:]
        for plan in plans {
            for axis in plan.axes {
                guard let name = axis.name else { continue }
                let key = plan.slug + "/" + (axis.id ?? name).value
                keys[name.value] = key
                if let id = axis.id { keys[id.value] = key }
            }
        }
        self.axisKeys = keys
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

    /// A column is an axis's when its header is the axis's name, its id, or one of its `columns:`;
    /// the built-in columns (評価, 進捗状況 …) keep their meaning (an axis spelt like one is read from
    /// its `columns:` only).
    private static func axisHeaders(_ plans: [PlanDocument]) -> [String: String] {
        var headers: [String: String] = [:]
        for plan in plans {
            for axis in plan.axes {
                guard let name = axis.name else { continue }
                let reference = (axis.id ?? name).value
                for header in [name.value] + (axis.id.map { [$0.value] } ?? []) + axis.columns.map(\.value) {
                    let normalized = CSVField.normalizedHeader(header)
                    guard !CSVField.builtInHeaders.contains(normalized), headers[normalized] == nil else { continue }
                    headers[normalized] = header == name.value ? name.value : reference
                }
            }
        }
        return headers
    }
}
