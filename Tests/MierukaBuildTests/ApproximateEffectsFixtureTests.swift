import Foundation
import MierukaTestSupport
import Testing

/// Effects given as approximate figures (「約…」) outside money tables, through the real `mieruka`
/// executable on the made-up plan in Tests/Fixtures/fidelity/effect-approximate: a year's published
/// effects (`declared:`), an item's `effect:` in a results file (YAML) and a results sheet (CSV).
/// Each is shown as written with a note; no sum, 累計, 差額 or 達成率 Mieruka makes includes it (「—」
/// where one would); `check` compares nothing it is part of; the open data keep its words.
@Suite struct ApproximateEffectsFixtureTests {
    static let note = "「約」の付いた額は、公表どおりの概数です（表記のまま）。Mieruka の合計・累計・差額・達成率には入れず、概数が入るはずの欄は「—」です。"

    @Test func approximateEffectsAreShownAsWrittenAndInNoSum() throws {
        let (result, site) = try FidelityFixtureTests.build("effect-approximate")
        #expect(result.status == 0, "\(result.standardError)")
        // 令和6年度's published rows: 約1,200 as written, no 差額 or 達成率 for it, and no 合計 of
        // the column (the report publishes none, and Mieruka's sum of the rows would need it).
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<td class=\"num\">1,000</td>\n<td class=\"num\">約1,200</td>\n<td class=\"num\">—</td>\n<td class=\"num\">—</td>"), "\(report)")
        #expect(report.contains("<td class=\"num\">1,500</td>\n<td class=\"num\">—</td>"))
        #expect(report.contains(Self.note))
        // An item's 実績効果額 from its results file, as written.
        #expect(site.page("test-plan/002/index.html").contains("実績効果額 約10万円"))
        #expect(site.page("test-plan/002/index.html").contains(Self.note))
        // 令和7年度, summed by Mieruka from the sheet: item 1's 約100 is in no 効果見込額 sum.
        let plan = site.page("test-plan/index.html")
        let summed = site.page("test-plan/reports/2025/index.html")
        #expect(summed.contains("<th scope=\"row\">合計</th>\n<td class=\"num\">—</td>\n<td class=\"num\">250</td>\n<td class=\"num\">—</td>"))
        #expect(summed.contains(Self.note))
        #expect(plan.contains("<td class=\"num\">約70万円</td>"), "a published total as written")
        #expect(plan.contains(Self.note))
    }

    /// The effects chart's text equivalent says an approximate amount as written, 「約…（概数）」,
    /// never 「なし」 as if the city had published no figure.
    @Test func theEffectsChartsTextEquivalentSaysAnApproximateAmountAsWritten() throws {
        let (result, site) = try FidelityFixtureTests.build("effect-approximate")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("test-plan/index.html")
        #expect(plan.contains("-desc\">令和5年度：見込額 800千円、実績 約70万円（概数）。"), "\(plan)")
        #expect(!plan.contains("実績 なし。令和6年度") && !plan.contains("令和5年度：見込額 800千円、実績 なし"))
    }

    @Test func theOpenDataKeepTheWordsAndMarkTheFigureApproximate() throws {
        let (result, site) = try FidelityFixtureTests.build("effect-approximate")
        #expect(result.status == 0, "\(result.standardError)")
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("{\"policy\":\"1\",\"expected_yen\":1000000,\"actual_yen\":1200000,\"actual_text\":\"約1,200\",\"actual_approximate\":true}"))
        #expect(json.contains("\"effect_actual_yen\":100000,\"effect_actual_text\":\"約10万円\",\"effect_actual_approximate\":true"))
        #expect(json.contains("\"effect_expected_yen\":100000,\"effect_actual_yen\":50000,\"effect_expected_text\":\"約100\",\"effect_expected_approximate\":true"))
        let results = site.page("test-plan/data/results.csv")
        #expect(results.contains(",500,約10万円,"))
        #expect(results.contains(",約100,50,"))
        #expect(site.page("test-plan/feed.xml").contains("財政効果 約70万円"), "a published total as written")
        #expect(site.page("test-plan/data/effects.csv").contains("test-plan,2024,令和6年度,公表値,基本方針,1,行政サービスの最適化,1000,\"約1,200\""))
    }

    @Test func checkComparesNothingAnApproximateFigureIsPartOf() throws {
        let (result, _) = try FidelityFixtureTests.build("effect-approximate", command: ["check"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("warning"), "\(result.standardError)")
    }

    @Test func aLoneApproximateMarkIsNotAnAmountAndTheHintSaysWhatIs() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/effect-approximate"), onto: work.path)
        let path = work.path + "/seeds/test-plan/R6.yml"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "actual: 約10万円", with: "actual: 約")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\"約\" is not an amount of money"), "\(result.standardError)")
        #expect(result.standardError.contains("an approximate figure is read with 「約」 in front"), "\(result.standardError)")
    }
}
