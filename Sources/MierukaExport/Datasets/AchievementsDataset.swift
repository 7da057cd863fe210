import MierukaModel
import MierukaSite

/// 公表された達成件数: the counts of items achieved a plan transcribes (`achievements:`, 寒川町's
/// 「20項目中、16項目を達成（達成率80%）」), one row per count the report gives, with the number of
/// items it is out of and the share as printed and as the number Mieruka read from it. The
/// count's own cells (title, years, point in the year) are repeated on each of its rows.
enum AchievementsDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("表", .text, required: true, "公表された件数の名称（資料の表記）"),
        DatasetColumn("開始年度", .fiscalYear, required: true, "件数が対象とする最初の年度（単年度では「終了年度」と同じ）"),
        DatasetColumn("終了年度", .fiscalYear, required: true, "件数が対象とする最後の年度"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "対象の年度の和暦（期間の件数は「令和2年度～令和4年度」）"),
        DatasetColumn("時点", .text, "年度途中の時点の公表値であるとき、その時点（資料の表記。例：9月末）。年度末の数値なら空欄"),
        DatasetColumn("対象の項目数", .integer, required: true, "件数の母数として資料が示す項目の数（「20項目中」の20）"),
        DatasetColumn("項目の呼び方", .text, required: true, "資料での項目の呼び方（例：改革項目）"),
        DatasetColumn("区分", .text, required: true, "数えたものの区分（資料の表記。例：目標を達成）"),
        DatasetColumn("件数", .integer, required: true, "その区分の件数（資料の数値）"),
        DatasetColumn(
            "計画の評価", .text,
            "その区分が数える計画の評価（「A・B」。計画の評価との対応を資料が示すときだけ。件数は資料の数値で、Mieruka が数えたものではありません）"),
        DatasetColumn("割合の表記", .text, "件数の横に資料が示す割合（資料の表記のまま。例：80%）。資料にないときは空欄で、Mieruka は計算しません"),
        DatasetColumn("割合（%）", .decimal, "割合の数値（%。資料の小数の桁のまま）"),
        DatasetColumn("備考", .text, "件数の注記"),
        DatasetColumn("出典", .text, "件数の出典"),
    ]

    /// The column 計画の評価 is there only for a plan that ties a count to its grades, so that the
    /// table of every other plan keeps its columns.
    static func columns(for plan: Plan) -> [DatasetColumn] {
        tiesGrades(plan) ? columns : columns.filter { $0.header != "計画の評価" }
    }

    static func tiesGrades(_ plan: Plan) -> Bool {
        plan.reported.achievements.contains { $0.parts.contains { !$0.grades.isEmpty } }
    }

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let counts = plan.reported.achievements
        let tied = tiesGrades(plan)
        return Dataset(
            name: "achievements", title: "公表された達成件数",
            summary: "計画が公表した、目標を達成した項目などの件数を、母数の項目数と割合（資料の表記のままと数値）とともに。"
                + "1行が1つの件数です。Mieruka が数えた値はありません。",
            columns: columns(for: plan), rowCount: counts.reduce(0) { $0 + $1.parts.count }
        ) {
            counts.flatMap { count in
                let countCells: [String] = [
                    plan.slug, count.title, DataFormat.year(count.years.first),
                    DataFormat.year(count.years.last ?? count.years.first), DataFormat.eraYears(count.years),
                    count.asOf?.text ?? "", String(count.total), count.noun,
                ]
                let endCells: [String] = [count.note ?? "", count.source ?? ""]
                return count.parts.map { part -> [String] in
                    let rate: [String] = [part.rate?.text ?? "", part.rate.map { $0.percent.description } ?? ""]
                    let grades = part.grades.map { plan.grades.grades[$0].shortName }.joined(separator: "・")
                    return countCells + [part.label, String(part.count)] + (tied ? [grades] : []) + rate + endCells
                }
            }
        }
    }
}
