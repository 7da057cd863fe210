/// What the layout needs to know about the page: `{{meta.title}}`, `{{#meta.breadcrumbs}}` …
package struct PageMetaView: TemplateView {
    /// The page's own title (the h1).
    package let title: String
    /// The <title> element: page title, then the site title.
    package let documentTitle: String
    package let description: String?
    /// The absolute URL, when the site's base_url names a host.
    package let canonicalURL: String?
    package let breadcrumbs: [LinkView]
    /// A class for the <body> naming the page kind ("page-item").
    package let kind: String
    /// The plan's Atom feed, announced in the head of the plan's pages.
    package let feed: LinkView?

    package static let fields = FieldTable<PageMetaView>(
        "meta",
        [
            .text("title") { $0.title },
            .text("documentTitle") { $0.documentTitle },
            .text("description") { $0.description },
            .text("canonicalURL") { $0.canonicalURL },
            .list("breadcrumbs", LinkView.self) { $0.breadcrumbs },
            .flag("hasBreadcrumbs") { $0.breadcrumbs.count > 1 },
            .text("kind") { $0.kind },
            .view("feed", LinkView.self) { $0.feed },
        ])
}

extension PageMetaView {
    /// The same page with another <title>.
    func titled(_ documentTitle: String) -> PageMetaView {
        PageMetaView(
            title: title, documentTitle: documentTitle, description: description, canonicalURL: canonicalURL,
            breadcrumbs: breadcrumbs, kind: kind, feed: feed)
    }
}
