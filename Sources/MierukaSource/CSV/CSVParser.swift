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
        var scanner = Scanner(Array(text.unicodeScalars))
        while let scalar = scanner.next() {
            if scanner.inQuotes {
                scanner.readQuoted(scalar)
            } else {
                scanner.readUnquoted(scalar)
            }
        }
        return scanner.finish()
    }

    /// A parse under way: where it is, the cell and row being read, and the problems found.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
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

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func next() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            defer { index += 1 }
            return scalars[index]
        }

        /// Takes the next scalar when it is `scalar` (the second of `""` or of CRLF).
        mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }

        /// Inside a quoted cell: `""` is a quote, a lone quote closes the cell's quotes.
        mutating func readQuoted(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "\"":
                if skip("\"") {
                    current.append("\"")
                } else {
                    inQuotes = false
                    afterClosingQuote = true
                }
            case "\r":
                // A line break inside a cell is kept as "\n", however it was written.
                _ = skip("\n")
                current.append("\n")
            default:
                current.append(scalar)
            }
        }

        mutating func readUnquoted(_ scalar: Unicode.Scalar) {
            switch scalar {
            case ",":
                endCell()
            case "\r":
                _ = skip("\n")
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

        mutating func endCell() {
            cells.append(String(current))
            current = String.UnicodeScalarView()
            atCellStart = true
            afterClosingQuote = false
            strayReported = false
        }

        mutating func endRow() {
            endCell()
            rows.append(CSVRow(number: rowNumber, cells: cells))
            cells = []
            rowNumber += 1
        }

        /// The table, once every scalar is read.
        mutating func finish() -> CSVTable {
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
}
