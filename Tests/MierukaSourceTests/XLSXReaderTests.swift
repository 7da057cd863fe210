import Foundation
import MierukaDiagnostics
import MierukaModel
import MierukaTestSupport
import Testing
import ZIPFoundation

@testable import MierukaSource

/// Workbooks read as saved: number formats as Excel shows them, serial dates in both date systems,
/// the XML subset of SpreadsheetML, shared strings with rich text and ふりがな, formulas' cached
/// values, merged cells, hidden sheets, and the openpyxl-written fixtures.
@Suite struct XLSXReaderTests {
    @Test(arguments: [
        ("General", 92.6, "92.6"),
        ("General", 92.599999999999994, "92.6"),
        ("General", 0.1 + 0.2, "0.3"),
        ("General", 3_400_000, "3400000"),
        ("General", -0.5, "-0.5"),
        ("0.0%", 0.943, "94.3%"),
        ("0%", 0.95, "95%"),
        ("0.00", 1.005, "1.01"),
        ("#,##0", 1_234_567, "1,234,567"),
        ("#,##0", -1200, "-1,200"),
        ("#,##0;\"△\"#,##0", -300, "△300"),
        ("#,##0;[Red]\"▲\"#,##0", -1234.4, "▲1,234"),
        ("#,##0\"千円\"", 1500, "1,500千円"),
        ("#,##0,", 1_234_567, "1,235"),
        ("0.0#", 1.5, "1.5"),
        ("0.00E+00", 3_400_000, "3400000"),
        ("yyyy/m/d", 45383, "2024/4/1"),
        ("[$-411]ggge\"年\"m\"月\"d\"日\"", 45383, "令和6年4月1日"),
        ("[$-ja-JP]ge.m.d", 45383, "R6.4.1"),
        ("[$-411]ggge\"年度\"", 43_466, "平成31年度"),
        ("yyyy\"年\"m\"月\"d\"日\"(aaa)", 45383, "2024年4月1日(月)"),
        ("h:mm", 0.5, "12:00"),
        ("yyyy/m/d h:mm", 45383.75, "2024/4/1 18:00"),
        ("yyyy/m/d", 60, "1900/2/29"),
        ("yyyy/m/d", 61, "1900/3/1"),
    ])
    func numbersShowAsExcelShowsThem(code: String, value: Double, shown: String) {
        #expect(XLSXNumberFormat(code: code).render(value, date1904: false) == shown)
    }

    @Test func the1904DateSystemCountsFrom1904() {
        #expect(XLSXNumberFormat(code: "yyyy/m/d").render(0, date1904: true) == "1904/1/1")
        #expect(XLSXNumberFormat(code: "yyyy/m/d").render(43_921, date1904: true) == "2024/4/1")
        #expect(XLSXDate.serial(iso: "2024-04-01", date1904: false) == 45383)
        #expect(XLSXDate.serial(iso: "2024-04-01T12:00:00", date1904: true) == 43_921.5)
    }

    @Test func builtInFormatsAreKnownByTheirIDs() {
        #expect(XLSXNumberFormat.builtIn(9) == "0%")
        #expect(XLSXNumberFormat(code: XLSXNumberFormat.builtIn(14) ?? "").render(45383, date1904: false) == "2024/4/1")
        #expect(XLSXNumberFormat(code: XLSXNumberFormat.builtIn(28) ?? "").isDate)
    }

    // MARK: - XML

    @Test func theXMLParserReadsTheSubsetWorkbooksUse() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment -->
            <x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve"> a&amp;b &lt;&#x41;&#66;&gt;</x:t></x:si><x:si/><x:t><![CDATA[<raw>]]></x:t></x:sst>
            """
        var parser = XMLPullParser(Array(xml.utf8))
        var events: [XMLPullParser.Event] = []
        while let event = try parser.next() { events.append(event) }
        #expect(
            events == [
                .start(name: "sst", attributes: ["x": "urn:x", "count": "2"]),
                .start(name: "si", attributes: [:]),
                .start(name: "t", attributes: ["space": "preserve"]),
                .text(" a&b <AB>"),
                .end(name: "t"), .end(name: "si"),
                .start(name: "si", attributes: [:]), .end(name: "si"),
                .start(name: "t", attributes: [:]), .text("<raw>"), .end(name: "t"),
                .end(name: "sst"),
            ])
    }

    @Test(arguments: [
        ("<a><b></a>", "</a> closes <b>"),
        ("<a>", "the element <a> is never closed"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "a document type declaration, which workbooks do not use"),
        ("<a>&bogus;</a>", "the undefined entity &bogus;"),
        ("<a b=\"1\" b=\"2\"/>", "the attribute b twice in <a>"),
        ("<a/><b/>", "a second root element <b>"),
    ])
    func theXMLParserRefusesWhatIsNotWellFormed(xml: String, reason: String) {
        var parser = XMLPullParser(Array(xml.utf8))
        #expect(throws: XMLPullParser.Failure.self) {
            while try parser.next() != nil {}
        }
        var again = XMLPullParser(Array(xml.utf8))
        do {
            while try again.next() != nil {}
        } catch {
            #expect(error.reason == reason)
        }
    }

    // MARK: - Workbooks

    /// openpyxl's workbook: inline strings, a rich-text header, a number typed as text, formats.
    @Test func theOpenpyxlWorkbookReadsAsItsCSVWould() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("xlsx/formats.xlsx")))
        let workbook = try XLSXWorkbook(XLSXPackage(Array(bytes)))
        #expect(workbook.sheets.map(\.name) == ["R7 進捗"])
        let sheet = try XLSXSheetReader(workbook: workbook).read(part: try #require(workbook.sheets[0].part))
        #expect(
            sheet.rows.map(\.cells) == [
                ["年度", "番号", "評価", "指標", "実績値", "効果額（千円）"],
                ["令和7年度", "1", "A", "オンライン申請割合", "35.5%", "1,200"],
                ["", "2", "B", "処理時間", "40分", "△300"],
            ])
        #expect(sheet.problems.isEmpty)
    }

    /// A workbook as Excel writes one: shared strings with runs and ふりがな, a formula's cached
    /// value, a boolean, an error value, escaped characters, merged cells and a hidden sheet.
    @Test func excelsPartsAreRead() throws {
        let workbook = try XLSXWorkbook(XLSXPackage(Self.excelStyleWorkbook()))
        #expect(workbook.date1904)
        #expect(workbook.sheets.map(\.name) == ["進捗一覧", "隠し"])
        #expect(workbook.sheets[1].visibility == .hidden)
        #expect(workbook.sharedStrings == ["番号", "財政指標の改善", "行\n改行", "実績値"])
        let sheet = try XLSXSheetReader(workbook: workbook).read(part: try #require(workbook.sheets[0].part))
        #expect(
            sheet.rows.map(\.cells) == [
                ["番号", "実績値", "", "", "日付"],
                ["20", "財政指標の改善", "TRUE", "#DIV/0!", "2024/4/1"],
                ["", "行\n改行", "42", "_x"],
            ])
        #expect(sheet.rows.map(\.number) == [1, 2, 4])
        #expect(sheet.problems == [.uncalculatedFormula(row: 4, column: 5, formula: "B2*2")])
    }

    @Test func aWorkbooksCellsAreLocatedBySheetAndCell() {
        let location = SourceLocation.cell(file: "seeds/isehara-6/R6.xlsx", sheet: "進捗一覧", row: 12, column: 4)
        #expect(location.description == "seeds/isehara-6/R6.xlsx:進捗一覧!D12")
        #expect(SourceLocation.cell(file: "a.xlsx", sheet: "R7 進捗", row: 1, column: 27).description == "a.xlsx:'R7 進捗'!AA1")
        #expect(SourceLocation(file: "a.xlsx", sheet: "進捗一覧").description == "a.xlsx:進捗一覧")
        let diagnostic = Diagnostic.error(at: location, "cell D12 (効果額): \"x\" is not an amount of money")
        #expect(
            GitHubAnnotationFormatter().format(diagnostic)
                == "::error file=seeds/isehara-6/R6.xlsx,title=mieruka::進捗一覧!D12: cell D12 (効果額): \"x\" is not an amount of money")
        #expect(
            JSONDiagnosticFormatter().format(Diagnostics([diagnostic])).contains(
                "\"line\":12,\"column\":4,\"sheet\":\"進捗一覧\",\"cell\":\"D12\",\"message\""))
    }

    @Test func aWorkbookInSeedsGivesResultsWithSheetLocations() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Fixtures.path("xlsx/formats.xlsx")))
        let file = SourceFile(relativePath: "seeds/p/R7.xlsx", displayPath: "seeds/p/R7.xlsx", bytes: Array(bytes))
        var diagnostics = Diagnostics()
        let results = DocumentParser().parseSeeds(
            file, csv: CSVSettings(), xlsx: XLSXSettings(), lookup: CSVItemLookup([], plans: []),
            diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted.map(DiagnosticFormatter().format))")
        let items = try #require(results.first?.results)
        #expect(items.map { $0.item?.value } == ["1", "2"])
        #expect(items[0].grade?.location.description == "seeds/p/R7.xlsx:'R7 進捗'!C2")

        var named = Diagnostics()
        _ = DocumentParser().parseSeeds(
            file, csv: CSVSettings(), xlsx: XLSXSettings(sheets: ["進捗一覧"]), lookup: CSVItemLookup([], plans: []),
            diagnostics: &named)
        #expect(named.errors.map(\.message) == ["the workbook has none of the sheets mieruka.yml names (xlsx: sheets: 「進捗一覧」)"])
    }

    /// A hidden sheet is read when mieruka.yml names it, and only then; its rows are located on it.
    @Test func aHiddenSheetIsReadOnlyWhenNamed() throws {
        let file = SourceFile(
            relativePath: "seeds/p/R7.xlsx", displayPath: "seeds/p/R7.xlsx", bytes: try Self.excelStyleWorkbook())
        var named = Diagnostics()
        _ = DocumentParser().parseSeeds(
            file, csv: CSVSettings(), xlsx: XLSXSettings(sheets: ["隠し"]), lookup: CSVItemLookup([], plans: []),
            diagnostics: &named)
        // Its only cell, 「x」, is read as a header: the hidden sheet was read.
        #expect(named.errors.map(\.location.description).contains("seeds/p/R7.xlsx:隠し!A1"))
        #expect(!named.errors.contains { $0.location.sheet == "進捗一覧" })

        var all = Diagnostics()
        _ = DocumentParser().parseSeeds(
            file, csv: CSVSettings(), xlsx: XLSXSettings(), lookup: CSVItemLookup([], plans: []), diagnostics: &all)
        #expect(!all.all.contains { $0.location.sheet == "隠し" })
        #expect(all.all.contains { $0.location.sheet == "進捗一覧" })
    }

    /// The parts of a small workbook in the forms Excel writes them (written here with ZIPFoundation:
    /// openpyxl writes no shared strings, ふりがな or cached formula values).
    static func excelStyleWorkbook() throws -> [UInt8] {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            (
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/><sheets><sheet name=\"進捗一覧\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"隠し\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
            (
                "xl/sharedStrings.xml",
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\"><si><t>番号</t><rPh sb=\"0\" eb=\"2\"><t>バンゴウ</t></rPh><phoneticPr fontId=\"1\"/></si><si><r><rPr><b/></rPr><t>財政指標</t></r><r><t>の改善</t></r></si><si><t>行_x000D_\n改行</t></si><si><t>実績値</t></si></sst>"
            ),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy/m/d\"/></numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"9\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"176\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:E9\"/><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>3</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>covered</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>日付</t></is></c></row>"
                    + "<row r=\"2\"><c r=\"A2\"><v>20</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"E2\" s=\"1\"><v>43921</v></c></row>"
                    + "<row r=\"3\" s=\"1\" customFormat=\"1\"><c r=\"A3\" s=\"1\"/></row>"
                    + "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>2</v></c><c r=\"C4\"><f>20+22</f><v>42</v></c><c r=\"D4\" t=\"str\"><f>\"_x005F_x\"</f><v>_x005F_x</v></c><c r=\"E4\"><f>B2*2</f></c></row>"
                    + "<row r=\"9\"><c r=\"A9\" s=\"1\"/><c r=\"B9\" t=\"inlineStr\"><is><t></t></is></c></row>"
                    + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B1:C1\"/></mergeCells></worksheet>"
            ),
            (
                "xl/worksheets/sheet2.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>"
            ),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try Array(#require(archive.data))
    }
}
