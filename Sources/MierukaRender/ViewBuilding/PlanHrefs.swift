import MierukaModel
import MierukaSite

/// The links a plan's pages make over and over, made once per build: each item's page (every list
/// of items links each of its items, every year's report links each item it grades) and each
/// year's report (an item page links the report of each of its years, twice). Each
/// `LinkMaker.href` formats a route and percent-encodes it.
struct PlanHrefs: Sendable {
    /// Per item, in the plan's order: its slug (to check that the plan asked about is this one) and
    /// its page.
    private let items: [(slug: String, href: String)]
    /// Fiscal year → the page of its report, for the plan's years.
    private let reports: [Int: String]

    init(_ planIndex: PlanIndex, links: LinkMaker) {
        let plan = planIndex.plan
        items = plan.items.indices.map { index in
            let slug = plan.items[index].slug
            return (slug, links.href(SiteRoutes.item(plan.slug, slug)))
        }
        var reports: [Int: String] = [:]
        for year in planIndex.years { reports[year.year] = links.href(SiteRoutes.report(plan.slug, year: year.year)) }
        self.reports = reports
    }

    /// The page of the plan's item at `index` with `slug`, when it is the one made here.
    func item(_ index: Int, slug: String) -> String? {
        index < items.count && items[index].slug == slug ? items[index].href : nil
    }

    func report(_ year: FiscalYear) -> String? { reports[year.year] }
}

extension ViewBuilder {
    /// The page of the item at `index` of `plan`.
    func itemHref(_ plan: Plan, _ index: Int) -> String {
        let slug = plan.items[index].slug
        return hrefs[plan.slug]?.item(index, slug: slug) ?? links.href(SiteRoutes.item(plan.slug, slug))
    }

    /// The page of `plan`'s report of `year`.
    func reportHref(_ plan: Plan, _ year: FiscalYear) -> String {
        hrefs[plan.slug]?.report(year) ?? links.href(SiteRoutes.report(plan.slug, year: year.year))
    }
}
