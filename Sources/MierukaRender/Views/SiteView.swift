/// Site-wide values every page can show: `{{site.title}}`, `{{site.homeURL}}` …
public struct SiteView: TemplateView {
    public let title: String
    public let description: String?
    public let language: String
    public let homeURL: String
    public let stylesheetURL: String
    public let publisher: String?
    /// Standalone pages (about, accessibility …) for the site navigation.
    public let pages: [LinkView]
    /// The site search page, where the header's search box sends its query (`?q=`).
    public let searchURL: String
    /// The accessibility policy (アクセシビリティ方針), linked from every page's footer.
    public let accessibilityURL: String

    public static let fields = FieldTable<SiteView>(
        "site",
        [
            .text("title") { $0.title },
            .text("description") { $0.description },
            .text("language") { $0.language },
            .text("homeURL") { $0.homeURL },
            .text("stylesheetURL") { $0.stylesheetURL },
            .text("publisher") { $0.publisher },
            .list("pages", LinkView.self) { $0.pages },
            .text("searchURL") { $0.searchURL },
            .text("accessibilityURL") { $0.accessibilityURL },
        ])
}
