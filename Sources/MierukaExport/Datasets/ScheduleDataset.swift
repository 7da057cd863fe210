import MierukaModel
import MierukaSite

/// 取組の工程: each item's schedule as the plan writes it (`schedule:`, 検討 → 試行 → 実施), one row
/// per step, in the plan's item order and each item's year order.
enum ScheduleDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("番号", .code, required: true, "取組項目の番号"),
        DatasetColumn("取組項目", .text, required: true, "取組項目の名称"),
        DatasetColumn("開始年度", .fiscalYear, required: true, "工程の年度（複数年度にわたる工程では最初の年度）"),
        DatasetColumn("終了年度", .fiscalYear, required: true, "工程の最後の年度（単年度では「開始年度」と同じ）"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "工程の年度の和暦（期間は「令和6年度～令和7年度」）"),
        DatasetColumn("工程", .text, required: true, "その年度の取組（計画の表記のまま。例：検討、試行、実施）"),
    ]

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        return Dataset(
            name: "schedule", title: "取組の工程",
            summary: "取組項目ごとに計画が定める年度ごとの工程（検討、試行、実施など）を、計画の表記のままで。1行が1つの工程です。",
            columns: columns, rowCount: plan.items.reduce(0) { $0 + $1.schedule.count }
        ) {
            plan.items.flatMap { item in
                item.schedule.map { step in
                    [
                        plan.slug, item.number, item.title, DataFormat.year(step.years.first),
                        DataFormat.year(step.years.last ?? step.years.first), DataFormat.eraYears(step.years), step.text,
                    ]
                }
            }
        }
    }
}
