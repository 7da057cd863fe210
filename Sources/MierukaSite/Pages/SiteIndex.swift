import MierukaModel

/// The merged site with its lookups: what page planning and rendering read from.
public struct SiteIndex: Sendable {
    public let merged: MergedSite
    public let plans: [PlanIndex]

    public init(_ merged: MergedSite) {
        self.merged = merged
        self.plans = merged.site.plans.map { PlanIndex(plan: $0, departmentSlugs: merged.site.config.departmentSlugs) }
    }

    public var site: Site { merged.site }
    public var config: SiteConfig { merged.site.config }
}
