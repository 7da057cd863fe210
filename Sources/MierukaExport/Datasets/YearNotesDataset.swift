import MierukaModel
import MierukaSite

/// 年度の主な取組 and 年度の報告の記述: what a year's report page shows beside its tables, from the
/// plan's published tables (`declared:`): the items the report singles out (`highlights:`, one row
/// per entry, under its group's title) and what the report says about the year (`notes:`, one row
/// per year). As on the report page, a year's are those of the table `Plan.declared(in:)` gives
/// (its year's end, else its latest point, named in 時点).
enum YearNotesDataset {
    /// The published table each report page shows, year by year.
    static func shownTables(_ plan: Plan) -> [DeclaredYear] {
        plan.reportedYears.compactMap { plan.declared(in: $0) }
    }

    /// The year's own table, then those at points within the year whose notes and highlights the
    /// report shows with the point's tables (`Plan.showsTables`), in the points' order.
    static func shownWithPoints(_ plan: Plan) -> [DeclaredYear] {
        plan.reportedYears.flatMap { year in
            [plan.declared(in: year)].compactMap { $0 }
                + plan.otherSnapshots(in: year).filter { table in table.asOf.map { plan.showsTables(at: $0, in: year) } ?? false }
        }
    }

    static func yearColumns() -> [DatasetColumn] {
        [
            DatasetColumn("計画", .code, required: true, "計画の識別子"),
            DatasetColumn("年度", .fiscalYear, required: true, "報告の年度"),
            DatasetColumn("和暦年度", .eraYear, required: true, "報告の年度の和暦"),
            DatasetColumn("時点", .text, "年度途中の時点の報告であるとき、その時点（資料の表記。例：9月末）。年度末の報告なら空欄"),
        ]
    }

    static func yearCells(_ plan: Plan, _ table: DeclaredYear) -> [String] {
        [plan.slug, DataFormat.year(table.year), DataFormat.eraYear(table.year), table.asOf?.text ?? ""]
    }

    static func highlights(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        let tables = shownWithPoints(plan).filter { !$0.highlights.isEmpty }
        let columns =
            yearColumns() + [
                DatasetColumn("見出し", .text, required: true, "報告書の見出し（資料の表記。例：◎ 計画以上に進捗している主な取組）"),
                DatasetColumn("取組", .text, required: true, "取り上げられた取組の名称（資料の表記）"),
                DatasetColumn("担当", .text, "担当の部署（資料の表記）。資料にないときは空欄"),
                DatasetColumn("金額の表記", .text, "取組に添えられた金額（資料の表記のまま。例：36百万円）。資料にないときは空欄"),
                DatasetColumn("説明", .text, "取組の説明（資料の表記のまま。Markdown）"),
                DatasetColumn("出典", .text, "その年度の公表資料"),
            ]
        return Dataset(
            name: "highlights", title: "年度の主な取組",
            summary: "各年度の報告書が取り上げた主な取組を、見出しごとに資料の表記のまま（各年度の進捗状況のページに載せているもの"
                + (tables.contains { !Snapshot.samePoint(plan.declared(in: $0.year)?.asOf, $0.asOf) } ? "。年度途中の時点のものは時点の列にその時点）。" : "）。")
                + "1行が1つの取組です。",
            columns: columns,
            rowCount: tables.reduce(0) { $0 + $1.highlights.reduce(0) { $0 + $1.entries.count } }
        ) {
            tables.flatMap { table in
                table.highlights.flatMap { group in
                    group.entries.map { entry -> [String] in
                        yearCells(plan, table) + [
                            group.title, entry.title, entry.department ?? "", entry.amount ?? "", entry.text ?? "",
                            table.source ?? "",
                        ]
                    }
                }
            }
        }
    }

    static func notes(_ planIndex: PlanIndex) -> Dataset {
        let plan = planIndex.plan
        // The year's own, then those shown with the tables of a point within the year, in its order.
        let tables = shownWithPoints(plan).filter { $0.notes?.isBlank == false }
        let columns =
            yearColumns() + [
                DatasetColumn("記述", .text, required: true, "報告書がその年度について述べていること（資料の表記のまま。Markdown、改行を含む）"),
                DatasetColumn("出典", .text, "その年度の公表資料"),
            ]
        return Dataset(
            name: "report-notes", title: "年度の報告の記述",
            summary: "各年度の報告書が年度の結果について述べていることを、資料の表記のまま（各年度の進捗状況のページに載せているもの。年度途中の時点の記述は時点の列にその時点）。"
                + "1行が1つの年度です。",
            columns: columns, rowCount: tables.count
        ) {
            tables.map { yearCells(plan, $0) + [$0.notes ?? "", $0.source ?? ""] }
        }
    }
}
