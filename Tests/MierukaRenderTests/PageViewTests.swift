import MierukaTestSupport
import Testing

/// What the default pages show, for a made-up plan.
@Suite struct PageViewTests {
    let files: [String: String] = [
        "mieruka.yml": "title: テスト\nbase_url: https://example.test/sub/\n",
        "content/p/_index.md": InMemorySite.plan.replacingOccurrences(
            of: "---\n本文",
            with: """
                declared:
                  - year: R6
                    listings: 9
                    relisted: 1
                    grades:
                      - {policy: "1", counts: {A: 2, B: 3, C: 1}}
                      - {policy: "2", counts: {A: 0, B: 2, C: 1}}
                ---
                本文
                """),
        "content/p/a.md": InMemorySite.item(
            "1", extra: "relisted:\n  - {number: 8, policy: \"2\"}\nresults:\n  - {year: R6, grade: C}\n"),
        "content/p/b.md": InMemorySite.item("2", extra: "results:\n  - {year: R5, grade: A}\n"),
    ]

    @Test func planPageShowsThePublishedTableWithItsCoverage() {
        let site = RenderTestSite(files)
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics.all)")
        let html = site.html("p/")
        #expect(html.contains("評価の分布（令和6年度・公表値）"))
        #expect(html.contains("全9項目（うち再掲1項目）。9項目中2項目を掲載しています"))
        // Item 2 was last graded in R5: its row says so.
        #expect(html.contains("（令和5年度）"))
        // Relisting row is marked.
        #expect(html.contains("（再掲）"))
    }

    @Test func linksUseTheBaseURLPath() {
        let html = RenderTestSite(files).html("p/a/")
        #expect(html.contains("href=\"/sub/p/policies/1-1/\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.test/sub/p/a/\">"))
    }

    @Test func reportPageGroupsItemsByGrade() {
        let html = RenderTestSite(files).html("p/reports/2024/")
        #expect(html.contains("全9項目（うち再掲1項目）の取組のうち、2項目が「良い」、5項目が「普通」、2項目が「遅れ」でした。このページでは、そのうち2項目の詳細を掲載しています。"))
        #expect(html.contains("<h2 id=\"grade-C\">C 遅れ（1項目）</h2>"))
        #expect(html.contains("No.1・8"))
    }

    /// The sentence counts the graded listings, so its 再掲 counts the graded 再掲 listings only: item 1
    /// (listed twice) has no grade in R5, so R5's two graded listings hold no 再掲.
    @Test func reportSentenceCountsOnlyGradedRelistings() {
        var site = files
        site["content/p/b.md"] = InMemorySite.item("2", extra: "results:\n  - {year: R5, grade: A}\n")
        site["content/p/c.md"] = InMemorySite.item("3", extra: "results:\n  - {year: R5, grade: B}\n")
        let html = RenderTestSite(site).html("p/reports/2023/")
        #expect(html.contains("全2項目の取組のうち、1項目が「良い」、1項目が「普通」、0項目が「遅れ」でした。"), "\(html)")
        #expect(!html.contains("全2項目（うち再掲"))
        // Graded in R6, the relisting counts: both listings are in the sentence.
        var graded = site
        graded["content/p/a.md"] = InMemorySite.item(
            "1", extra: "relisted:\n  - {number: 8, policy: \"2\"}\nresults:\n  - {year: R5, grade: C}\n")
        #expect(RenderTestSite(graded).html("p/reports/2023/").contains("全4項目（うち再掲1項目）の取組のうち"))
    }

    @Test func planWithoutResultsSaysSo() {
        var noResults = files
        noResults["content/p/_index.md"] = InMemorySite.plan
        noResults["content/p/a.md"] = InMemorySite.item("1")
        noResults["content/p/b.md"] = nil
        let html = RenderTestSite(noResults).html("p/")
        #expect(html.contains("このサイトには、この計画の年度ごとの進捗状況を載せていません。"))
        #expect(!html.contains("公表されていません"), "Mieruka cannot know what a city has not published")
        #expect(!html.contains("評価の分布"))
    }

    @Test func missingValuesDoNotBorrowFromEnclosingViews() throws {
        // The total row of a grade table has no url; the enclosing plan summary does. A template
        // asking for the row's url must get nothing, not the plan's address.
        let site = RenderTestSite(
            files,
            templates: [
                "home": "{{<layout}}{{$main}}{{#plans}}{{#grades}}{{#total}}[{{url}}]{{/total}}{{/grades}}{{/plans}}{{/main}}{{/layout}}"
            ])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics.all)")
        #expect(site.html("").contains("[]"))
    }
}
