import MierukaModel
import Testing

@Suite struct NumberFormattingTests {
    @Test func decimalsKeepTheirWrittenPrecision() {
        #expect(DecimalNumber(units: 850, scale: 1).formatted() == "85.0")
        #expect(DecimalNumber(units: 1_000, scale: 1).formatted() == "100.0")
        #expect(DecimalNumber(units: 1_190, scale: 0).formatted() == "1,190")
        #expect(DecimalNumber(units: 29_509_646, scale: 0).formatted() == "29,509,646")
        #expect(DecimalNumber(units: -2, scale: 0).formatted() == "△2")
        #expect(DecimalNumber(units: -1_234_5, scale: 1).formatted(negative: .minus) == "-1,234.5")
        #expect(DecimalNumber(units: 5, scale: 2).formatted() == "0.05")
        #expect(DecimalNumber(units: -5, scale: 3).formatted() == "△0.005")
        #expect(DecimalNumber(units: 1, scale: 23).formatted(grouping: false) == "0.00000000000000000000001")
        #expect(DecimalNumber(units: 123_456_789, scale: 2).formatted() == "1,234,567.89")
        #expect(DecimalNumber(units: 0, scale: 0).formatted() == "0")
        #expect(DecimalNumber(units: 0, scale: 2).formatted() == "0.00")
        #expect(DecimalNumber(units: 999, scale: 0).formatted() == "999")
        #expect(DecimalNumber(units: -1_000, scale: 0).formatted() == "△1,000")
        #expect(DecimalNumber(units: .min, scale: 0).formatted() == "△9,223,372,036,854,775,808")
        #expect(DecimalNumber(units: .min, scale: 0).formatted(grouping: false, negative: .minus) == "-9223372036854775808")
    }

    @Test func decimalArithmeticIsExact() {
        let a = DecimalNumber(units: 948, scale: 1)  // 94.8
        let b = DecimalNumber(units: 926, scale: 1)  // 92.6
        #expect(b.subtracting(a) == DecimalNumber(units: -22, scale: 1))
        #expect(DecimalNumber(560).subtracting(DecimalNumber(562))?.formatted() == "△2")
        #expect(DecimalNumber(units: 850, scale: 1).isNumericallyEqual(to: DecimalNumber(85)))
        #expect(DecimalNumber(units: 849, scale: 1) < DecimalNumber(85))
    }

    @Test func moneyInThePlansUnit() {
        #expect(Money(yen: 1_345_649_000).formatted(in: .thousandYen) == "1,345,649千円")
        #expect(Money(yen: 2_860_000_000).formatted(in: .hundredMillionYen) == "28.6億円")
        #expect(Money(yen: 119_000_000_000).formatted(in: .hundredMillionYen) == "1,190億円")
        #expect(Money(yen: -14_000_000_000).formatted(in: .hundredMillionYen) == "△140億円")
        #expect(Money(yen: 1_777_000_000).formatted(in: .tenThousandYen) == "177,700万円")
        #expect(Money(yen: 1_500).formatted(in: .thousandYen, withUnit: false) == "1.5")
    }

    @Test func moneySums() {
        #expect(Money.sum([Money(yen: 1), nil, Money(yen: 2)]) == Money(yen: 3))
        #expect(Money.sum([nil, nil]) == nil)
        #expect(Money(yen: .max).adding(Money(yen: 1)) == nil)
    }

    @Test func percentagesRoundHalfAwayFromZero() {
        #expect(Percentage(ratio: 0.9455)?.formatted() == "94.6%")
        #expect(Percentage(ratio: -0.9448)?.formatted() == "△94.5%")
        #expect(Percentage(ratio: 12.5)?.formatted() == "1,250.0%")
        #expect(Percentage(ratio: .infinity) == nil)
        #expect(Percentage(ratio: 1e30) == nil)
        #expect(Percentage(ratio: .nan) == nil)
    }

    @Test func unitConversion() {
        #expect(UnitConversion.convert(DecimalNumber(1000), from: "万円", to: "円") == DecimalNumber(10_000_000))
        #expect(UnitConversion.convert(DecimalNumber(units: 286, scale: 1), from: "億円", to: "円") == DecimalNumber(2_860_000_000))
        #expect(UnitConversion.convert(DecimalNumber(1), from: "万人", to: "人") == DecimalNumber(10_000))
        #expect(UnitConversion.convert(DecimalNumber(1000), from: "人/年", to: "人／年") == DecimalNumber(1000))
        #expect(UnitConversion.convert(DecimalNumber(80), from: "%台", to: "%") == nil)
        #expect(UnitConversion.convert(DecimalNumber(1_000_000), from: "円", to: "万円") == DecimalNumber(100))
        // Conversions that would need more decimals than a value may have are refused.
        #expect(UnitConversion.convert(DecimalNumber(units: 1, scale: 15), from: "円", to: "億円") == nil)
    }

    @Test func slugs() {
        #expect(URLSlug.isValid("kodaira-3"))
        #expect(URLSlug.isValid("企画部"))
        #expect(!URLSlug.isValid("a b"))
        #expect(!URLSlug.isValid("../x"))
        #expect(URLSlug.make(from: "企画部 デジタル・行政経営課") == "企画部-デジタル-行政経営課")
    }
}
