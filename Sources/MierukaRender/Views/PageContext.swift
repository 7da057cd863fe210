import Mustache

/// The root of every template's context: `site` and `meta` for the layout, then the page's own
/// fields (`{{plan.title}}`, `{{#items}}` …) at the top level.
public struct PageContext: MustacheParent, Sendable {
    public let site: SiteView
    public let meta: PageMetaView
    public let content: any TemplateView

    public init(site: SiteView, meta: PageMetaView, content: any TemplateView) {
        self.site = site
        self.meta = meta
        self.content = content
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "meta": meta
        default: content.child(named: name)
        }
    }

    /// The fields a page template may use, for the linter.
    static func schema(content: any TemplateView.Type) -> ViewSchema {
        var fields = content.schema.fields
        fields["site"] = .view(SiteView.self)
        fields["meta"] = .view(PageMetaView.self)
        return ViewSchema(name: content.schema.name, fields: fields)
    }
}
