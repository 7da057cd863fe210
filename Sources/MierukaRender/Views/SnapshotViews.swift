/// A year's figures at one point within it (「令和元年度・8月末時点」): the published counts at that
/// point and Mieruka's count of the items' results at that point, per scale (the plan's grades, each
/// status axis). Never the year's figures, never merged with or compared to another point.
package struct SnapshotReportView: TemplateView {
    /// 「令和元年度・8月末時点」
    package let heading: String
    /// The anchor of the point's part of the page (「snapshot-8」).
    package let id: String
    package let tables: [GradeTableView]
    /// What the report says at that point (the notes of the year's published table at the point).
    package var notesHTML: String? = nil
    /// The items the report singles out at that point (the highlights of the year's published table
    /// at the point), under their groups' headings.
    package var highlights: [HighlightGroupView] = []

    package static let fields = FieldTable<SnapshotReportView>(
        "point within a year on a year report",
        [
            .text("heading") { $0.heading },
            .text("id") { $0.id },
            .list("tables", GradeTableView.self) { $0.tables },
            .html("notesHTML") { $0.notesHTML },
            .list("highlights", HighlightGroupView.self) { $0.highlights },
        ])
}
