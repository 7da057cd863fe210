/// Site-wide values every page can show: `{{site.title}}`, `{{site.homeURL}}` …
package struct SiteView: TemplateView {
    package let title: String
    package let description: String?
    package let language: String
    package let homeURL: String
    package let stylesheetURL: String
    package let publisher: String?
    /// Standalone pages (about, accessibility …) for the site navigation.
    package let pages: [LinkView]
    /// The site search page, where the header's search box sends its query (`?q=`).
    package let searchURL: String
    /// The accessibility policy (アクセシビリティ方針), linked from every page's footer.
    package let accessibilityURL: String

    package static let fields = FieldTable<SiteView>(
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
