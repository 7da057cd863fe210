import MierukaDiagnostics
import MierukaModel

/// Checks an item's schedule against its plan: every step inside the plan's period, no fiscal year
/// scheduled twice. Steps that fail are left out (their errors say what to fix).
struct ScheduleChecker {
    let period: FiscalYearRange
    let yearStyle: FiscalYearStyle

    func check(_ steps: [ScheduleStepDocument], item: String, diagnostics: inout Diagnostics) -> [ScheduleStep] {
        var kept: [(step: ScheduleStep, location: SourceLocation)] = []
        for document in steps {
            let years = document.years.value
            guard let last = years.last else { continue }
            guard period.contains(years.first), period.contains(last) else {
                diagnostics.error(
                    at: document.years.location,
                    "the schedule of item \(item) gives \(years.label(yearStyle)), outside the plan's period \(period.label(yearStyle))",
                    hint: "schedule only years inside the plan's period, or correct period: in the plan's _index.md")
                continue
            }
            if let other = kept.first(where: { $0.step.years.first <= last && years.first <= ($0.step.years.last ?? last) }) {
                diagnostics.error(
                    at: document.years.location,
                    "the schedule of item \(item) gives \(years.label(yearStyle)) a step, but \(other.step.years.label(yearStyle)) at \(other.location) already covers part of it",
                    hint: "give each fiscal year one step; write both words in one step if the plan does (「試行・実施」)")
                continue
            }
            kept.append((ScheduleStep(years: years, text: document.text.value), document.years.location))
        }
        return kept.map(\.step).sorted { $0.years.first < $1.years.first }
    }
}
