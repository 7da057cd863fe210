import Foundation
import MierukaDiagnostics
import MierukaExport
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

@Suite struct FeedTests {
    func files(_ files: [String: String]) throws -> [String: String] {
        let (merged, _) = InMemorySite.merge(files)
        let index = SiteIndex(try #require(merged))
        var diagnostics = Diagnostics()
        let exported = SiteExporter(index: index).files(pages: PagePlanner().plan(index), diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(exported.map(\.path) == SiteExporter(index: index).paths())
        return Dictionary(uniqueKeysWithValues: exported.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func feedHasAnEntryPerReportedYearNewestFirst() throws {
        let files = try files(ExportTestSite.files)
        let feed = try #require(files["p/feed.xml"])
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<id>https://example.test/kaikaku/p/</id>"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.test/kaikaku/p/feed.xml\"/>"))
        let r6 = try #require(feed.range(of: "<title>令和6年度の進捗状況</title>"))
        let r5 = try #require(feed.range(of: "<title>令和5年度の進捗状況</title>"))
        #expect(r6.lowerBound < r5.lowerBound)
        #expect(feed.contains("<updated>2025-04-01T00:00:00+09:00</updated>"))
        #expect(feed.contains("<name>架空市 企画課</name>"))
    }

    @Test func sitemapListsEveryPageButTheNotFoundPage() throws {
        let files = try files(ExportTestSite.files)
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://example.test/kaikaku/</loc>"))
        #expect(sitemap.contains("<loc>https://example.test/kaikaku/p/data/</loc>"))
        #expect(sitemap.contains("<loc>https://example.test/kaikaku/p/reports/2024/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func withoutAnOriginThereIsNoFeedOrSitemapButTheDownloadsRemain() throws {
        var site = ExportTestSite.files
        site["mieruka.yml"] = "title: テスト\nbase_url: /kaikaku/\n"
        let files = try files(site)
        #expect(files["sitemap.xml"] == nil)
        #expect(files["p/feed.xml"] == nil)
        #expect(files["p/data/results.csv"] != nil)
        #expect(files["p/data/plan.json"] != nil)
        // Addresses in the data are then paths on the site.
        #expect(try #require(files["p/data/items.csv"]).contains(",/kaikaku/p/a/\r\n"))
    }

    @Test func shiftJISCopiesWhenTheConfigAsks() throws {
        var site = ExportTestSite.files
        site["mieruka.yml"] = "title: テスト\ndata: {shift_jis: true, license: 政府標準利用規約（第2.0版）}\n"
        let (merged, _) = InMemorySite.merge(site)
        let index = SiteIndex(try #require(merged))
        #expect(index.config.data.license == "政府標準利用規約（第2.0版）")
        #expect(index.config.data.licenseURL == nil)
        var diagnostics = Diagnostics()
        let exported = SiteExporter(index: index).files(pages: PagePlanner().plan(index), diagnostics: &diagnostics)
        let copy = try #require(exported.first { $0.path == "p/data/results-sjis.csv" })
        let original = try #require(exported.first { $0.path == "p/data/results.csv" })
        #expect(copy.bytes.prefix(3) != [0xEF, 0xBB, 0xBF])
        #expect(ShiftJISEncoder.encode(String(decoding: original.bytes.dropFirst(3), as: UTF8.self)).bytes == copy.bytes)
    }

    @Test func planJSONHoldsAmountsInYenAndIsDeterministic() throws {
        let files = try files(ExportTestSite.files)
        let json = try #require(files["p/data/plan.json"])
        // Compact (one line): it is read by programs, and a tenth of the site's bytes.
        #expect(json.hasPrefix("{\"format\":\"mieruka-plan\",\"format_version\":1,"))
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"effect_expected_yen\":1500500"))
        #expect(json.contains("\"effect_actual_yen\":-200000"))
        #expect(json.contains("\"name\":\"クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）\""))
        #expect(try self.files(ExportTestSite.files)["p/data/plan.json"] == json)
    }

    /// The plan's structure as its page shows it (`lineage:`, `matrices:`, `timelines:`) is in
    /// plan.json as written; a plan without it has none of the keys (made-up plan).
    @Test func planJSONHoldsThePlansLineageMatricesAndTimelines() throws {
        var site = ExportTestSite.files
        let before = try #require(try files(site)["p/data/plan.json"])
        #expect(!before.contains("\"lineage\"") && !before.contains("\"matrices\"") && !before.contains("\"timelines\""))
        site["content/p/_index.md"] = try #require(site["content/p/_index.md"]).replacingOccurrences(
            of: "period: {from: R5, to: R9}",
            with: """
                period: {from: R5, to: R9}
                lineage:
                  - {title: 架空市行財政改革大綱, date: 平成8年12月策定, text: 大綱を定めた。, effect: 約40億円, effect_years: H9～H13}
                matrices:
                  - title: 推進手段の整理表
                    row_heading: 推進手段
                    column_heading: 基本姿勢
                    columns: [{policy: "1"}, {number: (2), title: 財政の改革}]
                    rows:
                      - number: (1)
                        title: 市民満足度の向上
                        cells: [{number: ①, title: 風土づくり, text: 議論の場をつくる。}, null]
                timelines:
                  - title: 推進期間
                    years: R5～R9
                    rows:
                      - {label: 総合計画, note: 前期基本計画}
                """)
        let json = try #require(try files(site)["p/data/plan.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lineage = try #require((object["lineage"] as? [[String: Any]])?.first)
        #expect(lineage["date"] as? String == "平成8年12月策定" && lineage["effect"] as? String == "約40億円")
        #expect((lineage["effect_years"] as? [String: Any])?["first"] as? Int == 1997)
        let matrix = try #require((object["matrices"] as? [[String: Any]])?.first)
        #expect((matrix["columns"] as? [[String: Any]])?.map { $0["policy"] as? String } == ["1", nil])
        let cells = try #require(((matrix["rows"] as? [[String: Any]])?.first)?["cells"] as? [Any])
        #expect((cells[0] as? [String: Any])?["text"] as? String == "議論の場をつくる。")
        #expect(cells[1] is NSNull)
        let timeline = try #require((object["timelines"] as? [[String: Any]])?.first)
        #expect(((timeline["rows"] as? [[String: Any]])?.first)?["note"] as? String == "前期基本計画")
    }

    /// A year's entry mentions what its report page shows beside the grade counts: items whose grade
    /// the copy does not show (`grade_unreadable:`), with the reason and out of the counts, and
    /// counts under the report's own grouping, row by row, their sum marked as such.
    @Test func feedEntriesMentionUnreadableGradesAndTheReportsOwnGroups() throws {
        var site = ExportTestSite.files
        site["content/p/c.md"] = InMemorySite.item(
            "3", extra: "results:\n  - {year: R6, grade_unreadable: 写しの評価欄が欠けている}\n")
        let withUnreadable = try #require(try files(site)["p/feed.xml"])
        #expect(
            withUnreadable.contains("掲載している取組項目のうち、評価が読み取れなかった1項目（写しの評価欄が欠けている）は、評価の件数に含めていません"),
            "\(withUnreadable)")
        #expect(try #require(try files(ExportTestSite.files)["p/feed.xml"]).contains("読み取れなかった") == false)

        site["content/p/_index.md"] = try #require(site["content/p/_index.md"]).replacingOccurrences(
            of: "money_unit: 千円",
            with: """
                money_unit: 千円
                declared:
                  - year: R6
                    grouped_by: 所管区分
                    groups:
                      - {group: 局が評価する項目, counts: {A: 1, B: 0, C: 0}}
                      - {group: 委員会が評価する項目, counts: {A: 0, B: 1, C: 1}}
                """)
        let grouped = try #require(try files(site)["p/feed.xml"])
        #expect(grouped.contains("全3項目：A 良い 1項目、B 普通 1項目、C 遅れ 1項目（市の公表値の和）"), "\(grouped)")
        #expect(grouped.contains("所管区分ごと（市の公表値）：局が評価する項目 A 良い 1項目、B 普通 0項目、C 遅れ 0項目／委員会が評価する項目 A 良い 0項目、B 普通 1項目、C 遅れ 1項目"))
    }
}
