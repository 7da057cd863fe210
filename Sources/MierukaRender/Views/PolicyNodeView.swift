/// A policy in a list or tree of policies.
package struct PolicyNodeView: TemplateView {
    package let number: String?
    package let title: String
    package let numberedTitle: String
    package let url: String
    package let level: String
    package let descriptionHTML: String?
    package let children: [PolicyNodeView]
    /// 「3項目」: listings under the policy and its sub-policies that have a page.
    package let itemCount: String?

    package static let fields = FieldTable<PolicyNodeView>(
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
