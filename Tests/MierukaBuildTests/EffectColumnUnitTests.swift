import Foundation
import MierukaTestSupport
import Testing

/// A results sheet whose amounts' columns are in another unit than the plan's money_unit
/// (「効果見込額（万円）」 in a plan in 千円), on the made-up base plan with the made-up sheet in
/// Tests/Fixtures/fidelity/effect-column-unit. An amount written as words (「約100」, 「50の増」) is
/// shown with the unit the header gave it (「約100万円」, 「50万円の増」), never under the plan's
/// unit, in the tables, the item's sentence, the chart and the downloads; an amount written as a
/// figure is converted into the plan's unit as before.
@Suite struct EffectColumnUnitTests {
    @Test func wordsReadInTheColumnsUnitKeepThatUnitOnThePages() throws {
        let (result, site) = try FidelityFixtureTests.build("effect-column-unit")
        #expect(result.status == 0, "\(result.standardError)")
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("<p class=\"effect\">効果見込額 約100万円、実績効果額 50万円の増</p>"), "\(item)")
        #expect(item.contains("<td class=\"num\">約100万円</td>\n<td class=\"num\">50万円の増</td>"))
        #expect(item.contains(">50万円の増</text>"), "the chart writes the amount with its unit")
        #expect(!item.contains(">約100<") && !item.contains(">50の増<"))
        let report = site.page("test-plan/reports/2025/index.html")
        #expect(report.contains("効果見込額 約100万円、実績効果額 50万円の増"))
        // A figure in the column's unit is converted into the plan's, as every amount is.
        #expect(report.contains("効果見込額 200千円、実績効果額 150千円"))
        let results = site.page("test-plan/data/results.csv")
        #expect(results.contains(",約100万円,50万円の増,"), "\(results)")
        let json = site.page("test-plan/data/plan.json")
        #expect(json.contains("\"effect_expected_text\":\"約100万円\""))
        #expect(json.contains("\"effect_actual_text\":\"50万円の増\""))
    }

    /// Words in the plan's own unit, from YAML or a column in that unit, are shown as written in
    /// the tables (whose heading gives the unit) and with the plan's unit in a sentence.
    @Test func wordsInThePlansUnitGetItInASentenceOnly() throws {
        let (result, site) = try FidelityFixtureTests.build("effect-approximate")
        #expect(result.status == 0, "\(result.standardError)")
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("効果見込額 約100千円、実績効果額 50千円"), "\(item)")
        #expect(item.contains("<td class=\"num\">約100</td>"))
    }
}
