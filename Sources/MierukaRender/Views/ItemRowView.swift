/// A table of items (one row per listing) with what its columns are called.
public struct ItemTableView: TemplateView {
    public let caption: String
    /// The heading of the policy column: the plan's level name (「分野」, 「基本方針」).
    public let policyHeading: String
    /// False when no item names a department (the column is left out).
    public let showDepartments: Bool
    public let rows: [ItemRowView]

    public static let fields = FieldTable<ItemTableView>(
        "item table",
        [
            .text("caption") { $0.caption },
            .text("policyHeading") { $0.policyHeading },
            .flag("showDepartments") { $0.showDepartments },
            .list("rows", ItemRowView.self) { $0.rows },
        ])
}

/// One listing of an item in a table of items.
public struct ItemRowView: TemplateView {
    public let number: String
    public let title: String
    public let url: String
    /// The row is a 再掲 listing (the item listed again under another policy).
    public let isRelisting: Bool
    public let policy: String
    public let policyURL: String
    public let departments: String
    public let grade: GradeView?
    /// The year the grade is for.
    public let gradeYear: String?

    public static let fields = FieldTable<ItemRowView>(
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
        ])
}
