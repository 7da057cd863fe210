import MierukaModel
import MierukaSite

/// The plan's yearly counts per grade and its financial effects, per policy and in total: both the
/// tables the city published (公表値, transcribed) and what the items on the site add up to
/// (掲載項目の集計). The two differ where a city details only some of its items.
enum AggregatesDataset {
    static let published = "公表値"
    static let computed = "掲載項目の集計"
    static let wholePlan = "計画全体"

    static func sourceColumns(_ plan: Plan) -> [DatasetColumn] {
        [
            DatasetColumn("計画", .code, required: true, "計画の識別子"),
            DatasetColumn("年度", .fiscalYear, required: true, "集計の年度"),
            DatasetColumn("和暦年度", .eraYear, required: true, "集計の年度の和暦"),
            DatasetColumn(
                "集計元", .text, required: true,
                "「\(published)」は\(plan.publisher.subject)公表した表の値、「\(computed)」はこのサイトに掲載した取組項目から計算した値（\(plan.publisher.subject)一部の項目だけを詳しく公表しているときは公表値と異なる）"),
            DatasetColumn("方針の階層", .text, required: true, "行の方針の階層名（" + (0..<max(1, plan.levelNames.count)).map { plan.levelName($0) }.joined(separator: "、") + "）。合計の行は「\(wholePlan)」" + groupingNote(plan, "その区分の名称（\(groupings(plan))）")),
            DatasetColumn("方針番号", .code, "方針の番号（計画での表記）。合計の行は空欄" + groupingNote(plan, "空欄")),
            DatasetColumn("方針", .text, required: true, "方針の名称。合計の行は「合計」" + groupingNote(plan, "報告書が記す行の名称（計画の方針ではない）")),
        ]
    }

    /// The names of the report's own groupings the plan's published tables use (管理区分).
    static func groupings(_ plan: Plan) -> String {
        var names: [String] = []
        for declared in plan.declared {
            if let grouping = declared.grouping, !names.contains(grouping) { names.append(grouping) }
        }
        return names.joined(separator: "、")
    }

    /// What a column holds on the rows of a table published under the report's own grouping; empty
    /// when the plan has none (so the descriptions of other plans are unchanged).
    static func groupingNote(_ plan: Plan, _ text: String) -> String {
        groupings(plan).isEmpty ? "" : "。報告書独自の区分ごとに公表された行は\(text)"
    }

    static func policyCells(_ plan: Plan, _ policy: Int?) -> [String] {
        guard let policy, policy < plan.policies.count else { return [wholePlan, "", "合計"] }
        let node = plan.policies[policy]
        return [plan.levelName(node.level), node.number ?? "", node.title]
    }

    static let pointColumn = DatasetColumn(
        "時点", .text, "年度途中の時点の数であるとき、その時点（資料の表記。例：9月末）。年度末の数なら空欄。時点の数は年度の数とは別の行で、足し合わせていません")

    /// Whether the plan has counts at a point within a year: a published table or items' results at one.
    static func hasPoints(_ plan: Plan) -> Bool {
        plan.declared.contains { $0.asOf != nil } || ResultsDataset.hasPoints(plan)
    }

    /// The plan at each point within `year` (`Plan.at`), in their order, with the published table
    /// at that point unless it is the year's own (a year published only at a point, already in
    /// the year's rows), and whether the items' results at that point give any grade to count.
    static func points(_ planIndex: PlanIndex, year: FiscalYear) -> [(point: Snapshot, published: DeclaredYear?, counted: PlanYearTally?)] {
        let plan = planIndex.plan
        let main = plan.declared(in: year)?.asOf
        return plan.snapshotPoints(in: year).map { point in
            let seen = PlanIndex(plan: plan.at(point, in: year), departmentSlugs: [:])
            let published = Snapshot.samePoint(main, point) ? nil : seen.plan.declared(in: year)
            let counted = seen.tallies[year].flatMap { $0.totalListings > $0.totalUngraded ? $0 : nil }
            return (point, published, counted)
        }
    }

    static func gradeCounts(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let withPoints = hasPoints(plan)
        // The 割合 a report prints beside every count (`grade_rates:`): a column only in a plan that has one.
        let withRates = plan.declared.contains { $0.gradeRates != nil }
        let source = sourceColumns(plan)
        let columns =
            Array(source[..<3]) + (withPoints ? [pointColumn] : []) + Array(source[3...]) + [
                DatasetColumn("評価", .code, "評価の記号（" + ResultsDataset.gradeList(plan) + "）。評価のない項目の行は空欄"),
                DatasetColumn("評価の内容", .text, required: true, "評価の記号の意味。評価のない項目の行は「未評価」"),
                DatasetColumn("項目数", .integer, required: true, "その評価の項目の数。再掲の項目は掲げられた方針ごとに数える（\(plan.publisher.kind ?? "公表元")の数え方）"),
            ] + (withRates ? [rateColumn(plan)] : [])
        var rows: [[String]] = []
        for year in planIndex.years {
            func cells(_ point: Snapshot?) -> [String] {
                [plan.slug, DataFormat.year(year), DataFormat.eraYear(year)] + (withPoints ? [point?.text ?? ""] : [])
            }
            if let declared = plan.declared(in: year), declared.hasGradeCounts {
                rows += publishedGradeRows(declared, cells(declared.asOf), plan: plan, rates: withRates)
            }
            if let tally = planIndex.tallies[year], tally.totalListings > 0 {
                rows += countedGradeRows(tally, cells(nil), plan: plan).map { withRates ? $0 + [""] : $0 }
            }
            // Counts at points within the year: their own rows, the point named.
            guard withPoints else { continue }
            for (point, published, counted) in points(planIndex, year: year) {
                if let published, published.hasGradeCounts {
                    rows += publishedGradeRows(published, cells(point), plan: plan, rates: withRates)
                }
                if let counted { rows += countedGradeRows(counted, cells(point), plan: plan).map { withRates ? $0 + [""] : $0 } }
            }
        }
        return Dataset(
            name: "grade-counts", title: "評価別の項目数",
            summary: "年度ごと・方針ごとの、評価別の取組項目の数と合計。1行が1つの年度・集計元・方針・評価です。"
                + (withPoints ? "年度途中の時点（例：9月末）の数は、時点の列にその時点を記した別の行です。" : ""),
            columns: columns, rows: rows)
    }

    /// 「割合（公表値）」: the rate the report prints beside a grade's count, as published.
    static func rateColumn(_ plan: Plan) -> DatasetColumn {
        DatasetColumn(
            "割合（公表値）", .text,
            "\(plan.publisher.subject)件数とともに公表した、その評価の割合（公表どおりの表記。例：30.4%）。公表値の合計の行だけ。ほかの行と、割合の公表されていない年度は空欄")
    }

    /// A published table's rows: per policy, per group of the report's own grouping, then the total.
    /// `rates`: the CSV has the 割合 column, filled on the total's rows from `grade_rates:`.
    static func publishedGradeRows(_ declared: DeclaredYear, _ cells: [String], plan: Plan, rates: Bool = false) -> [[String]] {
        let rows = publishedCountRows(declared, cells, plan: plan)
        guard rates else { return rows }
        let totalRows = declared.gradeTotals == nil ? 0 : plan.grades.count
        return rows.enumerated().map { offset, row in
            let grade = offset - (rows.count - totalRows)
            guard grade >= 0, let rate = declared.gradeRates?[grade] else { return row + [""] }
            return row + [rate.text]
        }
    }

    private static func publishedCountRows(_ declared: DeclaredYear, _ cells: [String], plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        for row in declared.gradeRows {
            rows += gradeRows(cells + [published] + policyCells(plan, row.policy), counts: row.counts, ungraded: 0, plan: plan)
        }
        if let grouping = declared.grouping {
            // Rows under the report's own grouping: named as published, never a policy.
            for row in declared.groupRows {
                rows += gradeRows(cells + [published, grouping, "", row.name], counts: row.counts, ungraded: 0, plan: plan)
            }
        }
        if let totals = declared.gradeTotals {
            rows += gradeRows(cells + [published] + policyCells(plan, nil), counts: totals, ungraded: 0, plan: plan)
        }
        return rows
    }

    /// What the items on the site add up to: per policy with any listing, then the total.
    static func countedGradeRows(_ tally: PlanYearTally, _ cells: [String], plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        for policy in plan.policies.indices {
            let counts = tally.listingCounts[policy]
            guard counts.contains(where: { $0 > 0 }) else { continue }
            rows += gradeRows(
                cells + [computed] + policyCells(plan, policy), counts: Array(counts[0..<tally.gradeCount]),
                ungraded: counts[tally.gradeCount], plan: plan)
        }
        rows += gradeRows(
            cells + [computed] + policyCells(plan, nil), counts: Array(tally.totalCounts[0..<tally.gradeCount]),
            ungraded: tally.totalUngraded, plan: plan)
        return rows
    }

    /// One row per grade, then one for 未評価 when there are ungraded listings.
    static func gradeRows(_ prefix: [String], counts: [Int], ungraded: Int, plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        for (index, count) in counts.enumerated() where index < plan.grades.count {
            let grade = plan.grades.grades[index]
            rows.append(prefix + [grade.code, grade.label, String(count)])
        }
        if ungraded > 0 { rows.append(prefix + ["", "未評価", String(ungraded)]) }
        return rows
    }

    static func effects(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let unit = plan.moneyUnit
        let columns =
            sourceColumns(plan) + [
                DatasetColumn("効果見込額（\(unit.rawValue)）", .decimal, "財政効果の見込額の合計（単位：\(unit.rawValue)）"),
                DatasetColumn("効果額（\(unit.rawValue)）", .decimal, "財政効果の実績額の合計（単位：\(unit.rawValue)）"),
            ]
        let kinds = planIndex.effectKinds
        let kindColumn = planIndex.namesEffectKinds
        var rows: [[String]] = []
        func row(_ prefix: [String], _ effect: Effect, kind: EffectKind?) -> [String] {
            // A published amount written as an increase stays as published (「425万4千円の増」);
            // Mieruka's sums count it as a negative effect.
            prefix + [
                effect.expectedWritten ?? DataFormat.money(effect.expected, in: unit),
                effect.actualWritten ?? DataFormat.money(effect.actual, in: unit),
            ] + (kindColumn ? [kind?.word ?? ""] : [])
        }
        for year in planIndex.years {
            let yearCells = [plan.slug, DataFormat.year(year), DataFormat.eraYear(year)]
            // Kind by kind (単年度 / 継続): amounts of different kinds are never added together.
            if let declared = plan.declared(in: year), declared.hasEffects {
                for kind in kinds {
                    for published in declared.effectRows(of: kind) {
                        rows.append(
                            row(yearCells + [Self.published] + policyCells(plan, published.policy), published.effect, kind: kind))
                    }
                    if let total = declared.effectTotals(of: kind) {
                        rows.append(row(yearCells + [Self.published] + policyCells(plan, nil), total, kind: kind))
                    }
                }
            }
            guard let tally = planIndex.tallies[year] else { continue }
            for kind in kinds {
                guard let sums = tally.effectSums(of: kind), sums.totalExpected != nil || sums.totalActual != nil else { continue }
                for policy in plan.policies.indices where sums.expected[policy] != nil || sums.actual[policy] != nil {
                    rows.append(
                        row(
                            yearCells + [computed] + policyCells(plan, policy),
                            Effect(expected: sums.expected[policy], actual: sums.actual[policy]), kind: kind))
                }
                rows.append(
                    row(
                        yearCells + [computed] + policyCells(plan, nil), Effect(expected: sums.totalExpected, actual: sums.totalActual),
                        kind: kind))
            }
        }
        return Dataset(
            name: "effects", title: "財政効果の集計",
            summary: "年度ごと・方針ごとの財政効果の見込額と実績額の合計（単位：\(unit.rawValue)）。取組項目ごとの額は「取組の年度別結果」にあります。"
                + (hasIncrease(planIndex)
                    ? "公表値が「…の増」と書いた額（支出などが増えた額）はその表記のままで、Mieruka の集計では負の効果額として差し引いています。" : "")
                + (hasApproximate(planIndex)
                    ? "「約」の付いた額は公表どおりの概数（表記のまま）で、Mieruka の集計には入れず、概数が入るはずの合計は空欄です。" : "")
                + (kindColumn
                    ? "単年度効果額と継続的効果額は足し合わせられないため、合計は種類（効果額の種類）ごとで、種類の異なる額を一つの合計にしていません。" : ""),
            columns: columns + (kindColumn ? [kindColumnDefinition] : []), rows: rows)
    }

    /// 効果額の種類, in a plan whose amounts name their kind only (other plans' files keep their columns).
    static let kindColumnDefinition = DatasetColumn(
        CSVField.effectKind.headers[0], .code,
        "合計した額の種類：「単年度」か「継続」。資料が種類を示していない額は空欄。合計は種類ごとです")

    /// True when an amount of the plan's effects, published or an item's, is an approximate figure.
    static func hasApproximate(_ planIndex: PlanIndex) -> Bool {
        let plan = planIndex.plan
        return ResultsDataset.anyYearEndResult(plan) { $0.effect?.hasApproximate == true }
            || planIndex.years.contains { year in
                guard let declared = plan.declared(in: year) else { return false }
                return declared.effectRows.contains { $0.effect.hasApproximate }
                    || declared.publishedEffectTotals.contains { $0.hasApproximate }
                    || declared.publishedEffectCumulatives.contains { $0.hasApproximate }
            }
    }

    /// True when an amount of the plan's effects, published or an item's, was written as an increase.
    static func hasIncrease(_ planIndex: PlanIndex) -> Bool {
        let plan = planIndex.plan
        // (The result's amounts looked at in place: `effects` makes an array of them for each result.)
        return ResultsDataset.anyYearEndResult(plan) { $0.effect?.hasIncrease == true || $0.moreEffects.contains(where: \.hasIncrease) }
            || planIndex.years.contains { year in
                guard let declared = plan.declared(in: year) else { return false }
                return declared.effectRows.contains { $0.effect.hasIncrease }
                    || declared.publishedEffectTotals.contains { $0.hasIncrease }
            }
    }
}
