import MierukaTestSupport
import Testing

/// The site search's page and the search box of every page's header.
@Suite struct SearchPageTests {
    let files: [String: String] = [
        "mieruka.yml": "title: テスト\nbase_url: /sub/\n",
        "content/p/_index.md": InMemorySite.plan,
        "content/p/a.md": InMemorySite.item("1"),
        "content/q/_index.md": InMemorySite.plan.replacingOccurrences(of: "架空の計画", with: "項目のない計画"),
    ]

    @Test func everyPageHasALabelledSearchBoxThatSendsItsQueryToTheSearchPage() {
        let site = RenderTestSite(files)
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics.all)")
        for route in ["", "p/", "p/a/", "search/"] {
            let html = site.html(route)
            #expect(html.contains("<form class=\"site-search\" role=\"search\" aria-label=\"サイト内検索\" action=\"/sub/search/\" method=\"get\">"), "\(route)")
            #expect(html.contains("<label for=\"site-search-query\">サイト内検索</label>"), "\(route)")
            #expect(html.contains("<input type=\"search\" id=\"site-search-query\" name=\"q\">"), "\(route)")
        }
    }

    @Test func theSearchPageWorksWithoutJavaScriptByOfferingTheItemLists() {
        let html = RenderTestSite(files).html("search/")
        #expect(html.contains("<h1>サイト内検索</h1>"))
        #expect(html.contains("action=\"/sub/search/\" method=\"get\" data-index-url=\"/sub/search/index.json\""))
        #expect(html.contains("<noscript>\n<p class=\"notice\">検索には JavaScript を使います。"))
        #expect(html.contains("<p id=\"search-status\" class=\"search-status\" role=\"status\"></p>"))
        // Only plans with items are offered, each linking to its item table.
        #expect(html.contains("<li><a href=\"/sub/p/#items\">架空市 架空の計画</a>（1項目）</li>"))
        #expect(!html.contains("項目のない計画"))
        #expect(html.contains("<script src=\"/sub/assets/search.js\" defer></script>"))
    }
}
