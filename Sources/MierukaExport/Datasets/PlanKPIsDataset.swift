import MierukaModel
import MierukaSite

/// 計画全体の目標と実績: the plan's own KPIs (`plan_kpis:`, 主要目標), one row per figure the report
/// prints for a KPI (its baseline, target, each year's actual, each cumulative actual and the
/// published rate), as written and, where Mieruka read it exactly, as a number with its unit. The
/// only figure of Mieruka's own is the comparison with the target, in a column that says so.
enum PlanKPIsDataset {
    /// The columns; the note of the comparison names who published (「町の公表値ではありません」).
    static func columns(_ plan: Plan) -> [DatasetColumn] {
        [
            DatasetColumn("計画", .code, required: true, "計画の識別子"),
            DatasetColumn("表", .text, required: true, "目標の表の名称（資料の表記。例：主要目標）"),
            DatasetColumn("指標", .text, required: true, "目標の名称"),
            DatasetColumn("種別", .code, required: true, "値の種類：基準値、目標、実績（単年度）、累計（複数年度の実績）、公表された率"),
            DatasetColumn("開始年度", .fiscalYear, "値の年度（期間の値では最初の年度）。資料に年度がないときは空欄"),
            DatasetColumn("終了年度", .fiscalYear, "値の年度（期間の値では最後の年度）"),
            DatasetColumn("年度（和暦）", .eraYear, "値の年度の和暦（期間の値は「令和2年度～令和4年度」）"),
            DatasetColumn("見出し", .text, "公表された率の見出し（資料の表記。例：達成率、進捗率）。ほかの種別では空欄"),
            DatasetColumn("表記", .text, required: true, "値（資料の表記のまま。例：98パーセント未満、91.4パーセント(91.6パーセント)）"),
            DatasetColumn("数値", .decimal, "表記から読み取った数値（金額は円）。表記が一つの数値と単位だけでないときは空欄"),
            DatasetColumn("数値の単位", .text, "「数値」の単位（金額は「円」）"),
            DatasetColumn("不等号", .code, "目標が不等号で書かれているとき、その語（未満、以下、以上、超、台）"),
            DatasetColumn("年度の目標", .text, "実績の横に資料が示すその年度の目標（資料の表記）"),
            DatasetColumn("確定前", .text, "確定前の値であるとき、資料の語（見込み、速報値など。語のないときは「確定前の値」）。確定した値は空欄"),
        ] + provisionalColumns(plan) + [
            DatasetColumn(
                "目標との比較（Mieruka の判定）", .code,
                "目標の行だけ：目標が一つの数値と「未満・以下・以上・超・台」で書かれ、目標年度の実績が確定した同じ単位の数値のとき、"
                    + "Mieruka が比べた結果（達成、未達成）。\(plan.publisher.publishedMark)ではありません。比べられないときは空欄"),
            DatasetColumn("備考", .text, "目標の注記"),
            DatasetColumn("出典", .text, "表の出典"),
        ]
    }

    /// 確定前の値の時点・注記, in a plan whose KPI tables give a provisional value's date or note only,
    /// so that other plans' files keep their columns.
    static func provisionalColumns(_ plan: Plan) -> [DatasetColumn] {
        guard hasProvisionalDetails(plan) else { return [] }
        return [
            DatasetColumn("確定前の値の時点", .text, "確定前の値が示された日付や時点（資料の表記。例：令和4年9月末現在）"),
            DatasetColumn("確定前の値の注記", .text, "確定前の値についての資料の注記（例：令和5年3月確定予定）"),
        ]
    }

    static func hasProvisionalDetails(_ plan: Plan) -> Bool {
        plan.planKPIs.contains { $0.kpis.contains { $0.actuals.contains { $0.provisional.map { $0.asOf != nil || $0.note != nil } ?? false } } }
    }

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let count = plan.planKPIs.reduce(0) { total, table in
            table.kpis.reduce(total) { $0 + 1 + ($1.baseline == nil ? 0 : 1) + $1.actuals.count + ($1.publishedRate == nil ? 0 : 1) }
        }
        return Dataset(
            name: "plan-kpis", title: "計画全体の目標と実績",
            summary: "計画全体の目標（主要目標など）の基準値・目標・実績・公表された率を、資料の表記のままと、読み取った数値で。"
                + "1行が1つの目標の1つの値です。",
            columns: columns(plan), rowCount: count
        ) { rows(plan) }
    }

    static func rows(_ plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        let details = hasProvisionalDetails(plan)
        for table in plan.planKPIs {
            for kpi in table.kpis {
                func row(
                    _ kind: String, _ years: FiscalYearRange?, heading: String = "", text: String,
                    quantity: PlanKPIQuantity? = nil, relation: String = "", interim: String? = nil,
                    provisional: KPIProvisional? = nil, comparison: String = ""
                ) -> [String] {
                    [plan.slug, table.title, kpi.name, kind]
                        + [
                            years.map { DataFormat.year($0.first) } ?? "",
                            years.map { DataFormat.year($0.last ?? $0.first) } ?? "",
                            years.map(DataFormat.eraYears) ?? "",
                        ]
                        + [heading, text] + number(quantity) + [relation, interim ?? "", provisional.map { $0.label ?? "確定前の値" } ?? ""]
                        + (details ? [provisional?.asOf ?? "", provisional?.note ?? ""] : []) + [comparison]
                        + [kpi.note ?? "", table.source ?? ""]
                }
                if let baseline = kpi.baseline { rows.append(row("基準値", baseline.years, text: baseline.text)) }
                let target = kpi.target
                rows.append(
                    row(
                        "目標", target.years, text: target.text, quantity: target.bound?.limit,
                        relation: target.bound?.relation.rawValue ?? "",
                        comparison: kpi.targetMet.map { $0 ? "達成" : "未達成" } ?? ""))
                for actual in kpi.actuals {
                    rows.append(
                        row(
                            actual.isCumulative ? "累計" : "実績", actual.years, text: actual.text, quantity: actual.quantity,
                            interim: actual.interimTarget, provisional: actual.provisional))
                }
                if let rate = kpi.publishedRate {
                    rows.append(row("公表された率", rate.years, heading: rate.label, text: rate.text))
                }
            }
        }
        return rows
    }

    /// 数値, 数値の単位
    static func number(_ quantity: PlanKPIQuantity?) -> [String] {
        switch quantity {
        case nil: ["", ""]
        case .money(let money): [String(money.yen), "円"]
        case .number(let value, let unit): [value.description, unit]
        }
    }
}
