import MierukaModel
import MierukaSite

extension ViewBuilder {
    func planPage(_ page: PlannedPage, _ planIndex: PlanIndex) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let tables = tables(planIndex)
        let gradeYear = planIndex.latestGradedYear
        let effectYear = planIndex.years.last { year in
            plan.declared(in: year)?.hasEffects == true
                || (planIndex.tallies[year]?.hasEffects ?? false)
        }
        let rows = plan.topLevelPolicies
        // One table per kind of the plan's amounts (単年度 / 継続), never one across kinds.
        let effectTables = effectYear.map { tables.effectTables(year: $0, rows: rows, rowHeading: plan.levelName(0)) } ?? []
        let effectByYears = tables.planEffectByYears()
        let itemsCaption =
            gradeYear.map { "取組項目の一覧（評価は\(format.year($0))）" } ?? "取組項目の一覧"
        let listingRows = itemRows(planIndex, listings: allListings(planIndex), year: gradeYear)
        var view = PlanPageView(
            plan: planHeader(planIndex), bodyHTML: html(plan.body, under: 2), policyLevel: plan.levelName(0),
            policies: rows.map { policyNode(planIndex, $0, withChildren: true) },
            lineage: lineageViews(plan), matrices: matrixViews(plan), timelines: timelineViews(plan),
            tables: tableViews(plan),
            highlights: highlightViews(
                planIndex.years.reversed().lazy.compactMap { plan.declared(in: $0) }.first { !$0.highlights.isEmpty },
                plan: plan, withYear: true),
            sources: plan.sources,
            reports: planIndex.years.reversed().map {
                LinkView(title: "\(format.year($0))の進捗状況", url: reportHref(plan, $0))
            },
            gradeTable: gradeYear.flatMap { tables.gradeTable(year: $0, rows: rows, rowHeading: plan.levelName(0)) },
            notesHTML: html(gradeYear.flatMap { plan.declared(in: $0)?.notes }, under: 2),
            effectTable: effectTables.first,
            effectByYear: effectByYears.first,
            items: ItemTableView(
                caption: itemsCaption, policyHeading: plan.levelName(0), showDepartments: hasDepartments(planIndex),
                rows: listingRows,
                filters: listingRows.count > 1
                    ? itemFilters(planIndex, tableID: "item-table", rowCount: listingRows.count) : nil),
            departmentsURL: planIndex.departments.isEmpty ? nil : links.href(SiteRoutes.departments(plan.slug)),
            dataURL: links.href(SiteRoutes.data(plan.slug)), feedURL: feed(planIndex)?.url,
            noResultsNote: planIndex.years.isEmpty && plan.reported.isEmpty ? "このサイトには、この計画の年度ごとの進捗状況を載せていません。" : nil)
        view.moreEffectTables = Array(effectTables.dropFirst())
        view.moreEffectByYears = Array(effectByYears.dropFirst())
        view.moneyTables = moneyTableViews(plan)
        view.achievements = achievementViews(plan)
        view.scale = scaleView(plan)
        view.axisScales = axisScaleViews(plan)
        view.planKPIs = planKPITableViews(plan)
        view.revisions = planRevisions(planIndex)
        let description = plan.summary ?? "\(plan.city)の\(plan.title)（\(format.years(plan.period))）の内容と進捗状況"
        return (meta(page, title: plan.title, description: description, trail: [], kind: "plan", plan: planIndex), view)
    }

    /// A policy for lists: its text and (optionally) its sub-policies.
    /// - Parameter onItsPage: the policy is the page's subject (its text sits under the h1).
    func policyNode(_ planIndex: PlanIndex, _ policy: Int, withChildren: Bool, onItsPage: Bool = false) -> PolicyNodeView {
        let plan = planIndex.plan
        let node = plan.policies[policy]
        let count = listingCount(planIndex, under: policy)
        return PolicyNodeView(
            number: node.number, title: node.title, numberedTitle: node.numberedTitle,
            url: links.href(SiteRoutes.policy(plan.slug, node.slug)), level: plan.levelName(node.level),
            descriptionHTML: html(node.description, under: onItsPage ? 1 : 3),
            children: withChildren ? node.children.map { policyNode(planIndex, $0, withChildren: true) } : [],
            itemCount: count > 0 ? PlanFormatter(plan: plan).items(count) : nil)
    }

    /// Listings directly under a policy or below it.
    func listingCount(_ planIndex: PlanIndex, under policy: Int) -> Int {
        let plan = planIndex.plan
        var count = planIndex.listingsByPolicy[policy].count
        for child in plan.policies[policy].children { count += listingCount(planIndex, under: child) }
        return count
    }

    func listings(_ planIndex: PlanIndex, under policy: Int) -> [PlanIndex.ListingRef] {
        let plan = planIndex.plan
        var refs = planIndex.listingsByPolicy[policy]
        for child in plan.policies[policy].children { refs += listings(planIndex, under: child) }
        return refs
    }

    func policyPage(_ page: PlannedPage, _ planIndex: PlanIndex, _ policy: Int) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let node = plan.policies[policy]
        let format = PlanFormatter(plan: plan)
        let gradeYear = planIndex.latestGradedYear
        let rows = node.children.isEmpty ? [policy] : node.children
        let rowHeading = node.children.isEmpty ? plan.levelName(node.level) : plan.levelName(node.level + 1)
        // The latest year with amounts under the policy: its tables, one per kind of amounts.
        let effectTables =
            planIndex.years.reversed().lazy.map {
                self.tables(planIndex).effectTables(year: $0, rows: rows, rowHeading: rowHeading, restrictTo: policy)
            }.first { !$0.isEmpty } ?? []
        var view = PolicyPageView(
            plan: planHeader(planIndex), policy: policyNode(planIndex, policy, withChildren: true, onItsPage: true),
            parent: node.parent.map {
                LinkView(title: plan.policies[$0].numberedTitle, url: links.href(SiteRoutes.policy(plan.slug, plan.policies[$0].slug)))
            },
            kpiTable: tables(planIndex).kpiTable(
                node.kpis, caption: "\(node.numberedTitle)の成果指標（KPI）", scope: "\(plan.slug)/policy/\(node.id)"),
            matrices: policyMatrixViews(plan, policy: policy),
            gradeTable: gradeYear.flatMap {
                tables(planIndex).gradeTable(year: $0, rows: rows, rowHeading: rowHeading, restrictTo: policy)
            },
            effectTable: effectTables.first,
            items: ItemTableView(
                caption: gradeYear.map { "\(node.numberedTitle)の取組項目（評価は\(format.year($0))）" }
                    ?? "\(node.numberedTitle)の取組項目",
                policyHeading: plan.levelName(node.level), showDepartments: hasDepartments(planIndex),
                rows: itemRows(planIndex, listings: listings(planIndex, under: policy), year: gradeYear)))
        view.moreEffectTables = Array(effectTables.dropFirst())
        let trail = [planCrumb(planIndex)] + policyTrail(planIndex, policy, including: false)
        let description = "\(format.fullTitle)の\(plan.levelName(node.level))「\(node.title)」"
        return (meta(page, title: node.numberedTitle, description: description, trail: trail, kind: "policy", plan: planIndex), view)
    }

    func departmentsPage(_ page: PlannedPage, _ planIndex: PlanIndex) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let view = DepartmentsPageView(
            plan: planHeader(planIndex),
            departments: planIndex.departments.map {
                DepartmentSummaryView(
                    name: $0.name, url: links.href(SiteRoutes.department(plan.slug, $0.slug)),
                    itemCount: format.items($0.items.count))
            })
        return (
            meta(page, title: "担当部局", description: "\(format.fullTitle)の担当部局別の取組", trail: [planCrumb(planIndex)], kind: "departments", plan: planIndex),
            view
        )
    }

    func departmentPage(_ page: PlannedPage, _ planIndex: PlanIndex, _ department: Int) -> (PageMetaView, any TemplateView) {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        let entry = planIndex.departments[department]
        let refs = entry.items.flatMap { itemIndex in
            plan.items[itemIndex].listings.indices.map { PlanIndex.ListingRef(item: itemIndex, listing: $0) }
        }
        let year = planIndex.latestGradedYear
        let view = DepartmentPageView(
            plan: planHeader(planIndex), name: entry.name,
            items: ItemTableView(
                caption: year.map { "\(entry.name)の取組項目（評価は\(format.year($0))）" } ?? "\(entry.name)の取組項目",
                policyHeading: plan.levelName(0), showDepartments: false, rows: itemRows(planIndex, listings: refs, year: year)))
        let trail = [
            planCrumb(planIndex), LinkView(title: "担当部局", url: links.href(SiteRoutes.departments(plan.slug))),
        ]
        return (
            meta(page, title: entry.name, description: "\(format.fullTitle)のうち\(entry.name)が担当する取組", trail: trail, kind: "department", plan: planIndex),
            view
        )
    }
}
