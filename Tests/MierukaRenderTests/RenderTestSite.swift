import MierukaDiagnostics
import MierukaRender
import MierukaSite
import MierukaTestSupport

/// Renders pages of an in-memory site with the default theme (and optional template overrides).
struct RenderTestSite {
    let index: SiteIndex
    let renderer: PageRenderer
    let pages: [PlannedPage]
    let diagnostics: Diagnostics

    init(_ files: [String: String], templates: [String: String] = [:], root: String = "/nowhere") {
        let (merged, mergeDiagnostics) = InMemorySite.merge(files, root: root)
        var diagnostics = mergeDiagnostics
        let theme = Theme.load(
            siteTemplates: templates.map {
                TemplateSource(name: $0.key, text: $0.value, displayPath: "templates/\($0.key).mustache", isDefault: false)
            }, diagnostics: &diagnostics)
        // Tests always pass a valid site; an empty one stands in if not.
        let site = merged ?? MergedSite(site: .init(config: .init(title: "", description: nil, baseURL: .root, language: "ja", allowRawHTML: false, publisher: nil, departmentSlugs: [:]), plans: []), home: nil, pages: [])
        self.index = SiteIndex(site)
        self.renderer = PageRenderer(theme: theme, views: ViewBuilder(index: index))
        self.pages = PagePlanner().plan(index)
        self.diagnostics = diagnostics
    }

    func html(_ route: String) -> String {
        guard let page = pages.first(where: { $0.route == route }) else { return "(no page \(route))" }
        return renderer.render(page) ?? "(not rendered)"
    }
}
