import MierukaRender
import Testing

/// 小松市「行財政改革プラン2020」（2023年4月改訂）.
@Suite struct KomatsuTests {
    let site = DemoSite.shared

    @Test func fiveBasicPoliciesAndSixteenStrategies() throws {
        let plan = try #require(site.page("komatsu/", as: PlanPageView.self))
        #expect(plan.policies.count == 5)
        #expect(plan.policies.map { $0.children.count } == [3, 2, 3, 4, 4])
        let strategies = plan.policies.flatMap(\.children)
        #expect(strategies.map(\.number) == (1...16).map { "戦略\($0)" })
        #expect(strategies.allSatisfy { $0.descriptionHTML != nil })
    }

    func kpis(_ policy: String) -> [KPIRowView] {
        site.page("komatsu/policies/\(policy)/", as: PolicyPageView.self)?.kpiTable?.rows ?? []
    }

    @Test func kpisAsBaselineToTarget() throws {
        let staff = try #require(kpis("1").first { $0.name.hasPrefix("職員数") })
        #expect([staff.baseline, staff.baselineYear, staff.target, staff.targetYear] == ["562人", "2020年度", "560人", "2025年度"])
        #expect(staff.change == "△2人")
        let women = try #require(kpis("1").first { $0.name.hasPrefix("女性管理職") })
        #expect([women.baseline, women.target] == ["31.3%", "35％"])

        let bonds = try #require(kpis("3").first)
        #expect([bonds.baseline, bonds.target, bonds.change] == ["1,190億円", "1,050億円", "△140億円"])
        #expect([bonds.baselineYear, bonds.targetYear] == ["2019年度", "2024年度"])

        let society = kpis("4")
        #expect(society.first { $0.name.contains("業務改革件数") }.map { [$0.target, $0.targetYear] } == ["100件", "2020～2024年度"])
        #expect(society.first { $0.name.contains("リモートワーク") }?.target.hasPrefix("100時間") == true)
        #expect(society.first { $0.name.contains("マイナンバーカード") }.map { [$0.baseline, $0.target] } == ["16,139枚", "100,000枚"])

        let sdgs = kpis("5")
        #expect(sdgs.first { $0.name.contains("地域協議会") }.map { [$0.baseline, $0.target, $0.targetYear] } == ["全校下で7地区", "全校下", "2024年度"])
        #expect(sdgs.first { $0.name.contains("連携事業") }?.target == "10件")
        #expect(sdgs.first { $0.name.hasSuffix("（紹介率）") }.map { [$0.baseline, $0.target] } == ["52.2%", "85.0%"])
        #expect(sdgs.first { $0.name.hasSuffix("（逆紹介率）") }.map { [$0.baseline, $0.target] } == ["88.8%", "100.0%"])
        #expect(kpis("2").first?.target.contains("62／123") == true)
    }

    @Test func theFiscalRatioTable() throws {
        let plan = try #require(site.page("komatsu/", as: PlanPageView.self))
        let table = try #require(plan.tables.first)
        #expect(table.header == ["区分", "実質公債費比率", "将来負担比率", "経常収支比率"])
        #expect(table.rows.map(\.heading) == ["ピーク期", "2015年度", "2018年度"])
        #expect(table.rows.map(\.cells) == [["19.4％", "228.0％", "95.2％"], ["15.7％", "168.8％", "92.8％"], ["15.6％", "150.6％", "91.2％"]])
    }
}
