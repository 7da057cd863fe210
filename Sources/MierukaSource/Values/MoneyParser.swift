import MierukaDiagnostics
import MierukaModel

/// Reads amounts of money as Japanese documents write them:
/// 107,077 (in the plan's unit) · 107,077千円 · 36百万円 · 28.6億円 · 17億7,700万円 · 40億5千万円 · △2,000.
package enum MoneyParser {
    package static let acceptedForms = "107,077 (in the plan's unit), 107,077千円, 36百万円, 28.6億円, 17億7,700万円, △2,000"

    package static func parse(_ raw: String, location: SourceLocation) -> MoneyDocument? {
        let text = WidthNormalization.fold(raw)
        guard let first = NumberParser.parse(text) else { return nil }
        if first.suffix.isEmpty {
            return MoneyDocument(amount: first.number, writtenUnit: nil, location: location)
        }
        for unit in MoneyUnit.allCases where first.suffix == unit.rawValue {
            return MoneyDocument(amount: first.number, writtenUnit: unit, location: location)
        }
        // Compound forms (17億7,700万円): add up the parts in yen.
        guard let yen = compoundYen(text) else { return nil }
        return MoneyDocument(amount: DecimalNumber(units: yen, scale: 0), writtenUnit: .yen, location: location)
    }

    /// Said in the hint of an effect's amount that cannot be read.
    package static let approximateHint = "an approximate figure is read with 「約」 in front (約1,200千円), shown as written and added into nothing"

    /// The word before an amount that says the report gives it as an approximate figure (「約49億円」).
    package static let approximately = "約"

    /// An amount written as an approximation (「約49億円」, 「約 13億円」): the text after 「約」 and
    /// true; otherwise the text as it is and false. Money tables (`money_tables:`) and effects' amounts
    /// (`parseEffect`) take it: the figure is shown as written and never held to a sum or a difference.
    package static func splitApproximate(_ raw: String) -> (body: String, approximate: Bool) {
        let text = raw.trimmingWhitespace()
        guard text.hasPrefix(approximately) else { return (text, false) }
        let body = String(text.dropFirst(approximately.count)).trimmingWhitespace()
        return body.isEmpty ? (text, false) : (body, true)
    }

    /// The word after an amount that says it is an increase, not a saving (「425万4千円の増」).
    package static let increase = "の増"

    /// An effect's amount: any form `parse` reads, or one of them followed by 「の増」 (spending
    /// that went up instead of down: 大多喜町's 「支出削減額…425万4千円の増」). An increase is kept
    /// as written (`MoneyDocument.increase`) and its amount is negative, so that it counts against
    /// the effects wherever Mieruka adds them up. An increase written with △ or a minus is not
    /// read (nil): it would say the same thing twice, or its opposite.
    ///
    /// An approximate figure (「約1,200千円」, 「約425万円の増」) is read after 「約」 and keeps its
    /// words (`MoneyDocument.approximate`): it is shown as written and added into nothing.
    package static func parseEffect(_ raw: String, location: SourceLocation) -> MoneyDocument? {
        // Nearly every amount is written in ASCII (76860, 1,200): it can neither start with 「約」
        // nor end in 「の増」, and is read as `parse` reads it, without trimming, folding and
        // comparing it again for those words (which took two thirds of the time).
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return parse(raw, location: location) }
        let split = splitApproximate(raw)
        if split.approximate {
            guard var document = parseEffect(split.body, location: location), !splitApproximate(split.body).approximate
            else { return nil }
            document.approximate = raw.trimmingWhitespace()
            return document
        }
        let text = raw.trimmingWhitespace()
        let folded = WidthNormalization.fold(text)
        guard folded.hasSuffix(increase) else { return parse(raw, location: location) }
        let body = String(folded.dropLast(increase.count)).trimmingWhitespace()
        guard let amount = parse(body, location: location), !amount.amount.isNegative, amount.amount.units != 0
        else { return nil }
        var document = MoneyDocument(
            amount: DecimalNumber(units: -amount.amount.units, scale: amount.amount.scale),
            writtenUnit: amount.writtenUnit, location: location)
        document.increase = text
        return document
    }

    /// Whether text is written as an increase (ends with 「の増」), read or not.
    package static func saysIncrease(_ raw: String) -> Bool {
        WidthNormalization.fold(raw.trimmingWhitespace()).hasSuffix(increase)
    }

    /// Sums groups like 17億 + 7,700万 (+ 千 and 百 inside a group, as in 5千万) and requires a final 円.
    /// The large units come in falling order, each at most once (17億7,700万, never 7,700万17億),
    /// and the sum stays within what a number can be written as, so the amount reads back.
    static func compoundYen(_ text: String) -> Int64? {
        let compact = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        guard compact.hasSuffix("円") else { return nil }
        var rest = Substring(compact.dropLast())
        var negative = false
        if let first = rest.first, first == "△" || first == "▲" || first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        let large: [(Character, Int64)] = [("兆", 1_000_000_000_000), ("億", 100_000_000), ("万", 10_000)]
        let small: [(Character, Int64)] = [("千", 1_000), ("百", 100)]
        var total: Int64 = 0
        var section: Int64 = 0
        var parsedAny = false
        var previousFactor = Int64.max
        while !rest.isEmpty {
            // The sign is written once, in front (△17億円); a part of its own cannot be negative.
            guard let parsed = NumberParser.parse(String(rest)), !parsed.number.isNegative else { return nil }
            let consumed = rest.count - parsed.suffix.count
            rest = rest.dropFirst(consumed)
            var value = parsed.number
            var multiplier: Int64 = 1
            if let next = rest.first, let factor = small.first(where: { $0.0 == next })?.1 {
                multiplier = factor
                rest = rest.dropFirst()
            }
            guard let scaled = scaled(value, by: multiplier) else { return nil }
            value = DecimalNumber(units: scaled, scale: 0)
            let (sum, sumOverflow) = section.addingReportingOverflow(value.units)
            guard !sumOverflow else { return nil }
            section = sum
            if let next = rest.first, let factor = large.first(where: { $0.0 == next })?.1 {
                guard factor < previousFactor else { return nil }
                previousFactor = factor
                rest = rest.dropFirst()
                let (product, overflow) = section.multipliedReportingOverflow(by: factor)
                let (added, addOverflow) = total.addingReportingOverflow(product)
                guard !overflow, !addOverflow else { return nil }
                total = added
                section = 0
            } else if !rest.isEmpty, multiplier == 1 {
                // Digits may follow a 千 or 百 inside a group (4千440万円 = 4,440万円), nothing else.
                return nil
            }
            parsedAny = true
        }
        guard parsedAny else { return nil }
        let (sum, overflow) = total.addingReportingOverflow(section)
        guard !overflow, sum <= DecimalNumber.maximumUnits else { return nil }
        return negative ? -sum : sum
    }

    /// A decimal times a power of ten, when the result is whole.
    private static func scaled(_ number: DecimalNumber, by factor: Int64) -> Int64? {
        var units = number.units
        var scale = number.scale
        var factor = factor
        while scale > 0, factor % 10 == 0 {
            factor /= 10
            scale -= 1
        }
        while scale > 0, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        guard scale == 0 else { return nil }
        let (result, overflow) = units.multipliedReportingOverflow(by: factor)
        return overflow ? nil : result
    }
}
