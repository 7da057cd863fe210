/// An earlier plan in the plan's lineage.
public struct LineageEntryView: TemplateView {
    public let title: String
    public let date: String?
    public let period: String?
    public let textHTML: String?
    public let effect: String?
    public let effectYears: String?

    public static let fields = FieldTable<LineageEntryView>(
        "lineage entry",
        [
            .text("title") { $0.title },
            .text("date") { $0.date },
            .text("period") { $0.period },
            .html("textHTML") { $0.textHTML },
            .text("effect") { $0.effect },
            .text("effectYears") { $0.effectYears },
        ])
}

/// A two-way table of the plan's structure, with each cell's text listed below it.
public struct MatrixView: TemplateView {
    public let id: String
    public let title: String
    /// 「推進手段＼基本姿勢」
    public let corner: String
    public let rowHeading: String
    public let columns: [MatrixColumnView]
    public let rows: [MatrixRowView]
    public let source: String?

    public static let fields = FieldTable<MatrixView>(
        "matrix",
        [
            .text("id") { $0.id },
            .text("title") { $0.title },
            .text("corner") { $0.corner },
            .text("rowHeading") { $0.rowHeading },
            .list("columns", MatrixColumnView.self) { $0.columns },
            .list("rows", MatrixRowView.self) { $0.rows },
            .text("source") { $0.source },
        ])
}

public struct MatrixColumnView: TemplateView {
    public let title: String
    public let url: String?

    public static let fields = FieldTable<MatrixColumnView>(
        "matrix column",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
        ])
}

public struct MatrixRowView: TemplateView {
    public let title: String
    public let cells: [MatrixCellView]

    public static let fields = FieldTable<MatrixRowView>(
        "matrix row",
        [
            .text("title") { $0.title },
            .list("cells", MatrixCellView.self) { $0.cells },
        ])
}

public struct MatrixCellView: TemplateView {
    public let title: String?
    public let anchor: String
    /// The titles of the cell's row and column.
    public let row: String
    public let column: String
    public let textHTML: String?

    public static let fields = FieldTable<MatrixCellView>(
        "matrix cell",
        [
            .text("title") { $0.title },
            .text("anchor") { $0.anchor },
            .text("row") { $0.row },
            .text("column") { $0.column },
            .html("textHTML") { $0.textHTML },
        ])
}

/// On a policy's page: the cells of a matrix column that stands for the policy.
public struct PolicyMatrixView: TemplateView {
    public let title: String
    /// The matrix on the plan page.
    public let url: String
    public let cells: [MatrixCellView]

    public static let fields = FieldTable<PolicyMatrixView>(
        "policy matrix",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .list("cells", MatrixCellView.self) { $0.cells },
        ])
}

/// Periods of related plans against fiscal years, as a table and as sentences.
public struct TimelineView: TemplateView {
    public let title: String
    public let rowHeading: String
    public let years: [String]
    /// Rows in groups (a group without a title holds rows that belong to none).
    public let groups: [TimelineGroupView]
    public let source: String?

    public static let fields = FieldTable<TimelineView>(
        "timeline",
        [
            .text("title") { $0.title },
            .text("rowHeading") { $0.rowHeading },
            .texts("years") { $0.years },
            .text("columnCount") { String($0.years.count + 1) },
            .list("groups", TimelineGroupView.self) { $0.groups },
            .text("source") { $0.source },
        ])
}

public struct TimelineGroupView: TemplateView {
    public let title: String?
    public let rows: [TimelineRowView]

    public static let fields = FieldTable<TimelineGroupView>(
        "timeline group",
        [
            .text("title") { $0.title },
            .list("rows", TimelineRowView.self) { $0.rows },
        ])
}

public struct TimelineRowView: TemplateView {
    public let label: String
    public let cells: [TimelineCellView]
    /// The row in words: 「みらい改革プラン：2019～2023年度、2024～2028年度（次期）」.
    public let sentence: String

    public static let fields = FieldTable<TimelineRowView>(
        "timeline row",
        [
            .text("label") { $0.label },
            .list("cells", TimelineCellView.self) { $0.cells },
            .text("sentence") { $0.sentence },
        ])
}

public struct TimelineCellView: TemplateView {
    /// Years the cell covers.
    public let span: String
    public let label: String?
    public let period: String?
    public let isBar: Bool
    public let continues: Bool

    public static let fields = FieldTable<TimelineCellView>(
        "timeline cell",
        [
            .text("span") { $0.span },
            .text("label") { $0.label },
            .text("period") { $0.period },
            .flag("isBar") { $0.isBar },
            .flag("continues") { $0.continues },
        ])
}

/// A table as the city published it.
public struct PublishedTableView: TemplateView {
    public let title: String
    public let header: [String]
    public let rows: [PublishedRowView]
    public let note: String?
    public let source: String?

    public static let fields = FieldTable<PublishedTableView>(
        "published table",
        [
            .text("title") { $0.title },
            .texts("header") { $0.header },
            .flag("hasHeader") { !$0.header.isEmpty },
            .list("rows", PublishedRowView.self) { $0.rows },
            .text("note") { $0.note },
            .text("source") { $0.source },
        ])
}

public struct PublishedRowView: TemplateView {
    public let heading: String
    public let cells: [String]

    public static let fields = FieldTable<PublishedRowView>(
        "published row",
        [
            .text("heading") { $0.heading },
            .texts("cells") { $0.cells },
        ])
}

/// Items a report singles out, with their department.
public struct HighlightGroupView: TemplateView {
    public let title: String
    public let entries: [HighlightView]

    public static let fields = FieldTable<HighlightGroupView>(
        "highlight group",
        [
            .text("title") { $0.title },
            .list("entries", HighlightView.self) { $0.entries },
        ])
}

public struct HighlightView: TemplateView {
    public let title: String
    public let department: String?
    public let amount: String?
    public let textHTML: String?

    public static let fields = FieldTable<HighlightView>(
        "highlight",
        [
            .text("title") { $0.title },
            .text("department") { $0.department },
            .text("amount") { $0.amount },
            .html("textHTML") { $0.textHTML },
        ])
}
