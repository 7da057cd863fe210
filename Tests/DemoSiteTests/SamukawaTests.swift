import MierukaModel
import MierukaRender
import Testing

/// 寒川町「第5次行政改革大綱・実施計画」の総括, as the demo site shows it: an achievement count over
/// the stated 20 items and the effect against its target, both for the three years together.
@Suite struct SamukawaTests {
    let site = DemoSite.shared

    @Test func theSummaryIsExactlyAsPublished() throws {
        let plan = try #require(site.page("samukawa-5/", as: PlanPageView.self))
        #expect(plan.policies.map(\.numberedTitle) == ["1 簡素で効率的な行財政運営の推進", "2 町民との関わりを重視した行政の推進"])
        let achievement = try #require(plan.achievements.first)
        #expect(achievement.title == "取り組み項目数における達成度")
        #expect(achievement.years == "平成24年度～平成26年度")
        #expect(achievement.rows.map { [$0.label] + $0.cells } == [["達成", "16", "80%"]])
        #expect(achievement.total.cells == ["20", "—"])
        let money = try #require(plan.moneyTables.first)
        #expect(money.headings == ["目標額", "効果額", "達成率"])
        #expect(money.rows.map { [$0.label] + $0.cells } == [["3年間の取り組み結果", "5億4,900万円", "6億9,499万円", "126.6%"]])
        #expect(money.spanNote == "この表は平成24年度～平成26年度の期間についての公表値で、単年度の数値ではありません。")
        // Published figures only: no grade table, no effect table of Mieruka's, no yearly report.
        #expect(plan.gradeTable == nil)
        #expect(plan.effectTable == nil)
        #expect(plan.reports.isEmpty)
    }
}
