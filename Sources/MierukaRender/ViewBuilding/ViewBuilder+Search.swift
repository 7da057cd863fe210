import MierukaModel
import MierukaSite

extension ViewBuilder {
    func searchPage(_ page: PlannedPage) -> (PageMetaView, any TemplateView) {
        let plans = index.plans.filter { !$0.plan.items.isEmpty }.map { planIndex in
            let format = PlanFormatter(plan: planIndex.plan)
            return SearchPlanLinkView(
                title: format.fullTitle, url: links.href(SiteRoutes.plan(planIndex.plan.slug)) + "#items",
                itemCount: format.items(planIndex.plan.items.count))
        }
        let title = "サイト内検索"
        let view = SearchPageView(
            title: title,
            intro: "取組項目の名前、担当、成果指標と、各年度の進捗状況・要因・今後の対応の文章、"
                + "計画・施策・年度ごとの進捗状況と各ページの本文から探します。",
            help: "語をスペースで区切ると、すべての語を含むページを探します。",
            formAction: links.href(SiteRoutes.search), indexURL: links.href(SiteRoutes.searchIndex),
            scriptURL: links.href(SiteRoutes.searchScript),
            noScriptMessage: "検索には JavaScript を使います。お使いのブラウザーでは JavaScript が無効になっているため、検索できません。"
                + "下の「計画ごとの取組項目」から、計画の取組項目の一覧をご覧ください。",
            plans: plans)
        return (
            meta(page, title: title, description: "\(index.config.title)の計画・取組項目・ページを検索します。", trail: [], kind: "search"),
            view
        )
    }
}
