import MierukaSource
import Testing

/// CSV as Excel writes it: quotes, "" escapes, multi-line cells, CRLF, empty cells and rows.
@Suite struct CSVParserTests {
    func cells(_ text: String) -> [[String]] {
        CSVParser.parse(text).rows.map(\.cells)
    }

    @Test func commasAndLineEndingsOfEveryKind() {
        #expect(cells("a,b,c\r\n1,2,3\r\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(cells("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(cells("a,b\r1,2") == [["a", "b"], ["1", "2"]])
        // No line break at the end of the file.
        #expect(cells("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() {
        let text = "番号,進捗状況\r\n1,\"1,000人に増えた。\r\n「\"\"見える化\"\"」を進めた。\"\r\n2,\"\"\r\n"
        let table = CSVParser.parse(text)
        #expect(table.problems.isEmpty)
        #expect(table.rows.map(\.cells) == [["番号", "進捗状況"], ["1", "1,000人に増えた。\n「\"見える化\"」を進めた。"], ["2", ""]])
    }

    @Test func aMultiLineCellIsOneRow() {
        // Rows are numbered as the spreadsheet shows them, not by lines of the file.
        let table = CSVParser.parse("h1,h2\n\"a\nb\nc\",x\n\ny,z\n")
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
        #expect(table.rows[1].cells == ["a\nb\nc", "x"])
        #expect(table.rows[2].isBlank)
        #expect(table.rows[3].cells == ["y", "z"])
    }

    @Test func lineBreaksInsideCellsBecomeLF() {
        #expect(cells("\"a\r\nb\rc\"\r\n") == [["a\nb\nc"]])
    }

    @Test func emptyCellsAndTheEmptyColumnsAndRowsExcelAdds() {
        let table = CSVParser.parse("a,b,,\r\n1,,,\r\n,,,\r\n,,,\r\n")
        #expect(table.rows.map(\.cells) == [["a", "b", "", ""], ["1", "", "", ""], ["", "", "", ""], ["", "", "", ""]])
        #expect(table.rows[2].isBlank && table.rows[3].isBlank)
        #expect(table.rows[1].cell(2) == "")
        #expect(table.rows[1].cell(9) == "")
        #expect(CSVParser.parse("").rows.isEmpty)
    }

    @Test func aQuoteInsideAnUnquotedCellIsACharacter() {
        #expect(cells("5\"2,x\n") == [["5\"2", "x"]])
    }

    @Test func spacesAfterAClosingQuoteAreDroppedOtherTextIsReported() {
        let table = CSVParser.parse("\"a\" ,\"b\"c,d\n")
        #expect(table.rows.map(\.cells) == [["a", "bc", "d"]])
        #expect(table.problems == [.textAfterClosingQuote(row: 1, column: 2)])
    }

    @Test func aQuoteNeverClosedIsReportedWhereItOpens() {
        let table = CSVParser.parse("a,b\r\n1,\"open\r\n2,3\r\n")
        #expect(table.problems == [.unclosedQuote(row: 2, column: 2)])
    }

    @Test func cellReferencesAsSpreadsheetsName() {
        #expect(CSVCellReference.name(row: 12, column: 3) == "C12")
        #expect(CSVCellReference.columnLetters(26) == "Z")
        #expect(CSVCellReference.columnLetters(27) == "AA")
        #expect(CSVCellReference.columnLetters(52) == "AZ")
        #expect(CSVCellReference.columnLetters(703) == "AAA")
    }
}
