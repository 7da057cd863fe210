import MierukaModel
import MierukaSite

extension ViewBuilder {
    func home(_ page: PlannedPage) -> (PageMetaView, any TemplateView) {
        var itemTotal = 0
        let plans = index.plans.map { planIndex -> PlanSummaryView in
            itemTotal += listingCount(planIndex) ?? 0
            let plan = planIndex.plan
            let format = PlanFormatter(plan: plan)
            let year = planIndex.latestGradedYear
            let table = year.flatMap {
                tables(planIndex).gradeTable(year: $0, rows: plan.topLevelPolicies, rowHeading: plan.levelName(0))
            }
            var summary = PlanSummaryView(
                city: plan.city, title: plan.title, subtitle: plan.subtitle, url: links.href(SiteRoutes.plan(plan.slug)),
                period: format.years(plan.period), summary: plan.summary, itemCount: itemCountText(planIndex),
                policyCount: plan.topLevelPolicies.isEmpty ? nil : "\(plan.levelName(0)) \(plan.topLevelPolicies.count)",
                latestYear: table != nil ? year.map { format.year($0, asOf: plan.declared(in: $0)?.asOf) } : nil, grades: table,
                reportURL: table != nil ? year.map { links.href(SiteRoutes.report(plan.slug, year: $0.year)) } : nil)
            summary.publishedMark = plan.publisher.publishedMark
            return summary
        }
        // The home document's own title heads the page (and its <title>, with the site's) when it has one.
        let heading = index.merged.home?.title ?? index.config.title
        var meta = meta(
            page, title: heading, description: index.merged.home?.summary ?? index.config.description, trail: [],
            kind: "home")
        if heading != index.config.title { meta = meta.titled("\(heading) | \(index.config.title)") }
        // The sum over plans is Mieruka's: each plan's published count of items where it has one,
        // else the items on the site. The sentence says so.
        let totals =
            plans.isEmpty
            ? nil
            : "掲載している計画 \(NumberGrouping.format(plans.count))件、取組項目 計\(NumberGrouping.format(itemTotal))項目"
                + "（各計画の公表された項目数、公表のない計画は掲載している項目数を Mieruka が合計）"
        return (meta, HomeView(heading: heading, introHTML: html(index.merged.home?.body, under: 1), plans: plans, totals: totals))
    }

    /// The listings a plan counts: the published number, else its items' listings.
    func listingCount(_ planIndex: PlanIndex) -> Int? {
        let plan = planIndex.plan
        if let year = planIndex.latestYear, let listings = plan.declared(in: year)?.totalListings { return listings }
        let listings = plan.items.reduce(0) { $0 + $1.listings.count }
        return listings > 0 ? listings : nil
    }

    /// 「取組項目 43項目（うち再掲2項目）」 from the published count, else 「掲載している取組項目 4項目」
    /// from the items on the site: a plan whose items are only partly transcribed (米子市's 4 of
    /// 118) must not be read as having that many.
    func itemCountText(_ planIndex: PlanIndex) -> String? {
        let plan = planIndex.plan
        let format = PlanFormatter(plan: plan)
        if let year = planIndex.latestYear, let declared = plan.declared(in: year), let listings = declared.totalListings {
            var text = "取組項目 \(format.items(listings))"
            if let relisted = declared.relisted, relisted > 0 { text += "（うち再掲\(format.items(relisted))）" }
            return text
        }
        let listings = plan.items.reduce(0) { $0 + $1.listings.count }
        guard listings > 0 else { return nil }
        let relisted = listings - plan.items.count
        var text = "掲載している取組項目 \(format.items(listings))"
        if relisted > 0 { text += "（うち再掲\(format.items(relisted))）" }
        return text
    }

    func standalone(_ page: PlannedPage, _ offset: Int) -> (PageMetaView, any TemplateView) {
        let document = index.merged.pages[offset]
        let meta = meta(page, title: document.title, description: document.summary, trail: [], kind: "page")
        return (meta, StandalonePageView(title: document.title, bodyHTML: html(document.body, under: 1) ?? ""))
    }

    func notFound(_ page: PlannedPage) -> (PageMetaView, any TemplateView) {
        let meta = meta(page, title: "ページが見つかりません", description: nil, trail: [], kind: "not-found")
        return (
            meta,
            NotFoundView(message: "お探しのページは見つかりませんでした。移動または削除された可能性があります。")
        )
    }
}
