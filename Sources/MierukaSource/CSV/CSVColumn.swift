import MierukaModel

/// A column of a results CSV, as its header names it.
struct CSVColumn: Sendable, Hashable {
    let field: CSVField
    /// 1-based (1 is column A).
    let number: Int
    /// The header as written, on one line (「効果額（千円）」).
    let header: String
    /// The money unit the header gives to cells written without one (「効果額（千円）」 → 千円).
    let unit: MoneyUnit?
}
