import MierukaDiagnostics
import MierukaModel

/// Puts one year's result onto an item: checks the year, the grade, the amounts, and the KPIs it
/// reports actuals for. A second result for the same item and year is an error, wherever it is
/// written: results are never silently replaced.
struct ResultApplier {
    let planSlug: String
    let period: FiscalYearRange
    let yearStyle: FiscalYearStyle
    let grades: GradeScale
    /// States a year may give instead of a grade (`states:` of the plan).
    var states: GradeScale = GradeScale([])
    let moneyUnit: MoneyUnit
    /// The plan's status axes (`axes:`), on which a result may give values.
    var axes: [StatusAxis] = []

    func apply(
        _ result: ResultDocument, year: Located<FiscalYear>, to draft: inout ItemDraft, diagnostics: inout Diagnostics
    ) {
        let fiscalYear = year.value
        let label = fiscalYear.label(yearStyle)
        guard period.contains(fiscalYear) else {
            diagnostics.error(
                at: year.location,
                "\(label) is outside the plan period (\(period.label(yearStyle)))",
                hint: "check the year, or the plan's period: in content/\(planSlug)/_index.md")
            return
        }
        // Written out only for an error.
        let number = draft.document.number.value
        func where_() -> String { result.item.map { "item \($0.value)" } ?? "the item \(number)" }
        if let point = result.asOf {
            // One result per item, year and point; a result at a point is never the year's.
            if let first = draft.snapshotLocations.first(where: { $0.year == fiscalYear && Snapshot.samePoint($0.point, point) }) {
                diagnostics.error(
                    at: result.location, "\(where_()) has two results for \(label) at \(point.pointLabel)",
                    hint: "the other is at \(first.location); keep one result per item, year and point (as_of:)")
                return
            }
            if let kpi = result.kpiActuals.first {
                diagnostics.error(
                    at: kpi.location, "\(where_()) gives a KPI actual in its result at \(point.pointLabel)",
                    hint: "a KPI has one actual per year: give it in the year's result (without as_of:)")
                return
            }
        } else if let first = draft.resultLocations[fiscalYear] {
            diagnostics.error(
                at: result.location, "\(where_()) has two results for \(label)",
                hint: "the other is at \(first); keep one result per item and year")
            return
        }
        var failed = false
        var grade: Int?
        var state: Int?
        if let code = result.grade {
            let resolved = GradeResolver(grades: grades, states: states).gradeOrState(code, diagnostics: &diagnostics)
            (grade, state) = resolved ?? (nil, nil)
            failed = resolved == nil
        }
        let effects = ([result.effect].compactMap { $0 } + result.moreEffects).map { written in
            MoneyConverter.effect(written, unit: moneyUnit, diagnostics: &diagnostics)
        }
        for written in result.kpiActuals {
            applyActual(written, year: fiscalYear, to: &draft, diagnostics: &diagnostics)
        }
        let subitems = SubItemChecker(grades: grades, states: states).results(
            result.subitems, of: draft.subitems, item: draft.document.number.value, year: label, diagnostics: &diagnostics)
        let axisValues = axisValues(result, diagnostics: &diagnostics)
        guard !failed, let subitems, let axisValues else { return }
        var yearResult = YearResult(
            year: fiscalYear, grade: grade, state: state, progress: result.progress?.trimmingTrailingSpace(),
            factors: result.factors?.trimmingTrailingSpace(), nextSteps: result.nextSteps?.trimmingTrailingSpace(),
            effect: effects.first, location: result.location)
        yearResult.moreEffects = Array(effects.dropFirst())
        yearResult.subitems = subitems
        yearResult.axisValues = axisValues
        yearResult.gradedBy = result.gradedBy?.value
        yearResult.gradeUnreadable = result.gradeUnreadable?.value
        yearResult.previousGrade = result.previousGrade
        yearResult.composition = GradeCompositionResolver(grades: grades).resolve(
            result.composition, grade: grade, state: state, diagnostics: &diagnostics)
        yearResult.asOf = result.asOf
        if let point = result.asOf {
            draft.snapshotLocations.append((fiscalYear, point, result.location))
            draft.snapshots.append(yearResult)
        } else {
            draft.resultLocations[fiscalYear] = result.location
            draft.results.append(yearResult)
        }
    }

    private func applyActual(
        _ written: KPIActualDocument, year: FiscalYear, to draft: inout ItemDraft, diagnostics: inout Diagnostics
    ) {
        guard let reference = written.kpi else { return }
        guard let index = draft.kpis.firstIndex(where: { $0.id == reference.value })
            ?? draft.kpis.firstIndex(where: { $0.name == reference.value })
        else {
            let known = draft.kpis.map(\.id)
            var hint =
                known.isEmpty
                ? "the item \(draft.document.number.value) has no KPIs; define them under kpis: in \(draft.document.location.file)"
                : "the item's KPIs are: " + draft.kpis.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            if let suggestion = Suggestion.closest(to: reference.value, in: known) { hint = "did you mean \"\(suggestion)\"? " + hint }
            diagnostics.error(
                at: reference.location, "the item \(draft.document.number.value) has no KPI \"\(reference.value)\"",
                hint: hint)
            return
        }
        let kpi = draft.kpis[index]
        // A provisional value (見込み, 速報値) may stand beside the confirmed one that replaces it.
        let provisional = written.provisional != nil
        if let existing = kpi.actuals.first(where: { $0.year == year && ($0.provisional != nil) == provisional }) {
            diagnostics.error(
                at: written.location,
                "the KPI \"\(kpi.name)\" already has \(provisional ? "a provisional" : "an") actual for \(year.label(yearStyle))",
                hint: "the other is at \(existing.location); keep one value per year"
                    + " (a provisional value, provisional:, may stand beside the confirmed one that replaces it)")
            return
        }
        let builder = KPIBuilder(grades: grades, period: period, yearStyle: yearStyle)
        guard let actual = builder.actual(written, year: year, unit: kpi.unit, diagnostics: &diagnostics) else { return }
        draft.kpis[index] = kpi.replacingActuals(kpi.actuals + [actual])
    }
}
