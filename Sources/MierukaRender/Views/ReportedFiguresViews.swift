/// A money table as the report published it: only the columns it prints, each amount as written.
package struct MoneyTableView: TemplateView {
    package let title: String
    /// 「平成20年度」, or 「平成20年度～平成22年度」 for a span.
    package let years: String
    /// 「（単位：百万円）」 when the table has one unit.
    package let unit: String?
    /// 「一般財源ベース」.
    package let basis: String?
    package let rowHeading: String
    package let headings: [String]
    /// Which columns hold words rather than amounts (a money grid's `text: true` columns).
    package var textColumns: Set<Int> = []
    package let rows: [ReportedRowView]
    package let total: ReportedRowView?
    /// Says that a span's figures are not one fiscal year's.
    package let spanNote: String?
    /// Says what the figure in brackets of a two-figure cell is (「（ ）内の金額は累計額です」).
    package var bracketNote: String? = nil
    /// Says that amounts written with 「約」 are the report's approximate figures, as written.
    package var approximateNote: String? = nil
    package let note: String?
    package let source: String?
    /// The rows under their group headings, as the report groups them (one group without a heading
    /// when it does not); `rows` holds the same rows without the headings.
    package var groups: [ReportedRowGroupView] = []
    /// How many columns the table has, the row headings' included (for a group heading's span).
    package var columnCount: Int = 1

    package static let fields = FieldTable<MoneyTableView>(
        "money table",
        [
            .text("title") { $0.title },
            .text("years") { $0.years },
            .text("unit") { $0.unit },
            .text("basis") { $0.basis },
            .text("rowHeading") { $0.rowHeading },
            .texts("headings") { $0.headings },
            .list("headingCells", ReportedCellView.self) { table in
                table.headings.enumerated().map { ReportedCellView(text: $1, isText: table.textColumns.contains($0)) }
            },
            .list("rows", ReportedRowView.self) { $0.rows },
            .view("total", ReportedRowView.self) { $0.total },
            .text("spanNote") { $0.spanNote },
            .text("bracketNote") { $0.bracketNote },
            .text("approximateNote") { $0.approximateNote },
            .text("note") { $0.note },
            .text("source") { $0.source },
            .list("groups", ReportedRowGroupView.self) { $0.groups },
            .text("columnCount") { String($0.columnCount) },
        ])
}

/// Rows of a published table under one of the report's headings (「1 事務事業の簡素・効率化」).
package struct ReportedRowGroupView: TemplateView {
    package let label: String?
    package let rows: [ReportedRowView]

    package static let fields = FieldTable<ReportedRowGroupView>(
        "reported row group",
        [
            .text("label") { $0.label },
            .list("rows", ReportedRowView.self) { $0.rows },
        ])
}

/// A row of a published table: its label and its cells as written (「—」 where the report prints none).
package struct ReportedRowView: TemplateView {
    package let label: String
    package let cells: [String]
    /// The report prints the row as a sum (小計, 合計).
    package var isSum = false
    /// Which cells are words rather than amounts (a money grid's text columns).
    package var textColumns: Set<Int> = []

    package init(label: String, cells: [String], isSum: Bool = false) {
        self.label = label
        self.cells = cells
        self.isSum = isSum
    }

    package static let fields = FieldTable<ReportedRowView>(
        "reported row",
        [
            .text("label") { $0.label },
            .texts("cells") { $0.cells },
            .list("cellViews", ReportedCellView.self) { row in
                row.cells.enumerated().map { ReportedCellView(text: $1, isText: row.textColumns.contains($0)) }
            },
            .flag("isSum") { $0.isSum },
        ])
}

/// A cell (or a column heading) of a published table: an amount, set as a number, or words (a text
/// column beside the amounts), set as text.
package struct ReportedCellView: TemplateView {
    package let text: String
    package let isText: Bool

    package static let fields = FieldTable<ReportedCellView>(
        "reported cell",
        [
            .text("text") { $0.text },
            .flag("isText") { $0.isText },
        ])
}

/// Counts of items achieved out of a stated number, as the report gives them.
package struct AchievementView: TemplateView {
    package let title: String
    package let years: String
    /// 「取り組み項目」.
    package let noun: String
    package let rows: [ReportedRowView]
    /// The number the counts are out of, as a row (「取り組み項目数」, 「20」).
    package let total: ReportedRowView
    package let spanNote: String?
    package let note: String?
    package let source: String?
    /// Which of the plan's grades a count counts, spelled out (「完了及び順調」 is A 完了 and B 順調),
    /// when the plan ties the count to its scale.
    package var gradesNote: String? = nil

    package static let fields = FieldTable<AchievementView>(
        "achievement count",
        [
            .text("title") { $0.title },
            .text("years") { $0.years },
            .text("noun") { $0.noun },
            .list("rows", ReportedRowView.self) { $0.rows },
            .view("total", ReportedRowView.self) { $0.total },
            .text("spanNote") { $0.spanNote },
            .text("gradesNote") { $0.gradesNote },
            .text("note") { $0.note },
            .text("source") { $0.source },
        ])
}
