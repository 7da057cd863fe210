/// A money table as the report published it: only the columns it prints, each amount as written.
public struct MoneyTableView: TemplateView {
    public let title: String
    /// 「平成20年度」, or 「平成20年度～平成22年度」 for a span.
    public let years: String
    /// 「（単位：百万円）」 when the table has one unit.
    public let unit: String?
    /// 「一般財源ベース」.
    public let basis: String?
    public let rowHeading: String
    public let headings: [String]
    public let rows: [ReportedRowView]
    public let total: ReportedRowView?
    /// Says that a span's figures are not one fiscal year's.
    public let spanNote: String?
    public let note: String?
    public let source: String?

    public static let fields = FieldTable<MoneyTableView>(
        "money table",
        [
            .text("title") { $0.title },
            .text("years") { $0.years },
            .text("unit") { $0.unit },
            .text("basis") { $0.basis },
            .text("rowHeading") { $0.rowHeading },
            .texts("headings") { $0.headings },
            .list("rows", ReportedRowView.self) { $0.rows },
            .view("total", ReportedRowView.self) { $0.total },
            .text("spanNote") { $0.spanNote },
            .text("note") { $0.note },
            .text("source") { $0.source },
        ])
}

/// A row of a published table: its label and its cells as written (「—」 where the report prints none).
public struct ReportedRowView: TemplateView {
    public let label: String
    public let cells: [String]

    public static let fields = FieldTable<ReportedRowView>(
        "reported row",
        [
            .text("label") { $0.label },
            .texts("cells") { $0.cells },
        ])
}

/// Counts of items achieved out of a stated number, as the report gives them.
public struct AchievementView: TemplateView {
    public let title: String
    public let years: String
    /// 「取り組み項目」.
    public let noun: String
    public let rows: [ReportedRowView]
    /// The number the counts are out of, as a row (「取り組み項目数」, 「20」).
    public let total: ReportedRowView
    public let spanNote: String?
    public let note: String?
    public let source: String?

    public static let fields = FieldTable<AchievementView>(
        "achievement count",
        [
            .text("title") { $0.title },
            .text("years") { $0.years },
            .text("noun") { $0.noun },
            .list("rows", ReportedRowView.self) { $0.rows },
            .view("total", ReportedRowView.self) { $0.total },
            .text("spanNote") { $0.spanNote },
            .text("note") { $0.note },
            .text("source") { $0.source },
        ])
}
