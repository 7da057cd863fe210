import Foundation
import MierukaTestSupport
import Testing

/// A provisional KPI value (見込み, 速報値) with the date or point it was given: shown marked,
/// replaced on the pages by a confirmed value for the same year, both kept in the downloads, never
/// used for Mieruka's 進捗率 (made-up values in Tests/Fixtures/fidelity/kpi-provisional*, over the
/// base fixture).
@Suite struct KPIProvisionalTests {
    static func build(_ overlay: String, command: [String] = ["build"]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        try FidelityFixtureTests.build(overlay, command: command)
    }

    @Test func aProvisionalValueIsMarkedAndReplacedByTheConfirmedOne() throws {
        let (result, site) = try Self.build("kpi-provisional")
        #expect(result.status == 0, "\(result.standardError)")
        let item = site.page("test-plan/001/index.html")
        // R5: the confirmed 20.0% replaces the 速報値 18.0%, which the page no longer shows.
        #expect(item.contains("<td class=\"num\">20.0%</td>"), "\(item)")
        #expect(!item.contains("18.0%"))
        // R6: only the 見込み, marked with its word and point.
        #expect(item.contains("<td class=\"num\">31.0%<br><small class=\"provisional\">（見込み・令和7年2月末）</small></td>"))
        // 進捗率 from the latest confirmed value (R5: (20−10)÷(50−10) = 25.0%), never from the 見込み (52.5%).
        #expect(item.contains("<td class=\"num\">25.0%<br><small>（令和5年度）</small></td>"))
        #expect(!item.contains("52.5%"))
        #expect(item.contains("確定前の値は進捗率の計算に使っていません"))
        // The year's report marks it too, without a 進捗率.
        let report = site.page("test-plan/reports/2024/index.html")
        #expect(report.contains("<li>オンライン申請割合：31.0%（見込み・令和7年2月末）（目標 50.0%（令和9年度））</li>"), "\(report)")
    }

    @Test func theDownloadsKeepBothValues() throws {
        let (result, site) = try Self.build("kpi-provisional")
        #expect(result.status == 0, "\(result.standardError)")
        let actuals = site.page("test-plan/data/kpi-actuals.csv")
        #expect(actuals.components(separatedBy: "\r\n").first?.hasSuffix(",進捗率（%）,確定前の値の区分,確定前の値の時点,確定前の値の注記,確定値で置き換え") == true, "\(actuals)")
        #expect(actuals.contains(",online,オンライン申請割合,%,2023,令和5年度,18.0,,,,速報値,令和6年5月末現在,令和6年9月確定予定,○\r\n"))
        #expect(actuals.contains(",online,オンライン申請割合,%,2023,令和5年度,20.0,,,25.0,,,,\r\n"))
        #expect(actuals.contains(",online,オンライン申請割合,%,2024,令和6年度,31.0,,,,見込み,令和7年2月末,,\r\n"))
        let json = site.page("test-plan/data/plan.json")
        #expect(
            json.contains(
                "\"provisional\":{\"label\":\"速報値\",\"as_of\":\"令和6年5月末現在\",\"note\":\"令和6年9月確定予定\",\"replaced\":true}"))
        #expect(json.contains("\"provisional\":{\"label\":\"見込み\",\"as_of\":\"令和7年2月末\",\"note\":null,\"replaced\":false}"))
        // Without a provisional value, the files keep their columns.
        let (_, base) = try FidelityFixtureTests.build(nil)
        #expect(!base.page("test-plan/data/kpi-actuals.csv").contains("確定前の値"))
    }

    /// results.csv carries the provisional mark of the year's value and reads back as the same site.
    @Test(arguments: ["results.csv", "results.xlsx"])
    func theFixtureRebuildsFromItsExportedResults(file: String) throws {
        let site = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: site.path)
        try FileTree.overlay(Fixtures.path("fidelity/kpi-provisional"), onto: site.path)
        let outputs = try OpenDataRoundTripTests().roundTrip(site, plan: "test-plan", file: file, removing: ["seeds/test-plan/R6.yml"])
        let results = String(decoding: try #require(outputs.original["test-plan/data/results.csv"]), as: UTF8.self)
        #expect(results.contains(",online,オンライン申請割合,%,31.0,,,,,,,見込み,令和7年2月末,\r\n"), "\(results)")
        OpenDataRoundTripTests().expectSame(outputs)
    }

    @Test func twoProvisionalValuesForAYearAreAnErrorAtTheSecond() throws {
        let (result, _) = try Self.build("kpi-provisional-invalid", command: ["check"])
        #expect(result.status == 1)
        let errors = result.standardError
        #expect(
            errors.contains("content/test-plan/items/001.md:16:16: error: the KPI \"オンライン申請割合\" has two provisional actuals for 令和5年度"),
            "\(errors)")
        // A provisional: that could not be read drops its value (it is not taken as confirmed).
        #expect(!errors.contains("already has an actual"))
        #expect(errors.contains("content/test-plan/items/001.md:17:46: error: \"provisional\" of a KPI actual says nothing"))
    }
}

/// `plan_kpis:` takes `provisional:` in the same two forms as an item's or a policy's KPI actual:
/// the word, or `{label, as_of, note}` (made-up values over Tests/Fixtures/fidelity/plan-kpis).
@Suite struct PlanKPIProvisionalTests {
    static func build(_ replacements: [(String, String)], command: [String] = ["build"]) throws -> (
        result: CommandRunner.Result, site: BuiltSite
    ) {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/plan-kpis"), onto: work.path)
        let path = work.path + "/content/kpi-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.mieruka(command, in: work.path)
        return (result, BuiltSite(root: work.path + "/public", work: work))
    }

    @Test func theObjectFormIsShownAndKeptInTheDownloads() throws {
        let (result, site) = try Self.build([
            ("provisional: 速報値}", "provisional: {label: 速報値, as_of: 令和4年9月末現在, note: 令和5年3月確定予定}}"),
            ("provisional: 見込み}", "provisional: {as_of: 令和4年3月末}}"),
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("kpi-plan/index.html")
        #expect(plan.contains("<td class=\"num\">1億9,999万円<br><small class=\"provisional\">速報値・令和4年9月末現在、令和5年3月確定予定</small></td>"), "\(plan)")
        #expect(plan.contains("<td class=\"num\">12.0%<br><small class=\"provisional\">確定前の値・令和4年3月末</small></td>"))
        #expect(plan.contains("「確定前の値」・「速報値」とある値は、町が確定値ではないとして公表したものです。語の後の「・」に続くのは、資料が示したその値の時点と注記です。"))
        // Still never compared with the target: 基金残高's only value is provisional.
        let table = plan.components(separatedBy: "<table class=\"plan-kpi-table\">").dropFirst().first?
            .components(separatedBy: "</table>")[0] ?? ""
        let comparisons = table.components(separatedBy: "\n<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        #expect(comparisons == ["達成", "—", "—", "—", "達成", "—", "達成"])
        // plan.json: the word as before, the point and the note beside it.
        let json = try ReportedOpenDataTests.json(site, "kpi-plan")
        let kpis = try #require((json["plan_kpis"] as? [[String: Any]])?.first?["kpis"] as? [[String: Any]])
        let fund = try #require((kpis[1]["actuals"] as? [[String: Any]])?.first)
        #expect(fund["provisional"] as? String == "速報値")
        #expect(fund["provisional_as_of"] as? String == "令和4年9月末現在")
        #expect(fund["provisional_note"] as? String == "令和5年3月確定予定")
        let confirmed = try #require((kpis[0]["actuals"] as? [[String: Any]])?.first)
        #expect(confirmed["provisional"] is NSNull)
        #expect(confirmed["provisional_as_of"] == nil)
        // plan-kpis.csv: the word, the point and the note in columns of their own.
        let rows = try ReportedOpenDataTests.csv(site, "kpi-plan/data/plan-kpis.csv")
        let row = try #require(rows.first { $0["指標"] == "基金残高" && $0["種別"] == "実績" })
        #expect(row["確定前"] == "速報値")
        #expect(row["確定前の値の時点"] == "令和4年9月末現在")
        #expect(row["確定前の値の注記"] == "令和5年3月確定予定")
        let wordless = try #require(rows.first { $0["指標"] == "実質公債費比率" && $0["開始年度"] == "2021" })
        #expect(wordless["確定前"] == "確定前の値")
        #expect(wordless["確定前の値の時点"] == "令和4年3月末")
    }

    @Test func theWordFormKeepsItsColumnsAndAnEmptyObjectIsALocatedError() throws {
        let (plain, site) = try Self.build([])
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(!site.page("kpi-plan/data/plan-kpis.csv").contains("確定前の値の時点"))
        #expect(!site.page("kpi-plan/data/plan.json").contains("provisional_as_of"))

        let (result, _) = try Self.build([("provisional: 速報値}", "provisional: {}}")], command: ["check"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("content/kpi-plan/_index.md:22:"), "\(result.standardError)")
        #expect(result.standardError.contains("error: \"provisional\" of a KPI actual says nothing"), "\(result.standardError)")
    }
}
