import MierukaRender
import Testing

/// 大田原市's first and third reform plans, as the demo site shows them from the city's stored pages:
/// the first plan's five-year evaluation (「完了及び順調のものは43件、76.8パーセント」 of 56) and its
/// 約19億円, both for the span of the plan and never for one fiscal year; the third plan's scale a–d
/// with its % bands, graded by each department itself.
@Suite struct OhtawaraTests {
    let site = DemoSite.shared

    @Test func theFirstPlansEvaluationIsTheFiveYearsAsPublished() throws {
        let plan = try #require(site.page("ohtawara-1/", as: PlanPageView.self))
        #expect(plan.plan.city == "大田原市")
        let count = try #require(plan.achievements.first)
        #expect(count.years == "平成18年度～平成22年度")
        // 「完了及び順調」 is tied to the grades A and B of the plan's scale, spelled out under the
        // table; the count stays the city's (no item is on the site, and a span is never counted).
        #expect(count.rows.map { [$0.label] + $0.cells } == [["完了及び順調（A・B）", "43", "76.8パーセント"]])
        #expect(
            count.gradesNote
                == "「完了及び順調」は、計画の評価の「A 完了」と「B 順調」の項目の数です。件数と割合は市の公表値で、Mieruka が各項目の評価から数えたものではありません。")
        let part = try #require(site.planIndex("ohtawara-1")?.plan.reported.achievements.first?.parts.first)
        #expect(part.grades == [0, 1])
        #expect(count.total.cells == ["56", "—"])
        #expect(count.spanNote == "この表は平成18年度～平成22年度の期間についての公表値で、単年度の数値ではありません。")
        #expect(count.note?.contains("A:完了、B:順調、C:やや遅れ、D:計画見直し等") == true)
        let table = try #require(plan.moneyTables.first)
        #expect(table.rows.map { [$0.label] + $0.cells } == [["5年間", "約19億円"]])
        #expect(table.approximateNote == "「約」の付いた額は、市の公表どおりの概数です（表記のまま）。")
        // No count per grade is published, so Mieruka shows none and no year report.
        #expect(plan.gradeTable == nil && plan.reports.isEmpty)
    }

    @Test func theThirdPlansScaleIsShownWithItsCriteria() throws {
        let plan = try #require(site.page("ohtawara-3/", as: PlanPageView.self))
        let scale = try #require(plan.scale)
        #expect(scale.rows.map { [$0.code, $0.label, $0.definition] } == [
            ["a", "ほぼ達成した", "(90%以上)"], ["b", "大半を達成した", "(80%以上90%未満)"],
            ["c", "遅れている", "(60%以上80%未満)"], ["d", "ほとんど達成できていない", "(60%未満)"],
        ])
        let body = try #require(plan.bodyHTML)
        #expect(body.contains("(注1) ( )内は数値目標がある取組みの評価基準です。"))
        #expect(body.contains("小項目27項目"))
        // The period as the city writes it (平成32年度, past the era's end), with the year it is.
        #expect(plan.plan.period == "平成28年度～平成32年度（令和2年度）")
        #expect(plan.plan.periodYears == "5年間")
        #expect(body.contains("平成28年度から平成32年度までを計画期間"))
        #expect(!body.contains("このサイトでは、同じ年度を令和2年度と表示しています"))
        // The city published its yearly results (in PDFs this site does not transcribe): the page
        // must not say that it has not.
        #expect(plan.noResultsNote == "このサイトには、この計画の年度ごとの進捗状況を載せていません。")
    }

    @Test func checkSaysNothingOfEitherPlan() {
        let problems = site.diagnostics.all.filter { $0.location.file.hasPrefix("content/ohtawara") }
        #expect(problems.isEmpty, "\(problems.map(\.message))")
    }
}
