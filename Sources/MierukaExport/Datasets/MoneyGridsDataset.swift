import MierukaModel
import MierukaSite

/// 公表された金額の表（資料の列のまま）: the money tables a plan transcribes in the report's own
/// layout (`money_tables:` with `columns:` as a list, 相馬市's 年度 columns and 第3次計, rows grouped
/// under headings with 小計), one row per cell, so that every table, whatever its columns, fits one
/// file: the table's cells (title, years, unit, basis, sign convention) and the cell's row and
/// column (group heading, label, heading, whether the report prints it as a sum, and of what) are
/// repeated on each. Each cell is as printed, and where it is an amount, beside it the yen Mieruka
/// read from it (△ and ▲ as minus) and what it counts as in the table's sums (by its sign
/// convention); a text column's words and a text row's (a 達成率 row) are never amounts. A
/// two-figure cell (いわき市's 「950（9500）」) is printed whole, its first figure is the amount, and
/// the figure in brackets has columns of its own, named as the table's `bracket:` names it.
/// Mieruka adds nothing up here.
enum MoneyGridsDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("表", .text, required: true, "公表された表の名称"),
        DatasetColumn("開始年度", .fiscalYear, required: true, "表が対象とする最初の年度（単年度の表では「終了年度」と同じ）"),
        DatasetColumn("終了年度", .fiscalYear, required: true, "表が対象とする最後の年度"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "対象の年度の和暦（期間の表は「平成18年度～平成21年度」）"),
        DatasetColumn("時点", .text, "年度途中の時点の公表値であるとき、その時点（資料の表記。例：9月末）。年度末の数値なら空欄"),
        DatasetColumn("単位", .text, "資料が単位を付けずに書いた金額の単位（例：千円）。金額ごとに単位が書かれた表では空欄"),
        DatasetColumn("算定の基礎", .text, "金額の算定の基礎（例：一般財源ベース）。資料にないときは空欄"),
        DatasetColumn(
            "符号の読み方", .code, required: true,
            "「符号のとおり」は△・▲・－を負の数として計算する表、「削減額」は△（▲）を削減した額（効果）、「…の増」を負の効果として計算する表"),
        DatasetColumn("区分の見出し", .text, required: true, "行の見出しの列の見出し（資料の表記。例：項目）"),
        DatasetColumn("行番号", .integer, required: true, "表の中での行の順番（1から。まとまりの見出しの行は数えない）"),
        DatasetColumn("まとまり", .text, "行が属するまとまりの見出し（資料の表記。例：1 事務事業の見直し）。まとまりのない行は空欄"),
        DatasetColumn("区分", .text, required: true, "行の見出し（資料の表記。例：削減額、小計）"),
        DatasetColumn(
            "行の種類", .code, required: true,
            "「明細」は表の行、「資料の計」は資料が小計・計・合計として載せている行、「文字」は金額でない値の行（例：達成率。計算しない）"),
        DatasetColumn("列番号", .integer, required: true, "表の中での列の順番（1から。行の見出しの列は数えない）"),
        DatasetColumn("列の見出し", .text, required: true, "列の見出し（資料の表記。例：H18年度、第3次計）"),
        DatasetColumn(
            "列の種類", .code, required: true,
            "「金額」は金額の列、「資料の計」は資料が計として載せている金額の列、「文字」は金額の横の文字の列（取組項目、担当など。計算しない）"),
        DatasetColumn(
            "計の範囲", .text,
            "資料の計の行・列が何の計か（計画の記載による）：「まとまりの明細」「すべての明細」、または行・列の見出し（「・」区切り）。行と列の両方が計の欄は「行は…、列は…」。計でなければ空欄"),
        DatasetColumn("表記", .text, "欄の値（資料の表記のまま。（ ）付きの2つの金額の欄は全体）。資料に数値や文字のない欄は空欄（ページでは「—」）"),
        DatasetColumn("金額（円）", .integer, "金額（（ ）付きの欄では（ ）の前の金額）を円に換算した値（表記と単位から読み取った値。△・▲は負の数）。文字の欄と空欄の欄では空欄"),
        DatasetColumn(
            "計算上の金額（円）", .integer,
            "表の計算で数える値（円）：「削減額」の表では△（▲）を正の効果、「…の増」を負の効果として数えた値。「符号のとおり」の表では「金額（円）」と同じ"),
        DatasetColumn("（ ）内の名称", .text, "欄の（ ）内の金額が何か（資料の呼び方。例：累計額）。（ ）のない欄では空欄"),
        DatasetColumn(
            "（ ）内の数え方", .code,
            "running_total：初年度からその年度までの合計。continuing：各年度の額を計画期間の以後の年度にも重ねた累計。資料が示さないときは空欄"),
        DatasetColumn("（ ）内の表記", .text, "（ ）内の金額（資料の表記のまま）"),
        DatasetColumn("（ ）内の金額（円）", .integer, "（ ）内の金額を円に換算した値"),
        DatasetColumn("備考", .text, "表の注記"),
        DatasetColumn("出典", .text, "表の出典"),
    ]

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let tables = plan.reported.moneyTables.compactMap { table in table.grid.map { (table, $0) } }
        let count = tables.reduce(0) { total, entry in
            total + entry.1.columns.count * entry.1.rows.filter { if case .amounts = $0 { true } else { false } }.count
        }
        return Dataset(
            name: "money-grids", title: "公表された金額の表（資料の列のまま）",
            summary: "計画が資料の列と行のまま公表した金額の表（年度別の削減額・収入額、小計のある内訳など）を、1つの欄を1行にして。"
                + "金額は資料の表記のままと、円の数値で。小計・計は資料に載っているものだけで、Mieruka が計算した値はありません。",
            columns: columns, rowCount: count
        ) {
            tables.flatMap { table, grid in rows(table, grid, plan: plan) }
        }
    }

    static func rows(_ table: MoneyTable, _ grid: MoneyGrid, plan: Plan) -> [[String]] {
        let tableCells: [String] = [
            plan.slug, table.title, DataFormat.year(table.years.first),
            DataFormat.year(table.years.last ?? table.years.first), DataFormat.eraYears(table.years),
            table.asOf?.text ?? "", table.unit?.rawValue ?? "", table.basis ?? "", sign(table.sign), table.rowHeading,
        ]
        let endCells: [String] = [table.note ?? "", table.source ?? ""]
        var rows: [[String]] = []
        var group = ""
        var rowNumber = 0
        for entry in grid.rows {
            switch entry {
            case .group(let label, _):
                group = label
            case .amounts(let row):
                rowNumber += 1
                let rowKind = row.isText ? "文字" : row.sum == nil ? "明細" : "資料の計"
                let rowCells: [String] = [String(rowNumber), group, row.label, rowKind]
                for (index, column) in grid.columns.enumerated() {
                    let words = column.isText || row.isText
                    let kind = column.isText ? "文字" : (column.sum == nil ? "金額" : "資料の計")
                    let sum = words ? "" : sumText(row: row.sum, column: column.sum)
                    let amount = words || index >= row.cells.count ? nil : row.cells[index]
                    let cell: [String] =
                        words
                        ? [row.text(at: index) ?? "", "", ""]
                        : [amount?.cell ?? "", amount.map { String($0.written.money.yen) } ?? "", amount.map { String($0.value.yen) } ?? ""]
                    rows.append(tableCells + rowCells + [String(index + 1), column.heading, kind, sum] + cell + bracketCells(amount, grid) + endCells)
                }
            }
        }
        return rows
    }

    /// The figure in brackets of a two-figure cell, with the table's name and rule for it.
    static func bracketCells(_ amount: GridAmount?, _ grid: MoneyGrid) -> [String] {
        guard let bracketed = amount?.bracketed else { return ["", "", "", ""] }
        return [
            grid.bracket?.label ?? "", grid.bracket?.rule?.rawValue ?? "", bracketed.written.text, String(bracketed.written.money.yen),
        ]
    }

    static func sign(_ sign: MoneySign) -> String {
        switch sign {
        case .signed: "符号のとおり"
        case .reduction: "削減額"
        }
    }

    /// What a cell in a printed sum adds up: its row's, its column's, or both.
    static func sumText(row: MoneySum?, column: MoneySum?) -> String {
        switch (row, column) {
        case (nil, nil): ""
        case (let row?, nil): sumText(row)
        case (nil, let column?): sumText(column)
        case (let row?, let column?): "行は\(sumText(row))、列は\(sumText(column))"
        }
    }

    static func sumText(_ sum: MoneySum) -> String {
        switch sum {
        case .group: "まとまりの明細"
        case .all: "すべての明細"
        case .of(let names): names.joined(separator: "・")
        }
    }
}
