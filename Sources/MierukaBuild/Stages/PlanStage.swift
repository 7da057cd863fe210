import MierukaDiagnostics
import MierukaModel
import MierukaRender
import MierukaSite
import MierukaSource

/// The site after merge, validation and planning: what the render, export, search and write
/// stages work from.
package struct PlannedSite: Sendable {
    package let index: SiteIndex
    package let pages: [PlannedPage]
    /// The generated files that are not pages: the open data and the search index.
    package let dataPaths: [String]
    package let assets: [OutputAsset]

    /// Every file of the output but the assets.
    package var generatedPaths: [String] { pages.map(\.outputFile) + dataPaths }
}

/// merge → validate → plan, for `build`, `check` and `serve` alike.
package enum PlanStage {
    /// Results onto their items. The documents are consumed: handed over with `consume`, each
    /// plan's documents are freed once that plan is merged.
    /// Plans are merged on `jobs` threads (all processors when nil).
    package static func merge(
        _ documents: consuming SiteDocuments, jobs: Int? = nil, diagnostics: inout Diagnostics
    ) -> MergedSite {
        SiteMerger(jobs: jobs).merge(consume documents, diagnostics: &diagnostics)
    }

    /// Validates the merged site (published totals that disagree are `totals`: errors for
    /// `check`, warnings otherwise), adds the theme's problems, and plans the pages, the data
    /// files and the assets. The caller stops when `diagnostics` has errors.
    /// Plans are validated and indexed on `jobs` threads (all processors when nil).
    package static func plan(
        _ merged: MergedSite, totals: Severity, theme: Theme, themeDiagnostics: Diagnostics, loaded: LoadedSite,
        jobs: Int? = nil, diagnostics: inout Diagnostics
    ) -> PlannedSite {
        // Indexed first: validation's overflow check reads the yearly tallies the index counted.
        let index = SiteIndex(merged, jobs: jobs)
        SiteValidator(jobs: jobs).validate(merged.site, tallies: index.plans.map(\.tallies), diagnostics: &diagnostics)
        DeclaredReconciler().reconcile(merged.site, severity: totals, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: themeDiagnostics)
        let pages = PagePlanner().plan(index)
        let dataPaths = ExportStage.paths(index)
        let assets = OutputAsset.choose(
            theme: theme, loaded: loaded, generated: Set(pages.map(\.outputFile) + dataPaths), diagnostics: &diagnostics)
        return PlannedSite(index: index, pages: pages, dataPaths: dataPaths, assets: assets)
    }
}
