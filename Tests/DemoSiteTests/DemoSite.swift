import MierukaDiagnostics
import MierukaRender
import MierukaSite
import MierukaSource
import MierukaTestSupport

/// The repository's demo site, loaded through the real stages, with the view models of its pages:
/// the numbers the tests read are the numbers the pages show.
struct DemoSite: Sendable {
    let index: SiteIndex
    let views: ViewBuilder
    let pages: [PlannedPage]
    let diagnostics: Diagnostics

    static let shared = DemoSite()

    private init() {
        var diagnostics = Diagnostics()
        var index = SiteIndex(MergedSite(site: .init(config: .init(title: "", description: nil, baseURL: .root, language: "ja", allowRawHTML: false, publisher: nil, departmentSlugs: [:]), plans: []), home: nil, pages: []))
        if let loaded = try? SiteLoader().load(root: Fixtures.repositoryRoot, displayRoot: "", diagnostics: &diagnostics),
            let documents = DocumentParser().parse(loaded, diagnostics: &diagnostics)
        {
            let merged = SiteMerger().merge(documents, diagnostics: &diagnostics)
            SiteValidator().validate(merged.site, diagnostics: &diagnostics)
            DeclaredReconciler().reconcile(merged.site, severity: .error, diagnostics: &diagnostics)
            index = SiteIndex(merged)
        }
        self.index = index
        self.views = ViewBuilder(index: index)
        self.pages = PagePlanner().plan(index)
        self.diagnostics = diagnostics
    }

    func page<View>(_ route: String, as type: View.Type) -> View? {
        guard let page = pages.first(where: { $0.route == route }) else { return nil }
        return views.context(for: page).content as? View
    }

    func planIndex(_ slug: String) -> PlanIndex? {
        index.plans.first { $0.plan.slug == slug }
    }
}

extension GradeTableView {
    /// Rows as [title: [counts…, total]], the way a reader compares them with a printed table.
    var countsByRow: [String: [String]] {
        var result: [String: [String]] = [:]
        for row in rows { result[row.title] = row.counts.map(\.value) + [row.total] }
        result["計"] = total.counts.map(\.value) + [total.total]
        return result
    }
}
