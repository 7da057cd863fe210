import MierukaDiagnostics
import MierukaModel
import Testing

@Suite struct KPITests {
    let here = SourceLocation(file: "test")

    func kpi(baseline: DecimalNumber?, target: KPIValue?, direction: KPIDirection?) -> KPI {
        KPI(
            id: "k", name: "k", unit: "%", direction: direction,
            baseline: baseline.map { KPIPoint(years: nil, value: KPIValue(number: $0, text: nil)) },
            target: target.map { KPIPoint(years: nil, value: $0) }, actuals: [], note: nil, location: here)
    }

    func actual(_ value: DecimalNumber) -> KPIActual {
        KPIActual(year: FiscalYear(2024), value: KPIValue(number: value, text: nil), grade: nil, location: here)
    }

    @Test func progressTowardsAnIncreasingTarget() {
        let indicator = kpi(
            baseline: DecimalNumber(100), target: KPIValue(number: DecimalNumber(200), text: nil), direction: .increase)
        #expect(indicator.progress(of: actual(DecimalNumber(150)))?.formatted() == "50.0%")
        #expect(indicator.progress(of: actual(DecimalNumber(90)))?.formatted() == "△10.0%")
    }

    @Test func progressIsHonestForDecreasingKPIs() {
        // 職員数 562 → 560: falling to 561 is half the way.
        let staff = kpi(baseline: DecimalNumber(562), target: KPIValue(number: DecimalNumber(560), text: nil), direction: .decrease)
        #expect(staff.progress(of: actual(DecimalNumber(561)))?.formatted() == "50.0%")
        // Rising instead is negative progress, not a success.
        #expect(staff.progress(of: actual(DecimalNumber(563)))?.formatted() == "△50.0%")
        #expect(staff.plannedChange?.formatted() == "△2")
    }

    @Test func changesOfRatesAreInPoints() {
        let rate = kpi(
            baseline: DecimalNumber(units: 313, scale: 1), target: KPIValue(number: DecimalNumber(35), text: nil),
            direction: .increase)
        #expect(rate.plannedChangeText == "3.7ポイント")
    }

    @Test func noProgressForTextTargetsOrMissingBaseline() {
        let textTarget = kpi(baseline: DecimalNumber(units: 948, scale: 1), target: KPIValue(number: nil, text: "80%台"), direction: .decrease)
        #expect(textTarget.progress(of: actual(DecimalNumber(units: 926, scale: 1))) == nil)
        let noBaseline = kpi(baseline: nil, target: KPIValue(number: DecimalNumber(10), text: nil), direction: nil)
        #expect(noBaseline.progress(of: actual(DecimalNumber(5))) == nil)
        let flat = kpi(baseline: DecimalNumber(10), target: KPIValue(number: DecimalNumber(10), text: nil), direction: nil)
        #expect(flat.progress(of: actual(DecimalNumber(11))) == nil)
    }

    @Test func valuesShowTheirWordingWhenGiven() {
        #expect(KPIValue(number: DecimalNumber(3_400_000), text: "約340万件").display(unit: "件") == "約340万件")
        #expect(KPIValue(number: DecimalNumber(9718), text: nil).display(unit: "人") == "9,718人")
        #expect(KPIValue(number: nil, text: nil).display(unit: "人") == "—")
        #expect(KPIValue(number: DecimalNumber(35), text: nil, unitAsWritten: "％").display(unit: "%") == "35％")
    }
}
