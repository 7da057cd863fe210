/// Splits CSV text into rows and cells, as Excel writes it (RFC 4180):
///
/// - cells are separated by commas, rows by CRLF, LF or a lone CR;
/// - a cell in double quotes may hold commas, line breaks and quotes written twice (`""`);
/// - a quote inside a cell that does not start with one is an ordinary character;
/// - spaces after a closing quote are dropped; other text there is kept in the cell and reported.
///
/// Rows are counted as a spreadsheet shows them: a cell of several lines is one row. Problems are
/// returned with the table, by row and column, for the reader to report with the columns' headers;
/// a quote that is never closed swallows the rest of the file into its cell.
package enum CSVParser {
    package static func parse(_ text: String) -> CSVTable {
        let scalars = Array(text.unicodeScalars)
        var rows: [CSVRow] = []
        var cells: [String] = []
        var current = String.UnicodeScalarView()
        var rowNumber = 1
        var atCellStart = true
        var inQuotes = false
        var afterClosingQuote = false
        var strayReported = false
        var quoteStart = (row: 1, column: 1)
        var problems: [CSVTable.Problem] = []

        func endCell() {
            cells.append(String(current))
            current = String.UnicodeScalarView()
            atCellStart = true
            afterClosingQuote = false
            strayReported = false
        }
        func endRow() {
            endCell()
            rows.append(CSVRow(number: rowNumber, cells: cells))
            cells = []
            rowNumber += 1
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                switch scalar {
                case "\"":
                    if index < scalars.count, scalars[index] == "\"" {
                        current.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                case "\r":
                    // A line break inside a cell is kept as "\n", however it was written.
                    if index < scalars.count, scalars[index] == "\n" { index += 1 }
                    current.append("\n")
                default:
                    current.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endCell()
            case "\r":
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRow()
            case "\n":
                endRow()
            case "\"" where atCellStart:
                inQuotes = true
                atCellStart = false
                quoteStart = (rowNumber, cells.count + 1)
            case " " where afterClosingQuote, "\t" where afterClosingQuote:
                break
            default:
                if afterClosingQuote, !strayReported {
                    strayReported = true
                    problems.append(.textAfterClosingQuote(row: rowNumber, column: cells.count + 1))
                }
                current.append(scalar)
                atCellStart = false
            }
        }
        if inQuotes {
            problems.append(.unclosedQuote(row: quoteStart.row, column: quoteStart.column))
        }
        // The last row, when the file does not end with a line break.
        if !cells.isEmpty || !current.isEmpty || !atCellStart {
            endRow()
        }
        return CSVTable(rows: rows, problems: problems)
    }
}
