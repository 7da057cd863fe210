import MierukaDiagnostics
import MierukaExport
import MierukaModel
import MierukaParallel
import MierukaSearch
import MierukaSite

/// The generated files that are not pages: the open data (`SiteExporter`), made again only for
/// the plans a change touches, and the search index (`SearchIndexBuilder`), made again on every
/// rebuild (it holds every item).
///
/// A plan's files (`<plan>/data/…`, `<plan>/feed.xml`) depend on that plan alone: they are made
/// by an exporter given a site of that one plan. The files outside every plan's folder (the
/// sitemap) depend on the list of pages: they are made by an exporter given no plan and every page.
/// The search index reads the whole site.
struct ServeExports {
    /// Files and diagnostics of one plan.
    struct PlanExport: Sendable {
        let files: [String: [UInt8]]
        let diagnostics: Diagnostics
    }

    /// Every path the exporter writes (for the check that no static file replaces one).
    static func paths(_ index: SiteIndex) -> [String] {
        SiteExporter(index: index).paths() + [SearchIndexBuilder.path]
    }

    /// The files of each plan in `slugs`, in parallel.
    static func plans(_ slugs: [String], of index: SiteIndex) -> [String: PlanExport] {
        let plans = index.plans.filter { slugs.contains($0.plan.slug) }
        let exports = Parallel.map(plans) { planIndex -> (String, PlanExport) in
            let plan = planIndex.plan
            let single = SiteIndex(
                MergedSite(site: Site(config: index.config, plans: [plan]), home: index.merged.home, pages: index.merged.pages))
            var diagnostics = Diagnostics()
            let prefix = plan.slug + "/"
            var files: [String: [UInt8]] = [:]
            for file in SiteExporter(index: single).files(pages: [], diagnostics: &diagnostics)
            where file.path.hasPrefix(prefix) {
                files[file.path] = file.bytes
            }
            return (plan.slug, PlanExport(files: files, diagnostics: diagnostics))
        }
        return Dictionary(exports, uniquingKeysWith: { first, _ in first })
    }

    /// The files outside the plans' folders: the sitemap, from the list of pages, and the search index.
    static func siteWide(_ index: SiteIndex, pages: [PlannedPage], diagnostics: inout Diagnostics) -> [String: [UInt8]] {
        let empty = SiteIndex(
            MergedSite(site: Site(config: index.config, plans: []), home: index.merged.home, pages: index.merged.pages))
        let planFolders = Set(index.plans.map { $0.plan.slug + "/" })
        var files: [String: [UInt8]] = [:]
        for file in SiteExporter(index: empty).files(pages: pages, diagnostics: &diagnostics) {
            let folder = file.path.split(separator: "/").first.map { String($0) + "/" } ?? ""
            if planFolders.contains(folder) { continue }
            files[file.path] = file.bytes
        }
        files[SearchIndexBuilder.path] = SearchIndexBuilder(index: index).json()
        return files
    }
}
