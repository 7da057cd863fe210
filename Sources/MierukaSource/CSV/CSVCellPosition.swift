import MierukaDiagnostics
import MierukaModel

/// Where a cell of a CSV file (or of a workbook's sheet) is, for messages: 「cell C12 (評価)」 at
/// line 12, column 3 (in a workbook, at 進捗一覧!C12).
struct CSVCellPosition: Sendable, Hashable {
    let file: String
    let row: Int
    let column: Int
    /// The column's header as written, "" for a column without one.
    let header: String
    /// The workbook's sheet the cell is on; nil in a CSV file.
    var sheet: String? = nil

    /// Line = the spreadsheet's row, column = the spreadsheet's column (1 for A).
    var location: SourceLocation { SourceLocation(file: file, line: row, column: column, sheet: sheet) }

    /// "C12"
    var reference: String { CSVCellReference.name(row: row, column: column) }

    /// "cell C12 (評価)", or "cell C12" for a column without a header.
    var label: String { header.isEmpty ? "cell \(reference)" : "cell \(reference) (\(header))" }

    /// A cell's text for a message: on one line, and shortened when long.
    static func shown(_ text: String) -> String {
        let oneLine = text.replacingLineBreaks()
        let limit = 40
        guard oneLine.unicodeScalars.count > limit else { return oneLine }
        return String(String.UnicodeScalarView(oneLine.unicodeScalars.prefix(limit))) + "…"
    }
}

extension String {
    /// The text with each line break replaced by a space, trimmed.
    func replacingLineBreaks() -> String {
        let scalars = unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }
        return String(String.UnicodeScalarView(scalars)).trimmingWhitespace()
    }
}
