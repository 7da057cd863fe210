/// The site search page: a form that works without JavaScript by sending the query to this page
/// (`?q=`), where assets/search.js looks it up in search/index.json. Without JavaScript the page
/// says so and offers each plan's item list instead.
public struct SearchPageView: TemplateView {
    public let title: String
    /// What the search looks in.
    public let intro: String
    /// How a query is matched (several words: all of them).
    public let help: String
    /// The page's own address, the form's action.
    public let formAction: String
    public let indexURL: String
    public let scriptURL: String
    /// Shown when JavaScript is off.
    public let noScriptMessage: String
    /// Each plan's item list, to browse instead of searching.
    public let plans: [SearchPlanLinkView]

    public static let fields = FieldTable<SearchPageView>(
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
public struct SearchPlanLinkView: TemplateView {
    /// 「小平市 第3次行財政再構築プラン」
    public let title: String
    /// The plan page's item table ("/kodaira-3/#items").
    public let url: String
    /// 「12項目」
    public let itemCount: String

    public static let fields = FieldTable<SearchPlanLinkView>(
        "search plan link",
        [
            .text("title") { $0.title },
            .text("url") { $0.url },
            .text("itemCount") { $0.itemCount },
        ])
}
