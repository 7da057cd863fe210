import MierukaModel
import MierukaRender
import Testing

/// 伊勢原市「第6次行財政改革推進計画の令和6年度取組結果（概要）」, as the demo site shows it.
@Suite struct IseharaTests {
    let site = DemoSite.shared

    @Test func gradesPerPolicyAreExactlyAsPublished() throws {
        let plan = try #require(site.page("isehara-6/", as: PlanPageView.self))
        let table = try #require(plan.gradeTable)
        #expect(table.isDeclared)
        #expect(
            table.countsByRow == [
                "1 行政サービスの最適化": ["3", "15", "2", "0", "20"],
                "2 公共私連携・協働": ["4", "10", "5", "0", "19"],
                "3 スマート市役所への転換": ["3", "6", "0", "0", "9"],
                "4 公共施設の縮充・最適化": ["0", "7", "0", "0", "7"],
                "5 健全な財政運営": ["6", "8", "5", "0", "19"],
                "計": ["16", "46", "12", "0", "74"],
            ])
        #expect(table.coverageNote == "74項目中0項目を掲載")
        // The report's headline figure: 「8割程度の62件が『計画以上』か『概ね計画どおり』」 = 62 / 74.
        // The report names these two grades itself (grade_share:), so the share is shown in its
        // words, computed from the published counts, with its denominator and who computed it.
        #expect(table.shareHeading == "「計画以上」か「概ね計画どおり」の割合")
        #expect(table.total.share == "83.8%")
        #expect(table.rows.map(\.share) == ["90.0%", "73.7%", "100.0%", "100.0%", "73.7%"])
        // And the report's own figure beside it, as published.
        #expect(table.publishedShare == "「計画以上」か「概ね計画どおり」：8割程度（62項目）")
        #expect(
            table.shareNote
                == "「計画以上」か「概ね計画どおり」の割合は、評価した74項目のうちA・Bの評価の件数が占める割合で、Mieruka が公表された件数から計算したものです（未評価の項目は含めません）。"
        )
    }

    /// The summary bolds its headline as the report does; CommonMark only closes ** before a letter
    /// when a letter precedes it, so the transcription keeps the report's 「…どおり」と** exactly.
    @Test func theSummaryKeepsItsBoldHeadline() throws {
        let plan = try #require(site.page("isehara-6/", as: PlanPageView.self))
        let notes = try #require(plan.notesHTML)
        #expect(notes.contains("<strong>8割程度の62件が「計画以上」か「概ね計画どおり」と</strong>の進捗結果"))
        #expect(!notes.contains("**"))
    }

    @Test func effectsPerPolicyAreExactlyAsPublished() throws {
        let plan = try #require(site.page("isehara-6/", as: PlanPageView.self))
        let effects = try #require(plan.effectTable)
        #expect(effects.unit == "千円")
        #expect(effects.isDeclared)
        let rows = effects.rows.map { [$0.title, $0.expected, $0.actual] }
        #expect(
            rows == [
                ["1 行政サービスの最適化", "107,077", "47,708"],
                ["2 公共私連携・協働", "4,700", "6,352"],
                ["3 スマート市役所への転換", "5,588", "9,464"],
                ["4 公共施設の縮充・最適化", "0", "0"],
                ["5 健全な財政運営", "230,371", "1,282,125"],
            ])
        #expect([effects.total.expected, effects.total.actual] == ["347,736", "1,345,649"])
    }

    /// The report gives R6 only, the plan's second year: the site states no 累計 of its own (a sum
    /// of R6 alone would pass for the plan's total since R5), and says which year it holds.
    @Test func noRunningTotalWithoutThePlansFirstYear() throws {
        let plan = try #require(site.page("isehara-6/", as: PlanPageView.self))
        let byYear = try #require(plan.effectByYear)
        #expect(byYear.rows.map(\.actual) == ["1,345,649"])
        #expect(byYear.rows.map(\.basis) == ["公表値"])
        #expect(byYear.rows.map(\.cumulativeActual) == ["—"])
        #expect(byYear.total == nil)
        #expect(byYear.yearsNote?.hasPrefix("この表は令和6年度の1年度分です。計画の初年度（令和5年度）から年度がそろっていないため") == true)
    }

    @Test func highlightedItemsKeepTheirDepartments() throws {
        let report = try #require(site.page("isehara-6/reports/2024/", as: ReportPageView.self))
        #expect(report.highlights.map(\.entries.count) == [6, 6, 4])
        let online = report.highlights[0].entries.first { $0.title == "行政手続きのオンライン化の拡大" }
        #expect(online?.department == "企画部")
        let sewer = report.highlights[2].entries.first { $0.title == "下水道使用料の適正化" }
        #expect(sewer?.amount == "172百万円")
        #expect(report.summary?.hasPrefix("全74項目の取組のうち、16項目が「計画を上回る」、46項目が「概ね計画どおり」、12項目が「計画どおり進捗せず」、0項目が「進捗がほぼなし」でした。") == true)
    }

    @Test func thePlanFamilyTimeline() throws {
        let plan = try #require(site.page("isehara-6/", as: PlanPageView.self))
        let timeline = try #require(plan.timelines.first)
        #expect(timeline.years == ["令和5", "令和6", "令和7", "令和8", "令和9"])
        let rows = timeline.groups.flatMap(\.rows)
        #expect(rows.count == 7)
        #expect(rows.last?.sentence == "働き方改革：職員の仕事と生活の両立応援プラン (R3~R7) 令和3年度～令和7年度")
    }
}
