import MierukaDiagnostics

/// A cell of a data row that holds something: its text as written, and where it is.
struct CSVCell: Sendable, Hashable {
    /// The text with spaces and line breaks at its ends removed; line breaks inside are "\n".
    let text: String
    /// The text exactly as written (Markdown keeps a leading 「　」 indent).
    let raw: String
    let position: CSVCellPosition

    var location: SourceLocation { position.location }

    /// "cell C12 (評価)"
    var label: String { position.label }

    /// The text for a message, in quotes, on one line, shortened when long.
    var quoted: String { "\"\(CSVCellPosition.shown(text))\"" }
}
