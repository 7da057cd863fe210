import MierukaDiagnostics
import MierukaModel
import Testing

/// A published 達成率 agrees with its figures when it is the ratio rounded half up or cut at the
/// decimal places the report wrote.
@Suite struct PublishedRateTests {
    let here = SourceLocation(file: "t", line: 1, column: 1)

    func rate(_ units: Int64, scale: Int) -> PublishedRate {
        PublishedRate(text: "", percent: DecimalNumber(units: units, scale: scale), location: here)
    }

    @Test func roundedOrCutAgree() {
        // 三田市 H20: 733.4 ÷ 702.5 = 104.398…% → 104.4%.
        #expect(rate(1044, scale: 1).agrees(numerator: 7334, denominator: 7025) == true)
        // 106.25% printed as 106.3 (half up) or 106.2 (cut).
        #expect(rate(1063, scale: 1).agrees(numerator: 34000, denominator: 32000) == true)
        #expect(rate(1062, scale: 1).agrees(numerator: 34000, denominator: 32000) == true)
        // 寒川町: 16 of 20 is 80%.
        #expect(rate(80, scale: 0).agrees(numerator: 16, denominator: 20) == true)
    }

    @Test func otherFiguresDoNot() {
        // 栄町 H20: 実績 11億1,700万 ÷ 目標 10億780万 = 110.8%, printed 90.2%.
        #expect(rate(902, scale: 1).agrees(numerator: 111_700, denominator: 100_780) == false)
        #expect(rate(902, scale: 1).computed(numerator: 111_700, denominator: 100_780) == "110.8%")
        #expect(rate(1061, scale: 1).agrees(numerator: 34000, denominator: 32000) == false)
        #expect(rate(-50, scale: 0).agrees(numerator: 1, denominator: 2) == false)
        #expect(rate(50, scale: 0).agrees(numerator: 1, denominator: 0) == nil)
    }
}
