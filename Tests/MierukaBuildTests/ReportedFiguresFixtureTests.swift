import Foundation
import MierukaTestSupport
import Testing

/// `money_tables:` and `achievements:` through the real `mieruka` executable, on the made-up plan
/// in Tests/Fixtures/fidelity/reported-figures (its figures are invented and contradict each other
/// on purpose).
@Suite struct ReportedFiguresFixtureTests {
    @Test func publishedFiguresAreShownAsWrittenWithOnlyThePrintedColumns() throws {
        let (result, site) = try FidelityFixtureTests.build("reported-figures")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("money-plan/index.html")
        #expect(plan.contains("<caption>効果額（分野別）（令和3年度）（単位：百万円） <span class=\"declared-mark\">町の公表値</span></caption>"))
        #expect(plan.contains("<th scope=\"col\">分野</th>\n<th scope=\"col\" class=\"num\">計画額a</th>"))
        // Decimals and signs exactly as written, contradictions included.
        #expect(site.cells(plan, table: "money-table", column: 2) == ["10.0", "-10.0", "-0.1"])
        #expect(plan.contains("<tfoot>\n<tr>\n<th scope=\"row\">合計</th>\n<td class=\"num\">150.5</td>\n<td class=\"num\">150.4</td>\n<td class=\"num\">-0.1</td>\n<td class=\"num\">99.9%</td>"))
        #expect(plan.contains("<p class=\"table-note\">金額は一般財源ベースです（町の公表どおり）。</p>"))
        // A table of a span says so and has no 差 column, since none is printed.
        #expect(plan.contains("<caption>効果額（3カ年合計）（令和2年度～令和4年度） <span class=\"declared-mark\">町の公表値</span></caption>"))
        #expect(plan.contains("この表は令和2年度～令和4年度の期間についての公表値で、単年度の数値ではありません。"))
        #expect(!plan.contains("<th scope=\"col\" class=\"num\">差</th>"))
        #expect(plan.contains("<td class=\"num\">2億5,000万円</td>\n<td class=\"num\">80.0パーセント</td>"))
        // The achievement count with its stated denominator, rates as printed.
        #expect(site.cells(plan, table: "achievement-table", column: 0) == ["7", "4", "10"])
        #expect(site.cells(plan, table: "achievement-table", column: 1) == ["70%", "40.0%", "—"])
        #expect(plan.contains("<th scope=\"row\">取組項目の数</th>\n<td class=\"num\">10</td>"))
        #expect(!plan.contains("進捗状況を載せていません"))
    }

    @Test func checkWarnsWhereThePublishedFiguresContradictEachOther() throws {
        let (result, _) = try FidelityFixtureTests.build("reported-figures", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }.map {
            String($0.drop { $0 != " " }.dropFirst())
        }
        #expect(
            warnings == [
                "warning: the achievement count 「取組項目の達成度」: its counts add up to 11, more than the 10 取組項目 they are out of",
                "warning: the money table 「効果額（分野別）」, 【乙】物件費: 差b-a is published as -10.0, but 実績額b 40.4 − 計画額a 50.5 is -10.1",
                "warning: the money table 「効果額（分野別）」: 合計 of 差b-a is published as -0.1, but its rows add up to 0",
                "warning: the money table 「効果額（3カ年合計）」, 歳出: 達成率 is published as 80.0パーセント, but 実績額 2億5,000万円 ÷ 目標額 2億円 is 125.0%",
            ], "\(result.standardError)")
        // Rates that agree rounded half up (106.25 → 106.3) or exactly are not reported.
        #expect(!result.standardError.contains("106.3"))
        #expect(!result.standardError.contains("「効果額（分野別）」, 【甲】"))
    }

    @Test func theAuditCatchesAnUnmarkedMoneyTable() {
        let unmarked = """
            <table class="money-table">
            <caption>効果額（令和3年度）</caption>
            <tbody><tr><td>3</td></tr></tbody>
            </table>
            """
        #expect(FigureMarking.problems(in: unmarked, page: "x") == ["x: a money-table (効果額（令和3年度）) marked neither 市の公表値 nor 集計"])
    }
}

/// Who published: 「市の公表値」 only for a city. The word comes from `publisher_kind:`, else from
/// the ending of `city:` (市, 町, 村, 区); otherwise the pages say 「公表値」 and `check` warns.
@Suite struct PublisherWordingTests {
    @Test func aTownsTablesAreTheTownsPublishedFigures() throws {
        let (result, site) = try FidelityFixtureTests.build("reported-figures")
        #expect(result.status == 0, "\(result.standardError)")
        let town = site.page("money-plan/index.html")
        #expect(FigureMarking.publishedMarks(in: town) == ["町の公表値"])
        #expect(!town.contains("市の"))
        // The base site's plan is a city's, and stays so.
        #expect(FigureMarking.publishedMarks(in: site.page("test-plan/index.html")) == ["市の公表値"])
        #expect(site.page("index.html").contains("<p class=\"table-note\">市の公表値です。</p>"))
    }

    @Test func aDeclaredKindWinsAndAnUnnamedOneIsNeutralWithAWarning() throws {
        let (result, site) = try FidelityFixtureTests.build("publisher-kind")
        #expect(result.status == 0, "\(result.standardError)")
        let kouiki = site.page("kouiki/index.html")
        #expect(FigureMarking.publishedMarks(in: kouiki) == ["広域連合の公表値"])
        #expect(kouiki.contains("金額は一般財源ベースです（広域連合の公表どおり）。"))
        #expect(!kouiki.contains("市の"))
        let ken = site.page("kenplan/index.html")
        #expect(FigureMarking.publishedMarks(in: ken) == ["公表値"])
        #expect(!ken.contains("市の") && !ken.contains("県の公表値"))
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        let (check, _) = try FidelityFixtureTests.build("publisher-kind", command: ["check"])
        #expect(check.status == 0, "\(check.standardError)")
        let warnings = check.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 1, "\(check.standardError)")
        #expect(
            warnings.first.map(String.init)
                == "content/kenplan/_index.md:4:7: warning: city: 「架空県」 does not end with 市, 町, 村 or 区, so the pages say 「公表値」 without naming who published it",
            "\(check.standardError)")
        #expect(check.standardError.contains("hint: add publisher_kind: with the kind of body"))
    }
}
