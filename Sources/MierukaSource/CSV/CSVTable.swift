import MierukaModel

/// A CSV file split into rows and cells, numbered as a spreadsheet shows them.
package struct CSVTable: Sendable, Hashable {
    /// What the quoting of a cell got wrong, by the cell's row and column.
    package enum Problem: Sendable, Hashable {
        /// A quote opens the cell and is never closed: the cell runs to the end of the file.
        case unclosedQuote(row: Int, column: Int)
        /// Text follows the quote that closes the cell (`"abc"def`); it is kept in the cell.
        case textAfterClosingQuote(row: Int, column: Int)
    }

    /// Every row, blank ones included, in order; the first is row 1 (the header row).
    package let rows: [CSVRow]
    package let problems: [Problem]

    package init(rows: [CSVRow], problems: [Problem] = []) {
        self.rows = rows
        self.problems = problems
    }
}

/// One row of a CSV file: a record, however many lines its multi-line cells take in the file.
package struct CSVRow: Sendable, Hashable {
    /// 1-based, as the spreadsheet numbers it (the header row is 1).
    package let number: Int
    /// The cells' texts, from column A on. Line breaks inside cells are "\n".
    package let cells: [String]

    package init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The text of a 1-based column, "" past the end of the row.
    package func cell(_ column: Int) -> String {
        column >= 1 && column <= cells.count ? cells[column - 1] : ""
    }

    /// Whether every cell is empty or only spaces (the blank rows Excel leaves below a table).
    package var isBlank: Bool {
        cells.allSatisfy { $0.trimmingWhitespace().isEmpty }
    }
}
