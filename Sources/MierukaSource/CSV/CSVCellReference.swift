/// Spreadsheet names of cells: column 3 of row 12 is 「C12」, column 27 is 「AA」.
public enum CSVCellReference {
    /// "C12"
    public static func name(row: Int, column: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// "A" for 1, "Z" for 26, "AA" for 27 (bijective base 26, as spreadsheets count).
    public static func columnLetters(_ column: Int) -> String {
        guard column > 0 else { return "?" }
        var remaining = column
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }
}
