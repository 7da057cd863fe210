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
        // Status axes without criteria have no table either.
        let (_, axes) = try FidelityFixtureTests.build("status-axes")
        #expect(!axes.page("test-plan/index.html").contains("id=\"scale\""))
    }

    /// A status axis's criteria (着手状況's 未着手: 「…」, as a report defines its 着手の状況) are shown
    /// too, one table per axis that writes them, even when the plan's own grades have none; before,
    /// they reached plan.json only. Made-up fixture `axis-criteria`.
    @Test func eachStatusAxisWithCriteriaHasItsTable() throws {
        let (result, site) = try FidelityFixtureTests.build("axis-criteria")
        #expect(result.status == 0, "\(result.standardError)")
        let page = site.page("test-plan/index.html")
        #expect(page.contains("<h2 id=\"scale\">評価の区分</h2>"))
        #expect(!page.contains("<caption>評価の区分と基準</caption>"), "the plan's own grades have no criteria")
        #expect(
            Self.rows(page, caption: "着手状況の区分と基準") == [
                ["未着手", "検討を始めていないもの &lt;b&gt;"],
                ["取組中", "実施内容に基づき着手しているもの"],
                ["完了", "—"],
            ])
        #expect(
            Self.rows(page, caption: "達成度の区分と基準") == [
                ["A", "達成", "—"],
                ["B", "一部達成", "—"],
                ["C", "未達成", "—"],
                ["", "目標年度が未到来（評価の対象外）", "目標年度が来ていないもの"],
            ])
    }

    /// The body rows of the table with this caption.
    static func rows(_ html: String, caption: String) -> [[String]] {
        guard let start = html.range(of: "<caption>\(caption)</caption>"),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex),
            let body = html.range(of: "<tbody>", range: start.upperBound..<end.lowerBound)
        else { return [] }
        return YearComparisonFixtureTests.bodyRows(html[body.upperBound..<end.lowerBound])
    }
}
