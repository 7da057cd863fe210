import MierukaModel

/// Sub-item (細目) results in 取組の年度別結果: four columns at the end, in a plan whose items list
/// sub-items, and after an item's own rows one row per sub-item result, with the item's cells
/// repeated (as on its KPI rows) and the KPI cells empty. Rows of plans and items without sub-items
/// are as before, with the four cells empty; read back, each row gives the same sub-item result.
extension ResultsDataset {
    static func hasSubItems(_ plan: Plan) -> Bool {
        plan.items.contains { !$0.subitems.isEmpty }
    }

    static func subItemColumns(_ plan: Plan) -> [DatasetColumn] {
        guard hasSubItems(plan) else { return [] }
        return [
            DatasetColumn("細目番号", .code, "細目の行では、その細目の番号（取組項目の中での計画の表記）。取組項目そのものの行は空欄"),
            DatasetColumn("細目名", .text, "細目の名称（読み込むときは照合するだけ）"),
            DatasetColumn("細目の評価", .code, "細目の評価の記号（取組項目の「評価」と同じ区分）。評価のない細目は空欄"),
            DatasetColumn("細目の進捗状況", .text, "細目の進捗状況の本文（Markdown）"),
        ]
    }

    /// The cells of one sub-item result.
    static func subItemCells(_ result: SubItemResult, item: Item, plan: Plan) -> [String] {
        let subitem = item.subitems[result.subitem]
        let grade = result.state.map { DataFormat.grade($0, plan.states) } ?? DataFormat.grade(result.grade, plan.grades)
        return [subitem.number, subitem.title, grade.code, result.progress ?? ""]
    }
}
