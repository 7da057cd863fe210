/// Converts a number written with one unit into a KPI's unit, where the two are the same kind:
/// money (1,000万円 → 10,000,000 円) or a count with a Japanese multiplier (1万人 → 10,000 人).
package enum UnitConversion {
    /// Multipliers that may stand before a unit.
    static let multipliers: [(String, Int64)] = [("百万", 1_000_000), ("億", 100_000_000), ("万", 10_000), ("千", 1_000)]

    /// The number in `target` units, or nil when the units cannot be converted exactly.
    package static func convert(_ number: DecimalNumber, from writtenUnit: String, to targetUnit: String) -> DecimalNumber? {
        // Compare units as typed in either width (人／年 and 人/年, ％ and %).
        let written = WidthNormalization.fold(writtenUnit)
        let target = WidthNormalization.fold(targetUnit)
        if written == target { return number }
        if let from = MoneyUnit(rawValue: written), let to = MoneyUnit(rawValue: target) {
            return scale(number, multiply: from.yen, divide: to.yen)
        }
        for (prefix, factor) in multipliers where written == prefix + target {
            return scale(number, multiply: factor, divide: 1)
        }
        return nil
    }

    /// number × multiply ÷ divide, exact, keeping as few decimals as needed.
    static func scale(_ number: DecimalNumber, multiply: Int64, divide: Int64) -> DecimalNumber? {
        var units = number.units
        var scale = number.scale
        var multiplier = multiply
        var divisor = divide
        // Cancel common powers of ten.
        while multiplier % 10 == 0, divisor % 10 == 0 {
            multiplier /= 10
            divisor /= 10
        }
        let (product, overflow) = units.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        units = product
        // Divide by powers of ten through the scale.
        while divisor > 1 {
            guard divisor % 10 == 0 else { return nil }
            divisor /= 10
            scale += 1
        }
        // Drop trailing zeros beyond what the written number had.
        while scale > number.scale, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        while scale > 0, multiply > divide, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        guard units.magnitude <= DecimalNumber.maximumUnits.magnitude, scale <= DecimalNumber.maximumScale else {
            return nil
        }
        return DecimalNumber(units: units, scale: scale)
    }
}
