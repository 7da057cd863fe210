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

    /// The fields a page template may use, for the linter.
    /// Field indices: site is 0, meta is 1, the content's own fields follow from 2.
    static func schema(content: any TemplateView.Type) -> ViewSchema {
        var fields = content.schema.fields.mapValues { (index: $0.index + 2, kind: $0.kind) }
        fields["site"] = (0, .view(SiteView.self))
        fields["meta"] = (1, .view(PageMetaView.self))
        return ViewSchema(name: content.schema.name, fields: fields)
    }

    /// The value of a root field, indexed as in `schema(content:)`.
    func read(_ index: Int) -> TemplateValue {
        switch index {
        case 0: .view(site)
        case 1: .view(meta)
        default: content.read(index - 2)
        }
    }
}
