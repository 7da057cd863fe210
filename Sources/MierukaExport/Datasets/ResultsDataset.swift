import MierukaModel
import MierukaSite

/// 取組の年度別結果: one row per item, fiscal year and KPI, laid out so that it reads back as the
/// yearly results of `seeds/`: save it as `seeds/<plan>/<name>.csv` and the site builds the same.
///
/// The item's cells (評価, 進捗状況 …) are repeated on each of its KPI rows, so that every row
/// stands on its own; an item without KPI actuals for the year has one row with the KPI cells empty.
/// KPI actuals of years without a result for the item are in `kpi-actuals.csv`. In a plan whose
/// items have sub-items (細目), each sub-item result has a row of its own after its item's rows.
enum ResultsDataset {
    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let unit = plan.moneyUnit.rawValue
        // Only in a plan with an amount written as an increase, said where it is.
        let increaseNote =
            anyYearEndResult(plan) { $0.effect?.hasIncrease == true || $0.moreEffects.contains(where: \.hasIncrease) }
            ? "。公表資料が「…の増」と書いた額（支出などが増えた額。負の効果）は、その表記のまま（例：425万4千円の増）" : ""
        // Only in a plan with an amount given as an approximate figure (「約…」), said where it is.
        let approximateNote =
            anyYearEndResult(plan) { $0.effect?.hasApproximate == true || $0.moreEffects.contains(where: \.hasApproximate) }
            ? "。公表資料が「約」を付けた概数は、その表記のまま（例：約1,200）" : ""
        let columns: [DatasetColumn] = [
            DatasetColumn("計画", .code, required: true, "計画の識別子（サイトのURLに使われる名前）"),
            DatasetColumn("年度", .fiscalYear, required: true, "結果の年度（4月に始まる年の西暦）"),
            DatasetColumn("和暦年度", .eraYear, required: true, "同じ年度の和暦（読み込むときは「年度」と照合するだけ）"),
        ] + pointColumns(plan) + [
            DatasetColumn("番号", .code, required: true, "取組項目の番号（計画での表記）"),
            DatasetColumn("取組項目", .text, required: true, "取組項目の名称（読み込むときは照合するだけ）"),
            DatasetColumn("評価", .code, "進捗の評価の記号（" + gradeList(plan, withStates: true) + "）。評価のない年度は空欄"),
            DatasetColumn("評価の内容", .text, "評価の記号の意味（読み込むときは使われない）"),
            DatasetColumn("進捗状況", .text, "進捗状況の本文（Markdown。セル内の改行は改行のまま）"),
            DatasetColumn("要因", .text, "進捗の要因の本文（Markdown）"),
            DatasetColumn("今後の対応", .text, "今後の対応の本文（Markdown）"),
            DatasetColumn("効果見込額（\(unit)）", .decimal, "その年度の財政効果の見込額（単位：\(unit)。負の値はマイナス記号）" + increaseNote + approximateNote),
            DatasetColumn("効果額（\(unit)）", .decimal, "その年度の財政効果の実績額（単位：\(unit)）" + increaseNote + approximateNote),
        ] + effectKindColumns(plan) + [
            DatasetColumn("指標ID", .code, "成果指標の識別子。指標の実績がない行は空欄"),
            DatasetColumn("指標", .text, "成果指標の名称"),
            DatasetColumn("単位", .text, "実績値の単位（読み込むときは指標の単位と照合するだけ）"),
            DatasetColumn("実績値", .decimal, "その年度の指標の実績値（数値のみ。数値で表せない実績は空欄）"),
            DatasetColumn("実績値の表記", .text, "報告書での実績値の書き方が数値と単位だけでないとき、その表記（例：約340万件）"),
            DatasetColumn("指標の評価", .code, "指標ごとに評価する計画での、その指標の評価の記号"),
        ] + axisColumns(plan) + subItemColumns(plan) + graderColumns(plan) + compositionColumns(plan) + provisionalColumns(plan)
            + unreadableColumns(plan) + previousGradeColumns(plan)
        return Dataset(
            name: "results", title: "取組の年度別結果",
            summary: "取組項目ごと・年度ごとの評価、進捗状況、要因、今後の対応、財政効果と、その年度の成果指標の実績。"
                + "1行が1つの取組項目の1年度の1指標（指標の実績がない年度は1行）です。"
                + (hasSubItems(plan) ? "細目の結果は、その取組項目の行の後に細目ごとに1行です（取組項目の列を繰り返します）。" : ""),
            columns: columns, rowCount: count(planIndex)
        ) { rows(planIndex) }
    }

    /// One row per KPI with an actual that year, or one row for the result alone.
    /// (Read in place, by index: iterating copies each item, result and actual whole, and the data
    /// page counts each plan's rows too.)
    static func count(_ planIndex: PlanIndex) -> Int {
        var count = 0
        let items = planIndex.plan.items
        for year in planIndex.years {
            for item in items.indices {
                // `item.result(in:)`: the year's last result.
                let results = items[item].results
                if let last = results.indices.last(where: { results[$0].year == year }) {
                    // A KPI has an actual for the year (`kpi.actual(in:)`) when any of its actuals is of the year.
                    let kpis = items[item].kpis
                    var withActual = 0
                    for kpi in kpis.indices {
                        let actuals = kpis[kpi].actuals
                        if actuals.indices.contains(where: { actuals[$0].year == year }) { withActual += 1 }
                    }
                    count += max(1, withActual) + results[last].subitems.count
                }
                let snapshots = items[item].snapshots
                for snapshot in snapshots.indices where snapshots[snapshot].year == year {
                    count += 1 + snapshots[snapshot].subitems.count
                }
            }
        }
        return count
    }

    /// Whether any result of an item, at a year's end or at a point within it, is such.
    /// (Items read in place, by index: iterating them copies each item whole, and the data page
    /// and the export both ask for every plan.)
    static func anyResult(_ plan: Plan, _ predicate: (YearResult) -> Bool) -> Bool {
        anyYearEndResult(plan, predicate) || plan.items.indices.contains { plan.items[$0].snapshots.contains(where: predicate) }
    }

    /// Whether any result of an item at a year's end is such.
    static func anyYearEndResult(_ plan: Plan, _ predicate: (YearResult) -> Bool) -> Bool {
        plan.items.indices.contains { plan.items[$0].results.contains(where: predicate) }
    }

    /// 効果額の種類 after the amounts, in a plan whose items' amounts name their kind (単年度 / 継続)
    /// only (so that other plans' files keep their columns): read back as the effect's `kind:`.
    static func effectKindColumns(_ plan: Plan) -> [DatasetColumn] {
        hasEffectKinds(plan)
            ? [
                DatasetColumn(
                    CSVField.effectKind.headers[0], .code,
                    "効果見込額と効果額の種類：「単年度」（その年度に新たに生じた効果で、一度だけ数える額）か「継続」（前の年度からの取組の効果もその年度ごとに数える額）。"
                        + "資料が種類を示していない額は空欄。種類の異なる額は足し合わせられません")
            ]
            : []
    }

    static func hasEffectKinds(_ plan: Plan) -> Bool {
        anyResult(plan) { $0.effect?.kind != nil || $0.moreEffects.contains { $0.kind != nil } }
    }

    /// 評価を読み取れない理由, in a plan with a result whose grade could not be read only (so that
    /// other plans' files keep their columns): read back as `grade_unreadable:`.
    static func unreadableColumns(_ plan: Plan) -> [DatasetColumn] {
        hasUnreadable(plan)
            ? [
                DatasetColumn(
                    CSVField.gradeUnreadable.headers[0], .text,
                    "報告書では評価されているが、参照した資料から評価が読み取れなかった年度の、その理由（評価は空欄。集計には含めない）")
            ]
            : []
    }

    static func hasUnreadable(_ plan: Plan) -> Bool {
        anyResult(plan) { $0.gradeUnreadable != nil }
    }

    /// 前年度評価: only where some result gives the previous year's grade as printed, at the end.
    static func previousGradeColumns(_ plan: Plan) -> [DatasetColumn] {
        hasPreviousGrades(plan)
            ? [
                DatasetColumn(
                    CSVField.previousGrade.headers[0], .text,
                    "報告書がその項目の横に載せている前年度の評価（記載のとおり。集計には含めない）")
            ]
            : []
    }

    static func hasPreviousGrades(_ plan: Plan) -> Bool {
        anyResult(plan) { $0.previousGrade != nil }
    }

    /// 時点, in a plan with results at points within a year (`as_of:`) only.
    static func pointColumns(_ plan: Plan) -> [DatasetColumn] {
        hasPoints(plan)
            ? [DatasetColumn("時点", .text, "年度の途中の時点の結果はその時点（例：8月末）。空欄は年度末の結果")]
            : []
    }

    static func hasPoints(_ plan: Plan) -> Bool { plan.items.contains { !$0.snapshots.isEmpty } }

    /// Each year's results at its end, then those at points within it, point by point.
    static func rows(_ planIndex: PlanIndex) -> [[String]] {
        let plan = planIndex.plan
        var rows: [[String]] = []
        rows.reserveCapacity(count(planIndex))
        let layout = RowLayout(plan)
        for year in planIndex.years {
            for item in plan.items {
                guard let result = item.result(in: year) else { continue }
                appendRows(result, of: item, layout, to: &rows)
            }
            for point in plan.snapshotPoints(in: year) {
                for item in plan.items {
                    for result in item.snapshots(in: year) where Snapshot.samePoint(result.asOf, point) {
                        appendRows(result, of: item, layout, to: &rows)
                    }
                }
            }
        }
        return rows
    }

    /// An item's result: a row per KPI with an actual that year (none at a point within a year), or
    /// one row for the result alone; then a row per sub-item result.
    private static func appendRows(_ result: YearResult, of item: Item, _ layout: RowLayout, to rows: inout [[String]]) {
        let plan = layout.plan
        let year = result.year
        // A state given instead of a grade (対象外 …) is written where the grade would be, as
        // the sheet it came from writes it, so that the file reads back the same.
        let grade = result.state.map { DataFormat.grade($0, plan.states) } ?? DataFormat.grade(result.grade, plan.grades)
        // (Cells appended one by one: appending a list of them made and copied an array each time.)
        func cells(_ effect: Effect?) -> [String] {
            var cells: [String] = []
            cells.reserveCapacity(layout.columnCount)
            cells.append(plan.slug)
            cells.append(DataFormat.year(year))
            cells.append(DataFormat.eraYear(year))
            if layout.hasPoints { cells.append(result.asOf?.text ?? "") }
            cells.append(item.number)
            cells.append(item.title)
            cells.append(grade.code)
            cells.append(grade.label)
            cells.append(result.progress ?? "")
            cells.append(result.factors ?? "")
            cells.append(result.nextSteps ?? "")
            // An amount the city wrote as an increase is written as published (「425万4千円の増」),
            // which reads back as the same negative effect.
            cells.append(effect?.expectedWritten ?? DataFormat.money(effect?.expected, in: plan.moneyUnit))
            cells.append(effect?.actualWritten ?? DataFormat.money(effect?.actual, in: plan.moneyUnit))
            if layout.hasKinds { cells.append(effect?.kind?.word ?? "") }
            return cells
        }
        let itemCells = cells(result.effect)
        var wroteKPI = false
        for kpi in item.kpis where result.asOf == nil {
            guard let actual = kpi.actual(in: year) else { continue }
            wroteKPI = true
            var row = itemCells
            row.append(kpi.id)
            row.append(kpi.name)
            row.append(kpi.unit)
            row.append(DataFormat.number(actual.value.number))
            row.append(DataFormat.wording(actual.value, unit: kpi.unit))
            row.append(DataFormat.grade(actual.grade, plan.grades).code)
            layout.appendTail(result, subitem: nil, of: item, provisional: actual.provisional, to: &row)
            rows.append(row)
        }
        if !wroteKPI { rows.append(layout.rowWithoutKPI(itemCells, result, subitem: nil, of: item)) }
        for subitem in result.subitems {
            rows.append(layout.rowWithoutKPI(itemCells, result, subitem: subitem, of: item))
        }
        // The year's amounts of other kinds: a row each, its kind in 効果額の種類 (read back as that kind's amounts).
        for effect in result.moreEffects {
            rows.append(layout.rowWithoutKPI(cells(effect), result, subitem: nil, of: item))
        }
    }

    /// 確定前の値の区分・時点・注記, in a plan with a provisional KPI actual (見込み, 速報値) only, at the
    /// very end: the row's actual as the site shows it for the year is provisional when they are filled.
    static func provisionalColumns(_ plan: Plan) -> [DatasetColumn] {
        KPIsDataset.hasProvisional(plan)
            ? [
                DatasetColumn("確定前の値の区分", .text, "その行の実績値が確定前の値のとき、資料の語（見込み、速報値など。語のないときは「確定前の値」）。確定値は空欄"),
                DatasetColumn("確定前の値の時点", .text, "確定前の値が示された日付や時点（資料の表記）"),
                DatasetColumn("確定前の値の注記", .text, "確定前の値について資料が添えた注記"),
            ] : []
    }

    static func provisionalCells(_ provisional: KPIProvisional?) -> [String] {
        guard let provisional else { return ["", "", ""] }
        return [provisional.label ?? "確定前の値", provisional.asOf ?? "", provisional.note ?? ""]
    }

    static func gradeList(_ plan: Plan, withStates: Bool = false) -> String {
        plan.grades.grades.map { "\($0.code)：\($0.label)" }.joined(separator: "、")
            + (plan.states.isEmpty || !withStates
                ? ""
                : "。評価に代わる状態（\(plan.statesHeading)）：" + plan.states.grades.map { "\($0.code)：\($0.label)" }.joined(separator: "、"))
    }
}
