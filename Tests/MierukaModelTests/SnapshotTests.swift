import MierukaModel
import Testing

/// Snapshots read from `as_of:`: the month and day a report writes, in fiscal order.
@Suite struct SnapshotParsingTests {
    @Test func monthsAndDaysAsReportsWriteThem() throws {
        let september = try #require(Snapshot.parse("9月末"))
        #expect(september.month == 9 && september.day == nil && september.pointLabel == "9月末時点")
        let fullWidth = try #require(Snapshot.parse("９月３０日現在"))
        #expect(fullWidth.month == 9 && fullWidth.day == 30 && fullWidth.pointLabel == "９月３０日現在")
        #expect(Snapshot.parse("平成19年3月末")?.month == 3)
        // As copied from a PDF's text, spaces inside (「H27.3 月末現在」); the text is kept as written.
        let spaced = try #require(Snapshot.parse("H27.3 月末現在"))
        #expect(spaced.month == 3 && spaced.day == nil && spaced.text == "H27.3 月末現在")
        #expect(Snapshot.parse("9 月 30 日")?.day == 30)
        #expect(Snapshot.parse("年度の途中") == nil)
        #expect(Snapshot.parse("13月末") == nil)
        // April comes first in a fiscal year, March last; a month's end after its days.
        let order = ["3月末", "6月末", "9月30日", "9月末", "4月1日"].compactMap(Snapshot.parse).sorted { $0.fiscalOrder < $1.fiscalOrder }
        #expect(order.map(\.text) == ["4月1日", "6月末", "9月30日", "9月末", "3月末"])
        #expect(Snapshot.samePoint(Snapshot.parse("9月末"), Snapshot.parse("9月末時点")))
        #expect(!Snapshot.samePoint(Snapshot.parse("9月末"), nil))
    }
}
