import MierukaModel
import MierukaRender
import Testing

/// いわき市「平成18年度における行財政改革行動計画の進捗状況」, as the demo site shows it: the 実施率
/// of the 改革・改善項目 (39 of 91) and the 効果額 of 【目標指標1】, whose 計画額 cells each hold the
/// year's amount with its 累計額 in brackets, the 累計額 counted as the city's 注2 says (a year's
/// effect again in every later year of the plan).
@Suite struct IwakiTests {
    let site = DemoSite.shared

    @Test func theImplementationRateIsExactlyAsPublished() throws {
        let plan = try #require(site.page("iwaki/", as: PlanPageView.self))
        let count = try #require(plan.achievements.first)
        #expect(count.title == "行財政改革行動計画の改革・改善項目の状況")
        #expect(count.years == "平成18年度")
        #expect(count.rows.map { [$0.label] + $0.cells } == [["改革・改善を実施した項目", "39", "42.9%"]])
        #expect(count.total.cells == ["91", "—"])
        #expect(count.noun == "行動計画位置付け項目")
    }

    @Test func theEffectsAreExactlyAsPublishedEachCellWithItsBracketedTotal() throws {
        let plan = try #require(site.page("iwaki/", as: PlanPageView.self))
        let table = try #require(plan.moneyTables.first)
        #expect(table.title == "【目標指標1】改革の効果額(累計額)150億円を目指す。")
        #expect(table.unit == "（単位：百万円）")
        #expect(table.headings == ["18年度", "19年度", "20年度", "21年度", "22年度", "（見出し不明）"])
        #expect(
            table.rows.map { [$0.label] + $0.cells } == [
                ["計画額(累計額)", "950(9500)", "1,030(2,930)", "1,200(6,110)", "840(10,130)", "1,120(15,270)", "5,140(15,270)"],
                ["実績額", "2,085", "—", "—", "—", "—", "2,085"],
                ["達成率", "219.5%", "—", "—", "—", "—", "40.6%"],
            ])
        #expect(
            table.bracketNote
                == "（ ）内の金額は、市の表の「累計額」です（表記のまま）。各年度の額を、その効果が計画期間の以後の年度も続くものとして、以後の年度にも重ねて数えたものです。"
        )
        // The city's notes, and what the stored copy did not show, said on the page.
        let note = try #require(table.note)
        #expect(note.contains("平成18年度分については概ね5倍、平成19年度分は概ね4倍するなどして算出しています"))
        #expect(note.contains("約7,739百万円"))
        #expect(note.contains("見出しが読み取れませんでした"))
        #expect(plan.bodyHTML?.contains("職員数の表の途中で切れている") == true)
        // No figure of Mieruka's: no grade table, effect table or yearly report of its own.
        #expect(plan.gradeTable == nil)
        #expect(plan.effectTable == nil)
    }

    /// The 累計額 follow the city's rule (950×2 + 1,030 = 2,930, … 15,270) except 18年度's 「(9500)」:
    /// shown as printed, and `check` warns about it and about nothing else in the table.
    @Test func theOneBracketedTotalThatBreaksTheCitysRuleIsAWarning() {
        let warnings = site.diagnostics.warnings.filter { $0.location.file == "content/iwaki/_index.md" }
        #expect(warnings.map(\.message) == [
            "the money table 「【目標指標1】改革の効果額(累計額)150億円を目指す。」: 計画額(累計額), 18年度 prints 9500 in brackets as its 累計額, but its figures for 18年度, each counted again in every later year, come to 950"
        ])
    }

    @Test func bothFiguresOfEachCellAreInTheOpenData() throws {
        let index = try #require(site.planIndex("iwaki"))
        let table = try #require(index.plan.reported.moneyTables.first?.grid)
        guard case .amounts(let planned) = table.rows[0] else {
            Issue.record("the first row is not amounts")
            return
        }
        #expect(planned.cells.map { $0?.written.text } == ["950", "1,030", "1,200", "840", "1,120", "5,140"])
        #expect(planned.cells.map { $0?.bracketed?.written.text } == ["9500", "2,930", "6,110", "10,130", "15,270", "15,270"])
        #expect(planned.cells[1]?.bracketed?.written.money == Money(yen: 2_930_000_000))
        #expect(table.bracket?.label == "累計額" && table.bracket?.rule == .continuing)
    }
}
