/// The plan's grading scale with its criteria (評価の基準), as the plan writes them.
package struct ScaleView: TemplateView {
    package let caption: String
    package let hasCodes: Bool
    package let rows: [ScaleRowView]

    package static let fields = FieldTable<ScaleView>(
        "scale",
        [
            .text("caption") { $0.caption },
            .flag("hasCodes") { $0.hasCodes },
            .list("rows", ScaleRowView.self) { $0.rows },
        ])
}

package struct ScaleRowView: TemplateView {
    /// Empty on a scale of words only.
    package let code: String
    package let label: String
    /// 「—」 where the plan gives no criterion for the grade.
    package let definition: String
    /// Whether the table has a 記号 column (repeated on each row for the template).
    package let hasCodes: Bool

    package static let fields = FieldTable<ScaleRowView>(
        "scale row",
        [
            .text("code") { $0.code },
            .text("label") { $0.label },
            .text("definition") { $0.definition },
            .flag("hasCodes") { $0.hasCodes },
        ])
}
