/// The units in which Japanese municipal documents state amounts of money.
package enum MoneyUnit: String, Sendable, CaseIterable {
    case yen = "円"
    case thousandYen = "千円"
    case tenThousandYen = "万円"
    case millionYen = "百万円"
    case hundredMillionYen = "億円"

    /// How many yen one of this unit is.
    package var yen: Int64 {
        switch self {
        case .yen: 1
        case .thousandYen: 1_000
        case .tenThousandYen: 10_000
        case .millionYen: 1_000_000
        case .hundredMillionYen: 100_000_000
        }
    }

    /// The words of an amount written without a unit, with this unit put in after the figure:
    /// 「約100」 → 「約100万円」, 「50の増」 → 「50万円の増」, 「約50の増」 → 「約50万円の増」.
    package func inserted(into words: String) -> String {
        let increase = "の増"
        guard words.hasSuffix(increase) else { return words + rawValue }
        var figure = String(words.dropLast(increase.count))
        while let last = figure.last, last.isWhitespace { figure.removeLast() }
        return figure + rawValue + increase
    }

    /// Decimal places needed to show any whole number of yen in this unit.
    var decimalPlaces: Int {
        switch self {
        case .yen: 0
        case .thousandYen: 3
        case .tenThousandYen: 4
        case .millionYen: 6
        case .hundredMillionYen: 8
        }
    }
}
