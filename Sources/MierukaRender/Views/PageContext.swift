/// The root of every template's context: `site` and `meta` for the layout, then the page's own
/// fields (`{{plan.title}}`, `{{#items}}` …) at the top level.
package struct PageContext: Sendable {
    package let site: SiteView
    package let meta: PageMetaView
    package let content: any TemplateView

    package init(site: SiteView, meta: PageMetaView, content: any TemplateView) {
        self.site = site
        self.meta = meta
        self.content = content
    }

    /// Field indices of the root: site, meta, then the content's own fields.
    static let siteIndex = 0
    static let metaIndex = 1
    static let contentOffset = 2

    /// The fields a page template may use, for the linter.
    static func schema(content: any TemplateView.Type) -> ViewSchema {
        let schema = content.schema
        var fields = schema.fields.mapValues { (index: $0.index + contentOffset, kind: $0.kind) }
        fields["site"] = (siteIndex, .view(SiteView.self))
        fields["meta"] = (metaIndex, .view(PageMetaView.self))
        return ViewSchema(name: schema.name, fields: fields)
    }
}
