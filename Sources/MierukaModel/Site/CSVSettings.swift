/// How results saved from Excel as CSV are read: the `csv:` section of `mieruka.yml`.
package struct CSVSettings: Sendable, Hashable {
    /// The text encoding of CSV files.
    package enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// A byte-order mark is removed; valid UTF-8 is read as UTF-8; anything else as Shift_JIS (CP932).
        case auto
        /// UTF-8, with or without a byte-order mark (Excel's 「CSV UTF-8（コンマ区切り）」).
        case utf8 = "utf-8"
        /// Shift_JIS as Excel writes it on Windows (Windows-31J, CP932; 「CSV（コンマ区切り）」).
        case shiftJIS = "shift_jis"
    }

    package let encoding: Encoding
    /// Column headers the site adds to the built-in ones, each mapped to a column key
    /// ("実績額" → "effect_actual", "担当課" → "ignore"). Keys are the headers as written.
    package let columns: [String: String]

    package init(encoding: Encoding = .auto, columns: [String: String] = [:]) {
        self.encoding = encoding
        self.columns = columns
    }
}
