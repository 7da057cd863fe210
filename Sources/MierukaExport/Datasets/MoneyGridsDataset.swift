import MierukaModel
import MierukaSite

/// 公表された効果額の表（資料の表組み）: the money tables a plan transcribes in the report's own layout
/// (`money_tables:` with `columns:` as a list: 相馬市's column per year, いわき市's 「950（9500）」), one
/// row per printed cell, in the table's order (row by row, column by column). Every amount twice:
/// as printed and as the number of yen Mieruka read from it; a two-figure cell's figure in brackets
/// in columns of its own, named as the report names it. The table's and the row's own cells are
/// repeated on each of its rows.
enum MoneyGridsDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("表", .text, required: true, "公表された表の名称"),
        DatasetColumn("開始年度", .fiscalYear, required: true, "表が対象とする最初の年度（単年度の表では「終了年度」と同じ）"),
        DatasetColumn("終了年度", .fiscalYear, required: true, "表が対象とする最後の年度"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "対象の年度の和暦（期間の表は「平成18年度～平成22年度」）。各欄の年度は「列」の見出しのとおり"),
        DatasetColumn("時点", .text, "年度途中の時点の公表値であるとき、その時点（資料の表記。例：9月末）。年度末の数値なら空欄"),
        DatasetColumn("単位", .text, "資料が単位を付けずに書いた金額の単位（例：千円）"),
        DatasetColumn("算定の基礎", .text, "金額の算定の基礎（例：一般財源ベース）。資料にないときは空欄"),
        DatasetColumn("符号の読み方", .code, required: true, "signed：△は負の数。reduction：△は歳出の削減で、効果として正の額に数え、「…の増」は負の効果"),
        DatasetColumn("区分の見出し", .text, required: true, "行の区分の見出し（資料の表記。例：項目）"),
        DatasetColumn("見出し", .text, "行がまとめられている資料の見出し（例：1 事務事業の簡素・効率化）。なければ空欄"),
        DatasetColumn("区分", .text, required: true, "行の区分（資料の表記。例：削減額）"),
        DatasetColumn("行の種類", .code, required: true, "「明細」は金額の行、「合計」は資料が合計として載せている行（小計・計など）、「文字」は金額でない値の行（例：達成率）"),
        DatasetColumn("列", .text, required: true, "列の見出し（資料の表記。例：H18年度）"),
        DatasetColumn("列の種類", .code, required: true, "「金額」「合計」（資料が合計として載せている列）、「文字」（金額でない言葉の列）"),
        DatasetColumn("表記", .text, required: true, "欄の表記（資料の表記のまま。（ ）付きの2つの金額の欄は全体）"),
        DatasetColumn("金額の表記", .text, "欄の金額（（ ）の前の金額。資料の表記のまま）。文字の欄では空欄"),
        DatasetColumn("金額（円）", .integer, "金額を円に換算した値（表記と単位から読み取った値。△は負）"),
        DatasetColumn("効果として数える値（円）", .integer, "表の符号の読み方で数えた値（reduction の表では△の削減額が正の値）"),
        DatasetColumn("（ ）内の名称", .text, "欄の（ ）内の金額が何か（資料の呼び方。例：累計額）。（ ）のない欄では空欄"),
        DatasetColumn("（ ）内の数え方", .code, "running_total：初年度からその年度までの合計。continuing：各年度の額を計画期間の以後の年度にも重ねた累計。資料が示さないときは空欄"),
        DatasetColumn("（ ）内の表記", .text, "（ ）内の金額（資料の表記のまま）"),
        DatasetColumn("（ ）内の金額（円）", .integer, "（ ）内の金額を円に換算した値"),
        DatasetColumn("備考", .text, "表の注記"),
        DatasetColumn("出典", .text, "表の出典"),
    ]

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let tables = plan.reported.moneyTables.compactMap { table in table.grid.map { (table, $0) } }
        return Dataset(
            name: "money-grids", title: "公表された効果額の表（資料の表組み）",
            summary: "計画が資料の表組みのまま公表した効果額の表（年度ごとの列など）を、1行が表の1つの欄として、"
                + "資料の表記のままと円の数値で。（ ）付きの欄の2つ目の金額は別の列にあります。Mieruka が計算した値はありません。",
            columns: columns, rowCount: tables.reduce(0) { $0 + cells($1.1).count }
        ) {
            tables.flatMap { table, grid in
                let tableCells = [
                    plan.slug, table.title, DataFormat.year(table.years.first),
                    DataFormat.year(table.years.last ?? table.years.first), DataFormat.eraYears(table.years),
                    table.asOf?.text ?? "", table.unit?.rawValue ?? "", table.basis ?? "", table.sign.rawValue, table.rowHeading,
                ]
                return cells(grid).map { cell -> [String] in
                    let row = cell.row
                    let column = grid.columns[cell.index]
                    let rowKind = row.isText ? "文字" : row.sum == nil ? "明細" : "合計"
                    let columnKind = column.isText ? "文字" : column.sum == nil ? "金額" : "合計"
                    var figures = Array(repeating: "", count: 8)
                    if let amount = row.isText || column.isText ? nil : row.cells[cell.index] {
                        figures[0] = amount.cell
                        figures[1] = amount.written.text
                        figures[2] = String(amount.written.money.yen)
                        figures[3] = String(amount.value.yen)
                        if let bracketed = amount.bracketed {
                            figures[4] = grid.bracket?.label ?? ""
                            figures[5] = grid.bracket?.rule?.rawValue ?? ""
                            figures[6] = bracketed.written.text
                            figures[7] = String(bracketed.written.money.yen)
                        }
                    } else {
                        figures[0] = row.text(at: cell.index) ?? ""
                    }
                    return tableCells + [cell.group ?? "", row.label, rowKind, column.heading, columnKind] + figures
                        + [table.note ?? "", table.source ?? ""]
                }
            }
        }
    }

    /// The printed cells of a grid in order, each with its row and the group heading above it.
    static func cells(_ grid: MoneyGrid) -> [(group: String?, row: MoneyGridAmounts, index: Int)] {
        var group: String?
        var result: [(group: String?, row: MoneyGridAmounts, index: Int)] = []
        for entry in grid.rows {
            switch entry {
            case .group(let label, _): group = label
            case .amounts(let row):
                for index in grid.columns.indices {
                    let printed = grid.columns[index].isText || row.isText ? row.text(at: index) != nil : row.cells[index] != nil
                    if printed { result.append((group, row, index)) }
                }
            }
        }
        return result
    }
}
