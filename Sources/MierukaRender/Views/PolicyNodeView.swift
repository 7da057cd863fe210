/// A policy in a list or tree of policies.
public struct PolicyNodeView: TemplateView {
    public let number: String?
    public let title: String
    public let numberedTitle: String
    public let url: String
    public let level: String
    public let descriptionHTML: String?
    public let children: [PolicyNodeView]
    /// 「3項目」: listings under the policy and its sub-policies that have a page.
    public let itemCount: String?

    public static let fields = FieldTable<PolicyNodeView>(
        "policy",
        [
            .text("number") { $0.number },
            .text("title") { $0.title },
            .text("numberedTitle") { $0.numberedTitle },
            .text("url") { $0.url },
            .text("level") { $0.level },
            .html("descriptionHTML") { $0.descriptionHTML },
            .list("children", PolicyNodeView.self) { $0.children },
            .flag("hasChildren") { !$0.children.isEmpty },
            .text("itemCount") { $0.itemCount },
        ])
}
