import MierukaDiagnostics

/// A KPI value as written: a number with the unit written after it, or a text, or both.
/// The unit is checked against the KPI's unit (and money units converted) when results merge.
package struct QuantityDocument: Sendable, Hashable {
    package let number: DecimalNumber?
    /// The unit written after the number ("人", "億円"), nil when none was written.
    package let writtenUnit: String?
    /// The text to show instead of the number (「80%台」, 「約340万件」).
    package let text: String?
    package let location: SourceLocation

    package init(number: DecimalNumber?, writtenUnit: String?, text: String?, location: SourceLocation) {
        self.number = number
        self.writtenUnit = writtenUnit
        self.text = text
        self.location = location
    }
}

/// An amount of money as written: a number, and the unit when one was written after it.
/// Without a unit it is in the plan's `money_unit`.
package struct MoneyDocument: Sendable, Hashable {
    package let amount: DecimalNumber
    package let writtenUnit: MoneyUnit?
    package let location: SourceLocation
    /// The amount exactly as the city wrote it when it says an increase (「425万4千円の増」: spending
    /// went up, a negative effect). `amount` is then negative: the increase counts against the effects.
    /// Only an effect's amounts may be written so (`MoneyParser.parseEffect`).
    package var increase: String? = nil
    /// The amount exactly as the city wrote it when it gives an approximate figure (「約1,200千円」):
    /// `amount` is the figure after 「約」, which Mieruka shows as written and adds into nothing.
    /// Only an effect's amounts (and money tables' cells) may be written so.
    package var approximate: String? = nil
    /// True when `writtenUnit` is not written with the amount but given by a sheet's column header
    /// (「効果見込額（万円）」): the words in `increase` and `approximate` then have no unit of their own.
    package var unitFromHeader = false

    package init(amount: DecimalNumber, writtenUnit: MoneyUnit?, location: SourceLocation) {
        self.amount = amount
        self.writtenUnit = writtenUnit
        self.location = location
    }

    /// The exact amount in yen, or nil when it is not a whole number of yen or too large.
    package func money(defaultUnit: MoneyUnit) -> Money? {
        let unit = writtenUnit ?? defaultUnit
        var units = amount.units
        var scale = amount.scale
        var factor = unit.yen
        // Move decimal places into the unit factor: 28.6億円 = 286 × 10^7 yen.
        while scale > 0, factor % 10 == 0 {
            factor /= 10
            scale -= 1
        }
        guard scale == 0 else {
            // Not a whole number of yen: allowed only when the remaining decimals are zeros.
            var remaining = scale
            while remaining > 0, units % 10 == 0 {
                units /= 10
                remaining -= 1
            }
            guard remaining == 0 else { return nil }
            return Self.multiply(units, factor)
        }
        return Self.multiply(units, factor)
    }

    private static func multiply(_ units: Int64, _ factor: Int64) -> Money? {
        let (yen, overflow) = units.multipliedReportingOverflow(by: factor)
        return overflow ? nil : Money(yen: yen)
    }
}

/// 効果見込額 and 実績効果額 as written.
package struct EffectDocument: Sendable, Hashable {
    package let expected: MoneyDocument?
    package let actual: MoneyDocument?
    package let location: SourceLocation
    /// `kind:` (単年度 / 継続), when the effect says how its amounts are counted.
    package var kind: EffectKind? = nil

    package init(expected: MoneyDocument?, actual: MoneyDocument?, location: SourceLocation) {
        self.expected = expected
        self.actual = actual
        self.location = location
    }
}
