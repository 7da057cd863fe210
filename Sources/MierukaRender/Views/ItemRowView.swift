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
