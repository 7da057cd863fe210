import Foundation
import MierukaServe
import Testing

/// The dependency rules of serve's rebuilds, page kind by page kind: the pages a change renders
/// are those that can show it, and the site served after it is the site `mieruka build` writes.
@Suite struct PageSelectionTests {
    static let item3 = "content/test-plan/003.md"
    static let plan = "content/test-plan/_index.md"
    static let settingsPages = ["accessibility/", "accessibility/results/", "404.html"]

    /// Builds the fixture, makes one change and rebuilds; returns the routes rendered.
    func renderedRoutes(
        _ paths: Set<String>, _ change: (ServeTestSite) throws -> Void,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (routes: [String], isFull: Bool) {
        let site = try ServeTestSite()
        try #require(site.builder.build().status == .built)
        try change(site)
        let outcome = site.builder.build(changed: paths)
        try #require(outcome.status == .built, "\(outcome.formatted)", sourceLocation: sourceLocation)
        try site.expectServedEqualsBuild("\(paths)", sourceLocation: sourceLocation)
        return (outcome.renderedRoutes, outcome.isFull)
    }

    @Test func anItemsTitleRendersItsPlansPagesThatShowItAndNotTheSearchOrSettingsPages() throws {
        let (routes, isFull) = try renderedRoutes([Self.item3]) {
            try $0.edit(Self.item3, replacing: "title: 基金の確保", with: "title: 基金の確保と活用")
        }
        #expect(!isFull)
        // home, plan, the item, its policy, the plan's open-data page, departments pages, reports.
        #expect(routes.contains(""))
        #expect(routes.contains("test-plan/"))
        #expect(routes.contains("test-plan/003/"))
        #expect(routes.contains("test-plan/data/"))
        #expect(routes.contains { $0.hasPrefix("test-plan/policies/") })
        #expect(!routes.contains("test-plan/002/"), "another item's page does not show it")
        #expect(!routes.contains("search/"), "the search page lists plans and their numbers of items only")
        #expect(!routes.contains("about/"), "a standalone page does not show items")
        for page in Self.settingsPages { #expect(!routes.contains(page), "\(page) shows the settings only") }
    }

    @Test func anItemAddedRendersTheSearchPage() throws {
        let (routes, _) = try renderedRoutes(["content/test-plan/004.md"]) {
            try $0.work.write("content/test-plan/004.md", "---\nnumber: 4\ntitle: 新しい取組\npolicy: \"3\"\n---\n本文。\n")
        }
        #expect(routes.contains("search/"), "the search page counts the plan's items")
        #expect(routes.contains("test-plan/004/"))
        for page in Self.settingsPages { #expect(!routes.contains(page)) }
    }

    @Test func thePlansDocumentRendersEveryPageOfThePlanTheHomeAndSearchPages() throws {
        let (routes, isFull) = try renderedRoutes([Self.plan]) {
            try $0.edit(Self.plan, replacing: "subtitle: テスト用の架空データ", with: "subtitle: テスト用の架空データ（改訂）")
        }
        #expect(!isFull)
        #expect(routes.contains(""))
        #expect(routes.contains("search/"), "the search page names each plan")
        #expect(routes.contains("test-plan/002/"))
        #expect(routes.contains("test-plan/003/"))
        #expect(!routes.contains("about/"))
        for page in Self.settingsPages { #expect(!routes.contains(page)) }
    }

    @Test func aStandalonePageOrTheHomePageRendersItselfOnly() throws {
        let about = try renderedRoutes(["content/about.md"]) {
            try $0.edit("content/about.md", replacing: "すべて架空の数値です。", with: "すべて架空の数値です（改）。")
        }
        #expect(about.routes == ["about/"])
        let home = try renderedRoutes(["content/_index.md"]) {
            try $0.edit("content/_index.md", replacing: "架空のデータです。", with: "架空のデータです（更新）。")
        }
        #expect(home.routes == [""])
    }

    @Test func aResultInSeedsRendersNoSearchNorSettingsPage() throws {
        let seeds = "seeds/test-plan/R6.yml"
        let (routes, _) = try renderedRoutes([seeds]) {
            try $0.edit(seeds, replacing: "    grade: C", with: "    grade: B")
        }
        #expect(routes.contains { $0.hasPrefix("test-plan/reports/") })
        #expect(!routes.contains("search/"))
        #expect(!routes.contains("about/"))
        for page in Self.settingsPages { #expect(!routes.contains(page)) }
    }

    @Test func theSettingsRenderEveryPageTheAccessibilityPagesIncluded() throws {
        let (routes, isFull) = try renderedRoutes(["mieruka.yml"]) {
            try $0.edit("mieruka.yml", replacing: "publisher: 架空市 企画部", with: "publisher: 架空市 総務部")
        }
        #expect(isFull)
        for page in Self.settingsPages + ["search/", "about/", ""] { #expect(routes.contains(page)) }
    }
}
