/// An amount of money, held exactly in yen and shown in a plan's unit (千円, 万円, 億円).
package struct Money: Sendable, Hashable, Comparable {
    package let yen: Int64

    package init(yen: Int64) {
        self.yen = yen
    }

    package static let zero = Money(yen: 0)

    package static func < (lhs: Money, rhs: Money) -> Bool { lhs.yen < rhs.yen }

    /// Sum; nil if the total leaves the representable range (far beyond any municipal budget).
    package func adding(_ other: Money) -> Money? {
        let (sum, overflow) = yen.addingReportingOverflow(other.yen)
        return overflow ? nil : Money(yen: sum)
    }

    package func subtracting(_ other: Money) -> Money? {
        let (difference, overflow) = yen.subtractingReportingOverflow(other.yen)
        return overflow ? nil : Money(yen: difference)
    }

    /// The sum of the amounts that are known; nil when none is (overflowing parts are left out).
    package static func sum(_ amounts: some Sequence<Money?>) -> Money? {
        var total: Money?
        for case let amount? in amounts {
            total = (total ?? .zero).adding(amount) ?? total
        }
        return total
    }

    /// The amount as a decimal number of `unit`, exact (28.6 for 2,860,000,000 yen in 億円).
    package func amount(in unit: MoneyUnit) -> DecimalNumber {
        let factor = unit.yen
        if yen % factor == 0 { return DecimalNumber(units: yen / factor, scale: 0) }
        // Fewest decimal places that show the amount exactly.
        var scale = 1
        var divisor = factor / 10
        while divisor > 1, yen % divisor != 0 {
            scale += 1
            divisor /= 10
        }
        return DecimalNumber(units: yen / max(divisor, 1), scale: scale)
    }

    /// "1,345,649千円", "28.6億円", "△2,000千円".
    package func formatted(in unit: MoneyUnit, withUnit: Bool = true, negative: NegativeStyle = .triangle) -> String {
        amount(in: unit).formatted(negative: negative) + (withUnit ? unit.rawValue : "")
    }
}
