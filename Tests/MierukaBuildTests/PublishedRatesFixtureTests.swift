import Foundation
import MierukaTestSupport
import Testing

/// `grade_rates:` and `total_rate:`: the 割合 a report prints beside every count of its table
/// (paperzz 第二次行政改革大綱: 未達成 21 30.4% … 合計 69 100%), shown and downloaded as published,
/// and checked against the counts. Fixture `fidelity/published-rates` (made-up rates).
@Suite struct PublishedRatesFixtureTests {
    @Test func ratesPrintedBesideTheCountsAreShownAndDownloadedAsPublished() throws {
        let (result, site) = try FidelityFixtureTests.build("published-rates")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("<tr>\n<th scope=\"row\">割合（市の公表値）</th>"))
        // Each grade's rate under its count, the 合計's rate under 計.
        #expect(site.cells(plan, table: "grade-table", column: 0).suffix(2) == ["2", "20.0%"])
        #expect(site.cells(plan, table: "grade-table", column: 1).suffix(2) == ["6", "60.0%"])
        #expect(site.cells(plan, table: "grade-table", column: -1).suffix(2) == ["10", "100%"])
        let csv = site.page("test-plan/data/grade-counts.csv")
        #expect(csv.contains("割合（公表値）"))
        #expect(csv.contains(",B,概ね計画どおり,6,60.0%"), "\(csv)")
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("\"grade_rates\":{\"A\":\"20.0%\",\"B\":\"60.0%\",\"C\":\"20.0%\",\"D\":\"0.0%\"},\"total_rate\":\"100%\""))
        // Without the key: no row, no column, no member.
        let (_, plain) = try FidelityFixtureTests.build(nil)
        #expect(!plain.page("test-plan/index.html").contains("割合（市の公表値）"))
        #expect(!plain.page("test-plan/data/grade-counts.csv").contains("割合"))
        #expect(!plain.page("test-plan/data/plan.json").contains("grade_rates"))
    }

    @Test func aRateThatIsNotItsCountOverTheTotalIsWarnedAndShownAsPublished() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/published-rates"), onto: work.path)
        let path = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("B: 60.0%"))
        // 6 of 10 is 60.0%, never 66.7%; 2 of 10 cut or rounded at no decimals is 20%, which agrees.
        try text.replacingOccurrences(of: "B: 60.0%", with: "B: 66.7%").replacingOccurrences(of: "A: 20.0%", with: "A: 20%")
            .replacingOccurrences(of: "total_rate: 100%", with: "total_rate: 99.9%")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let checked = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(
            checked.standardError.contains("warning: the published rate of B for 令和6年度 is 66.7%, but its count 6 of the 10 counted is 60.0%"),
            "\(checked.standardError)")
        #expect(checked.standardError.contains("warning: the published rate of the total for 令和6年度 is 99.9%"))
        #expect(!checked.standardError.contains("rate of A"))
        let built = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(built.status == 0)
        let plan = BuiltSite(root: work.path + "/public", work: work).page("test-plan/index.html")
        #expect(plan.contains("<td class=\"num\">66.7%</td>"))
    }

    /// On a status axis: the axis's published counts carry their own rates, and the axis its own
    /// heading over its states (`states_heading:` under `axes:`). Made-up figures.
    @Test func anAxisHasItsOwnRatesAndItsOwnHeadingOverItsStates() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/status-axes"), onto: work.path)
        let path = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let states = "    states: [目標年度が未到来]\n"
        let total = "    grade_total: {A: 2, B: 6, C: 2, D: 0}\n"
        #expect(text.contains(states) && text.contains(total))
        try text.replacingOccurrences(of: states, with: states + "    states_heading: 達成状況が確定できないもの\n")
            .replacingOccurrences(
                of: total,
                with: total + "    axes:\n      - {axis: 着手状況, grade_total: {未着手: 1, 取組中: 4, 完了: 5}, "
                    + "grade_rates: {未着手: 10%, 取組中: 40%, 完了: 50%}, total_rate: 100%}\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let built = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(built.status == 0, "\(built.standardError)")
        #expect(built.standardError.isEmpty, "\(built.standardError)")
        let site = BuiltSite(root: work.path + "/public", work: work)
        let report = site.page("test-plan/reports/2024/index.html")
        let rows = StatusAxesFixtureTests.rows(report, caption: "着手状況の分布（令和6年度・公表値）")
        #expect(rows.last == ["割合（市の公表値）", "10%", "40%", "50%", "100%"], "\(rows)")
        #expect(report.contains("（達成状況が確定できないもの）"), "the axis's own heading names its states")
        #expect(site.page("test-plan/data/plan.json").contains("\"states_heading\":\"達成状況が確定できないもの\""))
    }
}
