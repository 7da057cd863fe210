import MierukaModel
import MierukaSite

extension ViewBuilder {
    /// 「細目」: the item's sub-items as the plan lists them. The number in the caption is of the
    /// sub-items on the site, which Mieruka counts (a plan may transcribe only some of an item's
    /// 細目, as 米子市's does): 「掲載している2細目」, marked 集計 by the template. The number the city
    /// publishes (`subitem_count:`) is shown beside it as published, the list or not.
    func subItemList(_ item: Item, plan: Plan) -> SubItemListView? {
        guard !item.subitems.isEmpty || item.publishedSubitemCount != nil else { return nil }
        let hasDepartments = item.subitems.contains { !$0.departments.isEmpty }
        var view = SubItemListView(
            caption: "細目の一覧（掲載している\(item.subitems.count)細目）",
            rows: item.subitems.map {
                SubItemRowView(
                    number: $0.number, title: $0.title, departments: $0.departments.isEmpty ? "—" : $0.departments.joined(separator: "、"),
                    hasDepartments: hasDepartments)
            },
            hasDepartments: hasDepartments)
        view.publishedCount = item.publishedSubitemCount.map { "\($0.value)細目" }
        view.publishedMark = plan.publisher.publishedMark
        return view
    }

    /// 「細目の評価（令和6年度）」: the sub-items' results the year gives, as given.
    func subItemResults(_ result: YearResult, item: Item, plan: Plan) -> SubItemResultsView? {
        guard !result.subitems.isEmpty else { return nil }
        let format = PlanFormatter(plan: plan)
        return SubItemResultsView(
            caption: "細目の評価（\(format.year(result.year))）",
            rows: result.subitems.compactMap { subResult in
                guard subResult.subitem < item.subitems.count else { return nil }
                let subItem = item.subitems[subResult.subitem]
                return SubItemResultRowView(
                    number: subItem.number, title: subItem.title,
                    value: gradeOrState(plan, grade: subResult.grade, state: subResult.state),
                    progressHTML: html(subResult.progress, under: 4))
            })
    }
}
