/// Counts per policy × grade with totals, ready to lay out as a table.
package struct GradeTableView: TemplateView {
    package let caption: String
    /// The numbers are the city's published table (公表値), not computed from transcribed items.
    package let isDeclared: Bool
    /// Where the published numbers come from.
    package let source: String?
    /// The header of the row-label column ("分野", "基本方針").
    package let rowHeading: String
    package let grades: [GradeView]
    package let hasUngraded: Bool
    package let rows: [GradeTableRowView]
    package let total: GradeTableRowView
    /// 「全43項目（うち再掲2項目）」
    package let totalNote: String?
    /// 「43項目中13項目を掲載」
    package let coverageNote: String?
    /// The same rows as a stacked bar chart (inline SVG as UTF-8 bytes; the
    /// table is its text equivalent).
    package let chartHTML: [UInt8]?
    /// The header of the share column, in the city's own words (「「計画以上」か「概ね計画どおり」の
    /// 割合」), when the plan names the grades it counts (`grade_share:`); nil otherwise.
    package let shareHeading: String?
    /// What the share's denominator is and that Mieruka computed it.
    package let shareNote: String?
    /// What in the table Mieruka computed (the whole table, or its sums), said under it.
    package let derivedNote: String?
    /// The share as the report itself publishes it (「「計画以上」か「概ね計画どおり」：8割程度（62項目）」).
    package var publishedShare: String? = nil
    /// 「割合（市の公表値）」: the rates the report prints beside every count (`grade_rates:`), as
    /// published, a row under the 計 row; nil when it prints none.
    package var rateRow: GradeTableRowView? = nil

    /// Counted by Mieruka from the transcribed items rather than published by the city (集計).
    package var isDerived: Bool { !isDeclared }

    package static let fields = FieldTable<GradeTableView>(
        "grade table",
        [
            .text("caption") { $0.caption },
            .flag("isDeclared") { $0.isDeclared },
            .text("source") { $0.source },
            .text("rowHeading") { $0.rowHeading },
            .list("grades", GradeView.self) { $0.grades },
            .flag("hasUngraded") { $0.hasUngraded },
            .list("rows", GradeTableRowView.self) { $0.rows },
            .view("total", GradeTableRowView.self) { $0.total },
            .view("rateRow", GradeTableRowView.self) { $0.rateRow },
            .text("totalNote") { $0.totalNote },
            .text("coverageNote") { $0.coverageNote },
            .markup("chartHTML") { $0.chartHTML },
            .text("shareHeading") { $0.shareHeading },
            .text("shareNote") { $0.shareNote },
            .text("derivedNote") { $0.derivedNote },
            .text("publishedShare") { $0.publishedShare },
            .flag("isDerived") { $0.isDerived },
        ])
}

package struct GradeTableRowView: TemplateView {
    package let title: String
    package let url: String?
    /// One count per grade, formatted.
    package let counts: [CountView]
    package let ungraded: String
    package let total: String
    /// 「83.8%」: the named grades' share of the graded listings (empty when the plan names none).
    package let share: String

    package static let fields = FieldTable<GradeTableRowView>(
        "grade table row",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .list("counts", CountView.self) { $0.counts },
            .text("ungraded") { $0.ungraded },
            .text("total") { $0.total },
            .text("share") { $0.share },
        ])
}

/// One number in a table cell, with the grade it counts (for a bar or a label).
package struct CountView: TemplateView {
    package let value: String
    package let grade: GradeView

    package static let fields = FieldTable<CountView>(
        "count",
        [
            .text("value") { $0.value },
            .view("grade", GradeView.self) { $0.grade },
        ])
}
