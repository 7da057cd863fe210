import MierukaModel
import Testing

@Suite struct FiscalYearTests {
    @Test(arguments: [
        (2024, "令和6年度"), (2019, "令和元年度"), (2018, "平成30年度"), (2017, "平成29年度"), (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ])
    func warekiLabels(year: Int, label: String) {
        #expect(FiscalYear(year).label(.wareki) == label)
    }

    @Test func otherStyles() {
        #expect(FiscalYear(2024).label(.western) == "2024年度")
        #expect(FiscalYear(2019).label(.both) == "2019（令和元）年度")
        #expect(FiscalYear(1900).label(.wareki) == "1900年度")
    }

    @Test func ranges() {
        let period = FiscalYearRange(FiscalYear(2019), FiscalYear(2023))
        #expect(period.label(.western) == "2019～2023年度")
        #expect(period.label(.wareki) == "令和元年度～令和5年度")
        #expect(period.contains(FiscalYear(2023)))
        #expect(!period.contains(FiscalYear(2024)))
        #expect(period.length == 5)
        let open = FiscalYearRange(FiscalYear(2016), nil)
        #expect(open.label(.wareki) == "平成28年度～")
        #expect(open.contains(FiscalYear(2030)))
        #expect(!open.contains(FiscalYear(2015)))
    }

    @Test func eraArithmetic() {
        #expect(Era.heisei.fiscalYear(eraYear: 31) == 2019)
        // Past the era's end, as plans written before 2019 name their later years: the same fiscal
        // year as in 令和, up to 平成60.
        #expect(Era.heisei.fiscalYear(eraYear: 32) == 2020)
        #expect(Era.heisei.isPastEnd(eraYear: 32) && !Era.heisei.isPastEnd(eraYear: 31))
        #expect(Era.heisei.fiscalYear(eraYear: 60) == 2048)
        #expect(Era.heisei.fiscalYear(eraYear: 61) == nil)
        #expect(Era.showa.fiscalYear(eraYear: 65) == nil)
        #expect(Era.reiwa.fiscalYear(eraYear: 0) == nil)
    }
}
