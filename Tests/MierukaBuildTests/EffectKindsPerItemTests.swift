import Foundation
import MierukaTestSupport
import Testing

/// One item with amounts of two kinds in one year (`effect:` as a list, one entry per kind, as
/// 相馬市's report gives an item a 単年度効果額 and a 継続的効果額): each amount in its kind's tables,
/// never added together, and both in the downloads, read back from them. Made-up data in
/// Tests/Fixtures/fidelity/effect-kinds-both (over effect-kinds); errors in invalid/effect-kind-twice.
@Suite struct EffectKindsPerItemTests {
    static func build() throws -> (result: CommandRunner.Result, site: BuiltSite) {
        try ReportedOpenDataTests.build(["effect-kinds", "effect-kinds-both"])
    }

    @Test func anItemsTwoKindsOfAmountAreEachInTheirKindsTables() throws {
        let (result, site) = try Self.build()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
        let item = site.page("test-plan/001/index.html")
        #expect(item.contains("効果見込額 300千円、実績効果額 280千円（継続的効果額）／効果見込額 50千円、実績効果額 40千円（単年度効果額）"))
        #expect(item.contains("<caption>財政効果額の推移（単年度効果額）（単位：千円）</caption>"))
        #expect(item.contains("<caption>財政効果額の推移（継続的効果額）（単位：千円）</caption>"))
        // The year's tables: item 1's 単年度 amount with items 2 and 3 (500 + 50, △100 + 40 under
        // policy 1), its 継続 amount alone; never 280 + 40.
        let r6 = site.page("test-plan/reports/2024/index.html")
        #expect(site.cellsOfEvery(r6, table: "effect-table", column: 0) == ["550", "200", "—", "750", "300", "—", "—", "300"])
        #expect(site.cellsOfEvery(r6, table: "effect-table", column: 1) == ["△60", "900", "—", "840", "280", "—", "—", "280"])
        #expect(!r6.contains(">320<"))
        // plan.json: the first amount with its kind, the other under more_effects.
        let json = try ReportedOpenDataTests.json(site, "test-plan")
        let items = try #require(json["items"] as? [[String: Any]])
        let results = try #require(items.first { $0["number"] as? String == "1" }?["results"] as? [[String: Any]])
        let r6Result = try #require(results.first { $0["year"] as? Int == 2024 })
        #expect(r6Result["effect_kind"] as? String == "continuing")
        let more = try #require(r6Result["more_effects"] as? [[String: Any]])
        #expect(more.count == 1)
        #expect(more[0]["kind"] as? String == "single_year")
        #expect((more[0]["actual_yen"] as? NSNumber)?.int64Value == 40_000)
        #expect(results.filter { $0["more_effects"] != nil }.count == 1)
        // results.csv: a row of its own for the second kind.
        let rows = try ReportedOpenDataTests.csv(site, "test-plan/data/results.csv").filter { $0["年度"] == "2024" && $0["番号"] == "1" }
        #expect(rows.map { [$0["効果見込額（千円）"] ?? "", $0["効果額（千円）"] ?? "", $0["効果額の種類"] ?? ""] } == [
            ["300", "280", "継続"], ["50", "40", "単年度"],
        ])
    }

    /// Read back from results.csv and results.xlsx, the site comes out the same, byte for byte.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func bothKindsReadBackFromTheExportedResults(file: String) throws {
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/effect-kinds"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/effect-kinds-both"), onto: site.path)
        let trip = OpenDataRoundTripTests()
        let outputs = try trip.roundTrip(
            site, plan: "test-plan", file: file,
            removing: ["seeds/test-plan/R5.yml", "seeds/test-plan/R6.yml", "seeds/test-plan/R7.csv"]
        ) { root in try OpenDataRoundTripTests.removeFrontMatterResults(ofFirstItemIn: root) }
        trip.expectSame(outputs)
    }

    /// In a sheet, a second row of the item with the same kind and another amount is a repeat that
    /// differs (an error naming both cells), as before; rows of two kinds are two amounts.
    @Test func twoAmountsOfOneKindInASheetAreAnError() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/effect-kinds"), onto: work.path)
        let csv = "\u{FEFF}年度,番号,評価,効果見込額（千円）,効果額（千円）,効果額の種類\r\nR7,1,B,100,150,継続\r\nR7,1,B,50,60,単年度\r\nR7,1,B,70,80,単年度\r\nR7,2,C,50,60,\r\nR7,3,A,200,200,単年度\r\n"
        try csv.write(toFile: work.path + "/seeds/test-plan/R7.csv", atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("seeds/test-plan/R7.csv:4:4: error:"), "\(result.standardError)")
        #expect(!result.standardError.contains(":3:"), "\(result.standardError)")
    }
}
