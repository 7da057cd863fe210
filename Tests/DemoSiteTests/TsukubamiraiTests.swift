import MierukaRender
import Testing

/// つくばみらい市「みらい改革プラン（第4次つくばみらい市行財政改革大綱）-2019～2023-」.
@Suite struct TsukubamiraiTests {
    let site = DemoSite.shared

    @Test func threeBasicStancesWithTheirSubThemes() throws {
        let plan = try #require(site.page("tsukubamirai/", as: PlanPageView.self))
        #expect(plan.plan.period == "2019～2023年度")
        #expect(
            plan.policies.map(\.numberedTitle) == [
                "(1) 時代変化を先取りする“人・組織”の質的改革", "(2) 好循環の流れを築く財政運営の質的改革",
                "(3) しあわせな市民を増やす行政サービスの質的改革",
            ])
        // Each stance's text carries its three sub-themes as headings.
        for policy in plan.policies {
            let headings = policy.descriptionHTML?.components(separatedBy: "<h4").count ?? 0
            #expect(headings - 1 == 3, "\(policy.title)")
        }
    }

    @Test func theMatrixHasItsTwentyOneNumberedCells() throws {
        let plan = try #require(site.page("tsukubamirai/", as: PlanPageView.self))
        let matrix = try #require(plan.matrices.first)
        #expect(matrix.columns.count == 3)
        #expect(matrix.rows.count == 7)
        #expect(matrix.rows.map(\.title).first == "(1)市民満足度の向上")
        #expect(matrix.rows.map(\.title).last == "(7)コスト意識")
        let cells = matrix.rows.flatMap(\.cells)
        #expect(cells.count == 21)
        #expect(cells.allSatisfy { $0.title != nil && $0.textHTML != nil })
        #expect(cells.first?.title == "①コミュニケーションのある組織の風土づくり")
        // Each stance's page lists its seven cells.
        let stance = try #require(site.page("tsukubamirai/policies/2/", as: PolicyPageView.self))
        #expect(stance.matrices.first?.cells.count == 7)
    }

    @Test func thePlanPeriodAgainstTheMasterPlan() throws {
        let plan = try #require(site.page("tsukubamirai/", as: PlanPageView.self))
        let timeline = try #require(plan.timelines.first)
        #expect(timeline.years.first == "2018")
        #expect(timeline.years.last == "2028以降")
        #expect(timeline.groups.compactMap(\.title) == ["第2次つくばみらい市総合計画", "つくばみらい市行政改革プラン(2019-2023)"])
        let rows = timeline.groups.flatMap(\.rows)
        #expect(rows.contains { $0.sentence.hasPrefix("つくばみらい市行政改革プラン(2019-2023) みらい改革プラン") && $0.sentence.contains("2019～2023年度") })
    }

    @Test func noResultsYetIsSaidPlainly() throws {
        let plan = try #require(site.page("tsukubamirai/", as: PlanPageView.self))
        #expect(plan.noResultsNote != nil)
        #expect(plan.gradeTable == nil)
        #expect(plan.items.rows.isEmpty)
    }
}
