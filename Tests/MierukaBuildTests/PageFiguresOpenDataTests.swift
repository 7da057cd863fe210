import Foundation
import MierukaTestSupport
import Testing

/// The open data carries what the pages show beyond the items' results and the policy tree's
/// counts: money tables in the report's own layout (`money-grids`), the counts on each status axis
/// (`axis-counts`), a year report's highlights and notes (`highlights`, `report-notes`, and in
/// `plan.json`), and a result's state, its values on the axes and who graded it (`plan.json`).
/// Built through the real executable from the made-up fixture plans of Tests/Fixtures/fidelity
/// (their figures and words are invented).
@Suite struct PageFiguresOpenDataTests {
    typealias Open = ReportedOpenDataTests

    @Test func moneyGridsAreInTheOpenDataCellByCellAsPublished() throws {
        let (result, site) = try Open.build(["money-grid", "money-grid-text"])
        #expect(result.status == 0, "\(result.standardError)")
        // A plan whose tables are all in the report's layout has money-grids and no empty money-tables.
        #expect(!FileManager.default.fileExists(atPath: site.root + "/grid-plan/data/money-tables.csv"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/grid-plan/data/money-grids.xlsx"))
        #expect(site.page("grid-plan/data/index.html").contains("money-grids.csv"))
        #expect(site.page("grid-plan/data/index.html").contains("公表された金額の表（資料の列のまま）"))
        let rows = try Open.csv(site, "grid-plan/data/money-grids.csv")
        // 3 rows × 4 columns, then 7 rows × 1 column: one line per cell, group headings on their rows.
        #expect(rows.count == 19)
        func cell(_ table: String, _ label: String, _ column: String, group: String = "") throws -> [String: String] {
            try #require(rows.first { $0["表"] == table && $0["区分"] == label && $0["列の見出し"] == column && $0["まとまり"] == group })
        }
        let reduction = try cell("単年度効果額", "削減額", "令和2年度")
        #expect(reduction["表記"] == "△1,000")
        #expect(reduction["金額（円）"] == "-1000000")
        #expect(reduction["計算上の金額（円）"] == "1000000")
        #expect(reduction["符号の読み方"] == "削減額")
        #expect(reduction["年度（和暦）"] == "令和2年度～令和4年度")
        #expect(reduction["行の種類"] == "明細")
        // A cell the report leaves empty is empty, never 0.
        let empty = try cell("単年度効果額", "収入額", "令和4年度")
        #expect(empty["表記"] == "" && empty["金額（円）"] == "")
        let effect = try cell("単年度効果額", "効果額", "計")
        #expect(effect["行の種類"] == "資料の計")
        #expect(effect["列の種類"] == "資料の計")
        #expect(effect["計の範囲"] == "行は削減額・収入額、列はすべての明細")
        #expect(effect["表記"] == "4,100")
        let increase = try cell("令和3年度の削減額", "新規採用", "削減額", group: "2 人件費の見直し")
        #expect(increase["表記"] == "200の増")
        #expect(increase["計算上の金額（円）"] == "-200000")
        // A 小計 that does not add up (a check warning) is given as published.
        let subtotal = try cell("令和3年度の削減額", "小計", "削減額", group: "2 人件費の見直し")
        #expect(subtotal["表記"] == "△ 800")
        #expect(subtotal["計の範囲"] == "まとまりの明細")
        #expect(subtotal["行番号"] == "6")
        #expect(subtotal["備考"] == "小計と合計は市の公表どおりです。")

        // Text columns: words as written, never amounts.
        let text = try Open.csv(site, "text-grid-plan/data/money-grids.csv")
        let words = try #require(text.first { $0["区分"] == "委託の見直し" && $0["列の見出し"] == "取組項目" })
        #expect(words["列の種類"] == "文字")
        #expect(words["表記"] == "100")
        #expect(words["金額（円）"] == "")
        #expect(text.contains { $0["表記"] == "<b>総務課</b>" })

        // plan.json: the grid as laid out, cell by cell.
        let plan = try Open.json(site, "grid-plan")
        let tables = try #require(plan["money_tables"] as? [[String: Any]])
        let grid = try #require(tables[0]["grid"] as? [String: Any])
        #expect(grid["sign"] as? String == "reduction")
        let columns = try #require(grid["columns"] as? [[String: Any]])
        #expect(columns.map { $0["heading"] as? String } == ["令和2年度", "令和3年度", "令和4年度", "計"])
        #expect(columns[3]["sum"] as? String == "all")
        let gridRows = try #require(grid["rows"] as? [[String: Any]])
        #expect(gridRows[2]["sum"] as? [String] == ["削減額", "収入額"])
        let first = try #require((gridRows[0]["cells"] as? [Any])?.first as? [String: Any])
        #expect(first["text"] as? String == "△1,000")
        #expect((first["yen"] as? NSNumber)?.int64Value == -1_000_000)
        #expect((first["value_yen"] as? NSNumber)?.int64Value == 1_000_000)
        #expect((gridRows[1]["cells"] as? [Any])?[2] is NSNull)
        let grouped = try #require((tables[1]["grid"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(grouped[0]["group"] as? String == "1 事務事業の見直し")
    }

    @Test func eachStatusAxisHasItsCountsPublishedAndCounted() throws {
        let (result, site) = try Open.build(["status-axes", "status-axes-declared"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Open.csv(site, "test-plan/data/axis-counts.csv")
        #expect(site.page("test-plan/data/index.html").contains("axis-counts.csv"))
        func count(_ axis: String, _ year: String, _ source: String, _ policy: String, _ label: String) -> String? {
            rows.first {
                $0["評価の軸"] == axis && $0["年度"] == year && $0["集計元"] == source && $0["方針"] == policy
                    && $0["評価の内容"] == label
            }?["項目数"]
        }
        // As published on the axis (declared: → axes:), and as counted from the items on the site.
        #expect(count("着手状況", "2024", "公表値", "合計", "完了") == "5")
        #expect(count("達成度", "2024", "公表値", "行政サービスの最適化", "一部達成") == "3")
        #expect(count("達成度", "2024", "掲載項目の集計", "合計", "達成") == "1")
        #expect(count("着手状況", "2025", "掲載項目の集計", "合計", "完了") == "4")
        // A state of the axis is counted apart from its grades, and said to be outside them.
        let outside = try #require(
            rows.first { $0["評価の軸"] == "達成度" && $0["年度"] == "2023" && $0["方針"] == "合計" && $0["区分"] == "評価の対象外" })
        #expect(outside["評価"] == "目標年度が未到来")
        #expect(outside["項目数"] == "2")
        // The report page shows the same count for the axis.
        #expect(site.page("test-plan/reports/2025/index.html").contains("着手状況"))
        // A plan without axes has no such file.
        let (_, base) = try Open.build([])
        #expect(!FileManager.default.fileExists(atPath: base.root + "/test-plan/data/axis-counts.csv"))
    }

    @Test func aYearReportsHighlightsAndNotesAreInTheOpenData() throws {
        let (result, site) = try Open.build(["year-notes"])
        #expect(result.status == 0, "\(result.standardError)")
        let highlights = try Open.csv(site, "notes-plan/data/highlights.csv")
        #expect(highlights.map { $0["取組"] } == ["窓口の電子化", "庁舎の省エネ", "施設の統合"])
        #expect(highlights[0]["見出し"] == "◎ 目標を達成した主な取組")
        #expect(highlights[0]["金額の表記"] == "12百万円")
        #expect(highlights[0]["説明"] == "申請の**半数**を電子化した")
        #expect(highlights[2]["担当"] == "")
        #expect(highlights.allSatisfy { $0["年度"] == "2024" && $0["時点"] == "" })
        let notes = try Open.csv(site, "notes-plan/data/report-notes.csv")
        #expect(notes.map { $0["年度"] } == ["2023", "2024", "2024"])
        // A year published only at a point: its notes, with the point.
        #expect(notes[0]["時点"] == "9月末")
        #expect(notes[0]["記述"] == "9月末の時点では、半数の取組が**未達成**です。")
        #expect(notes[1]["記述"]?.hasPrefix("令和6年度は、5項目のうち4項目が目標を達成しました。\n\n引き続き") == true)
        // Each is on the year's report page.
        #expect(site.page("notes-plan/reports/2024/index.html").contains("庁舎の省エネ"))
        #expect(site.page("notes-plan/reports/2023/index.html").contains("半数の取組が"))
        // R6's notes at 9月末, shown with the tables of that point (PointNotesTests), are in the downloads with their point.
        #expect(notes[2]["時点"] == "9月末")
        #expect(notes[2]["記述"] == "9月末の時点では、3項目が**目標を達成**しています。")
        let plan = try Open.json(site, "notes-plan")
        let years = try #require(plan["years"] as? [[String: Any]])
        let published = try #require(years.first { $0["year"] as? Int == 2024 }?["published"] as? [String: Any])
        #expect((published["notes"] as? String)?.hasPrefix("令和6年度は") == true)
        let groups = try #require(published["highlights"] as? [[String: Any]])
        #expect(groups.map { $0["title"] as? String } == ["◎ 目標を達成した主な取組", "▲ 遅れている取組"])
        let entries = try #require(groups[0]["entries"] as? [[String: Any]])
        #expect(entries[1]["department"] as? String == "財政課")
        #expect(entries[1]["amount"] is NSNull)
        // Plans without them have neither file.
        #expect(!FileManager.default.fileExists(atPath: site.root + "/test-plan/data/highlights.csv"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/test-plan/data/report-notes.csv"))
    }

    /// A result's state instead of a grade, its values on the axes and who graded it, in plan.json;
    /// a plan without them has none of the keys.
    @Test func resultsSayTheirStateAxesAndGrader() throws {
        let (axesResult, axesSite) = try Open.build(["status-axes"])
        #expect(axesResult.status == 0, "\(axesResult.standardError)")
        let plan = try Open.json(axesSite, "test-plan")
        let axes = try #require(plan["axes"] as? [[String: Any]])
        #expect(axes.map { $0["id"] as? String } == ["start", "achievement"])
        #expect(axes[1]["graded_by"] as? String == "内部評価")
        #expect(((axes[1]["states"] as? [[String: Any]])?.first)?["label"] as? String == "目標年度が未到来")
        let items = try #require(plan["items"] as? [[String: Any]])
        func results(_ number: String) throws -> [[String: Any]] {
            try #require(items.first { $0["number"] as? String == number }?["results"] as? [[String: Any]])
        }
        let first = try results("1")[0]
        #expect(first["year"] as? Int == 2023)
        #expect(first["graded_by"] as? String == "内部評価")
        let values = try #require(first["axes"] as? [String: Any])
        #expect((values["start"] as? [String: Any])?["grade"] as? String == "取組中")
        // The result's own grader (委員会評価) over the axis's.
        #expect((values["achievement"] as? [String: Any])?["graded_by"] as? String == "委員会評価")
        let second = try #require(try results("2")[0]["axes"] as? [String: Any])
        #expect((second["achievement"] as? [String: Any])?["state"] as? String == "目標年度が未到来")
        #expect((second["achievement"] as? [String: Any])?["grade"] is NSNull)
        #expect(try results("3")[1]["graded_by"] as? String == "委員会評価")

        let (statesResult, statesSite) = try Open.build(["states"])
        #expect(statesResult.status == 0, "\(statesResult.standardError)")
        let statesPlan = try Open.json(statesSite, "test-plan")
        #expect((statesPlan["states"] as? [[String: Any]])?.map { $0["label"] as? String } == ["目標年度が未到来", "対象外"])
        let statesItems = try #require(statesPlan["items"] as? [[String: Any]])
        let third = try #require(statesItems.first { $0["number"] as? String == "3" }?["results"] as? [[String: Any]])
        #expect(third.first { $0["year"] as? Int == 2024 }?["state"] as? String == "対象外")
        #expect(third.first { $0["year"] as? Int == 2024 }?["grade"] is NSNull)
        #expect(statesItems.allSatisfy { ($0["results"] as? [[String: Any]])?.allSatisfy { $0["axes"] == nil } == true })

        let (_, base) = try Open.build([])
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: base.root + "/test-plan/data/plan.json")), as: UTF8.self)
        for key in ["\"state\"", "\"axes\"", "\"graded_by\"", "\"states\""] { #expect(!text.contains(key), "\(key)") }
    }
}
