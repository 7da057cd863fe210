import MierukaDiagnostics
import MierukaModel
@testable import MierukaSite
import Testing

/// An actual whose digits have a Latin letter between them is a number with a typo, almost surely;
/// an actual in words, or a number with a unit or a note, is not.
@Suite struct KPITypoCheckerTests {
    @Test(arguments: ["9,7x8人", "1O0件", "１２l３", "2a5"])
    func aLetterBetweenDigitsIsFound(_ text: String) {
        #expect(KPITypoChecker.hasLetterBetweenDigits(text))
    }

    @Test(arguments: ["1万人以上", "達成", "H29比 5%増", "9,718人", "12kg", "x1", "3回/年", "A", "", "約100件"])
    func wordsAndUnitsAreNotTypos(_ text: String) {
        #expect(!KPITypoChecker.hasLetterBetweenDigits(text))
    }

    @Test func aTypoInAnActualIsAWarningAtItsCell() {
        let cell = SourceLocation(file: "seeds/plan/H29.csv", line: 2, column: 7)
        let typo = KPIActual(year: FiscalYear(2017), value: KPIValue(number: nil, text: "9,7x8人"), grade: nil, location: cell)
        let words = KPIActual(
            year: FiscalYear(2018), value: KPIValue(number: nil, text: "1万人以上"), grade: nil,
            location: SourceLocation(file: "seeds/plan/H30.csv", line: 2, column: 7))
        let kpi = KPI(
            id: "visitors", name: "来場者数", unit: "人", direction: nil, baseline: nil, target: nil,
            actuals: [typo, words], note: nil, location: SourceLocation(file: "content/plan/001.md", line: 5, column: 3))
        var diagnostics = Diagnostics()
        KPITypoChecker().check(kpi, diagnostics: &diagnostics)
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.warnings.count == 1)
        #expect(diagnostics.warnings.first?.location == cell)
        #expect(diagnostics.warnings.first?.message.contains("「9,7x8人」 is not read as a number") == true)
    }
}
