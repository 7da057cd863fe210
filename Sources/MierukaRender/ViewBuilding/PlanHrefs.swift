import MierukaModel
import MierukaSite

/// What a plan's pages make over and over, made once per build: the links to each item's page
/// (every list of items links each of its items, every year's report each item it grades), to each
/// policy's and to each year's report (an item page links the report of each of its years, twice),
/// the number order of its listings, and what each item's entry in a year's report says whatever
/// the year (every year's report lists the item again), and the plan's header, breadcrumb and feed
/// link. Each `LinkMaker.href` formats a route and percent-encodes it; each comparison of listing
/// numbers parses them.
struct PlanHrefs: Sendable {
    /// Per item, in the plan's order: its slug (to check that the plan asked about is this one) and
    /// its page.
    private let items: [(slug: String, href: String)]
    /// Fiscal year → the page of its report, for the plan's years.
    private let reports: [Int: String]
    /// Per policy, in the plan's order: its slug and its page.
    private let policies: [(slug: String, href: String)]
    /// Per item and listing: its place in the plan's number order (`ViewBuilder.listingOrder`),
    /// equal for listings that order alike, so that a list of items is sorted by comparing
    /// integers instead of parsing numbers in every comparison.
    let listingRanks: [[Int]]
    /// Per item, in the plan's order: what its entry in each year's report says whatever the year.
    private let reportTexts: [ReportItemTexts]
    /// The plan's header, its breadcrumb and its feed's link (nil without the site's origin):
    /// every page of the plan shows them, and each formats the plan's title, period and link.
    let header: PlanHeaderView
    let crumb: LinkView
    let feed: LinkView?

    init(_ planIndex: PlanIndex, links: LinkMaker, hasOrigin: Bool) {
        let plan = planIndex.plan
        header = ViewBuilder.planHeader(plan, links: links)
        crumb = ViewBuilder.planCrumb(plan, links: links)
        feed = ViewBuilder.feed(plan, links: links, hasOrigin: hasOrigin)
        items = plan.items.indices.map { index in
            let slug = plan.items[index].slug
            return (slug, links.href(SiteRoutes.item(plan.slug, slug)))
        }
        var reports: [Int: String] = [:]
        for year in planIndex.years { reports[year.year] = links.href(SiteRoutes.report(plan.slug, year: year.year)) }
        self.reports = reports
        policies = plan.policies.map { ($0.slug, links.href(SiteRoutes.policy(plan.slug, $0.slug))) }
        let order = plan.items.indices.flatMap { item in
            plan.items[item].listings.indices.map { PlanIndex.ListingRef(item: item, listing: $0) }
        }.sorted(by: ViewBuilder.listingOrder(plan))
        var ranks = plan.items.map { [Int](repeating: 0, count: $0.listings.count) }
        var rank = 0
        for (offset, ref) in order.enumerated() {
            if offset > 0, ViewBuilder.listingOrder(plan)(order[offset - 1], ref) { rank += 1 }
            ranks[ref.item][ref.listing] = rank
        }
        listingRanks = ranks
        reportTexts = plan.items.map { ReportItemTexts($0, plan: plan) }
    }

    /// The page of the plan's item at `index` with `slug`, when it is the one made here.
    func item(_ index: Int, slug: String) -> String? {
        index < items.count && items[index].slug == slug ? items[index].href : nil
    }

    func report(_ year: FiscalYear) -> String? { reports[year.year] }

    /// The year-independent texts of the plan's item at `index` with `slug`, when it is the one made here.
    func reportTexts(_ index: Int, slug: String) -> ReportItemTexts? {
        index < reportTexts.count && items[index].slug == slug ? reportTexts[index] : nil
    }

    /// The page of the plan's policy at `index` with `slug`, when it is the one made here.
    func policy(_ index: Int, slug: String) -> String? {
        index < policies.count && policies[index].slug == slug ? policies[index].href : nil
    }
}

extension ViewBuilder {
    /// The page of the item at `index` of `plan`.
    func itemHref(_ plan: Plan, _ index: Int) -> String {
        let slug = plan.items[index].slug
        return hrefs[plan.slug]?.item(index, slug: slug) ?? links.href(SiteRoutes.item(plan.slug, slug))
    }

    /// The page of the policy at `index` of `plan`.
    func policyHref(_ plan: Plan, _ index: Int) -> String {
        let slug = plan.policies[index].slug
        return hrefs[plan.slug]?.policy(index, slug: slug) ?? links.href(SiteRoutes.policy(plan.slug, slug))
    }

    /// The page of `plan`'s report of `year`.
    func reportHref(_ plan: Plan, _ year: FiscalYear) -> String {
        hrefs[plan.slug]?.report(year) ?? links.href(SiteRoutes.report(plan.slug, year: year.year))
    }
}
