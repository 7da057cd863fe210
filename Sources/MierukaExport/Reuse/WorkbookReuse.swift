/// Workbooks made before, which the export takes instead of making them again. Writing a
/// workbook (its XML and the deflated ZIP around it) was the largest part of the export; a
/// workbook depends on its table alone (`XLSXOutput.bytes`), so one made from the same table by
/// the same writer is the same file.
///
/// `build` keeps a record beside the output (`WorkbookRecord`), `serve` may keep the bytes in
/// memory. Whatever keeps them must hand back only bytes that this very writer made from a table
/// with the same `XLSXOutput.reuseKey`.
package protocol WorkbookReuse: Sendable {
    /// The bytes made earlier at `path` (relative to the output) from a table with `key`, or nil.
    func workbook(at path: String, key: [UInt8]) -> [UInt8]?
    /// The bytes just made at `path` from a table with `key`.
    func made(_ bytes: [UInt8], at path: String, key: [UInt8])
}

extension XLSXOutput {
    /// The SHA-256 of everything the workbook's bytes are made from: the sheet's name, the header
    /// and every cell, each with its kind (text or number, and a number's format).
    package var reuseKey: [UInt8] {
        var hasher = SHA256()
        hasher.update(field: "mieruka xlsx")
        hasher.update(field: sheetName)
        hasher.update(count: header.count)
        for text in header { hasher.update(field: text) }
        hasher.update(count: rows.count)
        for row in rows {
            hasher.update(count: row.count)
            for cell in row {
                switch cell {
                case .empty:
                    hasher.update(byte: 0)
                case .text(let text):
                    hasher.update(byte: 1)
                    hasher.update(field: text)
                case .number(let text, let format):
                    hasher.update(byte: format == nil ? 2 : 3)
                    hasher.update(field: text)
                    if let format { hasher.update(field: format) }
                }
            }
        }
        return hasher.finish()
    }
}
