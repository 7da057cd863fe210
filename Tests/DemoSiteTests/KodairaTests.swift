import MierukaModel
import MierukaRender
import Testing

/// 小平市「第３次行財政再構築プランの進捗状況（平成29年度末）について」, as the demo site shows it.
@Suite struct KodairaTests {
    let site = DemoSite.shared

    /// No errors; the only warnings are contradictions in cities' own published figures (栄町's
    /// 平成20年度 達成率, いわき市's 18年度 累計額), which the site shows as published.
    @Test func theDemoSiteHasNoProblems() {
        #expect(site.diagnostics.errors.isEmpty, "\(site.diagnostics.sorted.map(\.message))")
        #expect(
            site.diagnostics.sorted.map(\.message) == [
                "the money table 「【目標指標1】改革の効果額(累計額)150億円を目指す。」: 計画額(累計額), 18年度 prints 9500 in brackets as its 累計額, but its figures for 18年度, each counted again in every later year, come to 950",
                "the money table 「効果額」, 効果額: 達成率 is published as 90.2パーセント, but 実績 11億1,700万円 ÷ 目標 10億 780万円 is 110.8%",
            ])
    }

    @Test func table1IsExactlyAsPublished() throws {
        let plan = try #require(site.page("kodaira-3/", as: PlanPageView.self))
        let table = try #require(plan.gradeTable)
        #expect(table.isDeclared)
        #expect(table.caption == "評価の分布（平成29年度・公表値）")
        #expect(table.grades.map(\.spelledOut) == ["S 予定以上に進捗", "A 予定どおりに進捗", "B 予定よりも遅れている"])
        #expect(
            table.countsByRow == [
                "Ⅰ 地域協働の推進": ["1", "4", "2", "7"],
                "Ⅱ 情報の共有と双方向のコミュニケーション": ["0", "1", "2", "3"],
                "Ⅲ PDCAサイクルの構築": ["0", "4", "2", "6"],
                "Ⅳ 財政基盤の強化": ["1", "9", "4", "14"],
                "Ⅴ 執行体制の再構築": ["1", "12", "0", "13"],
                "計": ["3", "30", "10", "43"],
            ])
        #expect(table.totalNote == "全43項目（うち再掲2項目）")
        #expect(table.coverageNote == "43項目中13項目を掲載")
        // Kodaira's report counts each grade and names no group of grades as "on track": no share.
        #expect(table.shareHeading == nil)
        #expect(table.shareNote == nil)
        #expect(table.total.share == "")
    }

    @Test func theDetailedItemsAreTheOnesTheReportLists() throws {
        let report = try #require(site.page("kodaira-3/reports/2017/", as: ReportPageView.self))
        #expect(report.sections.map(\.heading) == ["S 予定以上に進捗（2項目）", "B 予定よりも遅れている（10項目）"])
        #expect(report.sections[0].items.map(\.numbers) == ["7・41", "28"])
        #expect(
            report.sections[1].items.map(\.numbers) == ["1", "3", "8", "10", "11", "12", "20", "22", "25", "30"])
        #expect(
            report.summary
                == "全43項目（うち再掲2項目）の取組のうち、3項目が「予定以上に進捗」、30項目が「予定どおりに進捗」、10項目が「予定よりも遅れている」でした。このページでは、そのうち13項目の詳細を掲載しています。")
    }

    @Test func transcribedListingsCountUnderTheirFields() throws {
        let index = try #require(site.planIndex("kodaira-3"))
        let tally = try #require(index.tallies[FiscalYear(2017)])
        // S: No 7 (Ⅰ), No 41 (Ⅴ, 再掲 of 7), No 28 (Ⅳ); B: the ten items of 参考２.
        let rows = tally.distribution(rows: index.plan.topLevelPolicies).rows.map(\.counts)
        #expect(rows == [[1, 0, 2], [0, 0, 2], [0, 0, 2], [1, 0, 4], [1, 0, 0]])
        #expect(tally.totalRelistings == 1)
    }

    @Test func kpisAreTheOnesInTheText() throws {
        let item1 = try #require(site.page("kodaira-3/01/", as: ItemPageView.self))
        let visitors = try #require(item1.kpiTable?.rows.first)
        #expect(visitors.target == "1万人以上")
        #expect(visitors.cells.map(\.value) == ["9,855人", "9,718人"])
        #expect(item1.kpiTable?.years == ["平成28年度", "平成29年度"])

        let item20 = try #require(site.page("kodaira-3/20/", as: ItemPageView.self))
        let rows = try #require(item20.kpiTable?.rows)
        #expect(rows[0].name == "経常収支比率")
        #expect(rows[0].cells.map(\.value) == ["94.8%", "92.6%"])
        #expect(rows[0].target == "80%台")
        #expect(rows[0].direction == "減少を目指す指標")
        #expect(rows[1].cells.map(\.value) == ["25.4億円", "28.6億円"])
        #expect(rows[1].target == "35億円")

        let item28 = try #require(site.page("kodaira-3/28/", as: ItemPageView.self))
        #expect(item28.kpiTable?.rows.first?.cells.map(\.value) == ["29,509,646円"])
        #expect(item28.kpiTable?.rows.first?.target == "1,000万円以上")
        #expect(item28.latestGrade?.spelledOut == "S 予定以上に進捗")
    }

    @Test func theRelistedItemShowsBothListings() throws {
        let item = try #require(site.page("kodaira-3/07/", as: ItemPageView.self))
        #expect(item.listings.map(\.number) == ["7", "41"])
        #expect(item.listings.map(\.policy) == ["Ⅰ 地域協働の推進", "Ⅴ 執行体制の再構築"])
        #expect(item.listings.map(\.isRelisting) == [false, true])
    }

    @Test func theLineageAndItsEffects() throws {
        let plan = try #require(site.page("kodaira-3/", as: PlanPageView.self))
        #expect(plan.lineage.map(\.title) == ["小平市行財政改革大綱", "行財政再構築プラン", "第2次行財政再構築プラン"])
        #expect(plan.lineage[0].effect == "約40億5千万円")
        #expect(plan.lineage[0].effectYears == "平成8年度～平成17年度")
        #expect(plan.lineage[2].effect?.hasPrefix("約17億7,700万円") == true)
        #expect(plan.lineage[2].effectYears == "平成19年度～平成27年度")
        #expect(plan.policies.count == 5)
        #expect(plan.policies.allSatisfy { $0.descriptionHTML != nil }, "each 方針 has its 考え方")
    }
}
