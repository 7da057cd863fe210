import Foundation
import MierukaTestSupport
import Testing

/// A text longer than the 32,767 characters an Excel cell holds: `build` writes it whole into the
/// workbook with a warning, and `check` gives the same located warning without writing anything.
@Suite struct OverlongCellCheckTests {
    /// The base fixture with one result text of 33,000 characters (made-up).
    static func site() throws -> TemporaryDirectory {
        try baseSite(progress: String(repeating: "長", count: 33_000))
    }

    /// A copy of the base fixture whose first result's 進捗状況 in R6.yml is `progress` (made-up).
    static func baseSite(progress: String) throws -> TemporaryDirectory {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let path = work.path + "/seeds/test-plan/R6.yml"
        let results = try String(contentsOfFile: path, encoding: .utf8)
        #expect(results.contains("progress: 想定より時間を要した。"))
        try results.replacingOccurrences(of: "progress: 想定より時間を要した。", with: "progress: " + progress)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return work
    }

    static func warnings(_ standardError: String) -> [String] {
        standardError.split(separator: "\n").map(String.init).filter { $0.contains("characters a cell of Excel can hold") }
    }

    @Test func checkWarnsOfACellLongerThanExcelHoldsAsBuildDoes() throws {
        let work = try Self.site()
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        let checked = Self.warnings(check.standardError)
        #expect(
            checked == [
                "content/test-plan/_index.md:1:1: warning: test-plan/data/results.xlsx: the cell H4 (「進捗状況」) holds more than "
                    + "the 32767 characters a cell of Excel can hold; Excel shortens or refuses it"
            ], "\(check.standardError)")
        #expect(check.standardError.contains("hint: the CSV file results.csv holds the whole text"))
        // check writes nothing.
        #expect(!FileManager.default.fileExists(atPath: work.path + "/public"))

        let build = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(Self.warnings(build.standardError) == checked)
    }

    @Test func checkIsQuietWhenEveryCellFits() throws {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(Self.warnings(check.standardError).isEmpty)
    }
}
