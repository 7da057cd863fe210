import Foundation
import MierukaTestSupport
import Testing

/// The notes of a table published at a point within a year that is not the year's own table
/// (`declared:` with `as_of:` beside the year's end): shown with that point's tables on the year's
/// report, or, where the point has no table to show, reported by `check` as shown nowhere. Made-up
/// plan in Tests/Fixtures/fidelity/year-notes (its figures and words are invented).
@Suite struct PointNotesTests {
    @Test func notesAtAPointAreShownWithThatPointsTables() throws {
        let (result, site) = try ReportedOpenDataTests.build(["year-notes"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("shown nowhere"), "\(result.standardError)")
        let report = site.page("notes-plan/reports/2024/index.html")
        let section = try #require(report.range(of: "<h3 id=\"snapshot-9\">令和6年度・9月末時点</h3>"))
        let notes = try #require(report.range(of: "<p>9月末の時点では、3項目が<strong>目標を達成</strong>しています。</p>"))
        #expect(section.lowerBound < notes.lowerBound)
        // Inside the point's part, after its table, and not among the year's own notes at the top.
        let part = String(report[section.lowerBound...]).components(separatedBy: "</section>")[0]
        #expect(part.contains("<caption>評価の分布（令和6年度・9月末時点・公表値）"))
        #expect(part.contains("<div class=\"report-notes\">\n<p>9月末の時点では、3項目が"), "\(part)")
        let top = String(report[..<section.lowerBound])
        #expect(!top.contains("3項目が<strong>目標を達成</strong>"))
        // plan.json: the point's table carries the notes its part shows.
        let json = try ReportedOpenDataTests.json(site, "notes-plan")
        let years = try #require(json["years"] as? [[String: Any]])
        let points = try #require(years.first { $0["year"] as? Int == 2024 }?["published_at_points"] as? [[String: Any]])
        #expect(points.first?["notes"] as? String == "9月末の時点では、3項目が**目標を達成**しています。")
    }

    /// A 6月末 table with an effect and notes but no counts: the year's report has no part for 6月末.
    @Test func notesAtAPointWithoutATableAreAWarningAndInNoDownload() throws {
        let figures = "effect_total: {expected: 100, actual: 50}"
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/year-notes"), onto: work.path)
        let path = work.path + "/content/notes-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let marker = "  - year: R6\n    as_of: 9月末\n"
        #expect(text.contains(marker))
        text = text.replacingOccurrences(
            of: marker, with: "  - year: R6\n    as_of: 6月末\n    \(figures)\n    notes: 6月末の記述（載る表がない）\n" + marker)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(
            check.standardError.contains(
                "content/notes-plan/_index.md:22:5: warning: the notes of the table published at 6月末 of 令和6年度 are shown nowhere"),
            "\(check.standardError)")
        // Only that one: the 9月末 notes are shown.
        #expect(check.standardError.components(separatedBy: "shown nowhere").count == 2)
        let build = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardError.contains("warning: the notes of the table published at 6月末 of 令和6年度 are shown nowhere"))
        let site = BuiltSite(root: work.path + "/public", work: work)
        for (file, bytes) in FileTree.snapshot(site.root) {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("載る表がない"), "\(file)")
        }
    }

    /// The year-notes fixture with highlights given to its R6 9月末 table (and, with `extra`, a table
    /// of its own before it), in a temporary site.
    static func withPointHighlights(before extra: String = "") throws -> TemporaryDirectory {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/year-notes"), onto: work.path)
        let path = work.path + "/content/notes-plan/_index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let marker = "    notes: 9月末の時点では、3項目が**目標を達成**しています。\n"
        #expect(text.contains(marker))
        text = text.replacingOccurrences(
            of: marker,
            with: marker + "    highlights:\n      - title: 9月末の主な取組\n        entries:\n"
                + "          - {title: 窓口の予約制, department: 市民課, text: 予約の**受付**を始めた}\n")
        let point = "  - year: R6\n    as_of: 9月末\n"
        text = text.replacingOccurrences(of: point, with: extra + point)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return work
    }

    @Test func highlightsAtAPointAreShownWithThatPointsTables() throws {
        let work = try Self.withPointHighlights()
        let build = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(!build.standardError.contains("shown nowhere"), "\(build.standardError)")
        let site = BuiltSite(root: work.path + "/public", work: work)
        let report = site.page("notes-plan/reports/2024/index.html")
        let section = try #require(report.range(of: "<h3 id=\"snapshot-9\">令和6年度・9月末時点</h3>"))
        let part = String(report[section.lowerBound...]).components(separatedBy: "</section>")[0]
        #expect(part.contains("<h4>9月末の主な取組</h4>"), "\(part)")
        #expect(part.contains("<strong>窓口の予約制</strong> <span class=\"department\">〔市民課〕</span>"))
        #expect(part.contains("予約の<strong>受付</strong>を始めた"))
        // Not among the year's own highlights.
        let top = String(report[..<section.lowerBound]) + String(report[section.lowerBound...]).components(separatedBy: "</section>").dropFirst().joined()
        #expect(!top.contains("窓口の予約制"))
        #expect(top.contains("窓口の電子化"))
        // The downloads: highlights.csv with the point named, plan.json on the point's table.
        let rows = try ReportedOpenDataTests.csv(site, "notes-plan/data/highlights.csv")
        #expect(rows.map { [$0["年度"] ?? "", $0["時点"] ?? "", $0["取組"] ?? ""] } == [
            ["2024", "", "窓口の電子化"], ["2024", "", "庁舎の省エネ"], ["2024", "", "施設の統合"], ["2024", "9月末", "窓口の予約制"],
        ])
        let json = try ReportedOpenDataTests.json(site, "notes-plan")
        let years = try #require(json["years"] as? [[String: Any]])
        let points = try #require(years.first { $0["year"] as? Int == 2024 }?["published_at_points"] as? [[String: Any]])
        let groups = try #require(points.first?["highlights"] as? [[String: Any]])
        #expect(groups.map { $0["title"] as? String } == ["9月末の主な取組"])
    }

    /// A 6月末 table with an effect and highlights but no counts: shown nowhere, so `check` says so.
    @Test func highlightsAtAPointWithoutATableAreAWarningAndInNoDownload() throws {
        let work = try Self.withPointHighlights(
            before: "  - year: R6\n    as_of: 6月末\n    effect_total: {expected: 100, actual: 50}\n    highlights:\n"
                + "      - title: 6月末の取組\n        entries:\n          - {title: 載る表がない取組}\n")
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(
            check.standardError.contains(
                "content/notes-plan/_index.md:22:5: warning: the highlights of the table published at 6月末 of 令和6年度 are shown nowhere: the year's report shows a point's highlights with the point's tables, and this point has none"),
            "\(check.standardError)")
        #expect(check.standardError.components(separatedBy: "shown nowhere").count == 2)
        let build = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(build.status == 0, "\(build.standardError)")
        let site = BuiltSite(root: work.path + "/public", work: work)
        for (file, bytes) in FileTree.snapshot(site.root) {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("載る表がない"), "\(file)")
        }
    }
}
