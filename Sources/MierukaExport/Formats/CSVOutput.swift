/// A table written as CSV the way Excel reads it and the 総務省 guidelines for machine-readable data
/// ask: one header row, one record per row, RFC 4180 quoting, CRLF between records.
///
/// Line breaks inside a cell are kept as LF (what Excel writes for a multi-line cell), so a cell's
/// text reads back exactly.
public struct CSVOutput: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The text without a byte-order mark.
    public var text: String {
        var text = ""
        append(header, to: &text)
        for row in rows { append(row, to: &text) }
        return text
    }

    /// UTF-8 with a byte-order mark, which Excel needs to open the file as UTF-8 by double-click.
    public var utf8WithBOM: [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    private func append(_ cells: [String], to text: inout String) {
        for (offset, cell) in cells.enumerated() {
            if offset > 0 { text += "," }
            text += Self.quoted(cell)
        }
        text += "\r\n"
    }

    /// A cell, quoted when it holds a comma, a quote, a line break, or spaces at either end.
    static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        guard needsQuotes else { return cell }
        var quoted = "\""
        for character in cell {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
