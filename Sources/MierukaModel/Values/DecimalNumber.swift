/// An exact decimal number that remembers how many decimal places it was written with,
/// so that 85.0% is shown as 85.0% and 1,190 as 1,190 (never 85% or 1190.0).
package struct DecimalNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value times 10^scale.
    package let units: Int64
    /// Digits after the decimal point.
    package let scale: Int

    /// The largest magnitude accepted from input, so that sums of many values cannot overflow.
    package static let maximumUnits: Int64 = 999_999_999_999_999
    /// The most decimal places a value may have (more is refused by parsers and conversions).
    package static let maximumScale = 15

    package init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    package init(_ integer: Int) {
        self.units = Int64(integer)
        self.scale = 0
    }

    package static let zero = DecimalNumber(0)

    package var isNegative: Bool { units < 0 }

    package var doubleValue: Double {
        Double(units) / Self.power(scale)
    }

    /// The same number with at least `scale` decimal places (1.5 → 1.50); nil when it does not fit.
    package func rescaled(to newScale: Int) -> DecimalNumber? {
        guard newScale >= scale, let factor = Self.integerPower(newScale - scale) else { return nil }
        let (result, overflow) = units.multipliedReportingOverflow(by: factor)
        return overflow ? nil : DecimalNumber(units: result, scale: newScale)
    }

    /// 10^exponent as an integer, or nil beyond what Int64 holds.
    static func integerPower(_ exponent: Int) -> Int64? {
        guard exponent >= 0, exponent <= 18 else { return nil }
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// Exact difference, with the larger of the two scales; nil on overflow.
    package func subtracting(_ other: DecimalNumber) -> DecimalNumber? {
        let common = max(scale, other.scale)
        guard let a = rescaled(to: common), let b = other.rescaled(to: common) else { return nil }
        let (result, overflow) = a.units.subtractingReportingOverflow(b.units)
        return overflow ? nil : DecimalNumber(units: result, scale: common)
    }

    /// Exact sum, with the larger of the two scales; nil on overflow.
    package func adding(_ other: DecimalNumber) -> DecimalNumber? {
        let common = max(scale, other.scale)
        guard let a = rescaled(to: common), let b = other.rescaled(to: common) else { return nil }
        let (result, overflow) = a.units.addingReportingOverflow(b.units)
        return overflow ? nil : DecimalNumber(units: result, scale: common)
    }

    package static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        let common = max(lhs.scale, rhs.scale)
        if let a = lhs.rescaled(to: common), let b = rhs.rescaled(to: common) {
            return a.units < b.units
        }
        return lhs.doubleValue < rhs.doubleValue
    }

    /// Numerically equal regardless of written precision (85 and 85.0).
    package func isNumericallyEqual(to other: DecimalNumber) -> Bool {
        !(self < other) && !(other < self)
    }

    /// "1,234.5"; negatives as "△1,234.5" (the Japanese report style) or "-1,234.5".
    package func formatted(grouping: Bool = true, negative: NegativeStyle = .triangle) -> String {
        // Written from the end of a buffer on the stack, least significant digit first: a number
        // is formatted for nearly every cell of every table, and most results fit in a small
        // String, so this makes no allocation at all.
        let digitCount = max(units.magnitude == 0 ? 1 : Self.decimalDigits(units.magnitude), scale + 1)
        let capacity = digitCount + digitCount / 3 + 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            var rest = units.magnitude
            for position in 0..<digitCount {
                if position == scale, scale > 0 { put(UInt8(ascii: ".")) }
                let remaining = position - scale
                if grouping, remaining > 0, remaining % 3 == 0, digitCount - scale > 3 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            if units < 0 {
                for byte in negative.prefix.utf8.reversed() { put(byte) }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<capacity]), as: UTF8.self)
        }
    }

    /// How many decimal digits `value` (above zero) has.
    static func decimalDigits(_ value: UInt64) -> Int {
        var count = 0
        var rest = value
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// Plain form for data files: "-1234.5".
    package var description: String { formatted(grouping: false, negative: .minus) }

    static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }
}

/// How a negative number is written.
package enum NegativeStyle: Sendable {
    /// △1,234 (Japanese public documents)
    case triangle
    /// -1,234
    case minus

    var prefix: String {
        switch self {
        case .triangle: "△"
        case .minus: "-"
        }
    }
}

/// Thousands separators for digit strings.
package enum NumberGrouping {
    /// "1234567" → "1,234,567"
    package static func group(_ digits: String) -> String {
        let characters = Array(digits)
        guard characters.count > 3 else { return digits }
        var result = ""
        result.reserveCapacity(characters.count + characters.count / 3)
        for (offset, character) in characters.enumerated() {
            if offset > 0, (characters.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }

    /// "1,234" for an integer, "△1,234" when negative.
    package static func format(_ value: Int, negative: NegativeStyle = .triangle) -> String {
        if value >= 0, value < 1000 { return String(value) }
        return DecimalNumber(units: Int64(value), scale: 0).formatted(negative: negative)
    }
}
