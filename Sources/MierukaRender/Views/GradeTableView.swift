/// Counts per policy × grade with totals, ready to lay out as a table.
public struct GradeTableView: TemplateView {
    public let caption: String
    /// The numbers are the city's published table (公表値), not computed from transcribed items.
    public let isDeclared: Bool
    /// Where the published numbers come from.
    public let source: String?
    /// The header of the row-label column ("分野", "基本方針").
    public let rowHeading: String
    public let grades: [GradeView]
    public let hasUngraded: Bool
    public let rows: [GradeTableRowView]
    public let total: GradeTableRowView
    /// 「全43項目（うち再掲2項目）」
    public let totalNote: String?
    /// 「43項目中13項目を掲載」
    public let coverageNote: String?
    /// The same rows as a stacked bar chart (inline SVG; the table is its text equivalent).
    public let chartHTML: String?
    /// The header of the share column, in the city's own words (「「計画以上」か「概ね計画どおり」の
    /// 割合」), when the plan names the grades it counts (`grade_share:`); nil otherwise.
    public let shareHeading: String?
    /// What the share's denominator is and that Mieruka computed it.
    public let shareNote: String?
    /// What in the table Mieruka computed (the whole table, or its sums), said under it.
    public let derivedNote: String?
    /// The share as the report itself publishes it (「「計画以上」か「概ね計画どおり」：8割程度（62項目）」).
    public var publishedShare: String? = nil

    /// Counted by Mieruka from the transcribed items rather than published by the city (集計).
    public var isDerived: Bool { !isDeclared }

    public static let fields = FieldTable<GradeTableView>(
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
            .text("totalNote") { $0.totalNote },
            .text("coverageNote") { $0.coverageNote },
            .html("chartHTML") { $0.chartHTML },
            .text("shareHeading") { $0.shareHeading },
            .text("shareNote") { $0.shareNote },
            .text("derivedNote") { $0.derivedNote },
            .text("publishedShare") { $0.publishedShare },
            .flag("isDerived") { $0.isDerived },
        ])
}

public struct GradeTableRowView: TemplateView {
    public let title: String
    public let url: String?
    /// One count per grade, formatted.
    public let counts: [CountView]
    public let ungraded: String
    public let total: String
    /// 「83.8%」: the named grades' share of the graded listings (empty when the plan names none).
    public let share: String

    public static let fields = FieldTable<GradeTableRowView>(
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
public struct CountView: TemplateView {
    public let value: String
    public let grade: GradeView

    public static let fields = FieldTable<CountView>(
        "count",
        [
            .text("value") { $0.value },
            .view("grade", GradeView.self) { $0.grade },
        ])
}
