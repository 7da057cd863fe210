/// One downloadable table of a plan's open data, with the definition of every column: the same
/// values write the CSV file and the field dictionary (項目定義書) on the plan's data page, so the
/// two cannot drift apart.
package struct Dataset: Sendable {
    /// The file name without extension, part of the stable download URL ("results").
    package let name: String
    /// What the table is, in the data page's words (「取組の年度別結果」).
    package let title: String
    /// One or two sentences: what a row is and where the numbers come from.
    package let summary: String
    package let columns: [DatasetColumn]
    /// How many rows there are, known without making them (the data page shows it).
    package let rowCount: Int
    private let makeRows: @Sendable () -> [[String]]

    /// `rowCount` must be the number of rows `rows` makes (tests check that it is).
    package init(
        name: String, title: String, summary: String, columns: [DatasetColumn], rowCount: Int,
        rows: @escaping @Sendable () -> [[String]]
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.columns = columns
        self.rowCount = rowCount
        self.makeRows = rows
    }

    /// A table whose rows are cheap enough to make for counting.
    package init(name: String, title: String, summary: String, columns: [DatasetColumn], rows: [[String]]) {
        self.init(name: name, title: title, summary: summary, columns: columns, rowCount: rows.count) { rows }
    }

    /// The rows, made when asked for (only the export asks).
    package var rows: [[String]] { makeRows() }

    package var csv: CSVOutput { csv(rows) }

    /// The table as CSV, from rows already made.
    package func csv(_ rows: [[String]]) -> CSVOutput { CSVOutput(header: columns.map(\.header), rows: rows) }

    /// The same table as an Excel workbook, on a sheet named after the table: the values of number
    /// and year columns as numbers, everything else as text, cell for cell as in the CSV.
    package func workbook(_ rows: [[String]]) -> XLSXOutput {
        let numeric = columns.map(\.type.isNumber)
        return XLSXOutput(
            sheetName: title, header: columns.map(\.header),
            rows: rows.map { row in
                row.enumerated().map { offset, text in
                    // A number column's cell that is not a number (an amount as published, 「425万4千円の増」)
                    // stays text, as in the CSV.
                    text.isEmpty
                        ? .empty
                        : (offset < numeric.count && numeric[offset] && Self.isNumber(text) ? .number(text) : .text(text))
                }
            })
    }

    /// Whether a number column's cell is a number (`Double` reads it). A number the worksheet
    /// stores as written (`XLSXStoredNumber`, most of them) is one, known without parsing it.
    static func isNumber(_ text: String) -> Bool {
        var bytesOfText = text
        return bytesOfText.withUTF8 { XLSXStoredNumber($0) != nil } || Double(text) != nil
    }
}

/// A column of a dataset, as the field dictionary documents it.
package struct DatasetColumn: Sendable, Hashable {
    package let header: String
    package let type: DatasetColumnType
    /// What the column holds, when it is empty, and how it is written.
    package let meaning: String
    /// True when every row has a value.
    package let required: Bool

    package init(_ header: String, _ type: DatasetColumnType, required: Bool = false, _ meaning: String) {
        self.header = header
        self.type = type
        self.meaning = meaning
        self.required = required
    }
}

/// The kinds of values a column holds, named as Japanese data dictionaries name them.
package enum DatasetColumnType: String, Sendable, Hashable {
    case text = "文字列"
    case integer = "整数"
    case decimal = "数値"
    case fiscalYear = "年度（西暦）"
    case eraYear = "年度（和暦）"
    case code = "コード"
    case url = "URL"

    /// Written as numbers in the workbook (a code such as 番号 stays text: "01" is not 1).
    package var isNumber: Bool {
        switch self {
        case .integer, .decimal, .fiscalYear: true
        case .text, .eraYear, .code, .url: false
        }
    }
}
