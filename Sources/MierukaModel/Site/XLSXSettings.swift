/// How Excel workbooks (`.xlsx`) in seeds/ are read: the `xlsx:` section of `mieruka.yml`. Their
/// columns are named as in CSV files, with the headers of `csv: columns:`.
package struct XLSXSettings: Sendable, Hashable {
    /// The sheets read from each workbook, by name, hidden ones too. Empty: every visible sheet
    /// that holds anything.
    package let sheets: [String]

    package init(sheets: [String] = []) {
        self.sheets = sheets
    }
}
