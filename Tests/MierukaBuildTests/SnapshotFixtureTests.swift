import Foundation
import MierukaTestSupport
import Testing

/// Figures at a point within a fiscal year (`as_of:`), on the made-up plan in
/// Tests/Fixtures/fidelity/snapshots: never labelled as the fiscal year's, never compared with
/// figures at another point, never added into a year's total.
@Suite struct SnapshotFixtureTests {
    @Test func aSnapshotIsCaptionedAtItsPointNotAsTheYear() throws {
        let (result, site) = try FidelityFixtureTests.build("snapshots")
        #expect(result.status == 0, "\(result.standardError)")
        let plan = site.page("snap-plan/index.html")
        for caption in [
            "<caption>着手した項目（令和6年度・6月末時点） <span class=\"declared-mark\">村の公表値</span></caption>",
            "<caption>着手した項目（令和6年度・９月末現在） <span class=\"declared-mark\">村の公表値</span></caption>",
            "<caption>効果額（令和6年度・8月末時点） <span class=\"declared-mark\">村の公表値</span></caption>",
            "<caption>評価の分布（令和6年度・9月末時点・公表値） <span class=\"declared-mark\">村の公表値</span></caption>",
            "<caption>財政効果額（令和6年度・9月末時点・公表値）（単位：千円） <span class=\"declared-mark\">村の公表値</span></caption>",
        ] {
            #expect(plan.contains(caption), "\(caption)")
        }
        #expect(plan.contains("この表は令和6年度の6月末時点の公表値で、年度末の数値ではありません。"))
        #expect(plan.contains("この表は令和6年度の8月末時点の公表値で、年度末の数値ではありません。"))
        // No table calls the 9月末 counts the year's.
        #expect(!plan.contains("評価の分布（令和6年度・公表値）"))
        #expect(site.page("index.html").contains("<h4>令和6年度・9月末時点の評価</h4>"))
        // 9月末's effects are not a year's total: the years hold 令和5年度 only, and so does 累計.
        #expect(plan.contains("<th scope=\"row\">累計（令和5年度）</th>"))
        #expect(!plan.contains("<th scope=\"row\">令和6年度<br><small>公表値</small></th>"))
        let problems = site.pages().flatMap { FigureMarking.problems(in: $0.html, page: $0.path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func countsAtDifferentPointsAreNotSubtracted() throws {
        let (result, site) = try FidelityFixtureTests.build("snapshots")
        #expect(result.status == 0, "\(result.standardError)")
        let report = site.page("snap-plan/reports/2024/index.html")
        #expect(
            report.contains(
                "評価ごとの件数は、令和6年度が9月末時点、令和5年度が年度末の村の公表値で時点が異なるため、Mieruka は増減を計算していません。"))
        #expect(!report.contains("grade-change-table"))
        #expect(report.contains("<caption>評価の分布（令和6年度・9月末時点・公表値）"))
        #expect(site.page("snap-plan/reports/2023/index.html").contains("<caption>評価の分布（令和5年度・公表値）"))
    }

    /// A report dated 「H27.3月末現在」 holds 平成26年度's figures; written under the year of the date
    /// (a slip easy to make), `check` says which fiscal year the date is in. A date in the year itself,
    /// or one with no year (9月末), is not reported. Base fixture, made-up: its R6 is FY2024.
    @Test func anAsOfDatedInAnotherFiscalYearIsWarnedWithTheYearItIsIn() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let plan = work.path + "/content/test-plan/_index.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let year = "  - year: R6\n"
        #expect(text.contains(year))
        try text.replacingOccurrences(of: year, with: year + "    as_of: R6.3月末現在\n")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let warned = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(warned.status == 0, "\(warned.standardError)")
        #expect(
            warned.standardError.contains(
                "content/test-plan/_index.md:36:12: warning: 「R6.3月末現在」 (as_of of the declared table for 2024) is a date in 令和5年度, not in 令和6年度"),
            "\(warned.standardError)")
        #expect(warned.standardError.contains("hint: a fiscal year runs from April to March"), "\(warned.standardError)")

        for inYear in ["令和7年3月末現在", "2024年9月末", "9月末"] {
            try text.replacingOccurrences(of: year, with: year + "    as_of: \(inYear)\n")
                .write(toFile: plan, atomically: true, encoding: .utf8)
            let quiet = try CommandRunner.mieruka(["check"], in: work.path)
            #expect(!quiet.standardError.contains("is a date in"), "\(inYear): \(quiet.standardError)")
        }
    }
}
