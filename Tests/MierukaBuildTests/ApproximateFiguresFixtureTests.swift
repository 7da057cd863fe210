import Foundation
import MierukaTestSupport
import Testing

/// Amounts a report gives as approximate figures (「約49億円」: 米子市's 取組の効果額, 大田原市's 財政効果額),
/// through the real `mieruka` executable on the made-up plan in
/// Tests/Fixtures/fidelity/money-approximate: shown as written with a note, marked in the open
/// data, and held to no sum or difference, while the table's exact figures still are.
@Suite struct ApproximateFiguresFixtureTests {
    @Test func approximateAmountsAreShownAsWrittenAndSaidToBeApproximate() throws {
        let (result, site) = try FidelityFixtureTests.build("money-approximate")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("approx-plan/index.html")
        #expect(site.cells(plan, table: "money-table", column: 0) == ["約29億円", "20億円", "約49億円"])
        #expect(site.cells(plan, table: "money-table", column: 1) == ["約49億円", "37億円", "約86億円"])
        #expect(plan.contains("<td class=\"num\">約49億円</td>\n<td class=\"num\">19億円</td>"))
        #expect(plan.contains("<td class=\"num\">約100</td>"))
        #expect(plan.contains("<td class=\"num\">約220</td>"))
        let note = "<p class=\"table-note\">「約」の付いた額は、市の公表どおりの概数です（表記のまま）。</p>"
        #expect(plan.components(separatedBy: note).count - 1 == 2, "one note under each table with an approximate figure")
        let json = site.page("approx-plan/data/plan.json")
        #expect(json.contains("{\"text\":\"約29億円\",\"yen\":2900000000,\"approximate\":true}"))
        #expect(json.contains("{\"text\":\"20億円\",\"yen\":2000000000}"))
        #expect(json.contains("\"text\":\"約100\",\"yen\":100000000,\"value_yen\":100000000,\"approximate\":true"))
    }

    @Test func checkHoldsNoApproximateFigureToTheYenButStillChecksTheExactOnes() throws {
        let (result, _) = try FidelityFixtureTests.build("money-approximate", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains("approx-plan") && $0.contains(": warning: ") }.map {
            String($0.drop { $0 != " " }.dropFirst())
        }
        // Not warned: 約49 − 約29 ≠ 19, 約49 ÷ 約29 ≠ 170.0%, 約100 + 200 ≠ 301, 約220 in 合計 and the
        // 合計 row of 当初の見込み and 効果額, whose parts or totals are approximate.
        #expect(
            warnings == [
                "warning: the money table 「期間中の効果額」, 正確な行: 増加 is published as 16億円, but 効果額 37億円 − 当初の見込み 20億円 is 17億円",
                "warning: the money table 「期間中の効果額」: 合計 of 増加 is published as 34億円, but its rows add up to 35億円",
                "warning: the money table 「年度別の効果額」: 歳入, 計 is published as 31, but the columns that are not sums add up to 30",
                "warning: the money table 「年度別の効果額」: 合計, 計 is published as 330, but the rows that are not sums add up to 332",
            ], "\(result.standardError)")
    }

    @Test func aLoneApproximateMarkIsNotAnAmount() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/money-approximate"), onto: work.path)
        let path = work.path + "/content/approx-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "planned: 約29億円", with: "planned: 約")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/approx-plan/_index.md:15:32: error: \"約\" is not an amount of money"), "\(result.standardError)")
    }
}
