import MierukaModel
import MierukaSite

/// 成果指標一覧 and 成果指標の実績: the KPIs of the plan's items and policies, with their
/// baselines and targets, and one row per KPI and year with an actual.
enum KPIsDataset {
    /// A KPI with what it belongs to: an item, or a policy (Komatsu sets KPIs per 基本方針).
    struct Owner {
        let kind: String
        let number: String
        let title: String
        let kpi: KPI
    }

    static func owners(_ plan: Plan) -> [Owner] {
        var owners: [Owner] = []
        for policy in plan.policies {
            for kpi in policy.kpis {
                owners.append(Owner(kind: plan.levelName(policy.level), number: policy.number ?? policy.id, title: policy.title, kpi: kpi))
            }
        }
        for item in plan.items {
            for kpi in item.kpis {
                owners.append(Owner(kind: "取組項目", number: item.number, title: item.title, kpi: kpi))
            }
        }
        return owners
    }

    static let ownerColumns = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("対象", .text, required: true, "指標を設定している単位（「取組項目」、または方針の階層名）"),
        DatasetColumn("番号", .code, required: true, "取組項目または方針の番号"),
        DatasetColumn("名称", .text, required: true, "取組項目または方針の名称"),
        DatasetColumn("指標ID", .code, required: true, "成果指標の識別子（取組項目または方針の中で一意）"),
        DatasetColumn("指標", .text, required: true, "成果指標の名称"),
        DatasetColumn("単位", .text, "値の単位（%、人、件、千円など）"),
    ]

    static func definitions(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let columns =
            ownerColumns + [
                DatasetColumn("方向", .text, "値が増えるのがよい指標は「増加」、減るのがよい指標は「減少」。資料にないときは空欄"),
                DatasetColumn("基準年度", .fiscalYear, "基準値の年度"),
                DatasetColumn("基準年度（和暦）", .eraYear, "基準値の年度の和暦"),
                DatasetColumn("基準値", .decimal, "基準値（数値のみ）"),
                DatasetColumn("基準値の表記", .text, "資料での基準値の書き方が数値と単位だけでないとき、その表記"),
                DatasetColumn("目標年度", .fiscalYear, "目標の年度（期間の目標では最終年度）"),
                DatasetColumn("目標年度（和暦）", .eraYear, "目標の年度の和暦"),
                DatasetColumn("目標期間の開始年度", .fiscalYear, "複数年度にわたる目標（例：2020～2024年度で100件）の最初の年度"),
                DatasetColumn("目標値", .decimal, "目標値（数値のみ。「80%台」のように数値で表せない目標は空欄）"),
                DatasetColumn("目標値の表記", .text, "資料での目標値の書き方が数値と単位だけでないとき、その表記"),
                DatasetColumn("備考", .text, "指標についての注記"),
            ]
        let owners = owners(plan)
        return Dataset(
            name: "kpis", title: "成果指標一覧",
            summary: "取組項目と方針に設定された成果指標（KPI）の基準値と目標値。1行が1つの指標です。",
            columns: columns, rowCount: owners.count
        ) {
            owners.map { owner -> [String] in
            let kpi = owner.kpi
            var row = [plan.slug, owner.kind, owner.number, owner.title, kpi.id, kpi.name, kpi.unit]
            row.append(DataFormat.direction(kpi.direction))
            row += point(kpi.baseline, unit: kpi.unit, withSpan: false)
            row += point(kpi.target, unit: kpi.unit, withSpan: true)
            row.append(kpi.note ?? "")
            return row
            }
        }
    }

    /// 年度, 和暦, (開始年度,) 値, 表記
    static func point(_ point: KPIPoint?, unit: String, withSpan: Bool) -> [String] {
        let years = point?.years
        let year = years.map { $0.last ?? $0.first }
        var cells = [year.map(DataFormat.year) ?? "", year.map(DataFormat.eraYear) ?? ""]
        if withSpan {
            cells.append(years.flatMap { $0.isSingleYear ? nil : DataFormat.year($0.first) } ?? "")
        }
        cells.append(DataFormat.number(point?.value.number))
        cells.append(point.map { DataFormat.wording($0.value, unit: unit) } ?? "")
        return cells
    }

    static func actuals(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let columns =
            ownerColumns + [
                DatasetColumn("年度", .fiscalYear, required: true, "実績の年度"),
                DatasetColumn("和暦年度", .eraYear, required: true, "実績の年度の和暦"),
                DatasetColumn("実績値", .decimal, "実績値（数値のみ。数値で表せない実績は空欄）"),
                DatasetColumn("実績値の表記", .text, "資料での実績値の書き方が数値と単位だけでないとき、その表記"),
                DatasetColumn("指標の評価", .code, "指標ごとに評価する計画での、その年度の評価の記号"),
                DatasetColumn(
                    "進捗率（%）", .decimal,
                    "（実績値－基準値）÷（目標値－基準値）×100、小数第1位まで。減らす指標では減った分が進捗。基準値か目標値が数値でないとき、確定前の値（見込み・速報値）の行は空欄"),
            ] + provisionalColumns(plan)
        let owners = owners(plan)
        return Dataset(
            name: "kpi-actuals", title: "成果指標の実績",
            summary: "成果指標の年度ごとの実績値と、基準値から目標値までの進捗率。1行が1つの指標の1年度です。",
            columns: columns, rowCount: owners.reduce(0) { $0 + $1.kpi.actuals.count }
        ) { actualRows(plan, owners) }
    }

    static func actualRows(_ plan: Plan, _ owners: [Owner]) -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(owners.reduce(0) { $0 + $1.kpi.actuals.count })
        let provisional = hasProvisional(plan)
        for owner in owners {
            let kpi = owner.kpi
            for actual in kpi.actuals {
                var row = [
                    plan.slug, owner.kind, owner.number, owner.title, kpi.id, kpi.name, kpi.unit,
                    DataFormat.year(actual.year), DataFormat.eraYear(actual.year),
                    DataFormat.number(actual.value.number), DataFormat.wording(actual.value, unit: kpi.unit),
                    DataFormat.grade(actual.grade, plan.grades).code, DataFormat.percent(kpi.progress(of: actual)),
                ]
                if provisional { row += provisionalCells(actual, of: kpi) }
                rows.append(row)
            }
        }
        return rows
    }

    /// Whether some KPI of the plan has a provisional actual (見込み, 速報値): only then has the file
    /// the columns saying which values are provisional, so that other plans' files keep their bytes.
    /// Whether a KPI of the plan (a policy's or an item's, those of `owners`) has a provisional
    /// actual, looked for in place (without making the owners).
    static func hasProvisional(_ plan: Plan) -> Bool {
        func anyProvisional(_ kpis: [KPI]) -> Bool { kpis.contains { $0.actuals.contains { $0.provisional != nil } } }
        return plan.policies.contains { anyProvisional($0.kpis) } || plan.items.contains { anyProvisional($0.kpis) }
    }

    static func provisionalColumns(_ plan: Plan) -> [DatasetColumn] {
        hasProvisional(plan)
            ? [
                DatasetColumn("確定前の値の区分", .text, "資料が確定前の値として示した実績の語（見込み、速報値など。語のないときは「確定前の値」）。確定値の行は空欄"),
                DatasetColumn("確定前の値の時点", .text, "確定前の値が示された日付や時点（資料の表記。例：平成19年7月13日現在）"),
                DatasetColumn("確定前の値の注記", .text, "確定前の値について資料が添えた注記（例：平成19年10月確定予定）"),
                DatasetColumn("確定値で置き換え", .text, "同じ年度の確定値があり、サイトでは確定値を載せている確定前の値の行は「○」"),
            ] : []
    }

    static func provisionalCells(_ actual: KPIActual, of kpi: KPI) -> [String] {
        guard let provisional = actual.provisional else { return ["", "", "", ""] }
        return [provisional.label ?? "確定前の値", provisional.asOf ?? "", provisional.note ?? "", kpi.isReplaced(actual) ? "○" : ""]
    }
}
