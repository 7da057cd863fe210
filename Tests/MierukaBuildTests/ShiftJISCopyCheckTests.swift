import Foundation
import MierukaTestSupport
import Testing

/// A character Shift_JIS has no code for, in a site that asks for Shift_JIS copies of its CSV files
/// (`data: {shift_jis: true}`): `build` writes it as 〓 in the copy with a warning, and `check` (what
/// CI runs on pull requests) gives the same located warning without writing anything.
@Suite struct ShiftJISCopyCheckTests {
    /// The base fixture with Shift_JIS copies asked for, and 「𠮷」 (not in CP932) in a result text (made-up).
    static func site(shiftJIS: Bool = true) throws -> TemporaryDirectory {
        let work = try OverlongCellCheckTests.baseSite(progress: "𠮷野地区で想定より時間を要した。")
        if shiftJIS {
            let config = work.path + "/mieruka.yml"
            try (try String(contentsOfFile: config, encoding: .utf8) + "data: {shift_jis: true}\n")
                .write(toFile: config, atomically: true, encoding: .utf8)
        }
        return work
    }

    static func warnings(_ standardError: String) -> [String] {
        standardError.split(separator: "\n").map(String.init).filter { $0.contains("Shift_JIS has no code") }
    }

    @Test func checkWarnsOfACharacterTheShiftJISCopyCannotHoldAsBuildDoes() throws {
        let work = try Self.site()
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        let checked = Self.warnings(check.standardError)
        #expect(
            checked == [
                "content/test-plan/_index.md:1:1: warning: test-plan/data/results-sjis.csv: Shift_JIS has no code for 「𠮷」, "
                    + "written as 〓 in the Shift_JIS copy"
            ], "\(check.standardError)")
        #expect(check.standardError.contains("hint: the UTF-8 file results.csv holds the text as written"))
        // check writes nothing.
        #expect(!FileManager.default.fileExists(atPath: work.path + "/public"))

        let build = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(Self.warnings(build.standardError) == checked)
        let copy = try Data(contentsOf: URL(fileURLWithPath: work.path + "/public/test-plan/data/results-sjis.csv"))
        #expect(String(data: copy, encoding: .shiftJIS)?.contains("〓野地区で想定より時間を要した。") == true)
    }

    @Test func checkIsQuietWhenTheSiteAsksForNoShiftJISCopies() throws {
        let work = try Self.site(shiftJIS: false)
        let check = try CommandRunner.mieruka(["check"], in: work.path)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(Self.warnings(check.standardError).isEmpty)
        let build = try CommandRunner.mieruka(["build"], in: work.path)
        #expect(Self.warnings(build.standardError).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work.path + "/public/test-plan/data/results-sjis.csv"))
    }
}
