/// An earlier plan in the plan's lineage.
package struct LineageEntryView: TemplateView {
    package let title: String
    package let date: String?
    package let period: String?
    package let textHTML: String?
    package let effect: String?
    package let effectYears: String?

    package static let fields = FieldTable<LineageEntryView>(
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
package struct MatrixView: TemplateView {
    package let id: String
    package let title: String
    /// 「推進手段＼基本姿勢」
    package let corner: String
    package let rowHeading: String
    package let columns: [MatrixColumnView]
    package let rows: [MatrixRowView]
    package let source: String?

    package static let fields = FieldTable<MatrixView>(
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

package struct MatrixColumnView: TemplateView {
    package let title: String
    package let url: String?

    package static let fields = FieldTable<MatrixColumnView>(
        "matrix column",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
        ])
}

package struct MatrixRowView: TemplateView {
    package let title: String
    package let cells: [MatrixCellView]

    package static let fields = FieldTable<MatrixRowView>(
        "matrix row",
        [
            .text("title") { $0.title },
            .list("cells", MatrixCellView.self) { $0.cells },
        ])
}

package struct MatrixCellView: TemplateView {
    package let title: String?
    package let anchor: String
    /// The titles of the cell's row and column.
    package let row: String
    package let column: String
    package let textHTML: String?

    package static let fields = FieldTable<MatrixCellView>(
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
package struct PolicyMatrixView: TemplateView {
    package let title: String
    /// The matrix on the plan page.
    package let url: String
    package let cells: [MatrixCellView]

    package static let fields = FieldTable<PolicyMatrixView>(
        "policy matrix",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .list("cells", MatrixCellView.self) { $0.cells },
        ])
}

/// Periods of related plans against fiscal years, as a table and as sentences.
package struct TimelineView: TemplateView {
    package let title: String
    package let rowHeading: String
    package let years: [String]
    /// Rows in groups (a group without a title holds rows that belong to none).
    package let groups: [TimelineGroupView]
    package let source: String?

    package static let fields = FieldTable<TimelineView>(
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

package struct TimelineGroupView: TemplateView {
    package let title: String?
    package let rows: [TimelineRowView]

    package static let fields = FieldTable<TimelineGroupView>(
        "timeline group",
        [
            .text("title") { $0.title },
            .list("rows", TimelineRowView.self) { $0.rows },
        ])
}

package struct TimelineRowView: TemplateView {
    package let label: String
    package let cells: [TimelineCellView]
    /// The row in words: 「みらい改革プラン：2019～2023年度、2024～2028年度（次期）」.
    package let sentence: String

    package static let fields = FieldTable<TimelineRowView>(
        "timeline row",
        [
            .text("label") { $0.label },
            .list("cells", TimelineCellView.self) { $0.cells },
            .text("sentence") { $0.sentence },
        ])
}

package struct TimelineCellView: TemplateView {
    /// Years the cell covers.
    package let span: String
    package let label: String?
    package let period: String?
    package let isBar: Bool
    package let continues: Bool

    package static let fields = FieldTable<TimelineCellView>(
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
package struct PublishedTableView: TemplateView {
    package let title: String
    package let header: [String]
    package let rows: [PublishedRowView]
    package let note: String?
    package let source: String?

    package static let fields = FieldTable<PublishedTableView>(
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

package struct PublishedRowView: TemplateView {
    package let heading: String
    package let cells: [String]

    package static let fields = FieldTable<PublishedRowView>(
        "published row",
        [
            .text("heading") { $0.heading },
            .texts("cells") { $0.cells },
        ])
}

/// Items a report singles out, with their department.
package struct HighlightGroupView: TemplateView {
    package let title: String
    package let entries: [HighlightView]

    package static let fields = FieldTable<HighlightGroupView>(
        "highlight group",
        [
            .text("title") { $0.title },
            .list("entries", HighlightView.self) { $0.entries },
        ])
}

package struct HighlightView: TemplateView {
    package let title: String
    package let department: String?
    package let amount: String?
    package let textHTML: String?

    package static let fields = FieldTable<HighlightView>(
        "highlight",
        [
            .text("title") { $0.title },
            .text("department") { $0.department },
            .text("amount") { $0.amount },
            .html("textHTML") { $0.textHTML },
        ])
}
