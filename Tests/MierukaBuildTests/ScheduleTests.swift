import Foundation
import MierukaTestSupport
import Testing

/// An item's schedule (取組の工程, `schedule:`), as the base fixture's item 2 writes it (made-up
/// data): R5 検討, R6 試行, R7～R9 実施, with a graded result in R6.
@Suite struct ScheduleTests {
    @Test func theItemPageShowsEachStepAsWrittenWithTheResultsOfItsYears() throws {
        let (result, site) = try FidelityFixtureTests.build(nil)
        #expect(result.status == 0, "\(result.standardError)")
        let page = site.page("test-plan/002/index.html")
        #expect(page.contains("<h2 id=\"schedule\">取組の工程</h2>"))
        #expect(page.contains("<caption>取組の工程（計画）と各年度の評価</caption>"))
        #expect(page.contains("<th scope=\"col\">工程（計画）</th>"))
        #expect(
            YearComparisonFixtureTests.rows(page, table: "schedule") == [
                ["令和5年度", "検討", "—"],
                ["令和6年度", "試行", "令和6年度 C 計画どおり進捗せず"],
                ["令和7年度～令和9年度", "実施", "—"],
            ])
        // An item without a schedule has no such section.
        #expect(!site.page("test-plan/003/index.html").contains("id=\"schedule\""))
    }

    @Test func planJSONCarriesTheScheduleForEveryItem() throws {
        let (_, site) = try FidelityFixtureTests.build(nil)
        let json = try JSONSerialization.jsonObject(with: Data(site.page("test-plan/data/plan.json").utf8)) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        let item2 = try #require(items.first { $0["number"] as? String == "2" })
        let steps = try #require(item2["schedule"] as? [[String: Any]])
        #expect(steps.map { $0["step"] as? String } == ["検討", "試行", "実施"])
        #expect(steps.map { ($0["years"] as? [String: Int])?["first"] } == [2023, 2024, 2025])
        #expect(steps.map { ($0["years"] as? [String: Int])?["last"] } == [2023, 2024, 2027])
        let item3 = try #require(items.first { $0["number"] as? String == "3" })
        #expect((item3["schedule"] as? [Any])?.isEmpty == true)
    }
}
