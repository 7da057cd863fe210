import MierukaTestSupport
import Testing

/// Money tables in the report's own layout (`columns:` as a list), through the real `mieruka`
/// executable, on the made-up plan in Tests/Fixtures/fidelity/money-grid (its figures are invented;
/// one 小計 and one 計 do not add up on purpose).
@Suite struct MoneyGridFixtureTests {
    @Test func theReportsColumnsGroupsAndSumsAreShownAsWritten() throws {
        let (result, site) = try FidelityFixtureTests.build("money-grid")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("grid-plan/index.html")
        #expect(plan.contains("<caption>単年度効果額（令和2年度～令和4年度）（単位：千円） <span class=\"declared-mark\">市の公表値</span></caption>"))
        #expect(
            plan.contains(
                "<th scope=\"col\">項目</th>\n<th scope=\"col\" class=\"num\">令和2年度</th>\n<th scope=\"col\" class=\"num\">令和3年度</th>\n<th scope=\"col\" class=\"num\">令和4年度</th>\n<th scope=\"col\" class=\"num\">計</th>"
            ))
        // △ and the report's space after it kept; a cell it leaves empty is 「—」, never a figure.
        #expect(site.cells(plan, table: "money-table", column: 0) == ["△1,000", "300"])
        #expect(plan.contains("<th scope=\"row\">収入額</th>\n<td class=\"num\">300</td>\n<td class=\"num\">200</td>\n<td class=\"num\">—</td>\n<td class=\"num\">500</td>"))
        #expect(plan.contains("<td class=\"num\">△ 500</td>"))
        // The printed sums are rows of their own, marked; no 合計 row or 累計 of Mieruka's is added.
        #expect(plan.contains("<tr class=\"sum\">\n<th scope=\"row\">効果額</th>\n<td class=\"num\">1,300</td>"))
        #expect(!plan.contains("<tfoot>"))
        // The columns say each figure's year: the table is not said to be a span's figures.
        #expect(!plan.contains("この表は令和2年度～令和4年度の期間についての公表値"))
        // Groups under the report's headings, each a row group, its 小計 and the 合計 as printed.
        #expect(plan.contains("<tbody>\n<tr class=\"group\">\n<th scope=\"rowgroup\" colspan=\"2\">1 事務事業の見直し</th>\n</tr>"))
        #expect(plan.contains("<th scope=\"row\">新規採用</th>\n<td class=\"num\">200の増</td>"))
        #expect(plan.contains("<tr class=\"sum\">\n<th scope=\"row\">小計</th>\n<td class=\"num\">△ 800</td>"))
        #expect(plan.contains("<tr class=\"sum\">\n<th scope=\"row\">合計</th>\n<td class=\"num\">△ 2,000</td>"))
        #expect(plan.contains("<p class=\"table-source\">出典：架空市「令和3年度 実施計画の実績」（テスト用の架空の表）</p>"))
    }

    @Test func checkWarnsWhereAPrintedSumIsNotTheSumOfItsParts() throws {
        let (result, _) = try FidelityFixtureTests.build("money-grid", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }.map(String.init)
        #expect(
            warnings == [
                "content/grid-plan/_index.md:24:55: warning: the money table 「単年度効果額」: 効果額, 計 is published as 4,100, but the columns that are not sums add up to 4,000",
                "content/grid-plan/_index.md:24:55: warning: the money table 「単年度効果額」: 効果額, 計 is published as 4,100, but 「削減額」 + 「収入額」 add up to 4,000",
                // 「200の増」 counts against the reduction: △900 and +200 make △700, not the printed △ 800.
                "content/grid-plan/_index.md:39:29: warning: the money table 「令和3年度の削減額」: 小計, 削減額 is published as △ 800, but the rows of its group add up to △700",
            ], "\(result.standardError)")
        // Sums that agree are not reported: △ counted as the amount reduced, 効果額 = 削減額 + 収入額
        // (1,000 + 300 = 1,300), the first group's 小計 and the 合計 over every row that is not a sum.
        #expect(!result.standardError.contains("令和2年度 is published"))
        #expect(!result.standardError.contains("合計, 削減額"))
        #expect(!result.standardError.contains("削減額, 計"))
    }

    @Test func badGridsAreErrorsAtTheirPlace() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/money-grid"), onto: work.path)
        let path = work.path + "/content/grid-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "sum_of: [削減額, 収入額]", with: "sum_of: [削減, 収入額]")
        text = text.replacingOccurrences(
            of: "    sign: reduction\n    row_heading: 実施内容", with: "    row_heading: 実施内容")
        text = text.replacingOccurrences(of: "cells: [\"300\", \"200\", ~, \"500\"]", with: "cells: [\"300\", \"200\"]")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(errors.contains("error: the money table \"単年度効果額\": the row 「効果額」 is a sum of 「削減」, which is not a row"), "\(errors)")
        #expect(errors.contains("error: the row \"収入額\" has 2 cells, but the table has 4 columns"))
        #expect(errors.contains("error: \"200の増\" says an increase, but the table's amounts are read as signed numbers"))
        #expect(errors.contains("hint: add sign: reduction to the table when its amounts are effects"))
    }

    /// Tests/Fixtures/fidelity/money-grid-text (made-up): words beside the amounts (取組項目, 担当).
    @Test func textColumnsAreShownAsWrittenEscapedAndNeverSummed() throws {
        let (checked, _) = try FidelityFixtureTests.build("money-grid-text", command: ["check"])
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(!checked.standardError.contains("warning:"), "\(checked.standardError)")
        let (result, site) = try FidelityFixtureTests.build("money-grid-text")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("text-grid-plan/index.html")
        // A text column's heading and cells are set as text, not as numbers.
        #expect(
            plan.contains(
                "<th scope=\"col\">実施内容</th>\n<th scope=\"col\">取組項目</th>\n<th scope=\"col\">担当</th>\n<th scope=\"col\" class=\"num\">上半期</th>\n<th scope=\"col\" class=\"num\">下半期</th>\n<th scope=\"col\" class=\"num\">計</th>"
            ), "\(plan)")
        #expect(
            plan.contains(
                "<th scope=\"row\">印刷物の見直し</th>\n<td>報告書の自作</td>\n<td>&lt;b&gt;総務課&lt;/b&gt;</td>\n<td class=\"num\">△ 300</td>"))
        // Words that look like a number stay words; a row without them has an empty cell, not 「—」.
        #expect(plan.contains("<th scope=\"row\">委託の見直し</th>\n<td>100</td>\n<td>財政課</td>\n<td class=\"num\">△ 200</td>"))
        #expect(plan.contains("<th scope=\"row\">旅費の見直し</th>\n<td></td>\n<td>財政課</td>\n<td class=\"num\">△ 100</td>\n<td class=\"num\">—</td>"))
        #expect(plan.contains("<tr class=\"sum\">\n<th scope=\"row\">小計</th>\n<td></td>\n<td></td>\n<td class=\"num\">△ 600</td>"))
        #expect(plan.contains("<th scope=\"rowgroup\" colspan=\"6\">1 事務事業の見直し</th>"))
    }

    @Test func aPrintedSumBesideTextColumnsIsCheckedOverTheAmountsOnly() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/money-grid-text"), onto: work.path)
        let path = work.path + "/content/text-grid-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"△ 200\", \"△ 400\", \"△ 600\"", with: "\"△ 200\", \"△ 400\", \"△ 650\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "content/text-grid-plan/_index.md:22:63: warning: the money table 「令和3年度の削減額」: 委託の見直し, 計 is published as △ 650, but the columns that are not sums add up to △600"
            ), "\(result.standardError)")
    }

    @Test func aTextColumnIsNeverASumNorAPartOfOne() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/money-grid-text"), onto: work.path)
        let path = work.path + "/content/text-grid-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "columns: [{heading: 取組項目, text: true}, {heading: 担当, text: true}, 上半期, 下半期, {heading: 計, sum_of: all}]",
            with: "columns: [{heading: 取組項目, text: true}, {heading: 担当, text: true, sum_of: all}, 上半期, 下半期, {heading: 計, sum_of: [上半期, 取組項目]}]")
        text = text.replacingOccurrences(of: "[\"100\", 財政課,", with: "[[100], 財政課,")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(
            errors.contains(
                "content/text-grid-plan/_index.md:18:70: error: the column 「担当」 is a text column (text: true), so it cannot be a sum\n    hint: a text column's cells are words shown as written; remove sum_of:, or text: if the column holds amounts"
            ), "\(errors)")
        #expect(
            errors.contains(
                "error: the money table \"令和3年度の削減額\": the column 「計」 is a sum of 「取組項目」, which is a text column (its words are never summed)\n    hint: name columns of amounts by their headings as written: 上半期, 下半期, 計"
            ), "\(errors)")
        #expect(errors.contains("error: a cell of the text column 「取組項目」 should be a single text"), "\(errors)")
    }
}
