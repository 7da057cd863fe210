import MierukaModel
import MierukaSite

/// 細目一覧: the sub-items (細目) the plan lists under its items (`subitems:`), one row per sub-item
/// in the plan's order. Their yearly results are rows of 取組の年度別結果 (`results.csv`).
enum SubItemsDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("番号", .code, required: true, "細目が属する取組項目の番号"),
        DatasetColumn("取組項目", .text, required: true, "細目が属する取組項目の名称"),
        DatasetColumn("細目番号", .code, required: true, "細目の番号（計画の表記。取組項目の中で一意）"),
        DatasetColumn("細目名", .text, required: true, "細目の名称"),
        DatasetColumn("担当課", .text, "細目に計画が示す担当（複数のときは「、」で区切る）。示していないときは空欄"),
    ]

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        return Dataset(
            name: "subitems", title: "細目一覧",
            summary: "取組項目の下に計画が掲げる細目。1行が1つの細目です。細目の年度ごとの結果は「取組の年度別結果」にあります。",
            columns: columns, rowCount: plan.items.reduce(0) { $0 + $1.subitems.count }
        ) {
            plan.items.flatMap { item in
                item.subitems.map { [plan.slug, item.number, item.title, $0.number, $0.title, $0.departments.joined(separator: "、")] }
            }
        }
    }
}
