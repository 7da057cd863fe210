import MierukaModel

/// Reads numbers as people type them: 1,234 / １，２３４ / 94.8 / △2 / ▲140 / -3 / 9,718人.
package enum NumberParser {
    package struct Parsed: Sendable, Hashable {
        package let number: DecimalNumber
        /// Text written after the number ("人", "億円", "%"), empty when none.
        package let suffix: String
    }

    /// A number, optionally followed by a unit. Nil when the text does not start with a number.
    /// The number may be typed in full-width digits; the unit is returned as typed (％ stays ％).
    package static func parse(_ raw: String) -> Parsed? {
        if let plain = parsePlainASCII(raw) { return plain }
        let original = Array(raw.trimmingWhitespace().unicodeScalars)
        var scalars = original.map(WidthNormalization.fold)[...]
        var negative = false
        if let first = scalars.first, first == "△" || first == "▲" || first == "-" || first == "▽" {
            negative = true
            scalars = scalars.dropFirst()
        } else if scalars.first == "+" {
            scalars = scalars.dropFirst()
        }
        var units: Int64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var lastWasComma = false
        // Thousands separators must group by three ("1,234,567"): "1,5" or "12,34" is a typing
        // slip (a point for a comma, a lost digit), not 15 or 1234.
        var sawComma = false
        var groupDigits = 0
        while let scalar = scalars.first {
            if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil,
                scalar.isASCII
            {
                guard append(digit: Int64(digit), to: &units) else { return nil }
                digits += 1
                if seenPoint {
                    scale += 1
                    guard scale <= DecimalNumber.maximumScale else { return nil }
                } else {
                    groupDigits += 1
                }
                lastWasComma = false
            } else if scalar == ",", digits > 0, !seenPoint {
                guard sawComma ? groupDigits == 3 : groupDigits <= 3 else { return nil }
                sawComma = true
                groupDigits = 0
                lastWasComma = true
            } else if scalar == ".", !seenPoint, digits > 0 {
                guard !sawComma || groupDigits == 3 else { return nil }
                seenPoint = true
            } else {
                break
            }
            scalars = scalars.dropFirst()
        }
        guard digits > 0, !lastWasComma, !sawComma || seenPoint || groupDigits == 3 else { return nil }
        if seenPoint, scale == 0 { return nil }  // "12." is not a number
        let suffix = String(String.UnicodeScalarView(original[scalars.startIndex...])).trimmingWhitespace()
        return Parsed(number: DecimalNumber(units: negative ? -units : units, scale: scale), suffix: suffix)
    }

    /// The common case on bytes: digits with an optional point and minus sign, nothing else
    /// ("9718", "-3", "94.8"). Anything more is left to the general parser.
    private static func parsePlainASCII(_ raw: String) -> Parsed? {
        var units: Int64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var negative = false
        for (offset, byte) in raw.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard append(digit: Int64(byte - UInt8(ascii: "0")), to: &units) else { return nil }
                digits += 1
                if seenPoint {
                    scale += 1
                    guard scale <= DecimalNumber.maximumScale else { return nil }
                }
            case UInt8(ascii: "."):
                guard !seenPoint, digits > 0 else { return nil }
                seenPoint = true
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            default:
                return nil
            }
        }
        guard digits > 0, !seenPoint || scale > 0 else { return nil }
        return Parsed(number: DecimalNumber(units: negative ? -units : units, scale: scale), suffix: "")
    }

    /// `units` × 10 + `digit`; false when that is beyond what a `DecimalNumber` holds.
    private static func append(digit: Int64, to units: inout Int64) -> Bool {
        let (shifted, o1) = units.multipliedReportingOverflow(by: 10)
        let (added, o2) = shifted.addingReportingOverflow(digit)
        guard !o1, !o2, added <= DecimalNumber.maximumUnits else { return false }
        units = added
        return true
    }

    /// A whole number without unit; nil for anything else.
    package static func parseInteger(_ raw: String) -> Int? {
        guard let parsed = parse(raw), parsed.suffix.isEmpty, parsed.number.scale == 0 else { return nil }
        return Int(exactly: parsed.number.units)
    }

    /// A count such as "43", "43項目" or "74件".
    package static func parseCount(_ raw: String) -> Int? {
        guard let parsed = parse(raw), parsed.number.scale == 0, parsed.number.units >= 0 else { return nil }
        guard ["", "項目", "件", "本", "事業"].contains(parsed.suffix) else { return nil }
        return Int(exactly: parsed.number.units)
    }
}
