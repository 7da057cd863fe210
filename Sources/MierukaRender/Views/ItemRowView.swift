/// A table of items (one row per listing) with what its columns are called.
package struct ItemTableView: TemplateView {
    package let caption: String
    /// The heading of the policy column: the plan's level name (「分野」, 「基本方針」).
    package let policyHeading: String
    /// False when no item names a department (the column is left out).
    package let showDepartments: Bool
    package let rows: [ItemRowView]
    /// Filters by grade, policy and department (plan page only; shown by a script, so that the
    /// whole table is there without JavaScript).
    package let filters: ItemFilterView?

    package init(
        caption: String, policyHeading: String, showDepartments: Bool, rows: [ItemRowView], filters: ItemFilterView? = nil
    ) {
        self.caption = caption
        self.policyHeading = policyHeading
        self.showDepartments = showDepartments
        self.rows = rows
        self.filters = filters
    }

    package static let fields = FieldTable<ItemTableView>(
        "item table",
        [
            .text("caption") { $0.caption },
            .text("policyHeading") { $0.policyHeading },
            .flag("showDepartments") { $0.showDepartments },
            .list("rows", ItemRowView.self) { $0.rows },
            .view("filters", ItemFilterView.self) { $0.filters },
        ])
}

/// The choices of an item table's filters. Each option's value is matched against the rows'
/// `data-` attributes: a grade's position on the scale (or "none"), the indices of the policies a
/// listing is under (itself and those above it), and the indices of its departments.
package struct ItemFilterView: TemplateView {
    /// The id of the table the filters act on.
    package let tableID: String
    package let grades: [OptionView]
    package let policyHeading: String
    package let policies: [OptionView]
    package let departments: [OptionView]
    package let scriptURL: String
    /// 「43件」: the rows shown when nothing is chosen.
    package let total: String

    package static let fields = FieldTable<ItemFilterView>(
        "item filters",
        [
            .text("tableID") { $0.tableID },
            .list("grades", OptionView.self) { $0.grades },
            .text("policyHeading") { $0.policyHeading },
            .list("policies", OptionView.self) { $0.policies },
            .list("departments", OptionView.self) { $0.departments },
            .flag("hasDepartments") { !$0.departments.isEmpty },
            .text("scriptURL") { $0.scriptURL },
            .text("total") { $0.total },
        ])
}

/// A choice of a select box.
package struct OptionView: TemplateView {
    package let value: String
    package let label: String

    package static let fields = FieldTable<OptionView>(
        "option",
        [
            .text("value") { $0.value },
            .text("label") { $0.label },
        ])
}

/// One listing of an item in a table of items.
package struct ItemRowView: TemplateView {
    package let number: String
    package let title: String
    package let url: String
    /// The row is a 再掲 listing (the item listed again under another policy).
    package let isRelisting: Bool
    package let policy: String
    package let policyURL: String
    package let departments: String
    package let grade: GradeView?
    /// The year the grade is for.
    package let gradeYear: String?
    /// For the filters: the grade's position on the scale, or "none".
    package let filterGrade: String
    /// For the filters: the indices of the listing's policy and those above it ("0 3").
    package let filterPolicies: String
    /// For the filters: the indices of the item's departments among the plan's.
    package let filterDepartments: String
    /// 「令和7年度から削除」: when a declared revision added the item or took it out.
    package var revision: String? = nil

    package static let fields = FieldTable<ItemRowView>(
        "item row",
        [
            .text("number") { $0.number },
            .text("title") { $0.title },
            .text("url") { $0.url },
            .flag("isRelisting") { $0.isRelisting },
            .text("policy") { $0.policy },
            .text("policyURL") { $0.policyURL },
            .text("departments") { $0.departments },
            .view("grade", GradeView.self) { $0.grade },
            .text("gradeYear") { $0.gradeYear },
            .text("filterGrade") { $0.filterGrade },
            .text("filterPolicies") { $0.filterPolicies },
            .text("filterDepartments") { $0.filterDepartments },
            .text("revision") { $0.revision },
        ])
}
