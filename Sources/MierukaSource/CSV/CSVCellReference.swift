import MierukaDiagnostics

/// Spreadsheet names of cells: column 3 of row 12 is 「C12」, column 27 is 「AA」.
package enum CSVCellReference {
    /// "C12"
    package static func name(row: Int, column: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// "A" for 1, "Z" for 26, "AA" for 27 (bijective base 26, as spreadsheets count).
    package static func columnLetters(_ column: Int) -> String {
        SourceLocation.columnLetters(column)
    }
}
