import MierukaDiagnostics
import MierukaModel
import MierukaParallel

/// The merge stage: plans get their items and results, references are resolved, and everything
/// that cannot be resolved is reported where it was written.
package struct SiteMerger: Sendable {
    /// Item URL segments used by a plan's own pages.
    package static let reservedItemSlugs: Set<String> = ["policies", "reports", "departments", "index", "data"]

    /// Threads to merge plans with (all processors when nil).
    let jobs: Int?

    package init(jobs: Int? = nil) {
        self.jobs = jobs
    }

    /// Merges the documents, consuming them: each plan's item and result documents are let go as
    /// soon as that plan is merged, so that the parsed documents and the model they become are not
    /// held in full at the same time (at 1,000 pages the documents are several times the model;
    /// docs/reference.md, "Speed and memory"). A caller that keeps the documents (serve) passes a
    /// copy, and nothing is freed.
    package func merge(_ documents: consuming SiteDocuments, diagnostics: inout Diagnostics) -> MergedSite {
        let (config, home, standalone, planList, items, results, unreadableItems) = (consume documents).parts()
        var planDocuments: [String: PlanDocument] = [:]
        for plan in planList {
            planDocuments[plan.slug] = plan
        }
        var itemsByPlan = Self.itemsByPlan(consume items, planDocuments: planDocuments, diagnostics: &diagnostics)
        var resultsByPlan = Self.resultsByPlan(consume results, planDocuments: planDocuments, diagnostics: &diagnostics)

        // Taken out of the tables, plan by plan, so that each plan's documents are freed when it is merged.
        var inputs: [PlanInput?] = []
        inputs.reserveCapacity(planList.count)
        for document in planList {
            inputs.append(
                PlanInput(
                    document: document, items: itemsByPlan.removeValue(forKey: document.slug) ?? [],
                    results: resultsByPlan.removeValue(forKey: document.slug) ?? []))
        }
        let plans = Self.mergePlans(consume inputs, unreadableItems: unreadableItems, jobs: jobs, diagnostics: &diagnostics)
        var pages: [PageDocument] = []
        for page in standalone {
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
        for plan in planList where SiteRoutes.reservedTopLevel.contains(plan.slug) {
            diagnostics.error(
                at: plan.location, "/\(plan.slug)/ is reserved for the site's own pages",
                hint: "rename the folder content/\(plan.slug)/")
        }
        return MergedSite(
            site: Site(config: config, plans: plans), home: home,
            pages: pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) })
    }
}

extension SiteMerger {
    /// One plan's documents, before they are merged.
    struct PlanInput: Sendable {
        let document: PlanDocument
        let items: [ItemDocument]
        let results: [ResultsDocument]
    }

    /// The plans merged side by side on `jobs` threads (plans are independent of each other), in
    /// the order of `inputs`, their problems reported in that order as when merged one by one.
    /// Each thread takes its plan's documents out of the shared list, so that they are freed as
    /// soon as that plan is merged.
    static func mergePlans(
        _ inputs: consuming [PlanInput?], unreadableItems: [String: Set<String>], jobs: Int?,
        diagnostics: inout Diagnostics
    ) -> [Plan] {
        let count = inputs.count
        let pending = Lock<[PlanInput?]>(inputs)
        let merged = Lock<[(plan: Plan, diagnostics: Diagnostics)?]>(Array(repeating: nil, count: count))
        Parallel.forEach(count, jobs: jobs) { offset in
            let taken = pending.withLock { slots -> PlanInput? in
                defer { slots[offset] = nil }
                return slots[offset]
            }
            guard let input = taken else { return }
            var planDiagnostics = Diagnostics()
            let plan = PlanMerger(document: input.document, unreadableItems: unreadableItems[input.document.slug] ?? [])
                .merge(items: input.items, results: input.results, diagnostics: &planDiagnostics)
            merged.withLock { $0[offset] = (plan, planDiagnostics) }
        }
        var plans: [Plan] = []
        plans.reserveCapacity(count)
        for case let (plan, planDiagnostics)? in merged.withLock({ $0 }) {
            plans.append(plan)
            diagnostics.append(contentsOf: planDiagnostics)
        }
        return plans
    }

    /// The item documents by plan; items in a folder without a plan are reported, once per folder.
    static func itemsByPlan(
        _ items: consuming [ItemDocument], planDocuments: [String: PlanDocument], diagnostics: inout Diagnostics
    ) -> [String: [ItemDocument]] {
        var itemsByPlan: [String: [ItemDocument]] = [:]
        var orphanFolders: [String: SourceLocation] = [:]
        for item in items {
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
        return itemsByPlan
    }

    /// The results files by plan; a file for a plan that does not exist is reported.
    static func resultsByPlan(
        _ results: consuming [ResultsDocument], planDocuments: [String: PlanDocument], diagnostics: inout Diagnostics
    ) -> [String: [ResultsDocument]] {
        var resultsByPlan: [String: [ResultsDocument]] = [:]
        for file in results {
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
        return resultsByPlan
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
