import MierukaDiagnostics
import MierukaModel

/// The merge stage: plans get their items and results, references are resolved, and everything
/// that cannot be resolved is reported where it was written.
package struct SiteMerger: Sendable {
    /// Item URL segments used by a plan's own pages.
    package static let reservedItemSlugs: Set<String> = ["policies", "reports", "departments", "index", "data"]

    package init() {}

    package func merge(_ documents: SiteDocuments, diagnostics: inout Diagnostics) -> MergedSite {
        var planDocuments: [String: PlanDocument] = [:]
        for plan in documents.plans {
            planDocuments[plan.slug] = plan
        }
        var itemsByPlan: [String: [ItemDocument]] = [:]
        var orphanFolders: [String: SourceLocation] = [:]
        for item in documents.items {
            if planDocuments[item.planSlug] == nil {
                if orphanFolders[item.planSlug] == nil { orphanFolders[item.planSlug] = item.location }
                continue
            }
            itemsByPlan[item.planSlug, default: []].append(item)
        }
        for (folder, location) in orphanFolders.sorted(by: { $0.key < $1.key }) {
            diagnostics.error(
                at: location, "the folder content/\(folder)/ has items but no plan",
                hint: "add content/\(folder)/_index.md with the plan's city, title, period and policies")
        }
        var resultsByPlan: [String: [ResultsDocument]] = [:]
        for file in documents.results {
            guard planDocuments[file.plan.value] != nil else {
                let known = planDocuments.keys.sorted()
                var hint = "plans in content/: " + (known.isEmpty ? "none yet" : known.joined(separator: ", "))
                if let suggestion = Suggestion.closest(to: file.plan.value, in: known) {
                    hint = "did you mean \"\(suggestion)\"? " + hint
                }
                diagnostics.error(at: file.plan.location, "there is no plan \"\(file.plan.value)\"", hint: hint)
                continue
            }
            resultsByPlan[file.plan.value, default: []].append(file)
        }

        let plans = documents.plans.map { document in
            PlanMerger(document: document, unreadableItems: documents.unreadableItems[document.slug] ?? []).merge(
                items: itemsByPlan[document.slug] ?? [], results: resultsByPlan[document.slug] ?? [],
                diagnostics: &diagnostics)
        }
        var pages: [PageDocument] = []
        for page in documents.pages {
            if planDocuments[page.slug] != nil {
                diagnostics.error(
                    at: page.location, "the page /\(page.slug)/ would replace the plan of the same name",
                    hint: "rename content/\(page.slug).md")
                continue
            }
            if SiteRoutes.reservedTopLevel.contains(page.slug) {
                diagnostics.error(
                    at: page.location, "/\(page.slug)/ is reserved for the site's own pages",
                    hint: "rename content/\(page.slug).md")
                continue
            }
            pages.append(page)
        }
        for plan in documents.plans where SiteRoutes.reservedTopLevel.contains(plan.slug) {
            diagnostics.error(
                at: plan.location, "/\(plan.slug)/ is reserved for the site's own pages",
                hint: "rename the folder content/\(plan.slug)/")
        }
        return MergedSite(
            site: Site(config: documents.config, plans: plans), home: documents.home,
            pages: pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) })
    }
}

/// The merged site, with the standalone pages that sit beside the plans.
package struct MergedSite: Sendable {
    package let site: Site
    package let home: PageDocument?
    package let pages: [PageDocument]

    package init(site: Site, home: PageDocument?, pages: [PageDocument]) {
        self.site = site
        self.home = home
        self.pages = pages
    }
}
