import Foundation
import MierukaTestSupport
import Testing

/// A year against the year before (Tests/Fixtures/fidelity/year-against-year, made-up grades in
/// R5, R6 and R8): 増減 per grade, the items whose grade changed, and each item's grades across the
/// years, all marked as Mieruka's; no comparison across a missing year.
@Suite struct YearComparisonFixtureTests {
    /// The text of each body and footer row's cells (`th` and `td`), tags removed.
    static func rows(_ html: String, table: String) -> [[String]] {
        guard let start = html.range(of: "<table class=\"\(table)\""),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex),
            let body = html.range(of: "<tbody>", range: start.upperBound..<end.lowerBound)
        else { return [] }
        return bodyRows(html[body.upperBound..<end.lowerBound])
    }

    /// The text of each row's cells in what follows a table's `<tbody>`, tags removed.
    static func bodyRows(_ body: Substring) -> [[String]] {
        body.components(separatedBy: "<tr>").dropFirst().map { segment in
            segment.components(separatedBy: "</tr>")[0].components(separatedBy: "</t").dropLast().map { cell in
                var text = ""
                var inTag = false
                for character in cell.components(separatedBy: ">").dropFirst().joined(separator: ">") {
                    if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
                }
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    @Test func aYearShowsWhatChangedSinceThePreviousOne() throws {
        let (result, site) = try FidelityFixtureTests.build("year-against-year")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<h2 id=\"year-comparison\">前年度（令和5年度）からの変化</h2>"))
        #expect(
            report.contains(
                "Mieruka が両年度の評価を比べると、両年度に結果を掲載している4項目のうち、評価が上がった項目は1項目、下がった項目は1項目、変わらない項目は1項目です（ほかに評価の対象外との間で変わった項目が1項目あります）。"
            ))
        // 増減 per grade, both years counted from the items (item 2 is listed twice, 再掲).
        #expect(report.contains("<caption>評価ごとの件数の増減（令和5年度→令和6年度） <span class=\"derived-mark\">集計</span></caption>"))
        #expect(report.contains("<th scope=\"col\" class=\"num\">令和6年度（集計）</th>"))
        #expect(
            Self.rows(report, table: "grade-change-table") == [
                ["A 計画を上回る", "1", "1", "0"], ["B 概ね計画どおり", "1", "2", "△1"], ["C 計画どおり進捗せず", "2", "2", "0"],
                ["D 進捗がほぼなし", "0", "0", "0"], ["計", "4", "5", "△1"],
            ])
        #expect(report.contains("評価の対象外（令和6年度は1項目（対象外 1項目））は、件数にも増減にも含めていません。"))
        // The items whose grade changed, by the scale's order; a state is only 「変わった」.
        #expect(
            Self.rows(report, table: "item-change-table") == [
                ["1", "窓口のオンライン化 &lt;テスト&gt;", "A 計画を上回る", "B 概ね計画どおり", "下がった"],
                ["3", "基金の確保", "B 概ね計画どおり", "A 計画を上回る", "上がった"],
                ["4", "施設の集約", "B 概ね計画どおり", "対象外（評価の対象外）", "変わった"],
            ])
        #expect(report.contains("「上がった」「下がった」は、計画が示す評価の順（よいものからA→B→C→D）で、Mieruka が前年度の評価と比べたものです。"))
    }

    @Test func aYearAfterAMissingYearIsNotCompared() throws {
        let (_, site) = try FidelityFixtureTests.build("year-against-year")
        let report = site.page("test-plan/reports/2026/index.html")
        #expect(report.contains("令和7年度の評価はこのサイトに掲載されていないため、前年度との比較はしていません。"))
        #expect(!report.contains("grade-change-table"))
        #expect(!report.contains("item-change-table"))
        // The plan's first year has nothing before it.
        #expect(!site.page("test-plan/reports/2023/index.html").contains("year-comparison"))
    }

    @Test func anItemPageShowsItsGradesAcrossTheYears() throws {
        let (_, site) = try FidelityFixtureTests.build("year-against-year")
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("<caption>評価の推移</caption>"))
        #expect(item.contains("<th scope=\"col\">前年度からの変化</th>"))
        #expect(
            Self.rows(item, table: "grade-history") == [
                ["令和5年度", "A 計画を上回る", "—"], ["令和6年度", "B 概ね計画どおり", "下がった"], ["令和8年度", "A 計画を上回る", "—"],
            ])
        #expect(item.contains("前年度の結果がない年度は比べていません（—）。"))
        let state = site.page("test-plan/004/index.html")
        #expect(Self.rows(state, table: "grade-history") == [["令和5年度", "B 概ね計画どおり", "—"], ["令和6年度", "対象外（評価の対象外）", "変わった"]])
        #expect(
            Self.rows(site.page("test-plan/002/index.html"), table: "grade-history") == [
                ["令和5年度", "C 計画どおり進捗せず", "—"], ["令和6年度", "C 計画どおり進捗せず", "変わらない"],
            ])
        // The base site's item 3 has one graded year: no history table.
        let (_, base) = try FidelityFixtureTests.build(nil)
        #expect(!base.page("test-plan/003/index.html").contains("grade-history"))
    }

    @Test func aScaleWithoutAnOrderSaysOnlyChanged() throws {
        let (_, site) = try FidelityFixtureTests.build("year-against-year")
        // The same site, the plan no longer saying its scale runs from best to worst.
        let plan = site.work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "grade_order: best_first\n", with: "").write(toFile: plan, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["build"], in: site.work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("両年度に結果を掲載している4項目のうち、評価が変わった項目は3項目、変わらない項目は1項目です。"))
        #expect(!report.contains("上がった"))
        #expect(!report.contains("下がった"))
        #expect(Self.rows(report, table: "item-change-table").map { $0.last } == ["変わった", "変わった", "変わった"])
        #expect(report.contains("計画は評価の区分に良し悪しの順を示していないため"))
    }

    @Test func publishedAndCountedYearsAreNotSubtracted() throws {
        // The base site: R5 counted from the items, R6 the city's published table.
        let (result, site) = try FidelityFixtureTests.build(nil)
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(
            report.contains(
                "評価ごとの件数は、令和6年度が市の公表値、令和5年度が掲載している取組項目の集計で種類が異なるため、Mieruka は増減を計算していません。"))
        #expect(!report.contains("grade-change-table"))
        #expect(Self.rows(report, table: "item-change-table") == [["1", "窓口のオンライン化 &lt;テスト&gt;", "A 計画を上回る", "B 概ね計画どおり", "変わった"]])
    }

    @Test func aPublishedChangeIsShownAsPublishedAndCheckedAgainstTheCounts() throws {
        let (checked, _) = try FidelityFixtureTests.build("published-change", command: ["check"])
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(
            checked.standardError.contains(
                "warning: the published 増減 of D for 令和6年度 is △2, but the published counts of 令和5年度 and 令和6年度 differ by △1"),
            "\(checked.standardError)")
        #expect(!checked.standardError.contains("増減 of A"), "\(checked.standardError)")
        let (built, site) = try FidelityFixtureTests.build("published-change")
        #expect(built.status == 0, "\(built.standardError)")
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<caption>評価ごとの件数の増減（令和5年度→令和6年度） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(report.contains("<th scope=\"col\" class=\"num\">増減（公表値）</th>"))
        #expect(report.contains("<th scope=\"col\" class=\"num\">令和5年度（公表値）</th>"))
        // As published, written as the report prints each (「1」 without a sign, 「▲1」 and 「△2」 with
        // their own marks), D's △2 included; the 計 row is Mieruka's sum, and says so.
        #expect(
            Self.rows(report, table: "grade-change-table") == [
                ["A 計画を上回る", "2", "1", "+1"], ["B 概ね計画どおり", "6", "5", "1"], ["C 計画どおり進捗せず", "2", "3", "▲1"],
                ["D 進捗がほぼなし", "0", "1", "△2"], ["計", "10", "10", "△1"],
            ])
        #expect(report.contains("増減は市の公表値です（△・▲は減少）。計の行は、各列を Mieruka が足したものです。"))
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func aChangePublishedForThePlansFirstYearIsShownAsPublished() throws {
        // R5 is the plan's first year: its report prints 増減 against R4, the year before the plan.
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/published-change"), onto: work.path)
        let plan = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let first = "    grade_total: {A: 1, B: 5, C: 3, D: 1}\n"
        #expect(text.contains(first))
        try text.replacingOccurrences(of: first, with: first + "    grade_change: {A: 0, B: \"+2\", C: △1, D: 1}\n")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        let site = BuiltSite(root: work.path + "/public", work: work)
        let report = site.page("test-plan/reports/2023/index.html")
        #expect(report.contains("<caption>評価ごとの件数の増減（令和4年度→令和5年度） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(report.contains("令和4年度は計画期間の前の年度のため、Mieruka は前年度と比べていません。増減は市の公表値です。"))
        #expect(
            Self.rows(report, table: "grade-change-table") == [
                ["A 計画を上回る", "1", "—", "0"], ["B 概ね計画どおり", "5", "—", "+2"], ["C 計画どおり進捗せず", "3", "—", "△1"],
                ["D 進捗がほぼなし", "1", "—", "1"], ["計", "10", "—", "+2"],
            ])
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func aPlansFirstYearWithoutAPublishedChangeHasNoComparison() throws {
        let (result, site) = try FidelityFixtureTests.build("published-change")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("test-plan/reports/2023/index.html")
        #expect(!report.contains("前年度（令和4年度）からの変化"))
        #expect(!report.contains("grade-change-table"))
    }

    @Test func aPublishedChangeMustBeAWholeNumber() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let plan = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "    grade_total: {A: 2, B: 6, C: 2, D: 0}\n", with: "    grade_total: {A: 2, B: 6, C: 2, D: 0}\n    grade_change: {A: 1.5, B: 0, C: 0, D: 0}\n")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: the 増減 for grade \"A\" is not a whole number"), "\(result.standardError)")
    }

    @Test func anUnknownGradeOrderIsAnError() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let plan = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "policy_levels:", with: "grade_order: よい順\npolicy_levels:")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: \"よい順\" is not a valid grade_order"), "\(result.standardError)")
        #expect(result.standardError.contains("hint: use one of: best_first"))
    }
}
