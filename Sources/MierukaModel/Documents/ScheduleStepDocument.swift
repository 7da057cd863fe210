import MierukaDiagnostics

/// A schedule step as written: `R2～R4: 実施` under an item's `schedule:`.
package struct ScheduleStepDocument: Sendable {
    package let years: Located<FiscalYearRange>
    package let text: Located<String>

    package init(years: Located<FiscalYearRange>, text: Located<String>) {
        self.years = years
        self.text = text
    }
}
