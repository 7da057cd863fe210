import MierukaModel
import MierukaSite

/// 公表された効果額の表: the money tables a plan transcribes (`money_tables:`), one row per row of a
/// published table (its total row included, marked 合計), every figure twice: as the city printed
/// it (「347.0」, 「3億3,357万円」, 「67.1パーセント」) and as the number Mieruka read from it (yen,
/// percent). The table's own cells (title, years, unit, basis) are repeated on each of its rows.
enum MoneyTablesDataset {
    static let columns: [DatasetColumn] = [
        DatasetColumn("計画", .code, required: true, "計画の識別子"),
        DatasetColumn("表", .text, required: true, "公表された表の名称"),
        DatasetColumn("開始年度", .fiscalYear, required: true, "表の金額が対象とする最初の年度（単年度の表では「終了年度」と同じ）"),
        DatasetColumn("終了年度", .fiscalYear, required: true, "表の金額が対象とする最後の年度"),
        DatasetColumn("年度（和暦）", .eraYear, required: true, "対象の年度の和暦（期間の表は「平成20年度～平成22年度」）"),
        DatasetColumn("時点", .text, "年度途中の時点の公表値であるとき、その時点（資料の表記。例：9月末）。年度末の数値なら空欄"),
        DatasetColumn("単位", .text, "資料が単位を付けずに書いた金額の単位（例：百万円）。金額ごとに単位が書かれた表では空欄"),
        DatasetColumn("算定の基礎", .text, "金額の算定の基礎（例：一般財源ベース）。資料にないときは空欄"),
        DatasetColumn("区分の見出し", .text, required: true, "行の区分の見出し（資料の表記。例：分野）"),
        DatasetColumn("行の種類", .code, required: true, "「明細」は表の行、「合計」は資料の合計行"),
        DatasetColumn("区分", .text, required: true, "行の区分（資料の表記。例：歳入、【適正化】職員に関すること）"),
        DatasetColumn("計画額の見出し", .text, "計画額の列の見出し（資料の表記。例：計画額a）。資料がこの列を載せていない表では空欄"),
        DatasetColumn("計画額の表記", .text, "計画額（資料の表記のまま）。資料にないときは空欄"),
        DatasetColumn("計画額（円）", .integer, "計画額を円に換算した値（表記と単位から読み取った値）"),
        DatasetColumn("実績額の見出し", .text, "実績額の列の見出し（資料の表記）。資料がこの列を載せていない表では空欄"),
        DatasetColumn("実績額の表記", .text, "実績額（資料の表記のまま）"),
        DatasetColumn("実績額（円）", .integer, "実績額を円に換算した値"),
        DatasetColumn("差の見出し", .text, "差の列の見出し（資料の表記）。資料がこの列を載せていない表では空欄"),
        DatasetColumn("差の表記", .text, "差（資料の表記のまま）。資料に差がないときは空欄で、Mieruka は計算しません"),
        DatasetColumn("差（円）", .integer, "差を円に換算した値"),
        DatasetColumn("達成率の見出し", .text, "達成率の列の見出し（資料の表記）。資料がこの列を載せていない表では空欄"),
        DatasetColumn("達成率の表記", .text, "達成率（資料の表記のまま。例：67.1パーセント）。資料にないときは空欄で、Mieruka は計算しません"),
        DatasetColumn("達成率（%）", .decimal, "達成率の数値（%。資料の小数の桁のまま）"),
        DatasetColumn("備考", .text, "表の注記"),
        DatasetColumn("出典", .text, "表の出典"),
    ]

    static func make(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let tables = plan.reported.moneyTables
        return Dataset(
            name: "money-tables", title: "公表された効果額の表",
            summary: "計画が公表した効果額の表（分野別、歳入・歳出別など）を、資料の表記のままと、円・%の数値で。"
                + "1行が表の1行（合計行を含む）です。Mieruka が計算した値はありません。",
            columns: columns, rowCount: tables.reduce(0) { $0 + $1.allRows.count }
        ) {
            tables.flatMap { table in
                let tableCells = [
                    plan.slug, table.title, DataFormat.year(table.years.first),
                    DataFormat.year(table.years.last ?? table.years.first), DataFormat.eraYears(table.years),
                    table.asOf?.text ?? "", table.unit?.rawValue ?? "", table.basis ?? "", table.rowHeading,
                ]
                let headings = table.printedHeadings
                return table.allRows.enumerated().map { offset, row -> [String] in
                    tableCells + [offset < table.rows.count ? "明細" : "合計", row.label]
                        + [headings.planned ?? ""] + amount(row.planned)
                        + [headings.actual ?? ""] + amount(row.actual)
                        + [headings.difference ?? ""] + amount(row.difference)
                        + [headings.rate ?? "", row.rate?.text ?? "", row.rate.map { $0.percent.description } ?? ""]
                        + [table.note ?? "", table.source ?? ""]
                }
            }
        }
    }

    /// 表記, 円
    static func amount(_ amount: PublishedAmount?) -> [String] {
        [amount?.text ?? "", amount.map { String($0.money.yen) } ?? ""]
    }
}
