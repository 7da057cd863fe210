import MierukaModel

/// The merged site with its lookups: what page planning and rendering read from.
package struct SiteIndex: Sendable {
    package let merged: MergedSite
    package let plans: [PlanIndex]

    package init(_ merged: MergedSite) {
        self.merged = merged
        self.plans = merged.site.plans.map { PlanIndex(plan: $0, departmentSlugs: merged.site.config.departmentSlugs) }
    }

    package var site: Site { merged.site }
    package var config: SiteConfig { merged.site.config }
}
