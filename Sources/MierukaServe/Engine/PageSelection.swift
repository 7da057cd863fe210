import MierukaModel
import MierukaSite
import MierukaSource

/// The documents of a site by file, and what was built from them: one side of a change.
struct SiteSide: Sendable {
    let index: SiteIndex
    let pages: [PlannedPage]
    /// Parsed content documents by site-relative path ("content/plan/001.md").
    let content: [String: DocumentParser.ParsedContent]
    /// Results read from each seeds/ file.
    let seeds: [String: [ResultsDocument]]
}

/// Which pages a change can alter: the dependency rules of incremental rebuilds.
///
/// - `mieruka.yml`, a template (or the theme) → every page (decided by the caller).
/// - a standalone page → that page; every page when the list of pages or a title in it changed
///   (the navigation of every page lists them).
/// - `content/_index.md` → the home page.
/// - a plan's `_index.md` → every page of that plan, and the home page.
/// - an item document, or results in seeds/ → for each item whose document or results changed
///   (before and after the change): its page, its plan's page, the pages of the policies it is
///   listed under and their ancestors, the year reports of its years, the pages of its
///   departments and the plan's departments page, the plan's open-data page (its row counts),
///   and the home page. When the change alters
///   what every page of the plan shows (the plan's years, its latest graded year, its list of
///   departments), every page of the plan; when an item appears, disappears or is listed
///   elsewhere, every year report of the plan (they count every listing, 未評価 included).
/// - the search page → when a plan's document changed or a plan's number of items changed (it
///   lists each plan with its number of items).
/// - the accessibility pages and the 404 page → only with every page (they show the settings).
/// - each page kind has its rule in `shows`, an exhaustive `switch`: a new kind must be given one.
/// - pages that appear are rendered; pages that disappear are removed.
///
/// The rules only choose what to render: each rendered page is then compared with the one being
/// served, and only pages that differ are written.
struct PageSelection {
    /// Routes to render (nil: every page).
    var routes: Set<String>?
    /// Plans whose data files must be made again (nil: every plan).
    var plans: Set<String>?

    static let all = PageSelection(routes: nil, plans: nil)

    static func select(changed: Set<String>, reparsedSeeds: Set<String>, old: SiteSide, new: SiteSide) -> PageSelection {
        // The navigation of every page lists the standalone pages.
        let oldNavigation = old.index.merged.pages.map { [$0.slug, $0.title] }
        let newNavigation = new.index.merged.pages.map { [$0.slug, $0.title] }
        if oldNavigation != newNavigation { return .all }

        var routes = Set<String>()
        var wholePlans = Set<String>()
        var items: [String: Set<String>] = [:]
        for path in changed where path.hasPrefix(SiteLayout.contentFolder + "/") {
            for document in [old.content[path], new.content[path]] {
                switch document {
                case .home?: routes.insert(SiteRoutes.home)
                case .page(let page)?: routes.insert(SiteRoutes.page(page.slug))
                case .plan(let plan)?: wholePlans.insert(plan.slug)
                case .item(let item)?: items[item.planSlug, default: []].insert(item.slug.value)
                case .unreadableItem?, nil: break  // a side that was built has no unreadable document
                }
            }
        }
        let results = changedResults(reparsedSeeds, old: old, new: new)
        let touchedPlans = Set(items.keys).union(results.numbers.keys).union(results.years.keys)
        var allReports = Set<String>()
        for slug in touchedPlans {
            let sides = [old.index.plans.first { $0.plan.slug == slug }, new.index.plans.first { $0.plan.slug == slug }]
            if let before = sides[0], let after = sides[1], !sameShape(before, after) { wholePlans.insert(slug) }
            var slugs = items[slug] ?? []
            for case let planIndex? in sides {
                for number in results.numbers[slug] ?? [] {
                    if let item = itemSlug(number: number, in: planIndex) { slugs.insert(item) }
                }
            }
            // Every year report counts every listing of the plan (a listing without a result
            // that year as 未評価): an item that appears, disappears or moves alters them all.
            for itemSlug in slugs where listingsKey(itemSlug, in: sides[0]) != listingsKey(itemSlug, in: sides[1]) {
                allReports.insert(slug)
            }
            for case let planIndex? in sides {
                routes.formUnion(pagesShowing(slugs, years: results.years[slug] ?? [], in: planIndex))
            }
        }
        if !touchedPlans.isEmpty || !wholePlans.isEmpty { routes.insert(SiteRoutes.home) }

        let change = Change(
            routes: routes, wholePlans: wholePlans, allReports: allReports,
            search: !wholePlans.isEmpty || itemCounts(old) != itemCounts(new))
        let oldRoutes = Set(old.pages.map(\.route))
        var selected = Set<String>()
        for page in new.pages where !oldRoutes.contains(page.route) || shows(page, change, in: new) {
            selected.insert(page.route)
        }
        return PageSelection(routes: selected, plans: touchedPlans.union(wholePlans))
    }

    /// What the rules found a change alters.
    struct Change {
        /// Pages named by the rules for items, results, the home page and standalone pages.
        let routes: Set<String>
        /// Plans every page of which is rendered.
        let wholePlans: Set<String>
        /// Plans every year report of which is rendered.
        let allReports: Set<String>
        /// The search page lists each plan with its number of items.
        let search: Bool
    }

    /// Whether a page (of the site after the change) shows what changed, decided by its kind:
    /// a kind added to Mieruka must be given its rule here.
    static func shows(_ page: PlannedPage, _ change: Change, in side: SiteSide) -> Bool {
        func plan(_ offset: Int) -> String { side.index.plans[offset].plan.slug }
        switch page.kind {
        case .home, .page:
            return change.routes.contains(page.route)
        case .plan(let offset), .policy(let offset, _), .item(let offset, _), .departments(let offset),
            .department(let offset, _), .dataset(let offset):
            return change.routes.contains(page.route) || change.wholePlans.contains(plan(offset))
        case .report(let offset, _):
            let slug = plan(offset)
            return change.routes.contains(page.route) || change.wholePlans.contains(slug) || change.allReports.contains(slug)
        case .search:
            return change.search
        case .accessibility, .accessibilityResults, .notFound:
            // They show the settings alone (mieruka.yml, with the results file it names) and the
            // navigation: a change of those renders every page.
            return false
        }
    }

    /// Each plan's number of items, as the search page lists them.
    static func itemCounts(_ side: SiteSide) -> [String: Int] {
        Dictionary(side.index.plans.map { ($0.plan.slug, $0.plan.items.count) }, uniquingKeysWith: { a, _ in a })
    }

    /// The plans, years and item numbers whose results differ, compared without their positions in the file.
    static func changedResults(
        _ paths: Set<String>, old: SiteSide, new: SiteSide
    ) -> (numbers: [String: Set<String>], years: [String: Set<FiscalYear>]) {
        var numbers: [String: Set<String>] = [:]
        var years: [String: Set<FiscalYear>] = [:]
        for path in paths {
            let before = resultKeys(old.seeds[path] ?? [])
            let after = resultKeys(new.seeds[path] ?? [])
            for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
                numbers[key.plan, default: []].insert(key.number)
                years[key.plan, default: []].insert(key.year)
            }
        }
        return (numbers, years)
    }

    /// The pages of a plan that show the items `slugs` or the results of `years`: the plan's page
    /// and open-data page, its departments page, the year reports, and for each item its page,
    /// the policies it is listed under with their ancestors, and its departments' pages.
    static func pagesShowing(_ slugs: Set<String>, years: Set<FiscalYear>, in planIndex: PlanIndex) -> Set<String> {
        let plan = planIndex.plan
        var routes: Set<String> = [SiteRoutes.plan(plan.slug), SiteRoutes.data(plan.slug)]
        if !planIndex.departments.isEmpty { routes.insert(SiteRoutes.departments(plan.slug)) }
        for year in years { routes.insert(SiteRoutes.report(plan.slug, year: year.year)) }
        for itemSlug in slugs {
            guard let itemIndex = planIndex.itemIndexBySlug[itemSlug] else { continue }
            let item = plan.items[itemIndex]
            routes.insert(SiteRoutes.item(plan.slug, item.slug))
            for listing in item.listings where listing.policy < plan.policies.count {
                var policy: Int? = listing.policy
                while let current = policy {
                    routes.insert(SiteRoutes.policy(plan.slug, plan.policies[current].slug))
                    policy = plan.policies[current].parent
                }
            }
            for result in item.results { routes.insert(SiteRoutes.report(plan.slug, year: result.year.year)) }
            for department in planIndex.departmentsByItem[itemIndex] {
                routes.insert(SiteRoutes.department(plan.slug, planIndex.departments[department].slug))
            }
        }
        return routes
    }

    /// What every page of a plan shows about the plan as a whole, beyond its own subject.
    static func sameShape(_ before: PlanIndex, _ after: PlanIndex) -> Bool {
        before.years == after.years && before.latestGradedYear == after.latestGradedYear
            && before.departments.map { [$0.name, $0.slug] } == after.departments.map { [$0.name, $0.slug] }
    }

    /// Where an item is listed (policy and whether 再掲), or nil when the plan has no such item.
    static func listingsKey(_ itemSlug: String, in planIndex: PlanIndex?) -> [String]? {
        guard let planIndex, let index = planIndex.itemIndexBySlug[itemSlug] else { return nil }
        let plan = planIndex.plan
        return plan.items[index].listings.map { listing in
            (listing.policy < plan.policies.count ? plan.policies[listing.policy].slug : "?") + (listing.isRelisting ? "*" : "")
        }
    }

    struct ResultKey: Hashable {
        let plan: String
        let year: FiscalYear
        let number: String
    }

    /// Each result of a file by plan, year and item number, as comparable text.
    static func resultKeys(_ documents: [ResultsDocument]) -> [ResultKey: String] {
        var keys: [ResultKey: String] = [:]
        for document in documents {
            for result in document.results {
                let key = ResultKey(
                    plan: document.plan.value, year: document.year.value,
                    number: WidthNormalization.fold(result.item?.value ?? ""))
                keys[key, default: ""] += StructuralFingerprint.of(result) + "\n"
            }
        }
        return keys
    }

    /// The item that has `number` as one of its listings' numbers.
    static func itemSlug(number: String, in planIndex: PlanIndex) -> String? {
        for item in planIndex.plan.items {
            for listing in item.listings
            where listing.number == number || WidthNormalization.fold(listing.number) == number {
                return item.slug
            }
        }
        return nil
    }
}
