import MierukaDiagnostics

/// Spreadsheet names of cells: column 3 of row 12 is 「C12」, column 27 is 「AA」.
public enum CSVCellReference {
    /// "C12"
    public static func name(row: Int, column: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// "A" for 1, "Z" for 26, "AA" for 27 (bijective base 26, as spreadsheets count).
    public static func columnLetters(_ column: Int) -> String {
        SourceLocation.columnLetters(column)
    }
}
