import MierukaDiagnostics
import MierukaExport
import MierukaModel
import MierukaParallel
import MierukaSearch
import MierukaSite

/// The generated files that are not pages: the open data (`SiteExporter`) and the search index
/// (`SearchIndexBuilder`).
///
/// `build` makes them all, in the pool of threads that renders the pages. `serve` makes a plan's
/// files again only when a change touches the plan: a plan's files (`<plan>/data/…`,
/// `<plan>/feed.xml`) depend on that plan alone, so they are made by an exporter given a site of
/// that one plan; the files outside every plan's folder (the sitemap) depend on the list of pages,
/// and the search index reads the whole site.
package enum ExportStage {
    /// Files and problems of one plan.
    package struct PlanFiles: Sendable {
        package let files: [String: [UInt8]]
        package let diagnostics: Diagnostics
    }

    /// Every generated path that is not a page (for the check that no static file replaces one).
    package static func paths(_ index: SiteIndex) -> [String] {
        SiteExporter(index: index).paths() + [SearchIndexBuilder.path]
    }

    /// The search index (search/index.json).
    package static func searchIndex(_ index: SiteIndex) -> (path: String, bytes: [UInt8]) {
        (SearchIndexBuilder.path, SearchIndexBuilder(index: index).json())
    }

    /// The files of each plan in `slugs`, by plan, made in parallel.
    package static func planFiles(_ slugs: some Collection<String>, of index: SiteIndex) -> [String: PlanFiles] {
        let plans = index.plans.filter { slugs.contains($0.plan.slug) }
        let exports = Parallel.map(plans) { planIndex -> (String, PlanFiles) in
            let plan = planIndex.plan
            let single = SiteIndex(
                MergedSite(site: Site(config: index.config, plans: [plan]), home: index.merged.home, pages: index.merged.pages))
            var diagnostics = Diagnostics()
            let prefix = plan.slug + "/"
            var files: [String: [UInt8]] = [:]
            for file in SiteExporter(index: single).files(pages: [], diagnostics: &diagnostics) where file.path.hasPrefix(prefix) {
                files[file.path] = file.bytes
            }
            return (plan.slug, PlanFiles(files: files, diagnostics: diagnostics))
        }
        return Dictionary(exports, uniquingKeysWith: { first, _ in first })
    }

    /// The files outside the plans' folders: the sitemap, from the list of pages, and the search index.
    package static func siteWideFiles(
        _ index: SiteIndex, pages: [PlannedPage], diagnostics: inout Diagnostics
    ) -> [String: [UInt8]] {
        let empty = SiteIndex(
            MergedSite(site: Site(config: index.config, plans: []), home: index.merged.home, pages: index.merged.pages))
        let planFolders = Set(index.plans.map { $0.plan.slug + "/" })
        var files: [String: [UInt8]] = [:]
        for file in SiteExporter(index: empty).files(pages: pages, diagnostics: &diagnostics) {
            let folder = file.path.split(separator: "/").first.map { String($0) + "/" } ?? ""
            if planFolders.contains(folder) { continue }
            files[file.path] = file.bytes
        }
        let search = searchIndex(index)
        files[search.path] = search.bytes
        return files
    }
}
