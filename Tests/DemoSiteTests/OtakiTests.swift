import MierukaModel
import MierukaRender
import Testing

/// 大多喜町「令和3年度第5次大多喜町行政改革の取組結果をお知らせします」 and 「平成20年度第2次大多喜町
/// 行政改革大綱の取組結果をお知らせします。」, as the demo site shows them: 実施状況 A–D per 大項目 (表1),
/// the published shares (which add up to 99.9), and a 支出削減額 published as an increase
/// (「425万4千円の増」), each exactly as published.
@Suite struct OtakiTests {
    let site = DemoSite.shared

    func counts(_ row: GradeTableRowView) -> [String] { row.counts.map(\.value) + [row.total] }

    @Test func theR3ImplementationPerMajorItemIsExactlyAsPublished() throws {
        let plan = try #require(site.page("otaki/", as: PlanPageView.self))
        #expect(plan.policies.map(\.numberedTitle) == [
            "1 事務事業の見直し", "2 経費の節減合理化等財政の健全化", "3 職員の意識改革と人材育成", "4 町民参画と協働の推進",
        ])
        let report = try #require(site.page("otaki/reports/2021/", as: ReportPageView.self))
        let table = try #require(report.gradeTable)
        #expect(table.isDeclared)
        #expect(table.caption == "評価の分布（令和3年度・公表値）")
        #expect(table.grades.map(\.label) == ["計画どおり", "ほぼ計画どおり", "やや遅れ気味", "未着手"])
        #expect(table.rows.map(counts) == [["0", "1", "0", "0", "1"], ["0", "1", "4", "0", "5"], ["1", "0", "0", "0", "1"], ["0", "1", "1", "0", "2"]])
        #expect(counts(table.total) == ["1", "3", "5", "0", "9"])
        // 「ほぼ計画どおりを含めた実施率は44.4%」, as published, with what it is of.
        #expect(table.publishedShare == "計画どおり実施済（ほぼ計画どおりを含む）：44.4%（分母：9の個別計画）")
        #expect(table.total.share == "44.4%", "Mieruka's share from the published counts agrees")
    }

    @Test func theSharesPerGradeAreAsPublishedThoughTheyAddUpTo99Point9() throws {
        let plan = try #require(site.page("otaki/", as: PlanPageView.self))
        let shares = try #require(plan.achievements.first)
        #expect(shares.years == "令和3年度")
        #expect(shares.rows.map { [$0.label] + $0.cells } == [
            ["A:計画どおり", "1", "11.1%"], ["B:ほぼ計画どおり", "3", "33.3%"], ["C:やや遅れ気味", "5", "55.5%"], ["D:未着手", "0", "0.0%"],
        ])
        #expect(shares.total.cells == ["9", "—"])
        #expect(shares.note?.contains("4つの割合の和は99.9%") == true)
        // Each published share is 9 into its count cut at one decimal, so check has nothing to warn about.
        let otaki = site.diagnostics.all.filter { $0.location.file.contains("content/otaki") }
        #expect(otaki.isEmpty, "\(otaki.map(\.message))")
    }

    @Test func theSpendingIncreaseIsShownAsPublishedAndTheCutOffIsSaid() throws {
        let plan = try #require(site.page("otaki/", as: PlanPageView.self))
        let money = try #require(plan.moneyTables.first)
        #expect(money.headings == ["令和3年度"])
        #expect(money.rows.map { [$0.label] + $0.cells } == [["(1)各事業費の削減 支出削減額", "425万4千円の増"]])
        #expect(money.note?.contains("途中で切れていて") == true)
        // No effect table or 累計 of Mieruka's: the year's other effects could not be read.
        #expect(plan.effectTable == nil)
    }

    @Test func theH20ImplementationPerMajorItemIsExactlyAsPublished() throws {
        let report = try #require(site.page("otaki-2/reports/2008/", as: ReportPageView.self))
        let table = try #require(report.gradeTable)
        #expect(table.isDeclared)
        #expect(table.rows.map(\.title) == [
            "1 効果的効率的な行財政運営", "2 行政組織機構の再編見直し", "3 定員管理と給与の適正化", "4 住民サービスの改善",
            "5 公有財産の管理運営の合理化", "6 議会の組織・運営の合理化", "7 行政改革推進に関わる政策事項",
        ])
        #expect(table.rows.map(counts) == [
            ["26", "7", "0", "1", "34"], ["6", "5", "0", "0", "11"], ["10", "2", "0", "0", "12"], ["1", "3", "0", "0", "4"],
            ["11", "5", "1", "0", "17"], ["1", "0", "0", "0", "1"], ["3", "3", "1", "0", "7"],
        ])
        #expect(counts(table.total) == ["58", "25", "2", "1", "86"])
        // 「86の個別計画中58の個別計画が計画どおり実施済(完了)」
        #expect(table.publishedShare == "計画どおり実施済（完了）：58項目（分母：86の個別計画）")
        #expect(report.notesHTML?.contains("0件として載せています") == true, "the page says how blank cells were read")
        #expect(report.notesHTML?.contains("効果額は") == true, "the page says the effects could not be read")
    }
}
