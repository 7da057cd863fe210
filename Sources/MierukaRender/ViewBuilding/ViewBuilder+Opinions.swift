import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// A year's opinions: those on the year's results as a whole first, then those on items in the
    /// plan's item order, each in the order the plan lists them.
    func yearOpinions(_ planIndex: PlanIndex, year: FiscalYear) -> [OpinionView] {
        let plan = planIndex.plan
        return plan.opinionsInReportOrder.filter { $0.year == year }.map { opinion in
            let item = opinion.item.map { index -> LinkView in
                let item = plan.items[index]
                let number = item.listings.first.map { "No.\($0.number) " } ?? ""
                return LinkView(title: number + item.title, url: links.href(SiteRoutes.item(plan.slug, item.slug)))
            }
            return view(opinion, withYear: false, item: item, plan: plan)
        }
    }

    /// An item's opinions, latest year first.
    func itemOpinions(_ planIndex: PlanIndex, _ itemIndex: Int) -> [OpinionView] {
        let plan = planIndex.plan
        return plan.opinions.enumerated().filter { $0.element.item == itemIndex }
            .sorted { ($1.element.year, $0.offset) < ($0.element.year, $1.offset) }
            .map { view($0.element, withYear: true, item: nil, plan: plan) }
    }

    private func view(_ opinion: CommitteeOpinion, withYear: Bool, item: LinkView?, plan: Plan) -> OpinionView {
        var heading = opinion.by + (opinion.date.map { "（\($0)）" } ?? "")
        if withYear { heading = PlanFormatter(plan: plan).year(opinion.year) + "　" + heading }
        return OpinionView(
            heading: heading, item: item, html: html(opinion.text, under: 3) ?? "", source: opinion.source)
    }
}
