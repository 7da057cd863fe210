import MierukaMarkdown
import MierukaModel
import MierukaSite

/// Builds the typed view model of one page from the site index. Pages are independent: any page
/// can be built on any thread, in any order, and reads only what it shows.
package struct ViewBuilder: Sendable {
    package let index: SiteIndex
    let links: LinkMaker
    let markdown: MarkdownRenderer
    let siteView: SiteView
    /// Each plan's links to its items' pages and its years' reports, by the plan's slug.
    let hrefs: [String: PlanHrefs]

    package init(index: SiteIndex) {
        self.index = index
        let config = index.config
        let links = LinkMaker(baseURL: config.baseURL)
        self.links = links
        self.markdown = MarkdownRenderer(allowRawHTML: config.allowRawHTML)
        self.siteView = SiteView(
            title: config.title, description: config.description, language: config.language,
            homeURL: links.href(SiteRoutes.home), stylesheetURL: links.href(SiteRoutes.stylesheet),
            publisher: config.publisher,
            pages: index.merged.pages.map { LinkView(title: $0.title, url: links.href(SiteRoutes.page($0.slug))) },
            searchURL: links.href(SiteRoutes.search), accessibilityURL: links.href(SiteRoutes.accessibility))
        var hrefs: [String: PlanHrefs] = [:]
        let hasOrigin = config.baseURL.absolute("") != nil
        for planIndex in index.plans {
            hrefs[planIndex.plan.slug] = PlanHrefs(planIndex, links: links, hasOrigin: hasOrigin)
        }
        self.hrefs = hrefs
    }

    package func context(for page: PlannedPage) -> PageContext {
        let (meta, content) = build(page)
        return PageContext(site: siteView, meta: meta, content: content)
    }

    /// The template that lays out a page kind.
    package static func templateName(for kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .page: "page"
        case .plan: "plan"
        case .policy: "policy"
        case .item: "item"
        case .report: "report"
        case .departments: "departments"
        case .department: "department"
        case .dataset: "dataset"
        case .search: "search"
        case .accessibility: "accessibility"
        case .accessibilityResults: "accessibility-results"
        case .notFound: "404"
        }
    }

    /// The view type each page template receives (for the template linter).
    package static let contentTypes: [(template: String, type: any TemplateView.Type)] = [
        ("home", HomeView.self), ("page", StandalonePageView.self), ("plan", PlanPageView.self),
        ("policy", PolicyPageView.self), ("item", ItemPageView.self), ("report", ReportPageView.self),
        ("departments", DepartmentsPageView.self), ("department", DepartmentPageView.self), ("dataset", DatasetPageView.self),
        ("search", SearchPageView.self), ("accessibility", AccessibilityPolicyView.self),
        ("accessibility-results", AccessibilityResultsView.self), ("404", NotFoundView.self),
    ]

    private func build(_ page: PlannedPage) -> (PageMetaView, any TemplateView) {
        switch page.kind {
        case .home: return home(page)
        case .page(let offset): return standalone(page, offset)
        case .plan(let plan): return planPage(page, index.plans[plan])
        case .policy(let plan, let policy): return policyPage(page, index.plans[plan], policy)
        case .item(let plan, let item): return itemPage(page, index.plans[plan], item)
        case .report(let plan, let year): return reportPage(page, index.plans[plan], year)
        case .departments(let plan): return departmentsPage(page, index.plans[plan])
        case .department(let plan, let department): return departmentPage(page, index.plans[plan], department)
        case .dataset(let plan): return datasetPage(page, index.plans[plan])
        case .search: return searchPage(page)
        case .accessibility: return accessibilityPolicy(page)
        case .accessibilityResults: return accessibilityResults(page)
        case .notFound: return notFound(page)
        }
    }

    // MARK: Shared pieces

    func meta(
        _ page: PlannedPage, title: String, description: String?, trail: [LinkView], kind: String,
        plan planIndex: PlanIndex? = nil
    ) -> PageMetaView {
        let crumbs = [LinkView(title: "ホーム", url: links.href(SiteRoutes.home), isCurrent: page.route.isEmpty)]
            + trail + (page.route.isEmpty ? [] : [LinkView(title: title, url: links.href(page.route), isCurrent: true)])
        // A page of a plan names the plan in its <title>, so that a tab, a bookmark or a search
        // result says which city's 「令和6年度の進捗状況」 it is.
        var documentTitle = page.route.isEmpty ? index.config.title : "\(title) | \(index.config.title)"
        if let planIndex {
            let planTitle = PlanFormatter(plan: planIndex.plan).fullTitle
            // Searched for as UTF-8 bytes (Foundation's `contains` ran a locale-aware search per page).
            if title != planIndex.plan.title, !Self.contains(title, planTitle) {
                documentTitle = "\(title) | \(planTitle) | \(index.config.title)"
            }
        }
        return PageMetaView(
            title: title, documentTitle: documentTitle, description: description ?? index.config.description,
            canonicalURL: page.kind == .notFound ? nil : links.canonical(page.route), breadcrumbs: crumbs, kind: kind,
            feed: planIndex.flatMap(feed))
    }

    /// Whether `part` is in `text`, byte for byte in UTF-8.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { text in
            part.withUTF8 { part in
                guard part.count <= text.count else { return false }
                guard let first = part.first else { return true }
                var start = 0
                while start + part.count <= text.count {
                    if text[start] == first, text[start..<start + part.count].elementsEqual(part) { return true }
                    start += 1
                }
                return false
            }
        }
    }

    /// The plan's Atom feed, written when the site's origin is known.
    func feed(_ planIndex: PlanIndex) -> LinkView? {
        if let made = hrefs[planIndex.plan.slug] { return made.feed }
        return Self.feed(planIndex.plan, links: links, hasOrigin: index.config.baseURL.absolute("") != nil)
    }

    static func feed(_ plan: Plan, links: LinkMaker, hasOrigin: Bool) -> LinkView? {
        guard hasOrigin else { return nil }
        return LinkView(
            title: "\(PlanFormatter(plan: plan).fullTitle)の進捗状況", url: links.href(SiteRoutes.feed(plan.slug)))
    }

    /// Markdown placed under a heading of level `under`: its highest heading becomes the next
    /// level, whatever level the author wrote it at.
    func html(_ text: String?, under level: Int) -> String? {
        guard let text, !text.isBlank else { return nil }
        return markdown.html(text, topHeadingLevel: min(6, level + 1))
    }

    /// The plan's header (made once per plan, in `PlanHrefs`: every page of the plan shows it).
    func planHeader(_ planIndex: PlanIndex) -> PlanHeaderView {
        hrefs[planIndex.plan.slug]?.header ?? Self.planHeader(planIndex.plan, links: links)
    }

    static func planHeader(_ plan: Plan, links: LinkMaker) -> PlanHeaderView {
        var header = PlanHeaderView(
            city: plan.city, title: plan.title, subtitle: plan.subtitle, url: links.href(SiteRoutes.plan(plan.slug)),
            period: PlanFormatter(plan: plan).years(plan.period),
            periodYears: plan.period.length.map { "\($0)年間" }, summary: plan.summary)
        header.publishedMark = plan.publisher.publishedMark
        header.publisherOf = plan.publisher.kind.map { "\($0)の" } ?? ""
        return header
    }

    func planCrumb(_ planIndex: PlanIndex) -> LinkView {
        hrefs[planIndex.plan.slug]?.crumb ?? Self.planCrumb(planIndex.plan, links: links)
    }

    static func planCrumb(_ plan: Plan, links: LinkMaker) -> LinkView {
        LinkView(title: PlanFormatter(plan: plan).fullTitle, url: links.href(SiteRoutes.plan(plan.slug)))
    }

    /// Breadcrumbs for the policies above (and including) `policy`.
    func policyTrail(_ planIndex: PlanIndex, _ policy: Int, including: Bool) -> [LinkView] {
        let plan = planIndex.plan
        var chain: [Int] = []
        var current: Int? = including ? policy : plan.policies[policy].parent
        while let index = current {
            chain.insert(index, at: 0)
            current = plan.policies[index].parent
        }
        return chain.map {
            LinkView(title: plan.policies[$0].numberedTitle, url: policyHref(plan, $0))
        }
    }

    func tables(_ planIndex: PlanIndex) -> TableBuilder {
        TableBuilder(index: planIndex, links: links)
    }

    /// Rows of an items table, one per listing, in number order.
    /// True when some item of the plan names its department (otherwise the column is left out).
    func hasDepartments(_ planIndex: PlanIndex) -> Bool { !planIndex.departments.isEmpty }

    func itemRows(_ planIndex: PlanIndex, listings: [PlanIndex.ListingRef], year: FiscalYear?) -> [ItemRowView] {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let sorted: [PlanIndex.ListingRef]
        if let ranks = hrefs[plan.slug]?.listingRanks, ranks.count == plan.items.count {
            sorted = listings.sorted { ranks[$0.item][$0.listing] < ranks[$1.item][$1.listing] }
        } else {
            sorted = listings.sorted(by: Self.listingOrder(plan))
        }
        return sorted.map { ref in
            let item = plan.items[ref.item]
            let listing = item.listings[ref.listing]
            let result = item.latestGradedResult
            var chain: [Int] = []
            var current: Int? = listing.policy
            while let policy = current {
                chain.insert(policy, at: 0)
                current = plan.policies[policy].parent
            }
            var row = ItemRowView(
                number: listing.number, title: item.title, url: itemHref(plan, ref.item),
                isRelisting: listing.isRelisting, policy: plan.policies[listing.policy].numberedTitle,
                policyURL: policyHref(plan, listing.policy),
                departments: item.departments.joined(separator: "、"), grade: format.grade(result?.grade),
                gradeYear: result.flatMap { $0.year == year ? nil : format.year($0.year) },
                filterGrade: result?.grade.map { String($0) } ?? "none",
                filterPolicies: chain.map(String.init).joined(separator: " "),
                filterDepartments: planIndex.departmentsByItem[ref.item].map(String.init).joined(separator: " "))
            row.revision = revisionMark(plan, ref.item)
            return row
        }
    }

    /// Listings in number order (natural order of their numbers, then the item's order).
    static func listingOrder(_ plan: Plan) -> (PlanIndex.ListingRef, PlanIndex.ListingRef) -> Bool {
        { a, b in
            let first = plan.items[a.item].listings[a.listing].number
            let second = plan.items[b.item].listings[b.listing].number
            return first == second ? a.item < b.item : NaturalOrder.areInIncreasingOrder(first, second)
        }
    }

    /// The filters of a plan's item table: every grade, every policy (indented by level), every
    /// department.
    func itemFilters(_ planIndex: PlanIndex, tableID: String, rowCount: Int) -> ItemFilterView {
        let plan = planIndex.plan
        var grades = plan.grades.grades.enumerated().map { OptionView(value: String($0.offset), label: $0.element.spelledOut) }
        grades.append(OptionView(value: "none", label: "評価なし"))
        let policies = plan.policies.enumerated().map { offset, policy in
            OptionView(value: String(offset), label: String(repeating: "　", count: policy.level) + policy.numberedTitle)
        }
        let departments = planIndex.departments.enumerated().map { OptionView(value: String($0.offset), label: $0.element.name) }
        return ItemFilterView(
            tableID: tableID, grades: grades, policyHeading: plan.levelName(0), policies: policies, departments: departments,
            scriptURL: links.href(SiteRoutes.filterScript), total: "\(rowCount)件")
    }

    /// All listings of the plan.
    func allListings(_ planIndex: PlanIndex) -> [PlanIndex.ListingRef] {
        planIndex.plan.items.enumerated().flatMap { itemIndex, item in
            item.listings.indices.map { PlanIndex.ListingRef(item: itemIndex, listing: $0) }
        }
    }
}
