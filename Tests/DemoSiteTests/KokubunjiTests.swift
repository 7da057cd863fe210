import MierukaRender
import Testing

/// 国分寺市's 第四次行政改革大綱, as the demo site shows it from the city's stored pages: the plan and
/// the figures its 平成28年度 達成状況 page gives before the stored copy breaks off. The 達成率 per
/// item are not in the stored copy, so the site shows no table and derives nothing.
@Suite struct KokubunjiTests {
    let site = DemoSite.shared

    @Test func theFiguresTheStoredPageGivesAreInTheCitysWords() throws {
        let plan = try #require(site.page("kokubunji-4/", as: PlanPageView.self))
        #expect(plan.plan.city == "国分寺市")
        #expect(plan.plan.period.hasPrefix("平成24年度～平成28年度"))
        let body = try #require(plan.bodyHTML)
        for figure in ["約2億円の増", "92.9%", "2.0ポイント", "約7億円増えて約44億円", "平成24年5月"] {
            #expect(body.contains(figure), "\(figure)")
        }
        #expect(body.contains("委員会の総括の途中で切れています"))
    }

    @Test func nothingIsTabledOrDerived() throws {
        let plan = try #require(site.page("kokubunji-4/", as: PlanPageView.self))
        #expect(plan.gradeTable == nil && plan.effectTable == nil && plan.moneyTables.isEmpty && plan.achievements.isEmpty)
        #expect(plan.noResultsNote == "このサイトには、この計画の年度ごとの進捗状況を載せていません。")
        #expect(site.diagnostics.all.filter { $0.location.file.hasPrefix("content/kokubunji") }.isEmpty)
    }
}
