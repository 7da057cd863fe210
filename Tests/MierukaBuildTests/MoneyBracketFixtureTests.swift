import Foundation
import MierukaTestSupport
import Testing

/// Money cells holding two figures, the second in brackets (いわき市's 「950(9500)」: 計画額 with its
/// 累計額), through the real `mieruka` executable, on the made-up plan in
/// Tests/Fixtures/fidelity/money-brackets (its figures are invented; one bracketed 累計 in each of the
/// first two tables does not follow its rule on purpose).
@Suite struct MoneyBracketFixtureTests {
    /// A copy of the fixture with some of its text replaced (the directory lives as long as the value).
    static func site(replacing replacements: [(String, String)]) throws -> TemporaryDirectory {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/money-brackets"), onto: work.path)
        let path = work.path + "/content/bracket-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "the fixture has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return work
    }

    @Test func twoFigureCellsAreShownAsPrintedWithTheBracketsMeaningNamed() throws {
        let (result, site) = try FidelityFixtureTests.build("money-brackets")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("bracket-plan/index.html")
        // Each cell whole, as written: half-width or full-width brackets as the report has them.
        #expect(
            plan.contains(
                "<th scope=\"row\">計画額(累計額)</th>\n<td class=\"num\">100(100)</td>\n<td class=\"num\">200(300)</td>\n<td class=\"num\">300(700)</td>\n<td class=\"num\">400(1,000)</td>\n<td class=\"num\">1,000(1,000)</td>"
            ), "\(plan)")
        #expect(plan.contains("<td class=\"num\">120（120）</td>\n<td class=\"num\">210（330）</td>\n<td class=\"num\">—</td>"))
        // The bracketed figure's meaning in the report's word, and the rule the transcription names.
        #expect(
            plan.contains(
                "<p class=\"table-note\">（ ）内の金額は、市の表の「累計額」です（表記のまま）。初年度からその年度までの各年度の額の合計として数えられています。</p>"
            ))
        #expect(plan.contains("<p class=\"table-note\">（ ）内の金額は、市の表の「累計」です（表記のまま）。各年度の額を、その効果が計画期間の以後の年度も続くものとして"))
        #expect(plan.contains("<p class=\"table-note\">（ ）内の金額は、市の表の「前年度」です（表記のまま）。</p>"))
        // A text row: figures that are not amounts, as written (escaped), 「—」 where none is printed, never a sum.
        #expect(plan.contains("<tr>\n<th scope=\"row\">達成率</th>\n<td class=\"num\">120.0%</td>\n<td class=\"num\">105.0%</td>\n<td class=\"num\">—</td>"))
        #expect(plan.contains("<td class=\"num\">&lt;b&gt;見込み&lt;/b&gt;</td>"))
        #expect(!plan.contains("<b>見込み</b>"))
        // No figure of Mieruka's: no 累計 row or column is added.
        #expect(!plan.contains("<tfoot>"))
    }

    @Test func checkComparesEachBracketedTotalWithTheYearsByItsRule() throws {
        let (result, _) = try FidelityFixtureTests.build("money-brackets", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }.map(String.init)
        #expect(
            warnings == [
                // running_total: 100 + 200 + 300 is 600, printed (700).
                "content/bracket-plan/_index.md:18:59: warning: the money table 「効果額の推移」: 計画額(累計額), 令和4年度 prints 700 in brackets as its 累計額, but its figures for 令和2年度～令和4年度 add up to 600",
                // continuing: 100×3 + 200×2 + 300 is 1,000, printed (900); 200×1 + 100×2 = 400 agrees.
                "content/bracket-plan/_index.md:28:54: warning: the money table 「継続する効果」: 計画額, 令和4年度 prints 900 in brackets as its 累計, but its figures for 令和2年度～令和4年度, each counted again in every later year, come to 1,000",
            ], "\(result.standardError)")
        // The sum columns' brackets follow their last year (1,000 both), and the 計 of the
        // amounts (100 + … + 400) agrees: not reported. A text row is never a part of the 計.
        #expect(!result.standardError.contains("計 prints"))
        #expect(!result.standardError.contains("合計 prints"))
        #expect(!result.standardError.contains("達成率"))
    }

    @Test func aBracketedTotalIsComparedOnlyWhenEveryYearUpToItIsPrinted() throws {
        let work = try Self.site(replacing: [("\"120（120）\", \"210（330）\", ~", "~, \"210（999）\", ~")])
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("実績額(累計額)"), "\(result.standardError)")
    }

    @Test func bothFiguresAreSeparateValuesInTheDownloads() throws {
        let (result, site) = try FidelityFixtureTests.build("money-brackets")
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try ReportedOpenDataTests.csv(site, "bracket-plan/data/money-grids.csv")
        let first = try #require(csv.first)
        #expect(first["表"] == "効果額の推移" && first["区分"] == "計画額(累計額)" && first["列の見出し"] == "令和2年度")
        let r4 = try #require(csv.first { $0["区分"] == "計画額(累計額)" && $0["列の見出し"] == "令和4年度" })
        #expect(r4["表記"] == "300(700)")
        #expect(r4["金額（円）"] == "300000000")
        #expect(r4["（ ）内の名称"] == "累計額" && r4["（ ）内の数え方"] == "running_total")
        #expect(r4["（ ）内の表記"] == "700" && r4["（ ）内の金額（円）"] == "700000000")
        let total = try #require(csv.first { $0["区分"] == "計画額(累計額)" && $0["列の見出し"] == "計" })
        #expect(total["列の種類"] == "資料の計" && total["（ ）内の表記"] == "1,000")
        // A cell without brackets has none; a text row's cells are words only.
        let plain = try #require(csv.first { $0["区分"] == "効果額" })
        #expect(plain["表記"] == "50" && plain["（ ）内の名称"] == "" && plain["（ ）内の表記"] == "")
        let rate = try #require(csv.first { $0["区分"] == "達成率" && $0["列の見出し"] == "令和2年度" })
        #expect(rate["行の種類"] == "文字" && rate["表記"] == "120.0%" && rate["金額（円）"] == "")
        // One line per cell of each row, empty cells included (表記 empty): 5 columns × 2 rows of the
        // first table, then the others' rows × columns.
        #expect(csv.filter { $0["区分"] == "実績額(累計額)" }.count == 5)
        #expect(csv.filter { $0["区分"] == "実績額(累計額)" && $0["表記"] == "" }.count == 3)
        #expect(csv.count == 22)
        #expect(FileManager.default.fileExists(atPath: site.root + "/bracket-plan/data/money-grids.xlsx"))
        #expect(site.page("bracket-plan/data/index.html").contains("money-grids.csv"))

        let plan = try ReportedOpenDataTests.json(site, "bracket-plan")
        let tables = try #require(plan["money_tables"] as? [[String: Any]])
        func grid(_ index: Int) -> [String: Any]? { tables[index]["grid"] as? [String: Any] }
        let bracket = try #require(grid(0)?["bracket"] as? [String: Any])
        #expect(bracket["label"] as? String == "累計額" && bracket["counts"] as? String == "running_total")
        #expect((grid(2)?["bracket"] as? [String: Any])?["counts"] is NSNull)
        let rows = try #require(grid(0)?["rows"] as? [[String: Any]])
        let cells = try #require(rows[0]["cells"] as? [[String: Any]])
        #expect(cells[1]["text"] as? String == "200(300)" && cells[1]["amount"] as? String == "200")
        #expect((cells[1]["yen"] as? NSNumber)?.int64Value == 200_000_000)
        let bracketed = try #require(cells[1]["bracketed"] as? [String: Any])
        #expect(bracketed["text"] as? String == "300" && (bracketed["yen"] as? NSNumber)?.int64Value == 300_000_000)
        #expect(rows[2]["text"] as? Bool == true)
        #expect(((rows[2]["cells"] as? [Any])?.first as? [String: Any])?["text"] as? String == "120.0%")
        #expect(rows[0]["text"] == nil)
    }

    @Test func badTwoFigureCellsAreErrorsAtTheirPlaceWithAHint() throws {
        let work = try Self.site(replacing: [
            ("\"200(300)\"", "\"200(300\""),
            ("\"300(700)\"", "\"(700)\""),
            ("\"400(1,000)\"", "\"400(千)\""),
            ("\"210（330）\"", "\"210）\""),
            ("    bracket: {label: 累計, counts: continuing}\n", ""),
        ])
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        let file = "content/bracket-plan/_index.md"
        #expect(
            errors.contains(
                "\(file):18:47: error: \"200(300\" has a bracket that does not close at the end of the cell\n    hint: a cell holds an amount and, at most, a second figure in brackets after it: \"1,030（2,930）\""
            ), "\(errors)")
        #expect(errors.contains("\(file):18:58: error: \"(700)\" lacks the amount before its brackets\n    hint: write both figures"), "\(errors)")
        #expect(errors.contains("error: \"千\" (the 累計額 in brackets) is not an amount of money"), "\(errors)")
        #expect(errors.contains("error: \"210）\" closes a bracket it does not open"), "\(errors)")
        #expect(
            errors.contains(
                "\(file):27:30: error: \"100(100)\" holds two figures, but the money table \"継続する効果\" does not say what the figure in brackets is\n    hint: name it as the report does, on the table: bracket: {label: 累計額}"
            ), "\(errors)")
        // Every bad cell is reported, each at its place, not only the first.
        #expect(errors.components(separatedBy: ": error: ").count - 1 == 8, "\(errors)")
    }

    @Test func aRuleNeedsAColumnPerYearAndANamedBracketACellWithOne() throws {
        let work = try Self.site(replacing: [
            ("    years: R2～R4\n    unit: 百万円\n    row_heading: 区分\n    bracket: {label: 累計, counts: continuing}",
             "    years: R2～R5\n    unit: 百万円\n    row_heading: 区分\n    bracket: {label: 累計, counts: continuing}"),
            ("\"40 (35)\"", "\"40\""),
        ])
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(
            errors.contains(
                "error: the money table \"継続する効果\" says how its 累計 is counted from the years, but it has 3 columns of amounts that are not sums for its 4 fiscal years\n    hint: counts: needs one column per fiscal year of years:, in order from the first"
            ), "\(errors)")
        #expect(
            errors.contains(
                "error: the money table \"前年度との比較\" names a bracketed figure (前年度), but no cell has one"), "\(errors)")
    }

    @Test func aTwoFigureCellInATableOfFixedColumnsGetsAHintToTheReportsLayout() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/reported-figures"), onto: work.path)
        let path = work.path + "/content/money-plan/_index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "planned: \"100.0\"", with: "planned: \"100.0（900.0）\"")
        #expect(changed != text)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "error: \"100.0（900.0）\" is not an amount of money\n    hint: a cell of two figures (「950（9500）」) is read in a money table in the report's own layout"
            ), "\(result.standardError)")
    }

    @Test func aTextRowIsNeverASum() throws {
        let work = try Self.site(replacing: [
            ("{label: 達成率, text: true, cells:", "{label: 達成率, text: true, sum_of: all, cells:")
        ])
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains("error: the row 「達成率」 is a text row (text: true), so it cannot be a sum"),
            "\(result.standardError)")
    }
}
