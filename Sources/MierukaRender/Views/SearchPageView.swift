/// The site search page: a form that works without JavaScript by sending the query to this page
/// (`?q=`), where assets/search.js looks it up in search/index.json. Without JavaScript the page
/// says so and offers each plan's item list instead.
package struct SearchPageView: TemplateView {
    package let title: String
    /// What the search looks in.
    package let intro: String
    /// How a query is matched (several words: all of them).
    package let help: String
    /// The page's own address, the form's action.
    package let formAction: String
    package let indexURL: String
    package let scriptURL: String
    /// Shown when JavaScript is off.
    package let noScriptMessage: String
    /// Each plan's item list, to browse instead of searching.
    package let plans: [SearchPlanLinkView]

    package static let fields = FieldTable<SearchPageView>(
        "search page",
        [
            .text("title") { $0.title },
            .text("intro") { $0.intro },
            .text("help") { $0.help },
            .text("formAction") { $0.formAction },
            .text("indexURL") { $0.indexURL },
            .text("scriptURL") { $0.scriptURL },
            .text("noScriptMessage") { $0.noScriptMessage },
            .list("plans", SearchPlanLinkView.self) { $0.plans },
            .flag("hasPlans") { !$0.plans.isEmpty },
        ])
}

/// A plan's item table, linked from the search page.
package struct SearchPlanLinkView: TemplateView {
    /// 「小平市 第3次行財政再構築プラン」
    package let title: String
    /// The plan page's item table ("/kodaira-3/#items").
    package let url: String
    /// 「12項目」
    package let itemCount: String

    package static let fields = FieldTable<SearchPlanLinkView>(
        "search plan link",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .text("itemCount") { $0.itemCount },
        ])
}
