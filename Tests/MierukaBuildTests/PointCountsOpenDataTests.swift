import Foundation
import MierukaTestSupport
import Testing

/// Counts at points within a year (`as_of:` on published tables and on items' results) in the
/// downloads `grade-counts` and `axis-counts`, each point as rows of its own with the point named,
/// and each status axis's counts per year in `plan.json`'s `years[]`. Built through the real
/// executable from the made-up fixture plans of Tests/Fixtures/fidelity (their figures are invented).
@Suite struct PointCountsOpenDataTests {
    typealias Open = ReportedOpenDataTests

    static func counts(
        _ rows: [[String: String]], year: String, point: String, source: String, policy: String = "合計", axis: String? = nil
    ) -> [String] {
        rows.filter {
            $0["年度"] == year && $0["時点"] == point && $0["集計元"] == source && $0["方針"] == policy
                && (axis == nil || $0["評価の軸"] == axis)
        }.map { ($0["評価の内容"] ?? "") + " " + ($0["項目数"] ?? "") }
    }

    @Test func gradeCountsAtPointsAreRowsOfTheirOwnWithThePointNamed() throws {
        let (result, site) = try Open.build(["snapshot-results"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Open.csv(site, "test-plan/data/grade-counts.csv")
        #expect(site.page("test-plan/data/grade-counts.csv").contains("計画,年度,和暦年度,時点,集計元,"))
        // The year's end: the year's own rows, with no point, holding the year's end's counts only.
        #expect(
            Self.counts(rows, year: "2024", point: "", source: "公表値")
                == ["計画を上回る 2", "概ね計画どおり 6", "計画どおり進捗せず 2", "進捗がほぼなし 0"])
        // 6月末 (per policy) and 9月末 (total) as published at those points.
        #expect(
            Self.counts(rows, year: "2024", point: "6月末", source: "公表値", policy: "健全な財政運営")
                == ["計画を上回る 0", "概ね計画どおり 1", "計画どおり進捗せず 1", "進捗がほぼなし 1"])
        #expect(
            Self.counts(rows, year: "2024", point: "9月末", source: "公表値")
                == ["計画を上回る 1", "概ね計画どおり 5", "計画どおり進捗せず 3", "進捗がほぼなし 1"])
        // The items' results at 9月末 (1 C, 2 B, 3 B; item 2 is listed twice, 再掲, and counted per
        // listing), counted at that point, as the report page does.
        let counted = Self.counts(rows, year: "2024", point: "9月末", source: "掲載項目の集計")
        #expect(counted.prefix(4) == ["計画を上回る 0", "概ね計画どおり 3", "計画どおり進捗せず 1", "進捗がほぼなし 0"], "\(counted)")
        let report = site.page("test-plan/reports/2024/index.html")
        let part = try #require(report.components(separatedBy: "<caption>評価の分布（令和6年度・9月末時点）").dropFirst().first)
        #expect(part.components(separatedBy: "</table>")[0].contains("<td class=\"num\">3</td>"))
        // A point of the year before (R5 9月末), and a year with results at a point only (R7 8月末).
        #expect(
            Self.counts(rows, year: "2023", point: "9月末", source: "公表値")
                == ["計画を上回る 1", "概ね計画どおり 2", "計画どおり進捗せず 1", "進捗がほぼなし 0"])
        #expect(Self.counts(rows, year: "2025", point: "8月末", source: "掲載項目の集計").prefix(2) == ["計画を上回る 0", "概ね計画どおり 1"])
        // Every row at a point names one the year's report shows.
        #expect(Set(rows.map { $0["時点"] ?? "?" }) == ["", "6月末", "9月末", "8月末"])
        // The data page says so.
        #expect(site.page("test-plan/data/index.html").contains("年度途中の時点（例：9月末）の数は、時点の列にその時点を記した別の行です。"))
    }

    /// Mieruka's counts at a point in `plan.json` (`years[].computed_at_points`), derived as the year's
    /// `computed` is, with the figures of `grade-counts.csv`'s 掲載項目の集計 rows at that point.
    @Test func planJSONGivesTheCountsAtEachPointAsComputed() throws {
        let (result, site) = try Open.build(["snapshot-results"])
        #expect(result.status == 0, "\(result.standardError)")
        let years = try #require(try Open.json(site, "test-plan")["years"] as? [[String: Any]])
        let year = try #require(years.first { $0["year"] as? Int == 2024 })
        let points = try #require(year["computed_at_points"] as? [[String: Any]])
        // 6月末 is only published (no item has a result then): no count of Mieruka's for it.
        #expect(points.map { ($0["as_of"] as? [String: Any])?["text"] as? String } == ["9月末"])
        let counts = try #require(points[0]["grade_counts"] as? [String: Int])
        #expect(counts == ["A": 0, "B": 3, "C": 1, "D": 0, "ungraded": 0])
        #expect(points[0]["listings"] as? Int == 4)
        #expect(points[0]["effect_actual_yen"] == nil)
        let csv = try Open.csv(site, "test-plan/data/grade-counts.csv").filter {
            $0["年度"] == "2024" && $0["時点"] == "9月末" && $0["集計元"] == "掲載項目の集計" && $0["方針"] == "合計" && $0["評価"] != ""
        }
        #expect(!csv.isEmpty)
        for row in csv { #expect(counts[row["評価"] ?? ""] == Int(row["項目数"] ?? ""), "\(row)") }
        // The year's own computed counts stay the year end's; a year with results at a point only has them at that point.
        let later = try #require(years.first { $0["year"] as? Int == 2025 })
        #expect((later["computed_at_points"] as? [[String: Any]])?.map { ($0["as_of"] as? [String: Any])?["text"] as? String } == ["8月末"])
        // A plan without points has no such member.
        let (_, base) = try Open.build([])
        let baseYears = try #require(try Open.json(base, "test-plan")["years"] as? [[String: Any]])
        #expect(baseYears.allSatisfy { $0["computed_at_points"] == nil })
    }

    @Test func planJSONGivesEachAxisCountsAtAPointAsComputed() throws {
        let (result, site) = try Open.build(["status-axes", "snapshot-axes"])
        #expect(result.status == 0, "\(result.standardError)")
        let years = try #require(try Open.json(site, "test-plan")["years"] as? [[String: Any]])
        let year = try #require(years.first { $0["year"] as? Int == 2024 })
        let axes = try #require(year["axes"] as? [[String: Any]])
        let start = try #require((axes.first { $0["axis"] as? String == "start" })?["computed_at_points"] as? [[String: Any]])
        #expect(start.map { ($0["as_of"] as? [String: Any])?["text"] as? String } == ["8月末"])
        let counts = try #require(start[0]["grade_counts"] as? [String: Any])
        #expect(counts["未着手"] as? Int == 2 && counts["取組中"] as? Int == 2 && counts["完了"] as? Int == 0)
        // The other axis has no value at 8月末, so no count at that point.
        #expect((axes.first { $0["axis"] as? String == "achievement" })?["computed_at_points"] == nil)
    }

    /// A year with figures at a point only (R7: an item's result at 8月末) is named with its point in
    /// the feed, with the counts at that point; years with figures at their end keep their entries.
    @Test func theFeedNamesThePointOfAYearWithFiguresAtAPointOnly() throws {
        let (result, site) = try Open.build(["snapshot-results"])
        #expect(result.status == 0, "\(result.standardError)")
        let feed = site.page("test-plan/feed.xml")
        #expect(feed.contains("<title>令和7年度（8月末時点）の進捗状況</title>"), "\(feed)")
        #expect(
            feed.contains(
                "<summary>8月末時点：1項目の結果：A 計画を上回る 0項目、B 概ね計画どおり 1項目、C 計画どおり進捗せず 0項目、D 進捗がほぼなし 0項目、未評価 3項目</summary>"))
        #expect(feed.contains("<title>令和6年度の進捗状況</title>"))
        #expect(!feed.contains("0項目の結果"))
    }

    @Test func aPlanWithoutPointsKeepsItsGradeCountsColumns() throws {
        let (result, site) = try Open.build([])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(site.page("test-plan/data/grade-counts.csv").contains("計画,年度,和暦年度,集計元,"))
        #expect(!site.page("test-plan/data/grade-counts.csv").contains("時点"))
    }

    @Test func axisCountsAtAPointAreCountedAndPublishedWithThePoint() throws {
        let (result, site) = try Open.build(["status-axes", "snapshot-axes"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try Open.csv(site, "test-plan/data/axis-counts.csv")
        // Published at 8月末, and counted from the items' values at 8月末 (取組中, 未着手, 取組中;
        // item 2 is listed twice, 再掲, and counted per listing).
        #expect(
            Self.counts(rows, year: "2024", point: "8月末", source: "公表値", axis: "着手状況")
                == ["未着手 2", "取組中 7", "完了 1"])
        let counted = Self.counts(rows, year: "2024", point: "8月末", source: "掲載項目の集計", axis: "着手状況")
        #expect(counted.prefix(3) == ["未着手 2", "取組中 2", "完了 0"], "\(counted)")
        // The year's end counts on the axis stay apart, without a point.
        #expect(!Self.counts(rows, year: "2024", point: "", source: "掲載項目の集計", axis: "着手状況").isEmpty)
        // No point's counts for the other axis, which has no value at 8月末.
        #expect(Self.counts(rows, year: "2024", point: "8月末", source: "掲載項目の集計", axis: "達成度").isEmpty)
    }

    @Test func planJSONGivesEachAxisCountsPerYear() throws {
        let (result, site) = try Open.build(["status-axes", "status-axes-declared"])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try Open.json(site, "test-plan")
        let years = try #require(json["years"] as? [[String: Any]])
        let year = try #require(years.first { $0["year"] as? Int == 2024 })
        let axes = try #require(year["axes"] as? [[String: Any]])
        #expect(axes.map { $0["axis"] as? String } == ["start", "achievement"])
        // As published on the axis.
        let startPublished = try #require(axes[0]["published"] as? [String: Any])
        #expect(startPublished["grade_totals"] as? [String: Int] == ["未着手": 1, "取組中": 4, "完了": 5])
        let achievementPublished = try #require(axes[1]["published"] as? [String: Any])
        let perPolicy = try #require(achievementPublished["grade_counts"] as? [[String: Any]])
        #expect(perPolicy.first?["counts"] as? [String: Int] == ["A": 0, "B": 3, "C": 2])
        // As counted from the items, with the same figures as axis-counts.csv.
        let csv = try Open.csv(site, "test-plan/data/axis-counts.csv")
        for (index, name) in ["着手状況", "達成度"].enumerated() {
            let computed = try #require(axes[index]["computed"] as? [String: Any])
            let counts = try #require(computed["grade_counts"] as? [String: Any])
            let fromCSV = csv.filter {
                $0["評価の軸"] == name && $0["年度"] == "2024" && $0["集計元"] == "掲載項目の集計" && $0["方針"] == "合計" && $0["区分"] == "評価"
            }
            #expect(!fromCSV.isEmpty)
            for row in fromCSV {
                #expect(counts[row["評価"] ?? ""] as? Int == Int(row["項目数"] ?? ""), "\(name) \(row)")
            }
        }
        // A plan without axes has no such member.
        let (_, base) = try Open.build([])
        let baseYears = try #require(try Open.json(base, "test-plan")["years"] as? [[String: Any]])
        #expect(baseYears.allSatisfy { $0["axes"] == nil })
    }
}
