import Foundation
import MierukaDiagnostics
@testable import MierukaExport
import MierukaModel
import MierukaSite
import MierukaTestSupport
import Testing

@testable import MierukaSource

/// The `.xlsx` copy of each CSV download: read back by the workbook reader of `seeds/`, it gives
/// the CSV's cells; the same table always gives the same bytes; a number is a number only when
/// Excel shows it as written.
@Suite struct WorkbookTests {
    /// The rows the reader of `seeds/` makes of a workbook's one sheet, and the sheet's name.
    static func readBack(_ bytes: [UInt8]) throws -> (sheet: String, rows: [[String]]) {
        let workbook = try XLSXWorkbook(XLSXPackage(bytes))
        #expect(workbook.sheets.count == 1)
        let sheet = try #require(workbook.sheets.first)
        let read = try XLSXSheetReader(workbook: workbook).read(part: try #require(sheet.part))
        #expect(read.problems.isEmpty, "\(read.problems)")
        return (sheet.name, read.rows.map(\.cells))
    }

    /// A CSV row as the reader gives it back: without its empty cells at the end.
    static func trimmed(_ row: [String]) -> [String] {
        var row = row
        while row.last == "" { row.removeLast() }
        return row
    }

    @Test func everyTableReadsBackAsItsCSV() throws {
        let datasets = try ExportTestSite.datasets()
        for table in datasets.tables {
            let rows = table.rows
            let bytes = try table.workbook(rows).bytes()
            let (sheet, read) = try Self.readBack(bytes)
            #expect(sheet == table.title)
            let csv = table.csv(rows)
            let expected = ([csv.header] + csv.rows).map(Self.trimmed).filter { !$0.isEmpty }
            #expect(read == expected, "\(table.name).xlsx differs from \(table.name).csv")
        }
        // The cases the fixture has: a negative amount, a fraction, a wording, Markdown with line breaks.
        let results = try Self.readBack(try datasets.table("results").workbook(datasets.table("results").rows).bytes()).rows
        let flat = results.flatMap { $0 }
        #expect(flat.contains("-200"))
        #expect(flat.contains("1500.5"))
        #expect(flat.contains("約340万件"))
        #expect(flat.contains("- 一つ目, \"引用\"\n- 二つ目"))
    }

    @Test func theSameTableGivesTheSameBytesWithFixedDates() throws {
        let datasets = try ExportTestSite.datasets()
        for table in datasets.tables {
            let first = try table.workbook(table.rows).bytes()
            let second = try table.workbook(table.rows).bytes()
            #expect(first == second, "\(table.name).xlsx")
            // Every local file header (PK\3\4) is dated 1980-01-01 00:00: time 0, date 0x0021.
            var headers = 0
            var offset = 0
            while offset + 30 <= first.count {
                if first[offset..<(offset + 4)].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
                    #expect(first[(offset + 10)..<(offset + 14)].elementsEqual([0x00, 0x00, 0x21, 0x00]))
                    headers += 1
                }
                offset += 1
            }
            #expect(headers == 7, "\(table.name).xlsx has its seven parts")
        }
    }

    @Test func numbersAreNumbersOnlyWhenExcelShowsThemAsWritten() throws {
        let workbook = XLSXOutput(
            sheetName: "数", header: ["値"],
            rows: [
                "30.0", "-1234.50", "123456789012", "999999999999999", "0", "0.05",
                // Text: leading zeros, more digits than Excel keeps, an exponent, a negative zero, a comma.
                "007", "1234567890123456", "1e5", "-0", "1,500", ".5", "5.",
            ].map { [XLSXOutput.Cell.number($0)] })
        let bytes = try workbook.bytes()
        let (_, rows) = try Self.readBack(bytes)
        #expect(rows.dropFirst().map { $0.first ?? "" } == [
            "30.0", "-1234.50", "123456789012", "999999999999999", "0", "0.05",
            "007", "1234567890123456", "1e5", "-0", "1,500", ".5", "5.",
        ])
        let sheet = try #require(try XLSXPackage(bytes).part("xl/worksheets/sheet1.xml"))
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains("<c r=\"A2\" s=\"3\"><v>30</v></c>"), "30.0 is the number 30 in the format 0.0")
        #expect(xml.contains("<v>-1234.5</v>"))
        #expect(xml.contains("<c r=\"A8\" t=\"s\">"), "007 is text")
        let styles = String(decoding: try #require(try XLSXPackage(bytes).part("xl/styles.xml")), as: UTF8.self)
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"0.0\"/>"))

        #expect(XLSXOutput.storedNumber("30.0")?.value == "30")
        #expect(XLSXOutput.storedNumber("30.0")?.decimals == 1)
        #expect(XLSXOutput.storedNumber("-0.0") == nil)
        #expect(XLSXOutput.storedNumber("0.000000000000001")?.value == "0.000000000000001")
    }

    @Test func textReadsBackAsWritten() throws {
        let texts = [
            "a & b <c> \"d\"", " 前後に空白 ", "行1\n行2", "制御\u{1}文字", "_x0041_ はそのまま", "タブ\tあり",
            "=SUM(A1:A2)", "全角　空白　", "非文字\u{FFFE}も", "_X00e9_ 小文字も",
        ]
        let workbook = XLSXOutput(sheetName: "文字", header: ["見出し"], rows: texts.map { [.text($0)] })
        let (_, rows) = try Self.readBack(try workbook.bytes())
        #expect(rows.dropFirst().map { $0.first ?? "" } == texts)
        // A carriage return is a line break, as the CSV reader reads it.
        let crlf = XLSXOutput(sheetName: "s", header: ["h"], rows: [[.text("一\r\n二")]])
        #expect(try Self.readBack(try crlf.bytes()).rows.last == ["一\n二"])
    }

    @Test func textsAreSharedOnlyWhenTheirBytesAreTheSame() throws {
        // が written as one character and as か + U+3099 look alike (Swift calls them equal) but are
        // different bytes: each cell keeps the form it was written in.
        let texts = ["がっこう", "か\u{3099}っこう", "がっこう", "cafe\u{301}", "café", "財政", "財政"]
        let workbook = XLSXOutput(sheetName: "共有", header: ["見出し"], rows: texts.map { [.text($0)] })
        let bytes = try workbook.bytes()
        let (_, rows) = try Self.readBack(bytes)
        let read = rows.dropFirst().map { Array(($0.first ?? "").utf8) }
        #expect(read == texts.map { Array($0.utf8) })
        let strings = String(decoding: try #require(try XLSXPackage(bytes).part("xl/sharedStrings.xml")), as: UTF8.self)
        #expect(strings.contains("count=\"8\" uniqueCount=\"6\""), "見出し and five distinct texts, used eight times")
        // Row numbers and shared string numbers of two digits and more are written whole.
        let long = XLSXOutput(sheetName: "s", header: ["h"], rows: (0..<120).map { [.text("項目\($0)")] })
        let sheet = String(decoding: try #require(try XLSXPackage(try long.bytes()).part("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<row r=\"121\"><c r=\"A121\" t=\"s\"><v>120</v></c></row>"))
        #expect(try Self.readBack(try long.bytes()).rows.last == ["項目119"])
    }

    @Test func sheetNamesAreOnesExcelAccepts() {
        #expect(XLSXOutput.validSheetName("取組の年度別結果") == "取組の年度別結果")
        #expect(XLSXOutput.validSheetName("a/b:c[d]*?\\") == "a_b_c_d____")
        #expect(XLSXOutput.validSheetName(String(repeating: "長", count: 40)) == String(repeating: "長", count: 31))
        #expect(XLSXOutput.validSheetName("'引用'") == "引用")
        #expect(XLSXOutput.validSheetName("") == "Sheet1")
    }

    @Test func theHeaderIsBoldFrozenAndPrintedOnEveryPage() throws {
        let bytes = try XLSXOutput(sheetName: "O'Brien", header: ["年度", "取組項目"], rows: [[.number("2024"), .text("行政手続のオンライン化")]]).bytes()
        let package = try XLSXPackage(bytes)
        let sheet = String(decoding: try #require(try package.part("xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"s\">"))
        // 取組項目 (4 wide characters) and 行政手続のオンライン化 (11): widths 10 and 24.
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"24\" customWidth=\"1\"/>"))
        let workbook = String(decoding: try #require(try package.part("xl/workbook.xml")), as: UTF8.self)
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'O''Brien'!$1:$1</definedName>"))
    }

    /// Column widths and the wrap decision measure each line of a cell in half-width characters;
    /// the measure reads UTF-8 and must count as the scalar-by-scalar rule does.
    @Test func displayWidthCountsWideCharactersTwice() {
        func reference(_ text: String) -> Int {
            var widest = 0
            var current = 0
            for scalar in text.unicodeScalars {
                if scalar == "\n" || scalar == "\r" {
                    widest = max(widest, current)
                    current = 0
                    continue
                }
                current += XLSXOutput.isWide(scalar) ? 2 : 1
            }
            return max(widest, current)
        }
        let samples = [
            "", "abc", "行財政改革", "ｱｲｳ", "é£¥", "A列\r\nとても長い二行目", "x\ny\rzz", "😀🎉", "𠀋𡈽",
            "ᄀ가힣", "，．（）", "〇〜", "¥1,234円", "\u{2E80}\u{303E}\u{303F}", "\u{FFE6}\u{FFE7}", "\u{1F64F}\u{1F650}",
        ]
        for text in samples {
            #expect(XLSXOutput.displayWidth(text) == reference(text), "\(text)")
        }
        #expect(XLSXOutput.displayWidth("行財政\r\nab") == 6)
        #expect(XLSXOutput.displayWidth("😀a") == 3)
    }

    @Test func cellsLongerThanExcelHoldsAreFound() {
        let long = String(repeating: "あ", count: XLSXOutput.cellCharacterLimit + 1)
        let workbook = XLSXOutput(sheetName: "s", header: ["a", "b"], rows: [[.text("short"), .text(long)]])
        #expect(workbook.overlongCells.map { [$0.row, $0.column] } == [[2, 2]])
        #expect(XLSXOutput.columnName(1) == "A")
        #expect(XLSXOutput.columnName(28) == "AB")
        #expect(XLSXOutput.columnName(16_384) == "XFD")
    }

    @Test func theExportWritesAWorkbookBesideEachCSV() throws {
        let index = try ExportTestSite.index()
        let exporter = SiteExporter(index: index)
        var diagnostics = Diagnostics()
        let files = exporter.files(pages: [], diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let paths = files.map(\.path)
        for name in PlanDatasets.tableNames {
            #expect(paths.contains("p/data/\(name).xlsx"), "\(paths)")
            #expect(exporter.paths().contains("p/data/\(name).xlsx"))
        }
        let results = try #require(files.first { $0.path == "p/data/results.xlsx" })
        let csv = try #require(files.first { $0.path == "p/data/results.csv" })
        let csvRows = CSVParser.parse(String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)).rows.map(\.cells)
        #expect(try Self.readBack(results.bytes).rows == csvRows.map(Self.trimmed).filter { !$0.isEmpty })
    }
}
