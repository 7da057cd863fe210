import MierukaModel

/// Lookups for one plan, computed once so that no page has to scan the plan's items:
/// the yearly tallies, the listings under each policy, and the plan's departments.
package struct PlanIndex: Sendable {
    package let plan: Plan
    /// Years with any result or published table, ascending.
    package let years: [FiscalYear]
    package let tallies: [FiscalYear: PlanYearTally]
    /// Per policy: the listings made directly under it, as (item index, listing index).
    package let listingsByPolicy: [[ListingRef]]
    package let departments: [Department]
    /// Per item: indices into `departments`.
    package let departmentsByItem: [[Int]]
    /// Item index by URL segment.
    package let itemIndexBySlug: [String: Int]
    /// The plan seen through each of its status axes (`Plan.projected(onto:)`), in the plan's axis
    /// order: the same items in the same order, counted on the axis's scale. Empty without axes.
    package let axes: [PlanIndex]
    /// The kinds of the plan's effect amounts (`Plan.effectKinds`), found once: [nil] when no
    /// amount names its kind.
    package let effectKinds: [EffectKind?]

    package struct ListingRef: Sendable, Hashable {
        package let item: Int
        package let listing: Int

        package init(item: Int, listing: Int) {
            self.item = item
            self.listing = listing
        }
    }

    package struct Department: Sendable, Hashable {
        package let name: String
        package let slug: String
        /// Items of this department, in plan order.
        package let items: [Int]
    }

    package init(plan: Plan, departmentSlugs: [String: String]) {
        self.plan = plan
        let years = plan.reportedYears
        self.years = years
        var tallies: [FiscalYear: PlanYearTally] = [:]
        for year in years { tallies[year] = PlanYearTally(plan: plan, year: year) }
        self.tallies = tallies
        self.effectKinds = plan.effectKinds

        var byPolicy = [[ListingRef]](repeating: [], count: plan.policies.count)
        var departmentIndex: [String: Int] = [:]
        var departmentItems: [[Int]] = []
        var departmentNames: [String] = []
        var byItem: [[Int]] = []
        var bySlug: [String: Int] = [:]
        for (itemIndex, item) in plan.items.enumerated() {
            bySlug[item.slug] = itemIndex
            for (listingIndex, listing) in item.listings.enumerated() where listing.policy < byPolicy.count {
                byPolicy[listing.policy].append(ListingRef(item: itemIndex, listing: listingIndex))
            }
            var own: [Int] = []
            for name in item.departments {
                let index: Int
                if let existing = departmentIndex[name] {
                    index = existing
                } else {
                    index = departmentNames.count
                    departmentIndex[name] = index
                    departmentNames.append(name)
                    departmentItems.append([])
                }
                if !own.contains(index) {
                    own.append(index)
                    departmentItems[index].append(itemIndex)
                }
            }
            byItem.append(own)
        }
        self.listingsByPolicy = byPolicy
        self.departmentsByItem = byItem
        self.itemIndexBySlug = bySlug

        var used: Set<String> = []
        var departments: [Department] = []
        for (index, name) in departmentNames.enumerated() {
            var slug = departmentSlugs[name] ?? URLSlug.make(from: name)
            if slug.isEmpty { slug = "department-\(index + 1)" }
            let base = slug
            var suffix = 2
            while used.contains(slug) {
                slug = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(slug)
            departments.append(Department(name: name, slug: slug, items: departmentItems[index]))
        }
        self.departments = departments
        self.axes = plan.axes.indices.map { PlanIndex(plan: plan.projected(onto: $0), departmentSlugs: departmentSlugs) }
    }

    /// True when any effect amount of the plan names its kind (単年度 / 継続).
    package var namesEffectKinds: Bool { effectKinds.contains { $0 != nil } }

    /// The most recent year with results or a published table.
    package var latestYear: FiscalYear? { years.last }

    /// The most recent year in which any item has a grade, else the latest year.
    package var latestGradedYear: FiscalYear? {
        years.last { year in tallies[year].map { $0.totalListings > $0.totalUngraded } ?? false } ?? years.last
    }
}
