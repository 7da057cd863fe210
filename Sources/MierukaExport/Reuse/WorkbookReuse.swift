/// Workbooks made before, which the export takes instead of making them again. Writing a
/// workbook (its XML and the deflated ZIP around it) was the largest part of the export; a
/// workbook depends on its table alone (`XLSXOutput.bytes`), so one made from the same table by
/// the same writer is the same file.
///
/// `build` keeps a record beside the output (`WorkbookRecord`), `serve` may keep the bytes in
/// memory. Whatever keeps them must hand back only bytes that this very writer made from a table
/// with the same `Dataset.workbookKey`.
package protocol WorkbookReuse: Sendable {
    /// The bytes made earlier at `path` (relative to the output) from a table with `key`, or nil.
    func workbook(at path: String, key: [UInt8]) -> [UInt8]?
    /// The bytes just made at `path` from a table with `key`.
    func made(_ bytes: [UInt8], at path: String, key: [UInt8])
}

extension Dataset {
    /// The SHA-256 of everything `workbook(rows)` makes a workbook from: the title (the sheet's
    /// name), which columns hold numbers, and the table's CSV (`csv(rows)`, as written), whose bytes
    /// give back the header and every cell: a quoted cell starts with a quote and an unquoted one
    /// holds none, so no two tables have the same CSV. One pass over bytes the export has made anyway.
    package func workbookKey(csv: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(field: "mieruka xlsx 1")
        hasher.update(field: title)
        hasher.update(count: columns.count)
        for column in columns { hasher.update(byte: column.type.isNumber ? 1 : 0) }
        hasher.update(count: csv.count)
        hasher.update(csv)
        return hasher.finish()
    }
}
