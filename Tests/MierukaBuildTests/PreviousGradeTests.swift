import Foundation
import MierukaTestSupport
import Testing

/// The previous year's grade a report prints beside each item (`previous_grade:`, a sheet's
/// 前年度評価), on the made-up base plan with the made-up results in
/// Tests/Fixtures/fidelity/previous-grade: shown as printed on the year's report, in no count,
/// in the downloads, and compared by `check` with the previous year's own result.
@Suite struct PreviousGradeTests {
    @Test func thePrintedPreviousGradeIsShownAsPrintedAndCountsNowhere() throws {
        let (result, site) = try FidelityFixtureTests.build("previous-grade")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(r6.contains("<dt>前年度評価</dt>\n<dd class=\"previous-grade\">A（報告書の記載のとおり）</dd>"))
        #expect(r6.contains("<dt>前年度評価</dt>\n<dd class=\"previous-grade\">－（報告書の記載のとおり）</dd>"))
        let r7 = site.page("test-plan/reports/2025/index.html")
        #expect(r7.contains("<dd class=\"previous-grade\">Ａ（報告書の記載のとおり）</dd>"), "as printed, full-width included")
        // The year's counts are those of the base fixture's: the printed grades are in none.
        let base = try FidelityFixtureTests.build(nil).site
        let baseR6 = base.page("test-plan/reports/2024/index.html")
        for column in [1, 2, -1] {
            #expect(site.cellsOfEvery(r6, table: "grade-table", column: column) == base.cellsOfEvery(baseR6, table: "grade-table", column: column))
        }
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("\"previous_grade\":\"A\""))
        #expect(json.contains("\"previous_grade\":\"－\""))
        #expect(site.page("test-plan/data/index.html").contains("<code>items[].results[].previous_grade</code>"))
        #expect(!base.page("test-plan/data/index.html").contains("previous_grade"))
        let results = site.page("test-plan/data/results.csv")
        #expect(results.split(whereSeparator: \.isNewline).first?.hasSuffix(",前年度評価") == true)
    }

    @Test func checkWarnsWhenThePreviousYearsOwnResultHasAnotherGrade() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/previous-grade"), onto: work.path)
        let path = work.path + "/seeds/test-plan/R7.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "R7,3,B,Ａ", with: "R7,3,B,C").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 0)
        #expect(result.standardError.contains(
            "seeds/test-plan/R7.csv:3:4: warning: the item 3's 令和7年度 result prints C as the previous year's grade, but its 令和6年度 result on the site is A"),
            "\(result.standardError)")
    }
}
