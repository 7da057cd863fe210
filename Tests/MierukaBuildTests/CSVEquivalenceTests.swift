import Foundation
import MierukaTestSupport
import Testing

/// The demo site reads Kodaira's FY H29 results from seeds/kodaira-3/H29.csv, saved as Excel saves
/// CSV on Windows (Shift_JIS, CRLF, multi-line cells, one row per KPI). Built with the same data as
/// YAML (Tests/Fixtures/kodaira-yaml/H29.yml) in its place, every page must be byte for byte the same.
@Suite struct CSVEquivalenceTests {
    /// The demo site's own files, without any output or build folders.
    static let siteFolders = ["content", "seeds", "templates", "static"]

    func copyOfTheDemoSite() throws -> TemporaryDirectory {
        let copy = TemporaryDirectory()
        let root = Fixtures.repositoryRoot
        try FileManager.default.copyItem(atPath: root + "/mieruka.yml", toPath: copy.path + "/mieruka.yml")
        for folder in Self.siteFolders where FileManager.default.fileExists(atPath: root + "/" + folder) {
            try FileTree.overlay(root + "/" + folder, onto: copy.path + "/" + folder)
        }
        return copy
    }

    @Test func theDemoSiteBuildsTheSamePagesFromCSVAsFromYAML() throws {
        let csvSite = try copyOfTheDemoSite()
        let yamlSite = try copyOfTheDemoSite()
        #expect(FileManager.default.fileExists(atPath: csvSite.path + "/seeds/kodaira-3/H29.csv"))
        try FileManager.default.removeItem(atPath: yamlSite.path + "/seeds/kodaira-3/H29.csv")
        try FileManager.default.copyItem(
            atPath: Fixtures.path("kodaira-yaml/H29.yml"), toPath: yamlSite.path + "/seeds/kodaira-3/H29.yml")

        let fromCSV = try CommandRunner.mieruka(["build"], in: csvSite.path)
        let fromYAML = try CommandRunner.mieruka(["build"], in: yamlSite.path)
        #expect(fromCSV.status == 0, "\(fromCSV.standardError)")
        #expect(fromYAML.status == 0, "\(fromYAML.standardError)")
        #expect(DemoSiteOutput.beyondItsOwnWarning(fromCSV.standardError).isEmpty, "\(fromCSV.standardError)")

        let csvPages = FileTree.snapshot(csvSite.path + "/public")
        let yamlPages = FileTree.snapshot(yamlSite.path + "/public")
        #expect(csvPages.keys.contains("kodaira-3/reports/2017/index.html"))
        #expect(csvPages.keys.sorted() == yamlPages.keys.sorted())
        for (path, bytes) in yamlPages.sorted(by: { $0.key < $1.key }) {
            #expect(csvPages[path] == bytes, "\(path) differs between the CSV and the YAML build")
        }
    }

    /// The same data as a workbook (Tests/Fixtures/xlsx/kodaira-H29.xlsx, written by openpyxl: numbers
    /// typed as numbers, 94.3% as 0.943 formatted 0.0%, 年度 and each item's 番号 merged down, a hidden
    /// sheet of notes) builds the same pages as the Shift_JIS CSV.
    @Test func theDemoSiteBuildsTheSamePagesFromAWorkbookAsFromItsShiftJISCSV() throws {
        let csvSite = try copyOfTheDemoSite()
        let xlsxSite = try copyOfTheDemoSite()
        try FileManager.default.removeItem(atPath: xlsxSite.path + "/seeds/kodaira-3/H29.csv")
        try FileManager.default.copyItem(
            atPath: Fixtures.path("xlsx/kodaira-H29.xlsx"), toPath: xlsxSite.path + "/seeds/kodaira-3/H29.xlsx")

        let fromCSV = try CommandRunner.mieruka(["build"], in: csvSite.path)
        let fromXLSX = try CommandRunner.mieruka(["build"], in: xlsxSite.path)
        #expect(fromCSV.status == 0, "\(fromCSV.standardError)")
        #expect(fromXLSX.status == 0, "\(fromXLSX.standardError)")
        #expect(DemoSiteOutput.beyondItsOwnWarning(fromXLSX.standardError).isEmpty, "\(fromXLSX.standardError)")

        let csvPages = FileTree.snapshot(csvSite.path + "/public")
        let xlsxPages = FileTree.snapshot(xlsxSite.path + "/public")
        #expect(xlsxPages.keys.contains("kodaira-3/reports/2017/index.html"))
        #expect(csvPages.keys.sorted() == xlsxPages.keys.sorted())
        for (path, bytes) in csvPages.sorted(by: { $0.key < $1.key }) {
            #expect(xlsxPages[path] == bytes, "\(path) differs between the CSV and the workbook build")
        }
    }

    @Test func theDemoCSVIsShiftJISAsExcelSavesIt() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Fixtures.repositoryRoot + "/seeds/kodaira-3/H29.csv"))
        #expect(String(data: bytes, encoding: .utf8) == nil, "the demo CSV should be in Shift_JIS, not UTF-8")
        let text = try #require(String(data: bytes, encoding: .shiftJIS))
        #expect(text.hasPrefix("年度,番号,取組項目,評価,"))
        #expect(text.contains("\r\n平成29年度,"))
        #expect(text.contains("①利用料収入"))
    }
}
