import MierukaModel
import MierukaRender
import Testing

/// 相模原市's two plans on the demo site, from stored copies of the city's own publications.
///
/// さがみはら都市経営ビジョン・アクションプラン (見直し後, 平成22～24年度): 広報さがみはら published the counts
/// per grade of 平成22年度 (per 管理区分, the report's own grouping: `grouped_by:`/`groups:`) and 平成23年度 (one table, with a row 完了 outside A–D). These
/// are two graded years of one plan from real reports, so the 平成23年度 report compares them.
///
/// さがみはら都市経営指針 実行計画 (平成25～28年度): the stored copies of both press releases break off in
/// the middle of the results, so only the figures they show are on the site, and no comparison.
@Suite struct SagamiharaTests {
    let site = DemoSite.shared

    @Test func theDemoSiteLoadsBothPlansWithoutAProblem() {
        let problems = site.diagnostics.all.filter { $0.location.file.contains("sagamihara") }
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(site.planIndex("sagamihara") != nil)
        #expect(site.planIndex("sagamihara-ap") != nil)
    }

    // MARK: - アクションプラン: two graded years

    @Test func h22CountsArePublishedPerManagementClassAndSummedByMieruka() throws {
        let report = try #require(site.page("sagamihara-ap/reports/2010/", as: ReportPageView.self))
        let table = try #require(report.gradeTable)
        #expect(table.isDeclared)
        #expect(table.caption == "評価の分布（平成22年度・公表値）")
        // The report's own grouping (grouped_by: 管理区分), not policies of the plan: no policy pages.
        #expect(table.rowHeading == "管理区分")
        #expect(table.rows.map(\.title) == ["局管理項目", "委員会管理項目"])
        #expect(table.rows.allSatisfy { $0.url == nil })
        let plan = try #require(site.planIndex("sagamihara-ap")?.plan)
        #expect(plan.policies.isEmpty)
        let h22 = try #require(plan.declared(in: FiscalYear(2010)))
        #expect(h22.grouping == "管理区分")
        #expect(h22.gradeRows.isEmpty)
        #expect(h22.groupRows.map(\.name) == ["局管理項目", "委員会管理項目"])
        #expect(table.grades.map(\.code) == ["A", "B", "C", "D"])
        #expect(table.countsByRow["局管理項目"] == ["37", "14", "4", "0", "55"])
        #expect(table.countsByRow["委員会管理項目"] == ["7", "2", "6", "2", "17"])
        #expect(table.countsByRow["計"] == ["44", "16", "10", "2", "72"])
        #expect(table.derivedNote == "計の列と計の行は、公表された評価ごとの件数の和です。")
        #expect(report.notesHTML?.contains("進捗かおおむね進捗している項目（A・B評価）が60項目（83%）") == true)
        #expect(report.notesHTML?.contains("約8億円の改善効果を達成") == true)
        // The plan's first year: nothing to compare with.
        #expect(report.comparison == nil)
    }

    @Test func h23CountsAreThePublishedTableWithItsCompletedRowApart() throws {
        let report = try #require(site.page("sagamihara-ap/reports/2011/", as: ReportPageView.self))
        let table = try #require(report.gradeTable)
        #expect(table.caption == "評価の分布（平成23年度・公表値）")
        #expect(table.countsByRow["計"] == ["33", "21", "7", "5", "66"])
        // The row 完了 (22年度に完了) is a state the city counts: part of the 72, outside the grades.
        #expect(table.totalNote == "全72項目。うち評価の対象外6項目（完了 22年度に完了 6項目）は、評価ごとの件数と計に含めていません")
        #expect(
            report.summary
                == "全72項目の取組のうち、33項目が「予定通り進捗」、21項目が「進捗の一部に遅れあり」、7項目が「進捗に遅れあり」、5項目が「進捗していない」でした。"
                + "このうち評価の対象外は6項目（完了 22年度に完了 6項目）です（評価の件数には含めていません）。このページでは、そのうち0項目の詳細を掲載しています。")
        #expect(report.notesHTML?.contains("予定通りかおおむね進捗している項目（完了・A・B評価）が60項目（83%）") == true)
        #expect(report.notesHTML?.contains("約3億2,000万円の改善効果") == true)
        let highlights = try #require(report.highlights.first)
        #expect(highlights.title == "A評価のうち23年度中に取り組みが完了した主な項目")
        #expect(highlights.entries.map(\.title) == ["市民協働推進条例の制定", "庁内分権の進展による管理部門の統合や縮小"])

        // The city's table with its 割合 and the row 完了, exactly as printed.
        let plan = try #require(site.page("sagamihara-ap/", as: PlanPageView.self))
        let published = try #require(plan.tables.first)
        #expect(published.header == ["評価", "内容", "項目数", "割合"])
        #expect(published.rows.map { [$0.heading] + $0.cells } == [
            ["完了", "22年度に完了", "6", "8.3%"],
            ["A", "予定通り進捗", "33", "45.8%"],
            ["B", "一部の進捗に遅れがある", "21", "29.2%"],
            ["C", "進捗に遅れあり", "7", "9.7%"],
            ["D", "進捗していない", "5", "7.0%"],
        ])
    }

    @Test func theH23ReportComparesItsCountsWithH22AsMierukas() throws {
        let report = try #require(site.page("sagamihara-ap/reports/2011/", as: ReportPageView.self))
        let comparison = try #require(report.comparison)
        #expect(comparison.heading == "前年度（平成22年度）からの変化")
        let counts = try #require(comparison.countTable)
        #expect(counts.isPublished == false)
        #expect(counts.caption == "評価ごとの件数の増減（平成22年度→平成23年度）")
        #expect(counts.yearHeading == "平成23年度（公表値）")
        // 平成22年度's counts per grade are Mieruka's sum of the two published 管理区分 columns.
        #expect(counts.previousHeading == "平成22年度（公表値の和）")
        #expect(counts.differenceHeading == "増減")
        #expect(counts.rows.map { [$0.grade?.code ?? "", $0.count, $0.previous, $0.difference] } == [
            ["A", "33", "44", "△11"],
            ["B", "21", "16", "+5"],
            ["C", "7", "10", "△3"],
            ["D", "5", "2", "+3"],
        ])
        #expect([counts.total.count, counts.total.previous, counts.total.difference] == ["66", "72", "△6"])
        // 66 against 72: the six items 完了 in 平成23年度 are outside the counts, and the table says so.
        #expect(counts.outsideNote == "評価の対象外（平成23年度は6項目（完了 22年度に完了 6項目））は、件数にも増減にも含めていません。")
        #expect(counts.derivedNote.contains("Mieruka が計算したもので、市の公表値ではありません"))
        #expect(counts.derivedNote.contains("「公表値の和」とある年度の件数は、市が区分ごとに公表した件数を Mieruka が評価ごとに足したものです。"))
        // No item is transcribed, so no item is said to have risen or fallen.
        #expect(comparison.itemTable == nil)
        #expect(comparison.summary == nil)
    }

    @Test func theScaleRunsBestFirstWithTheCompletedState() throws {
        let plan = try #require(site.planIndex("sagamihara-ap")?.plan)
        #expect(plan.grades.isRanked)
        #expect(plan.grades.codes == ["A", "B", "C", "D"])
        #expect(plan.states.grades.map(\.code) == ["完了"])
        #expect(plan.items.isEmpty)
    }

    // MARK: - 都市経営指針 実行計画: what the stored copies show

    @Test func theGuidelinePlanShowsOnlyThePublishedFigures() throws {
        let plan = try #require(site.page("sagamihara/", as: PlanPageView.self))
        let scale = try #require(plan.scale)
        #expect(scale.rows.map { [$0.code, $0.label, $0.definition] } == [
            ["A", "予定どおり進んでいる", "—"],
            ["B", "若干の遅れあり", "全て予定どおりではないが、目標達成が可能な範囲で推移している"],
            ["C", "大幅な遅れあり", "目標達成に支障を来し得る遅れがある"],
        ])
        let achievement = try #require(plan.achievements.first)
        #expect(achievement.title == "平成26年度の評価結果")
        #expect(achievement.rows.map { [$0.label] + $0.cells } == [
            ["予定どおり進んでいる項目（A評価）", "38", "82.6%"],
            ["局評価で遅れあり（B・C評価）となった項目", "8", "—"],
        ])
        #expect(achievement.total.cells.first == "46")
        let body = try #require(plan.bodyHTML)
        #expect(body.contains("局評価で遅れあり（B・C評価）となった11項目"))
        #expect(body.contains("平成26年度と平成27年度の比較もしていません"))
        // Counts per grade are not stored for either year: no grade table, no yearly report.
        #expect(plan.gradeTable == nil)
        #expect(plan.reports.isEmpty)
    }
}
