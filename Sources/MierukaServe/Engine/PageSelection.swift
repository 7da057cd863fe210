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
/// - pages of a kind these rules do not know (added to Mieruka later) → always rendered.
/// - pages that appear are rendered; pages that disappear are removed.
///
/// The rules only choose what to render: each rendered page is then compared with the one being
/// served, and only pages that differ are written.
struct PageSelection {
    /// Routes to render (nil: every page).
    var routes: Set<String>?
    /// Plans whose data files must be made again (nil: every plan).
    var plans: Set<String>?

    /// Pages of kinds the rules do not know, rendered on every rebuild.
    var unknownKindPages = 0

    static let all = PageSelection(routes: nil, plans: nil)

    static func select(changed: Set<String>, reparsedSeeds: Set<String>, old: SiteSide, new: SiteSide) -> PageSelection {
        var routes = Set<String>()
        var wholePlans = Set<String>()
        var items: [String: Set<String>] = [:]
        var numbers: [String: Set<String>] = [:]
        var years: [String: Set<FiscalYear>] = [:]
        var touchedPlans = Set<String>()
        var allReports = Set<String>()

        // The navigation of every page lists the standalone pages.
        let oldNavigation = old.index.merged.pages.map { [$0.slug, $0.title] }
        let newNavigation = new.index.merged.pages.map { [$0.slug, $0.title] }
        if oldNavigation != newNavigation { return .all }

        for path in changed where path.hasPrefix(SiteLayout.contentFolder + "/") {
            for document in [old.content[path], new.content[path]] {
                switch document {
                case .home?:
                    routes.insert(SiteRoutes.home)
                case .page(let page)?:
                    routes.insert(SiteRoutes.page(page.slug))
                case .plan(let plan)?:
                    wholePlans.insert(plan.slug)
                case .item(let item)?:
                    items[item.planSlug, default: []].insert(item.slug.value)
                case .unreadableItem?, nil:
                    break  // a side that was built has no unreadable document
                }
            }
        }

        // Results: only those that differ, compared without their positions in the file.
        for path in reparsedSeeds {
            let before = resultKeys(old.seeds[path] ?? [])
            let after = resultKeys(new.seeds[path] ?? [])
            for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
                numbers[key.plan, default: []].insert(key.number)
                years[key.plan, default: []].insert(key.year)
            }
        }

        touchedPlans.formUnion(items.keys)
        touchedPlans.formUnion(numbers.keys)
        touchedPlans.formUnion(years.keys)
        for slug in touchedPlans {
            let sides = [old.index.plans.first { $0.plan.slug == slug }, new.index.plans.first { $0.plan.slug == slug }]
            if let before = sides[0], let after = sides[1], !sameShape(before, after) {
                wholePlans.insert(slug)
            }
            var slugs = items[slug] ?? []
            for case let planIndex? in sides {
                for number in numbers[slug] ?? [] {
                    if let item = itemSlug(number: number, in: planIndex) { slugs.insert(item) }
                }
            }
            // Every year report counts every listing of the plan (a listing without a result
            // that year as 未評価): an item that appears, disappears or moves alters them all.
            for itemSlug in slugs where listingsKey(itemSlug, in: sides[0]) != listingsKey(itemSlug, in: sides[1]) {
                allReports.insert(slug)
            }
            for case let planIndex? in sides {
                let plan = planIndex.plan
                routes.insert(SiteRoutes.plan(plan.slug))
                routes.insert(SiteRoutes.data(plan.slug))
                if !planIndex.departments.isEmpty { routes.insert(SiteRoutes.departments(plan.slug)) }
                for year in years[slug] ?? [] { routes.insert(SiteRoutes.report(plan.slug, year: year.year)) }
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
            }
        }
        if !touchedPlans.isEmpty || !wholePlans.isEmpty { routes.insert(SiteRoutes.home) }

        let oldRoutes = Set(old.pages.map(\.route))
        for side in [old, new] {
            for page in side.pages {
                guard let plan = planOffset(page.kind) else { continue }
                let slug = side.index.plans[plan].plan.slug
                if wholePlans.contains(slug) {
                    routes.insert(page.route)
                } else if allReports.contains(slug), case .report = page.kind {
                    routes.insert(page.route)
                }
            }
        }
        var unknown = 0
        for page in new.pages {
            if !isKnown(page.kind) { unknown += 1 }
            if !isKnown(page.kind) || !oldRoutes.contains(page.route) { routes.insert(page.route) }
        }
        return PageSelection(routes: routes, plans: touchedPlans.union(wholePlans), unknownKindPages: unknown)
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

    /// The plan a page belongs to, for the kinds that belong to one.
    static func planOffset(_ kind: PageKind) -> Int? {
        if case .plan(let plan) = kind { return plan }
        if case .policy(let plan, _) = kind { return plan }
        if case .item(let plan, _) = kind { return plan }
        if case .report(let plan, _) = kind { return plan }
        if case .departments(let plan) = kind { return plan }
        if case .department(let plan, _) = kind { return plan }
        if case .dataset(let plan) = kind { return plan }
        return nil
    }

    /// Kinds whose dependencies the rules above describe.
    static func isKnown(_ kind: PageKind) -> Bool {
        if planOffset(kind) != nil { return true }
        if case .page = kind { return true }
        return kind == .home || kind == .notFound
    }
}
