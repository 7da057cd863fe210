import MierukaModel
import MierukaSite

/// 評価の軸ごとの項目数: a plan's counts on each of its status axes (`axes:`), as each year's report
/// shows them in the axis's section: the counts the report publishes on the axis (`declared:` →
/// `axes:`, 公表値) and what the items on the site add up to on it (掲載項目の集計), per policy and in
/// total, one row per grade of the axis's scale, then 未評価 and the axis's states (評価の対象外) where
/// there are some. The counts are made by the rules of 評価別の項目数, on the plan seen through the
/// axis (`PlanIndex.axes`).
enum AxisCountsDataset {
    static func columns(_ plan: Plan) -> [DatasetColumn] {
        let source = AggregatesDataset.sourceColumns(plan)
        return [
            source[0],
            DatasetColumn("評価の軸", .text, required: true, "評価の軸の名称（計画の表記。例：着手状況）"),
            source[1], source[2],
            AggregatesDataset.pointColumn,
        ] + source[3...] + [
            DatasetColumn("区分", .code, required: true, "「評価」はその軸の評価の段階、「未評価」はその軸の評価のない項目、「評価の対象外」は評価に代わる状態（計にも割合にも含めない）"),
            DatasetColumn("評価", .code, "その軸の評価または状態の記号（記号のない段階は名称）。未評価の行は空欄"),
            DatasetColumn("評価の内容", .text, required: true, "評価または状態の意味。評価のない項目の行は「未評価」"),
            DatasetColumn("項目数", .integer, required: true, "その区分の項目の数。再掲の項目は掲げられた方針ごとに数える（\(plan.publisher.kind ?? "公表元")の数え方）"),
        ]
    }

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        var rows: [[String]] = []
        for (axisIndex, projected) in planIndex.axes.enumerated() where axisIndex < plan.axes.count {
            rows += axisRows(plan.axes[axisIndex], projected)
        }
        return Dataset(
            name: "axis-counts", title: "評価の軸ごとの項目数",
            summary: "評価の軸（" + plan.axes.map(\.name).joined(separator: "、") + "）ごと・年度ごと・方針ごとの、評価別の取組項目の数と合計。"
                + "公表値と、掲載した取組項目から Mieruka が数えた集計（集計元で区別）。1行が1つの軸・年度・集計元・方針・評価です。"
                + (AggregatesDataset.hasPoints(plan) ? "年度途中の時点（例：8月末）の数は、時点の列にその時点を記した別の行です。" : ""),
            columns: columns(plan), rows: rows)
    }

    static func axisRows(_ axis: StatusAxis, _ planIndex: PlanIndex) -> [[String]] {
        let plan = planIndex.plan
        var rows: [[String]] = []
        for year in planIndex.years {
            func prefix(_ source: String, _ point: Snapshot?, _ policy: Int?) -> [String] {
                [plan.slug, axis.name, DataFormat.year(year), DataFormat.eraYear(year), point?.text ?? "", source]
                    + AggregatesDataset.policyCells(plan, policy)
            }
            if let declared = plan.declared(in: year), declared.hasGradeCounts {
                rows += publishedRows(declared, plan: plan) { prefix($0, declared.asOf, $1) }
            }
            if let tally = planIndex.tallies[year], tally.totalListings > 0 {
                rows += countedRows(tally, plan: plan) { prefix($0, nil, $1) }
            }
            // Counts on the axis at points within the year: their own rows, the point named.
            for (point, published, counted) in AggregatesDataset.points(planIndex, year: year) {
                if let published, published.hasGradeCounts { rows += publishedRows(published, plan: plan) { prefix($0, point, $1) } }
                if let counted { rows += countedRows(counted, plan: plan) { prefix($0, point, $1) } }
            }
        }
        return rows
    }

    /// A table published on the axis: per policy, then the total with the states it counts.
    static func publishedRows(_ declared: DeclaredYear, plan: Plan, prefix: (String, Int?) -> [String]) -> [[String]] {
        let published = AggregatesDataset.published
        var rows: [[String]] = []
        for row in declared.gradeRows {
            rows += countRows(prefix(published, row.policy), grades: row.counts, ungraded: 0, states: [], plan: plan)
        }
        if let totals = declared.gradeTotals {
            rows += countRows(prefix(published, nil), grades: totals, ungraded: 0, states: declared.stateTotal ?? [], plan: plan)
        }
        return rows
    }

    /// What the items on the site add up to on the axis: per policy with any listing, then the total.
    static func countedRows(_ tally: PlanYearTally, plan: Plan, prefix: (String, Int?) -> [String]) -> [[String]] {
        let computed = AggregatesDataset.computed
        var rows: [[String]] = []
        for policy in plan.policies.indices {
            let counts = tally.listingCounts[policy]
            guard counts.contains(where: { $0 > 0 }) else { continue }
            rows += countRows(
                prefix(computed, policy), grades: Array(counts[0..<tally.gradeCount]), ungraded: counts[tally.gradeCount],
                states: Array(counts[(tally.gradeCount + 1)...]), plan: plan)
        }
        rows += countRows(
            prefix(computed, nil), grades: Array(tally.totalCounts[0..<tally.gradeCount]), ungraded: tally.totalUngraded,
            states: tally.totalOutside, plan: plan)
        return rows
    }

    /// One row per grade, then one for 未評価 and one per state counted, where there are some.
    static func countRows(_ prefix: [String], grades: [Int], ungraded: Int, states: [Int], plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        for (index, count) in grades.enumerated() where index < plan.grades.count {
            let grade = plan.grades.grades[index]
            rows.append(prefix + ["評価", grade.code, grade.label, String(count)])
        }
        if ungraded > 0 { rows.append(prefix + ["未評価", "", "未評価", String(ungraded)]) }
        for (index, count) in states.enumerated() where index < plan.states.count && count > 0 {
            let state = plan.states.grades[index]
            rows.append(prefix + ["評価の対象外", state.code, state.label, String(count)])
        }
        return rows
    }
}
