import MierukaModel
import MierukaRender
import Testing

/// 栄町「平成20年度・平成22年度 栄町行財政改革実施計画(集中改革プラン)推進状況」, as the demo site shows them:
/// money split by 歳入 / 歳出 for the three years together and for one year, and a published 達成率
/// that does not follow from its own figures.
@Suite struct SakaeTests {
    let site = DemoSite.shared

    @Test func revenueAndSpendingForTheThreeYearsAreExactlyAsPublished() throws {
        let plan = try #require(site.page("sakae/", as: PlanPageView.self))
        #expect(plan.moneyTables.map(\.title) == ["効果額", "改革の効果額（3カ年合計）", "改革の効果額"])
        let span = plan.moneyTables[1]
        #expect(span.years == "平成20年度～平成22年度")
        #expect(span.spanNote == "この表は平成20年度～平成22年度の期間についての公表値で、単年度の数値ではありません。")
        #expect(span.headings == ["3カ年合計目標額", "3カ年合計実績額", "達成率"])
        #expect(
            span.rows.map { [$0.label] + $0.cells } == [
                ["歳入", "3億3,357万円", "2億2,367万円", "67.1パーセント"],
                ["歳出", "27億8,911万円", "28億2,190万円", "101.2パーセント"],
            ])
        #expect(span.total.map { [$0.label] + $0.cells } == ["合計", "31億2,268万円", "30億4,557万円", "97.5パーセント"])
        let year = plan.moneyTables[2]
        #expect(year.years == "平成22年度")
        #expect(year.spanNote == nil)
        // No 達成率 printed for the single year: no column for it.
        #expect(year.headings == ["平成22年度目標額", "平成22年度実績額"])
        #expect(year.rows.map(\.cells) == [["1億1,599万円", "5,167万円"], ["9億2,907万円", "8億9,906万円"]])
        #expect(year.total?.cells == ["10億4,506万円", "9億5,073万円"])
    }

    /// 目標 10億 780万円, 実績 11億1,700万円, 達成率 90.2パーセント (90.2% is 目標 ÷ 実績): shown as published.
    @Test func aContradictoryRateIsShownAsPublished() throws {
        let plan = try #require(site.page("sakae/", as: PlanPageView.self))
        let table = plan.moneyTables[0]
        #expect(table.rows.map(\.cells) == [["10億 780万円", "11億1,700万円", "90.2パーセント"]])
        #expect(site.diagnostics.warnings.filter { $0.location.file == "content/sakae/_index.md" }.count == 1)
    }

    @Test func planWideTargetsAreThePlansOwnKPIsAsPublished() throws {
        let plan = try #require(site.page("sakae/", as: PlanPageView.self))
        #expect(plan.tables.isEmpty)
        let kpis = try #require(plan.planKPIs.first)
        #expect(kpis.title == "基本目標")
        #expect(kpis.columns == ["実績（平成20年度）", "実績（平成21年度）", "実績（平成22年度）"])
        #expect(kpis.rateHeading == nil)
        func row(_ row: PlanKPIRowView) -> [String] {
            [row.name, row.target] + row.cells.map { $0.value + ($0.interimTarget ?? "") } + [row.comparison]
        }
        #expect(
            kpis.rows.map(row) == [
                ["経常収支比率", "98パーセント未満", "98.1パーセント", "97.1パーセント", "93.5パーセント", "達成"],
                ["地方債残高", "90億円未満", "94億9,718万円", "92億1,459万円", "89億9,960万円", "達成"],
                ["財政調整基金残高", "2億円以上", "2億43万円", "2億7,390万円", "4億7,299万円", "達成"],
                ["町税収納率", "92.0パーセント以上", "91.4パーセント（目標 91.6パーセント）", "90.6パーセント(91.7パーセント)", "89.9パーセント", "未達成"],
                ["職員削減数", "11人(3カ年累計)", "3人（目標 3人）", "3人(3人)", "16人(3カ年累計)", "—"],
                ["協働事業の立ち上がり件数", "2件(3カ年累計)", "1件（目標 1件）", "—", "—", "—"],
                ["成果目標を意識している職員の割合", "100パーセント", "95パーセント（目標 70パーセント）", "—", "—", "—"],
            ])
        #expect(kpis.rows.allSatisfy { $0.targetYear == "平成22年度" })
    }
}
