import Foundation
import MierukaTestSupport
import Testing

/// Two item levels (項目 with 細目): the base fixture's item 3 has two sub-items, and in
/// Tests/Fixtures/fidelity/subitems its R6 result gives each a grade (made-up data). Counts stay
/// those of the items' listings. (The base fixture has no sub-item results: results.csv does not
/// carry them, and OpenDataRoundTripTests rebuilds the base site from it.)
@Suite struct SubItemTests {
    @Test func theItemPageListsItsSubItemsAndEachYearsResultsForThem() throws {
        let (result, site) = try FidelityFixtureTests.build("subitems")
        #expect(result.status == 0, "\(result.standardError)")
        let page = site.page("test-plan/003/index.html")
        #expect(page.contains("<h2 id=\"subitems\">細目</h2>"))
        // The number of 細目 is of those on the site, counted by Mieruka, and marked so.
        #expect(page.contains("<caption>細目の一覧（掲載している2細目） <span class=\"derived-mark\">集計</span></caption>"))
        #expect(
            YearComparisonFixtureTests.rows(page, table: "subitem-list") == [
                ["1", "基金の運用方針の策定", "—"], ["2", "&lt;特定目的基金&gt;の整理", "財務部"],
            ])
        #expect(page.contains("<caption>細目の評価（令和6年度）</caption>"))
        // In the item's order of sub-items, whatever the order the result gives them in.
        #expect(
            YearComparisonFixtureTests.rows(page, table: "subitem-results") == [
                ["1", "基金の運用方針の策定", "A 計画を上回る", "—"],
                ["2", "&lt;特定目的基金&gt;の整理", "B 概ね計画どおり", "対象の基金を洗い出した。"],
            ])
        #expect(!page.contains("<特定目的基金>"))
        // An item without sub-items shows neither table.
        #expect(!site.page("test-plan/002/index.html").contains("subitem"))
        // The year's counts are the items' listings: sub-item grades are not counted (the year
        // report's bytes are checked against Tests/Fixtures/base-expected by FixtureSiteTests).
        #expect(!site.page("test-plan/reports/2024/index.html").contains("細目"))
    }

    @Test func planJSONCarriesSubItemsAndTheirResults() throws {
        let (_, site) = try FidelityFixtureTests.build("subitems")
        let json = try JSONSerialization.jsonObject(with: Data(site.page("test-plan/data/plan.json").utf8)) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        let item3 = try #require(items.first { $0["number"] as? String == "3" })
        let subitems = try #require(item3["subitems"] as? [[String: Any]])
        #expect(subitems.map { $0["title"] as? String } == ["基金の運用方針の策定", "<特定目的基金>の整理"])
        #expect(subitems.map { ($0["departments"] as? [String]) ?? [] } == [[], ["財務部"]])
        let results = try #require(item3["results"] as? [[String: Any]])
        let r6 = try #require(results.first { $0["year"] as? Int == 2024 })
        let given = try #require(r6["subitems"] as? [[String: Any]])
        #expect(given.map { $0["number"] as? String } == ["1", "2"])
        #expect(given.map { $0["grade"] as? String } == ["A", "B"])
        // An item without sub-items has an empty list, and its results no subitems key.
        let item2 = try #require(items.first { $0["number"] as? String == "2" })
        #expect((item2["subitems"] as? [Any])?.isEmpty == true)
        #expect((item2["results"] as? [[String: Any]])?.allSatisfy { $0["subitems"] == nil } == true)
    }
    /// An item's published number of 細目 (`subitem_count:`, made-up in
    /// Tests/Fixtures/fidelity/subitem-count): shown as published beside the list's count, which
    /// stays Mieruka's; an item with none of its 細目 on the site shows the number alone.
    @Test func thePublishedNumberOfSubItemsIsShownBesideTheSitesCount() throws {
        let (result, site) = try FidelityFixtureTests.build("subitem-count")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let page = site.page("test-plan/003/index.html")
        #expect(page.contains(
            "<p class=\"published-count\">この取組項目の細目の数：3細目 <span class=\"declared-mark\">市の公表値</span>（下の一覧は、このサイトに掲載している細目です）</p>"))
        #expect(page.contains("<caption>細目の一覧（掲載している2細目） <span class=\"derived-mark\">集計</span></caption>"))
        let alone = site.page("test-plan/002/index.html")
        #expect(alone.contains(
            "<p class=\"published-count\">この取組項目の細目の数：4細目 <span class=\"declared-mark\">市の公表値</span>（このサイトには細目を掲載していません）</p>"))
        #expect(!alone.contains("subitem-list"))
        let json = try JSONSerialization.jsonObject(with: Data(site.page("test-plan/data/plan.json").utf8)) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        #expect(items.first { $0["number"] as? String == "3" }?["subitem_count"] as? Int == 3)
        #expect(items.first { $0["number"] as? String == "2" }?["subitem_count"] as? Int == 4)
        #expect(items.first { $0["number"] as? String == "1" }?["subitem_count"] == nil)
        // The data page's dictionary of plan.json names the key, only for a plan that has it.
        #expect(site.page("test-plan/data/index.html").contains("<code>items[].subitem_count</code>"))
        let (_, base) = try FidelityFixtureTests.build(nil)
        #expect(!base.page("test-plan/data/index.html").contains("subitem_count"))
    }

    /// `check` warns when the site lists more 細目 than the city publishes, at the number; a number
    /// that is not one is an error naming the key's place.
    @Test func checkWarnsWhenTheSiteListsMoreSubItemsThanPublished() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/subitem-count"), onto: work.path)
        let path = work.path + "/content/test-plan/003.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "subitem_count: 3細目", with: "subitem_count: 1細目").write(toFile: path, atomically: true, encoding: .utf8)
        let warned = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(warned.standardError.contains(
            "content/test-plan/003.md:7:16: warning: the item 3 lists 2 細目, more than the 1 the city publishes (subitem_count:)"),
            "\(warned.standardError)")
        try text.replacingOccurrences(of: "subitem_count: 3細目", with: "subitem_count: 3項目").write(toFile: path, atomically: true, encoding: .utf8)
        let failed = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("content/test-plan/003.md:7:16: error: \"3項目\" is not a number of 細目"), "\(failed.standardError)")
        #expect(failed.standardError.contains("write the number of 細目 the city publishes for the item"))
    }
}
