/// A link: breadcrumbs, navigation, lists of pages.
package struct LinkView: TemplateView {
    package let title: String
    package let url: String
    /// The page being shown (rendered as text with aria-current, not as a link).
    package let isCurrent: Bool

    package init(title: String, url: String, isCurrent: Bool = false) {
        self.title = title
        self.url = url
        self.isCurrent = isCurrent
    }

    package static let fields = FieldTable<LinkView>(
        "link",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .flag("isCurrent") { $0.isCurrent },
        ])
}
