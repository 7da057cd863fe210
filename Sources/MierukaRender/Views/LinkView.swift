/// A link: breadcrumbs, navigation, lists of pages.
public struct LinkView: TemplateView {
    public let title: String
    public let url: String
    /// The page being shown (rendered as text with aria-current, not as a link).
    public let isCurrent: Bool

    public init(title: String, url: String, isCurrent: Bool = false) {
        self.title = title
        self.url = url
        self.isCurrent = isCurrent
    }

    public static let fields = FieldTable<LinkView>(
        "link",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .flag("isCurrent") { $0.isCurrent },
        ])
}
