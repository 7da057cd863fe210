import MierukaModel
import MierukaRender
import Testing

/// Two real reports of counts at points of a year, as the demo site shows them:
/// 宮古島市「集中改革プラン進捗状況報告」 at 平成19年3月末, 6月末 and 9月末 (each count at its point,
/// never the year's), and 大阪市「市政改革プラン」, whose year-end counts of 成果目標 are transcribed
/// (its 8月末 checks and the 2.0 reports carry no figure in the stored copies, which the page says).
@Suite struct SnapshotDemoTests {
    let site = DemoSite.shared

    func rows(_ table: AchievementView) -> [[String]] { table.rows.map { [$0.label] + $0.cells } }

    @Test func miyakojimasCountsAreEachAtTheirPointAsPublished() throws {
        let plan = try #require(site.page("miyakojima/", as: PlanPageView.self))
        let tables = plan.achievements.map { "\($0.title)（\($0.years)）" }
        #expect(tables == [
            "取組開始状況（平成18年度・平成19年3月末現在）", "目標達成件数（平成18年度・平成19年3月末現在）",
            "変更・中止（平成18年度・平成19年3月末現在）", "単年度ごとの改革項目の結果（平成18年度分）（平成18年度）",
            "取組開始状況（平成19年度・平成19年6月末現在）", "目標達成件数（平成19年度・平成19年6月末現在）",
            "変更・中止（平成19年度・平成19年6月末現在）",
            "取組開始状況（平成19年度・平成19年9月末現在）", "目標達成件数（平成19年度・平成19年9月末現在）",
            "変更・中止（平成19年度・平成19年9月末現在）",
        ])
        let counts = plan.achievements.map { ($0.rows.map { $0.cells[0] }, $0.total.cells[0]) }
        #expect(counts.map(\.0) == [["88"], ["8"], ["19"], ["13", "4"], ["94"], ["11"], ["28"], ["94"], ["13"], ["28"]])
        #expect(counts.map(\.1) == ["110", "110", "110", "17", "111", "111", "111", "110", "110", "110"])
        // A count at a point is never labelled as the fiscal year's.
        #expect(plan.achievements[4].spanNote == "この表は平成19年度の平成19年6月末現在の公表値で、年度末の数値ではありません。")
        #expect(plan.achievements[3].spanNote == nil)
        // Published counts only: no grade table, no yearly report of Mieruka's.
        #expect(plan.gradeTable == nil)
        #expect(plan.reports.isEmpty)
    }

    @Test func osakasYearEndCountsOfGoalsAreExactlyAsPublished() throws {
        let plan = try #require(site.page("osaka/", as: PlanPageView.self))
        #expect(plan.achievements.map(\.years) == ["平成24年度", "平成25年度"])
        #expect(plan.achievements.map(\.noun) == ["成果目標", "成果目標"])
        #expect(rows(plan.achievements[0]) == [["概ね順調", "36", "—"], ["必ずしも順調ではない", "10", "—"]])
        #expect(plan.achievements[0].total.cells == ["46", "—"])
        #expect(rows(plan.achievements[1]) == [["概ね順調", "31", "—"], ["必ずしも順調ではない", "20", "—"]])
        #expect(plan.achievements[1].total.cells == ["51", "—"])
        #expect(plan.achievements[1].note?.contains("64の成果目標のうち") == true)
        // Its shares are the city's words (「8割弱」「約6割」), not a rate of Mieruka's.
        #expect(plan.achievements[0].note?.contains("「8割弱」") == true)
        #expect(plan.gradeTable == nil)
        #expect(plan.reports.isEmpty)
    }
}
