import MierukaModel
import MierukaParallel

/// The merged site with its lookups: what page planning and rendering read from.
package struct SiteIndex: Sendable {
    package let merged: MergedSite
    package let plans: [PlanIndex]

    /// The plans' lookups are made side by side, on `jobs` threads (all processors when nil).
    package init(_ merged: MergedSite, jobs: Int? = nil) {
        self.merged = merged
        let departmentSlugs = merged.site.config.departmentSlugs
        self.plans = Parallel.map(merged.site.plans, jobs: jobs) { PlanIndex(plan: $0, departmentSlugs: departmentSlugs) }
    }

    package var site: Site { merged.site }
    package var config: SiteConfig { merged.site.config }
}
