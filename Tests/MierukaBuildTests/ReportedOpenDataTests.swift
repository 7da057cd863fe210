import Foundation
import MierukaTestSupport
import Testing

@testable import MierukaSource

/// The figures a plan transcribes outside its items (`money_tables:`, `achievements:`,
/// `plan_kpis:`, `revisions:`, `as_of:`) in the open data: `plan.json` as published, with the
/// numbers Mieruka read beside the text, and the CSV and Excel tables 公表された効果額の表
/// (`money-tables`) and 計画全体の目標と実績 (`plan-kpis`). Built through the real executable from the
/// made-up fixture plans of Tests/Fixtures/fidelity (their figures are invented).
@Suite struct ReportedOpenDataTests {
    static func build(_ fixtures: [String]) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        for name in fixtures { try FileTree.overlay(Fixtures.path("fidelity/" + name), onto: work.path) }
        let result = try CommandRunner.mieruka(["build"], in: work.path)
        return (result, BuiltSite(root: work.path + "/public", work: work))
    }

    static func json(_ site: BuiltSite, _ plan: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: site.root + "/\(plan)/data/plan.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The CSV's rows as dictionaries from header to cell (after the byte-order mark).
    static func csv(_ site: BuiltSite, _ path: String) throws -> [[String: String]] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: site.root + "/" + path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = CSVParser.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self)).rows.map(\.cells)
        let header = try #require(rows.first)
        return rows.dropFirst().filter { $0 != [""] }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The Excel copy's rows as dictionaries from header to cell, read by the reader of `seeds/`.
    static func xlsx(_ site: BuiltSite, _ path: String) throws -> [[String: String]] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: site.root + "/" + path))
        let workbook = try XLSXWorkbook(XLSXPackage(Array(bytes)))
        let sheet = try #require(workbook.sheets.first)
        let rows = try XLSXSheetReader(workbook: workbook).read(part: try #require(sheet.part)).rows.map(\.cells)
        let header = try #require(rows.first)
        return rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < row.count ? row[$0] : "") })
        }
    }

    @Test func moneyTablesAndAchievementsAreInTheOpenDataAsPublished() throws {
        let (result, site) = try Self.build(["reported-figures"])
        #expect(result.status == 0, "\(result.standardError)")
        let plan = try Self.json(site, "money-plan")
        let tables = try #require(plan["money_tables"] as? [[String: Any]])
        #expect(tables.map { $0["title"] as? String } == ["効果額（分野別）", "効果額（3カ年合計）"])
        let first = tables[0]
        #expect(first["unit"] as? String == "百万円")
        #expect(first["basis"] as? String == "一般財源ベース")
        let rows = try #require(first["rows"] as? [[String: Any]])
        let difference = try #require(rows[1]["difference"] as? [String: Any])
        // The text as written (a contradiction included), and the amount read from it in yen.
        #expect(difference["text"] as? String == "-10.0")
        #expect((difference["yen"] as? NSNumber)?.int64Value == -10_000_000)
        let total = try #require(first["total"] as? [String: Any])
        #expect((total["rate"] as? [String: Any])?["text"] as? String == "99.9%")
        // A column the report does not print has no heading and no figures.
        let span = tables[1]
        #expect((span["years"] as? [String: Any])?["first"] as? Int == 2020)
        #expect((span["headings"] as? [String: Any])?["difference"] is NSNull)
        #expect((span["headings"] as? [String: Any])?["planned"] as? String == "目標額")
        let spanRows = try #require(span["rows"] as? [[String: Any]])
        #expect((spanRows[0]["planned"] as? [String: Any])?["text"] as? String == "1億2,000万円")
        #expect(((spanRows[0]["planned"] as? [String: Any])?["yen"] as? NSNumber)?.int64Value == 120_000_000)
        #expect(spanRows[0]["difference"] is NSNull)
        let achievements = try #require(plan["achievements"] as? [[String: Any]])
        #expect(achievements.count == 1)
        #expect(achievements[0]["of"] as? Int == 10)
        let counts = try #require(achievements[0]["counts"] as? [[String: Any]])
        #expect(counts.map { $0["count"] as? Int } == [7, 4])
        #expect(counts.map { ($0["rate"] as? [String: Any])?["text"] as? String } == ["70%", "40.0%"])

        let csv = try Self.csv(site, "money-plan/data/money-tables.csv")
        #expect(csv.count == 6)
        #expect(csv.map { $0["行の種類"] } == ["明細", "明細", "合計", "明細", "明細", "合計"])
        #expect(csv[1]["区分"] == "【乙】物件費")
        #expect(csv[1]["差の表記"] == "-10.0")
        #expect(csv[1]["差（円）"] == "-10000000")
        #expect(csv[3]["計画額の表記"] == "1億2,000万円")
        #expect(csv[3]["計画額（円）"] == "120000000")
        #expect(csv[3]["年度（和暦）"] == "令和2年度～令和4年度")
        #expect(csv[3]["差の見出し"] == "")
        #expect(csv[5]["達成率の表記"] == "106.3パーセント")
        #expect(csv[5]["達成率（%）"] == "106.3")
        // The workbook twin is written and listed on the data page beside the CSV.
        #expect(FileManager.default.fileExists(atPath: site.root + "/money-plan/data/money-tables.xlsx"))
        let page = site.page("money-plan/data/index.html")
        #expect(page.contains("公表された効果額の表"))
        #expect(page.contains("money-tables.xlsx"))
        #expect(page.contains("money_tables[]"))
        // A plan without money tables or plan KPIs has neither file nor key.
        #expect(!FileManager.default.fileExists(atPath: site.root + "/test-plan/data/money-tables.csv"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/test-plan/data/plan-kpis.csv"))
        let other = try Self.json(site, "test-plan")
        #expect(other["money_tables"] == nil && other["plan_kpis"] == nil && other["revisions"] == nil)
    }

    @Test func plansOwnKPIsAreInTheOpenDataWithTheComparisonMarkedAsMierukas() throws {
        let (result, site) = try Self.build(["plan-kpis"])
        #expect(result.status == 0, "\(result.standardError)")
        let plan = try Self.json(site, "kpi-plan")
        let tables = try #require(plan["plan_kpis"] as? [[String: Any]])
        let kpis = try #require(tables.first?["kpis"] as? [[String: Any]])
        #expect(kpis.count == 7)
        let ratio = kpis[0]
        let target = try #require(ratio["target"] as? [String: Any])
        #expect(target["text"] as? String == "90%未満")
        #expect((target["bound"] as? [String: Any])?["relation"] as? String == "未満")
        let actuals = try #require(ratio["actuals"] as? [[String: Any]])
        #expect(actuals.map { $0["text"] as? String } == ["91.0%", "89.5%"])
        #expect(actuals[0]["interim_target"] as? String == "92%")
        #expect((ratio["rate"] as? [String: Any])?["text"] as? String == "110.0%")
        #expect((ratio["computed"] as? [String: Any])?["target_met"] as? Bool == true)
        // A provisional value is kept with its word and not judged; a remark leaves no number.
        let fund = try #require(kpis[1]["actuals"] as? [[String: Any]])
        #expect(fund[0]["provisional"] as? String == "速報値")
        #expect(((fund[0]["quantity"] as? [String: Any])?["yen"] as? NSNumber)?.int64Value == 199_990_000)
        #expect((kpis[1]["computed"] as? [String: Any])?["target_met"] is NSNull)
        let future = try #require(kpis[5]["actuals"] as? [[String: Any]])
        #expect(future[0]["text"] as? String == "81.0%(速報)")
        #expect(future[0]["quantity"] is NSNull)
        let staff = try #require(kpis[2]["actuals"] as? [[String: Any]])
        #expect(staff[0]["cumulative"] as? Bool == true)

        let csv = try Self.csv(site, "kpi-plan/data/plan-kpis.csv")
        let ratioRows = csv.filter { $0["指標"] == "経常収支比率" }
        #expect(ratioRows.map { $0["種別"] } == ["基準値", "目標", "実績", "実績", "公表された率"])
        #expect(ratioRows[1]["表記"] == "90%未満")
        #expect(ratioRows[1]["数値"] == "90")
        #expect(ratioRows[1]["不等号"] == "未満")
        #expect(ratioRows[1]["目標との比較（Mieruka の判定）"] == "達成")
        #expect(ratioRows[2]["年度の目標"] == "92%")
        #expect(ratioRows[4]["見出し"] == "進捗率")
        let fundRows = csv.filter { $0["指標"] == "基金残高" }
        #expect(fundRows[1]["数値"] == "199990000" && fundRows[1]["数値の単位"] == "円")
        #expect(fundRows[1]["確定前"] == "速報値")
        #expect(fundRows[0]["目標との比較（Mieruka の判定）"] == "")
        #expect(csv.filter { $0["指標"] == "職員数" }.map { $0["種別"] } == ["目標", "累計", "公表された率"])
        #expect(FileManager.default.fileExists(atPath: site.root + "/kpi-plan/data/plan-kpis.xlsx"))
        let page = site.page("kpi-plan/data/index.html")
        #expect(page.contains("計画全体の目標と実績"))
        // The comparison's definition says whose figure it is not, in the publisher's word (a town here).
        #expect(page.contains("Mieruka が比べた結果（達成、未達成）。町の公表値ではありません。"))
        #expect(!page.contains("市の公表"))
    }

    @Test func revisionsAndSnapshotsAreInPlanJSON() throws {
        let (result, site) = try Self.build(["revisions"])
        #expect(result.status == 0, "\(result.standardError)")
        let plan = try Self.json(site, "test-plan")
        let revisions = try #require(plan["revisions"] as? [[String: Any]])
        #expect(revisions.map { $0["year"] as? Int } == [2025, 2028])
        let first = revisions[0]
        #expect((first["added"] as? [[String: Any]])?.first?["reason"] as? String == "新たな課題に対応するため")
        #expect((first["deleted"] as? [[String: Any]])?.first?["number"] as? String == "5")
        let finished = try #require((first["finished"] as? [[String: Any]])?.first)
        #expect(finished["item"] is NSNull)
        #expect(finished["title"] as? String == "紙の申請書の削減")
        #expect(finished["reference_number"] as? String == "1-(2)-(1)")
        let moves = try #require(first["rescheduled"] as? [[String: Any]])
        #expect(moves.map { $0["item"] as? String } == ["002", nil])
        #expect(moves.map { $0["from"] as? Int } == [2025, 2025] && moves.map { $0["to"] as? Int } == [2026, 2027])
        #expect(moves[1]["part"] as? String == "2.電子アンケート" && moves[1]["reference_number"] as? String == "1-(1)-(3)")
        #expect(moves[0]["reason"] as? String == "関係課との調整に時間を要するため")
        let target = try #require((first["targets"] as? [[String: Any]])?.first)
        #expect(target["kpi"] as? String == "online")
        #expect(((target["after"] as? [String: Any])?["value"] as? NSNumber)?.doubleValue == 60)
        #expect(((revisions[1]["period"] as? [String: Any])?["after"] as? [String: Any])?["last"] as? Int == 2028)

        let (snapResult, snapSite) = try Self.build(["snapshots"])
        #expect(snapResult.status == 0, "\(snapResult.standardError)")
        let snap = try Self.json(snapSite, "snap-plan")
        let years = try #require(snap["years"] as? [[String: Any]])
        let published = years.compactMap { $0["published"] as? [String: Any] }
        #expect(published.count == 2)
        #expect(published[0]["as_of"] == nil)
        let asOf = try #require(published[1]["as_of"] as? [String: Any])
        #expect(asOf["text"] as? String == "9月末" && asOf["month"] as? Int == 9 && asOf["day"] is NSNull)
        let counts = try #require(snap["achievements"] as? [[String: Any]])
        #expect((counts[0]["as_of"] as? [String: Any])?["text"] as? String == "6月末")
        let money = try #require(snap["money_tables"] as? [[String: Any]])
        #expect((money[0]["as_of"] as? [String: Any])?["text"] as? String == "8月末時点")
        let csv = try Self.csv(snapSite, "snap-plan/data/money-tables.csv")
        #expect(csv.allSatisfy { $0["時点"] == "8月末時点" })
    }

    /// A declared year's 累計, share of named grades and 増減, each only where the report publishes it
    /// (each fixture declares one of them; they share the plan's file, so each is built alone).
    @Test func aDeclaredYearsPublishedCumulativeShareAndChangeAreInPlanJSON() throws {
        func lastPublished(_ fixture: String) throws -> [[String: Any]] {
            let (result, site) = try Self.build([fixture])
            #expect(result.status == 0, "\(result.standardError)")
            let years = try #require(try Self.json(site, "test-plan")["years"] as? [[String: Any]])
            return years.compactMap { $0["published"] as? [String: Any] }
        }
        let cumulative = try lastPublished("published-cumulative")
        #expect((cumulative.last?["effect_cumulative"] as? [String: Any])?["actual_yen"] as? Int == 2_600_000)
        #expect(cumulative.first?["effect_cumulative"] == nil && cumulative.last?["grade_share"] == nil)
        let share = try #require(try lastPublished("named-share").last?["grade_share"] as? [String: Any])
        #expect(share["rate"] as? String == "8割" && share["count"] as? Int == 8)
        let change = try lastPublished("published-change")
        #expect(change.last?["grade_change"] as? [String: Int] == ["A": 1, "B": 1, "C": -1, "D": -2])
        #expect(change.first?["grade_change"] == nil)
    }

    /// Committee opinions (`opinions:`) as a CSV and Excel table 委員会などの意見 and in plan.json, as
    /// published, in the order the year's report shows them, each with the page that shows it.
    @Test func committeeOpinionsAreInTheOpenDataWithThePageThatShowsThem() throws {
        let (result, site) = try Self.build(["committee-opinions"])
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try Self.csv(site, "opinion-plan/data/opinions.csv")
        #expect(csv.map { $0["年度"] } == ["2023", "2024", "2024"])
        #expect(csv.map { $0["番号"] } == ["2", "", "2"])
        #expect(csv[0]["年度（和暦）"] == "令和5年度")
        #expect(csv[0]["取組項目"] == "窓口の見直し")
        #expect(csv[0]["意見を述べた者"] == "架空市行政改革推進委員会")
        #expect(csv[0]["時期"] == "令和6年8月")
        // The text exactly as written (Markdown, line breaks kept, raw HTML as written).
        #expect(csv[0]["意見"] == "取組の**効果**を数字で示すこと。\n\n- 利用者数\n- 費用\n")
        #expect(csv[1]["意見"] == "全体として取組は進んでいる。<b>引き続き</b>、市民への説明に努められたい。\n")
        #expect(csv[1]["出典"] == "架空市「令和6年度 取組結果と懇談会の意見」（テスト用）")
        #expect(csv[0]["掲載ページURL"] == "https://example.test/kaikaku/opinion-plan/2/#opinions")
        #expect(csv[1]["掲載ページURL"] == "https://example.test/kaikaku/opinion-plan/reports/2024/#opinions")
        #expect(FileManager.default.fileExists(atPath: site.root + "/opinion-plan/data/opinions.xlsx"))
        let page = site.page("opinion-plan/data/index.html")
        #expect(page.contains("委員会などの意見") && page.contains("opinions.xlsx") && page.contains("opinions[]"))

        let plan = try Self.json(site, "opinion-plan")
        let opinions = try #require(plan["opinions"] as? [[String: Any]])
        #expect(opinions.map { $0["year"] as? Int } == [2023, 2024, 2024])
        #expect(opinions[1]["item"] is NSNull && opinions[1]["number"] is NSNull)
        #expect(opinions[0]["item"] as? String == "2" && opinions[0]["number"] as? String == "2")
        #expect(opinions[2]["date"] is NSNull)
        #expect(opinions[2]["text"] as? String == "窓口の待ち時間の実績も公表されたい。")
        #expect(opinions[2]["url"] as? String == "https://example.test/kaikaku/opinion-plan/2/#opinions")
        // A plan without opinions has neither the file nor the key.
        #expect(!FileManager.default.fileExists(atPath: site.root + "/test-plan/data/opinions.csv"))
        #expect(try Self.json(site, "test-plan")["opinions"] == nil)
    }

    /// Achievement counts (`achievements:`) as a table 公表された達成件数: a row per count, the
    /// share as printed beside the number read from it, nothing computed.
    @Test func achievementCountsAreATableOfTheirOwn() throws {
        let (result, site) = try Self.build(["reported-figures"])
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try Self.csv(site, "money-plan/data/achievements.csv")
        #expect(csv.count == 2)
        #expect(csv.map { $0["区分"] } == ["達成", "未達成"])
        #expect(csv.map { $0["件数"] } == ["7", "4"])
        #expect(csv.map { $0["割合の表記"] } == ["70%", "40.0%"])
        #expect(csv.map { $0["割合（%）"] } == ["70", "40.0"])
        #expect(csv.allSatisfy { $0["対象の項目数"] == "10" && $0["項目の呼び方"] == "取組項目" && $0["表"] == "取組項目の達成度" })
        #expect(csv[0]["開始年度"] == "2020" && csv[0]["終了年度"] == "2022" && csv[0]["年度（和暦）"] == "令和2年度～令和4年度")
        #expect(FileManager.default.fileExists(atPath: site.root + "/money-plan/data/achievements.xlsx"))
        #expect(site.page("money-plan/data/index.html").contains("公表された達成件数"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/test-plan/data/achievements.csv"))
    }

    /// Revisions (`revisions:`) as a table 計画の見直し: a row per change with its reason, the
    /// revision's cells repeated on each.
    @Test func revisionsAreATableOfTheirChanges() throws {
        let (result, site) = try Self.build(["revisions"])
        #expect(result.status == 0, "\(result.standardError)")
        let csv = try Self.csv(site, "test-plan/data/revisions.csv")
        #expect(csv.map { $0["変更の種類"] } == ["項目数", "追加", "削除", "完了", "予定年度の変更", "予定年度の変更", "目標値", "計画期間"])
        #expect(csv.map { $0["年度"] } == ["2025", "2025", "2025", "2025", "2025", "2025", "2025", "2028"])
        #expect(csv[0]["変更前の数値"] == "5" && csv[0]["変更後の数値"] == "4")
        #expect(csv[1]["番号"] == "4" && csv[1]["取組項目"] == "キャッシュレス決済の導入")
        #expect(csv[1]["理由"] == "新たな課題に対応するため")
        #expect(csv[3]["番号"] == "" && csv[3]["取組項目"] == "紙の申請書の削減" && csv[3]["整理番号"] == "1-(2)-(1)")
        // A moved scheduled year: 和暦 in 変更前・変更後, the fiscal year in the number columns.
        #expect(csv[4]["番号"] == "2" && csv[4]["整理番号"] == "" && csv[4]["対象の部分"] == "")
        #expect(csv[4]["変更前"] == "令和7年度" && csv[4]["変更前の数値"] == "2025")
        #expect(csv[4]["変更後"] == "令和8年度" && csv[4]["変更後の数値"] == "2026")
        #expect(csv[4]["理由"] == "関係課との調整に時間を要するため")
        #expect(csv[5]["取組項目"] == "窓口アンケートの実施" && csv[5]["整理番号"] == "1-(1)-(3)")
        #expect(csv[5]["対象の部分"] == "2.電子アンケート" && csv[5]["変更後の数値"] == "2027")
        #expect(csv[6]["指標ID"] == "online" && csv[6]["指標"] == "オンライン申請割合")
        #expect(csv[6]["変更前の数値"] == "50.0" && csv[6]["変更後の数値"] == "60.0")
        #expect(csv[6]["理由"] == "前倒しで進んだため")
        #expect(csv[7]["変更前"] == "令和5年度～令和9年度" && csv[7]["変更後"] == "令和5年度～令和10年度")
        #expect(csv[0]["見直しの時期"] == "令和7年3月")
        #expect(csv[0]["見直しの名称"] == "架空市行財政改革推進計画の見直し（架空）")
        #expect(csv[7]["見直しの説明"] == "次期総合計画と合わせるため、計画期間を1年延長しました（架空）。")
        #expect(FileManager.default.fileExists(atPath: site.root + "/test-plan/data/revisions.xlsx"))
        // The sheet reads back as the CSV: the moves, their years and 整理番号 included.
        let sheet = try Self.xlsx(site, "test-plan/data/revisions.xlsx")
        #expect(sheet.map { $0["変更の種類"] } == csv.map { $0["変更の種類"] })
        #expect(sheet.map { $0["整理番号"] } == csv.map { $0["整理番号"] })
        #expect(sheet[4]["変更後"] == "令和8年度" && sheet[5]["対象の部分"] == "2.電子アンケート")
    }

    /// Items' schedules (`schedule:`) and sub-items (`subitems:`) of the base fixture as the tables
    /// 取組の工程 and 細目一覧; a plan without them has neither.
    @Test func schedulesAndSubItemsAreTablesOfTheirOwn() throws {
        let (result, site) = try Self.build(["committee-opinions"])
        #expect(result.status == 0, "\(result.standardError)")
        let schedule = try Self.csv(site, "test-plan/data/schedule.csv")
        #expect(schedule.map { $0["工程"] } == ["検討", "試行", "実施"])
        #expect(schedule.allSatisfy { $0["番号"] == "2" && $0["取組項目"] == "庁内事務の効率化" })
        #expect(schedule[2]["開始年度"] == "2025" && schedule[2]["終了年度"] == "2027")
        #expect(schedule[2]["年度（和暦）"] == "令和7年度～令和9年度")
        #expect(schedule[0]["終了年度"] == "2023")
        let subitems = try Self.csv(site, "test-plan/data/subitems.csv")
        #expect(subitems.map { $0["細目番号"] } == ["1", "2"])
        #expect(subitems.map { $0["細目名"] } == ["基金の運用方針の策定", "<特定目的基金>の整理"])
        #expect(subitems.map { $0["担当課"] } == ["", "財務部"])
        #expect(subitems.allSatisfy { $0["番号"] == "3" && $0["取組項目"] == "基金の確保" })
        for name in ["schedule", "subitems"] {
            #expect(FileManager.default.fileExists(atPath: site.root + "/test-plan/data/\(name).xlsx"))
            #expect(!FileManager.default.fileExists(atPath: site.root + "/opinion-plan/data/\(name).csv"))
        }
        let page = site.page("test-plan/data/index.html")
        #expect(page.contains("取組の工程") && page.contains("細目一覧"))
    }
}
