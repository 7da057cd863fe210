import Foundation
import MierukaTestSupport
import Testing

/// Sub-item (細目) results from a sheet: a row with a 細目番号 gives that sub-item of the row's item
/// its 細目の評価 and 細目の進捗状況. Tests/Fixtures/xlsx/subitems-R6.csv (Shift_JIS, as Excel saves
/// it) and subitems-R6.xlsx (the same made-up data typed as in Excel, with merged cells, written by
/// make_fixtures.py) hold the results of Tests/Fixtures/fidelity/subitems/seeds/test-plan/R6.yml:
/// all three build the same pages, byte for byte.
@Suite struct SubItemSheetTests {
    /// The subitems fixture site with its R6 results in `file` (nil: the YAML as it is).
    static func build(replacingYAMLWith file: String?) throws -> (result: CommandRunner.Result, site: BuiltSite) {
        let work = TemporaryDirectory()
        try FileTree.overlay(Fixtures.path("base"), onto: work.path)
        try FileTree.overlay(Fixtures.path("fidelity/subitems"), onto: work.path)
        if let file {
            let seeds = work.path + "/seeds/test-plan/"
            try FileManager.default.removeItem(atPath: seeds + "R6.yml")
            let name = "R6." + (file as NSString).pathExtension
            try FileManager.default.copyItem(atPath: Fixtures.path("xlsx/" + file), toPath: seeds + name)
        }
        let result = try CommandRunner.mieruka(["build"], in: work.path)
        return (result, BuiltSite(root: work.path + "/public", work: work))
    }

    @Test func aShiftJISCSVAndAWorkbookBuildTheSamePagesAsTheYAML() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("xlsx/subitems-R6.csv")))
        #expect(String(data: bytes, encoding: .utf8) == nil, "the CSV should be in Shift_JIS, as Excel saves it")

        let (fromYAML, yamlSite) = try Self.build(replacingYAMLWith: nil)
        let (fromCSV, csvSite) = try Self.build(replacingYAMLWith: "subitems-R6.csv")
        let (fromXLSX, xlsxSite) = try Self.build(replacingYAMLWith: "subitems-R6.xlsx")
        for result in [fromYAML, fromCSV, fromXLSX] {
            #expect(result.status == 0, "\(result.standardError)")
            #expect(!result.standardError.contains("warning"), "\(result.standardError)")
        }
        // The sheets do give the sub-items' results (so that the comparison below is not of two
        // pages without them).
        let item = csvSite.page("test-plan/003/index.html")
        #expect(
            YearComparisonFixtureTests.rows(item, table: "subitem-results") == [
                ["1", "基金の運用方針の策定", "A 計画を上回る", "—"],
                ["2", "&lt;特定目的基金&gt;の整理", "B 概ね計画どおり", "対象の基金を洗い出した。"],
            ])

        let yamlPages = FileTree.snapshot(yamlSite.root)
        for (name, site) in [("CSV", csvSite), ("workbook", xlsxSite)] {
            let pages = FileTree.snapshot(site.root)
            #expect(pages.keys.sorted() == yamlPages.keys.sorted(), "\(name)")
            for (path, bytes) in yamlPages.sorted(by: { $0.key < $1.key }) {
                #expect(pages[path] == bytes, "\(path) differs between the \(name) and the YAML build")
            }
        }
    }
}
