import MierukaModel
import MierukaRender
import Testing

/// Plan revisions in the demo, as the cities published them: 下野市's 改定 of 令和7年3月 (the period
/// extended a year, two 事業 added, five deleted with their reasons) and 倉吉市's 後期 (74 実施項目
/// narrowed to 21).
@Suite struct RevisionDemoTests {
    let site = DemoSite.shared

    @Test func shimotsukesRevisionIsExactlyAsPublished() throws {
        let plan = try #require(site.page("shimotsuke-4/", as: PlanPageView.self))
        #expect(plan.plan.period == "令和2年度～令和7年度")
        #expect(plan.policies.map(\.numberedTitle) == ["1 質の高い行政サービスの推進", "2 効率的・効果的な行政経営の推進", "3 将来にわたり持続可能な財政運営の推進"])
        let revisions = try #require(plan.revisions).revisions
        #expect(revisions.count == 1)
        let revision = try #require(revisions.first)
        #expect(revision.heading == "令和7年度からの見直し")
        #expect(revision.date == "令和7年3月")
        #expect(revision.title == "第四次下野市行政改革大綱及び実施計画の改定")
        #expect(revision.periodBefore == "令和2年度～令和6年度")
        #expect(revision.periodAfter == "令和2年度～令和7年度")
        #expect(
            revision.items.map { [$0.change, $0.title, $0.reason ?? "—"] } == [
                ["追加", "キャッシュレス決済の推進", "—"],
                ["追加", "受益者負担の適正化", "—"],
                ["削除", "生涯学習による協働のまちづくりの推進", "経常業務として実施するため"],
                ["削除", "公立保育園の民営化", "公立保育施設3園の民営化が完了したため"],
                ["削除", "タブレットを活用した議会ICT化の推進", "目標を達成したため"],
                ["削除", "公共工事コスト縮減プログラムの推進", "一定の成果が得られたため"],
                ["削除", "学校関係情報システム導入事務の適正化", "目標を達成したため"],
            ])
        // Not detailed on the site: no number, no link.
        #expect(revision.items.allSatisfy { $0.number == nil && $0.url == nil })
        #expect(revision.itemCounts == "この表の取組項目は追加2項目、削除5項目です（Mieruka が表の行を数えた集計）。")
        #expect(revision.countAfter == nil)
        #expect(revision.targets.isEmpty)
        // Nothing per year was transcribed, so nothing is counted or compared.
        #expect(plan.reports.isEmpty)
        #expect(plan.gradeTable == nil)
        // The plan as it stood: 令和6年度 in the first period, 令和7年度 in the extended one.
        let model = try #require(site.planIndex("shimotsuke-4")).plan
        #expect(model.revisions.period(in: FiscalYear(2024))?.last == FiscalYear(2024))
        #expect(model.revisions.period(in: FiscalYear(2025))?.last == FiscalYear(2025))
    }

    @Test func kurayoshisNarrowedItemSetIsShownAsPublished() throws {
        let plan = try #require(site.page("kurayoshi-3/", as: PlanPageView.self))
        #expect(plan.plan.period == "平成30年度～令和4年度")
        let revision = try #require(plan.revisions?.revisions.first)
        #expect(revision.heading == "令和3年度からの見直し")
        #expect(revision.countNoun == "実施項目")
        #expect(revision.countBefore == "74件")
        #expect(revision.countAfter == "21件")
        // The items are not listed on the page, so none is shown and nothing is counted.
        #expect(revision.items.isEmpty)
        #expect(revision.itemCounts == nil)
        #expect(revision.periodAfter == nil)
    }
}
