import MierukaModel

/// What a page shows; everything needed to render it independently of every other page.
package enum PageKind: Sendable, Hashable {
    case home
    case page(Int)
    case plan(Int)
    case policy(plan: Int, policy: Int)
    case item(plan: Int, item: Int)
    case report(plan: Int, year: FiscalYear)
    case departments(plan: Int)
    case department(plan: Int, department: Int)
    /// The plan's open data: its downloads, licence and field dictionary.
    case dataset(plan: Int)
    /// The site search: its form, and the plans' item lists for when the script cannot run.
    case search
    /// The accessibility policy (アクセシビリティ方針).
    case accessibility
    /// The results of the site's accessibility checks (試験結果).
    case accessibilityResults
    case notFound
}

/// A page of the output: its route (path under the base URL) and what it shows.
package struct PlannedPage: Sendable, Hashable {
    package let route: String
    package let kind: PageKind

    package init(route: String, kind: PageKind) {
        self.route = route
        self.kind = kind
    }

    /// The file it is written to, relative to the output folder.
    package var outputFile: String { SiteRoutes.outputFile(for: route) }
}

/// Plans the pages of the site: one entry per output page, in a fixed order.
package struct PagePlanner: Sendable {
    package init() {}

    package func plan(_ index: SiteIndex) -> [PlannedPage] {
        var pages = [PlannedPage(route: SiteRoutes.home, kind: .home)]
        for (offset, page) in index.merged.pages.enumerated() {
            pages.append(PlannedPage(route: SiteRoutes.page(page.slug), kind: .page(offset)))
        }
        for (planOffset, planIndex) in index.plans.enumerated() {
            let plan = planIndex.plan
            pages.append(PlannedPage(route: SiteRoutes.plan(plan.slug), kind: .plan(planOffset)))
            for (policyOffset, policy) in plan.policies.enumerated() {
                pages.append(
                    PlannedPage(
                        route: SiteRoutes.policy(plan.slug, policy.slug),
                        kind: .policy(plan: planOffset, policy: policyOffset)))
            }
            for year in planIndex.years {
                pages.append(
                    PlannedPage(route: SiteRoutes.report(plan.slug, year: year.year), kind: .report(plan: planOffset, year: year)))
            }
            if !planIndex.departments.isEmpty {
                pages.append(PlannedPage(route: SiteRoutes.departments(plan.slug), kind: .departments(plan: planOffset)))
                for (departmentOffset, department) in planIndex.departments.enumerated() {
                    pages.append(
                        PlannedPage(
                            route: SiteRoutes.department(plan.slug, department.slug),
                            kind: .department(plan: planOffset, department: departmentOffset)))
                }
            }
            pages.append(PlannedPage(route: SiteRoutes.data(plan.slug), kind: .dataset(plan: planOffset)))
            for (itemOffset, item) in plan.items.enumerated() {
                pages.append(
                    PlannedPage(route: SiteRoutes.item(plan.slug, item.slug), kind: .item(plan: planOffset, item: itemOffset)))
            }
        }
        pages.append(PlannedPage(route: SiteRoutes.search, kind: .search))
        pages.append(PlannedPage(route: SiteRoutes.accessibility, kind: .accessibility))
        pages.append(PlannedPage(route: SiteRoutes.accessibilityResults, kind: .accessibilityResults))
        pages.append(PlannedPage(route: SiteRoutes.notFound, kind: .notFound))
        return pages
    }
}
