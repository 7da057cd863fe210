import Foundation
import MierukaTestSupport
import Testing

/// The plan's criteria for its grades (評価の基準, `definition:`), as the base fixture's plan writes
/// them (made-up): shown on the plan page as written and escaped, carried in plan.json.
@Suite struct ScaleTests {
    @Test func thePlanPageShowsEachGradeWithItsCriterionAsWritten() throws {
        let (result, site) = try FidelityFixtureTests.build(nil)
        #expect(result.status == 0, "\(result.standardError)")
        let page = site.page("test-plan/index.html")
        #expect(page.contains("<h2 id=\"scale\">評価の区分</h2>"))
        #expect(page.contains("<caption>評価の区分と基準</caption>"))
        #expect(
            YearComparisonFixtureTests.rows(page, table: "scale") == [
                ["A", "計画を上回る", "達成率が100％を超える"],
                ["B", "概ね計画どおり", "達成率が80％以上100％以下 &lt;b&gt;"],
                ["C", "計画どおり進捗せず", "達成率が80％未満"],
                ["D", "進捗がほぼなし", "—"],
            ])
        let json = try JSONSerialization.jsonObject(with: Data(site.page("test-plan/data/plan.json").utf8)) as? [String: Any]
        let grades = try #require(json?["grades"] as? [[String: Any]])
        #expect(grades.map { $0["definition"] as? String } == ["達成率が100％を超える", "達成率が80％以上100％以下 <b>", "達成率が80％未満", nil])
    }

    @Test func aPlanWithoutCriteriaHasNoSuchSection() throws {
        let (_, site) = try FidelityFixtureTests.build("states")
        #expect(!site.page("test-plan/index.html").contains("id=\"scale\""))
    }
}
