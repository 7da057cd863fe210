/// An item's sub-items (細目) as the plan lists them.
package struct SubItemListView: TemplateView {
    package let caption: String
    package let rows: [SubItemRowView]
    package let hasDepartments: Bool
    /// The number of 細目 the city publishes for the item (「3細目」, `subitem_count:`), when given.
    package var publishedCount: String? = nil
    /// 「市の公表値」 (the plan's publisher's).
    package var publishedMark: String = ""

    package static let fields = FieldTable<SubItemListView>(
        "sub-item list",
        [
            .text("caption") { $0.caption },
            .list("rows", SubItemRowView.self) { $0.rows },
            .flag("hasDepartments") { $0.hasDepartments },
            .flag("hasRows") { !$0.rows.isEmpty },
            .text("publishedCount") { $0.publishedCount },
            .text("publishedMark") { $0.publishedMark },
        ])
}

package struct SubItemRowView: TemplateView {
    package let number: String
    package let title: String
    /// 「教育委員会、財務部」, empty when the plan gives none.
    package let departments: String
    /// Whether the list has a 担当 column (some sub-item of the item has departments).
    package let hasDepartments: Bool

    package static let fields = FieldTable<SubItemRowView>(
        "sub-item",
        [
            .text("number") { $0.number },
            .text("title") { $0.title },
            .text("departments") { $0.departments },
            .flag("hasDepartments") { $0.hasDepartments },
        ])
}

/// How the sub-items went in one year, in the item's order, as the result gives them.
package struct SubItemResultsView: TemplateView {
    package let caption: String
    package let rows: [SubItemResultRowView]

    package static let fields = FieldTable<SubItemResultsView>(
        "sub-item results",
        [
            .text("caption") { $0.caption },
            .list("rows", SubItemResultRowView.self) { $0.rows },
        ])
}

package struct SubItemResultRowView: TemplateView {
    package let number: String
    package let title: String
    package let value: GradeOrStateView
    package let progressHTML: String?

    package static let fields = FieldTable<SubItemResultRowView>(
        "sub-item result",
        [
            .text("number") { $0.number },
            .text("title") { $0.title },
            .view("value", GradeOrStateView.self) { $0.value },
            .html("progressHTML") { $0.progressHTML },
        ])
}
