import MierukaModel

extension ViewBuilder {
    /// The plan's own KPI tables, every figure as written.
    func planKPITableViews(_ plan: Plan) -> [PlanKPITableView] {
        let format = PlanFormatter(plan: plan)
        return plan.planKPIs.map { table in
            // Single years first, in order, then spans (累計), in order.
            let spans = Set(table.kpis.flatMap { $0.actuals.map(\.years) })
            let ordered = spans.sorted {
                ($0.isSingleYear ? 0 : 1, $0.first, $0.last ?? $0.first) < ($1.isSingleYear ? 0 : 1, $1.first, $1.last ?? $1.first)
            }
            let rateHeadings = Array(Set(table.kpis.compactMap { $0.publishedRate?.label })).sorted()
            let comparisons = table.kpis.map(\.targetMet)
            let hasComparison = comparisons.contains { $0 != nil }
            let provisionalWords = Array(Set(table.kpis.flatMap { $0.actuals.compactMap { $0.provisional.map { $0.label ?? "確定前の値" } } })).sorted()
            var notes: [String] = []
            if !provisionalWords.isEmpty {
                notes.append(provisionalWords.map { "「\($0)」" }.joined(separator: "・") + "とある値は、\(plan.publisher.subject)確定値ではないとして公表したものです。")
                if table.kpis.contains(where: { $0.actuals.contains { $0.provisional.map { $0.asOf != nil || $0.note != nil } ?? false } }) {
                    notes.append("語の後の「・」に続くのは、資料が示したその値の時点と注記です。")
                }
            }
            if hasComparison {
                notes.append(
                    "目標との比較は\(plan.publisher.publishedMark)ではなく、未満・以下・以上・超・台で書かれた目標を、目標年度の実績と Mieruka が比べたものです（同じ単位の一つの数値どうしのときだけ比べ、ほかは「—」）。")
            }
            let rows = zip(table.kpis, comparisons).map { kpi, met -> PlanKPIRowView in
                PlanKPIRowView(
                    name: kpi.name, baseline: kpi.baseline?.text ?? "—",
                    baselineYear: kpi.baseline?.years.map(format.years),
                    target: kpi.target.text, targetYear: kpi.target.years.map(format.years),
                    cells: ordered.map { years in
                        guard let actual = kpi.actuals.first(where: { $0.years == years }) else {
                            return PlanKPICellView(value: "—", interimTarget: nil, provisional: nil)
                        }
                        return PlanKPICellView(
                            value: actual.text, interimTarget: actual.interimTarget.map { "（目標 \($0)）" },
                            provisional: actual.provisional?.shown)
                    },
                    rate: rateHeadings.isEmpty ? nil : (kpi.publishedRate.map { rate in
                        rate.text + (rateHeadings.count > 1 ? "（\(rate.label)）" : "")
                            + (rate.years.map { "（\(format.years($0))）" } ?? "")
                    } ?? "—"),
                    comparison: met.map { $0 ? "達成" : "未達成" } ?? "—", note: kpi.note)
            }
            return PlanKPITableView(
                title: table.title,
                columns: ordered.map { $0.isSingleYear ? "実績（\(format.years($0))）" : "累計（\(format.years($0))）" },
                rateHeading: rateHeadings.isEmpty ? nil : rateHeadings.joined(separator: "・") + "（公表値）",
                hasComparison: hasComparison, rows: rows,
                comparisonNote: notes.isEmpty ? nil : notes.joined(), note: table.note, source: table.source)
        }
    }
}
