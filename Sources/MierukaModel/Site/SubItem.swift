/// A second-level item (細目) of an item, as the plan numbers and names it (米子市: 118項目154細目).
package struct SubItem: Sendable, Hashable {
    /// As the plan writes it, unique within its item.
    package let number: String
    package let title: String
    /// 担当, when the plan gives a sub-item its own.
    package let departments: [String]

    package init(number: String, title: String, departments: [String]) {
        self.number = number
        self.title = title
        self.departments = departments
    }
}

/// How one sub-item went in a year, given inside its item's result for that year.
package struct SubItemResult: Sendable, Hashable {
    /// Index in the item's `subitems`.
    package let subitem: Int
    /// Index on the plan's grade scale, or in its `states`, as for an item's own result.
    package let grade: Int?
    package let state: Int?
    /// 進捗状況 (Markdown)
    package let progress: String?

    package init(subitem: Int, grade: Int?, state: Int?, progress: String?) {
        self.subitem = subitem
        self.grade = grade
        self.state = state
        self.progress = progress
    }
}
