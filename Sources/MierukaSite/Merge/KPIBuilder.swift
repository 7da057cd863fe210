import MierukaDiagnostics
import MierukaModel

/// Turns written KPIs into model KPIs: values in the KPI's unit, grades resolved on the plan's scale.
struct KPIBuilder {
    let grades: GradeScale
    let period: FiscalYearRange
    let yearStyle: FiscalYearStyle

    func build(_ documents: [KPIDocument], owner: String, diagnostics: inout Diagnostics) -> [KPI] {
        // Sized up front: grown from empty, each table was made anew for its first, second, fourth
        // … entry, for every KPI of every item.
        var seen: [String: SourceLocation] = [:]
        seen.reserveCapacity(documents.count)
        var kpis: [KPI] = []
        kpis.reserveCapacity(documents.count)
        for (offset, document) in documents.enumerated() {
            let id = document.id?.value ?? "kpi\(offset + 1)"
            let idLocation = document.id?.location ?? document.location
            if let first = seen[id] {
                diagnostics.error(
                    at: idLocation, "\(owner) has two KPIs with the id \"\(id)\"",
                    hint: "the first is at \(first); give each KPI its own id:")
                continue
            }
            seen[id] = idLocation
            let baseline = point(document.baseline, unit: document.unit, diagnostics: &diagnostics)
            let target = point(document.target, unit: document.unit, diagnostics: &diagnostics)
            var actuals: [KPIActual] = []
            actuals.reserveCapacity(document.actuals.count)
            // One confirmed value per year, and one provisional value (見込み, 速報値) beside it at most.
            var years: [Pair: SourceLocation] = [:]
            years.reserveCapacity(document.actuals.count)
            for written in document.actuals {
                guard let year = written.year else { continue }
                let key = Pair(year: year.value, provisional: written.provisional != nil)
                if let first = years[key] {
                    diagnostics.error(
                        at: year.location,
                        "the KPI \"\(document.name.value)\" has two \(key.provisional ? "provisional " : "")actuals for \(year.value.label(yearStyle))",
                        hint: "the first is at \(first); keep one value per year"
                            + " (a provisional value, provisional:, may stand beside the confirmed one that replaces it)")
                    continue
                }
                years[key] = year.location
                guard let actual = actual(written, year: year.value, unit: document.unit, diagnostics: &diagnostics)
                else { continue }
                actuals.append(actual)
            }
            kpis.append(
                KPI(
                    id: id, name: document.name.value, unit: document.unit, direction: document.direction,
                    baseline: baseline, target: target, actuals: actuals, note: document.note,
                    location: document.location))
        }
        return kpis
    }

    /// A year, and whether the value is provisional.
    struct Pair: Hashable {
        let year: FiscalYear
        let provisional: Bool
    }

    func actual(_ written: KPIActualDocument, year: FiscalYear, unit: String, diagnostics: inout Diagnostics) -> KPIActual? {
        guard let value = value(written.value, unit: unit, diagnostics: &diagnostics) else { return nil }
        var grade: Int?
        if let code = written.grade {
            grade = GradeResolver(grades: grades).resolve(code, diagnostics: &diagnostics)
            if grade == nil { return nil }
        }
        return KPIActual(
            year: year, value: value, grade: grade, gradedBy: written.gradedBy?.value, provisional: written.provisional,
            location: written.location)
    }

    func point(_ written: KPIPointDocument?, unit: String, diagnostics: inout Diagnostics) -> KPIPoint? {
        guard let written else { return nil }
        guard let value = value(written.value, unit: unit, diagnostics: &diagnostics) else { return nil }
        return KPIPoint(years: written.years?.value, value: value)
    }

    /// The written number in the KPI's unit, or an error saying why the units do not fit.
    func value(_ written: QuantityDocument, unit: String, diagnostics: inout Diagnostics) -> KPIValue? {
        guard let number = written.number else {
            return KPIValue(number: nil, text: written.text)
        }
        guard let writtenUnit = written.writtenUnit else {
            return KPIValue(number: number, text: written.text)
        }
        if writtenUnit != unit, WidthNormalization.fold(writtenUnit) == WidthNormalization.fold(unit) {
            // The same unit typed in the other width (％ for %): shown as the document writes it.
            return KPIValue(number: number, text: written.text, unitAsWritten: writtenUnit)
        }
        if let converted = UnitConversion.convert(number, from: writtenUnit, to: unit) {
            return KPIValue(number: converted, text: written.text)
        }
        let shown = unit.isEmpty ? "no unit" : "the unit \"\(unit)\""
        diagnostics.error(
            at: written.location,
            "\"\(number.formatted(negative: .minus))\(writtenUnit)\" does not fit the KPI, which has \(shown)",
            hint: "write the number in \(unit.isEmpty ? "the KPI's unit" : unit); "
                + "if the document gives a wording rather than a number (「80%台」), write it as text:")
        return nil
    }
}

/// Resolves grade codes on a plan's scale, or on a status axis's, accepting full-width letters (Ｓ → S).
struct GradeResolver {
    let grades: GradeScale
    /// The plan's states, named in the hint where they may be used too (an item's yearly result).
    var states: GradeScale = GradeScale([])
    /// The status axis whose scale `grades` is, named in messages; nil for the plan's own scale.
    var axis: String? = nil

    /// Where a yearly result's grade goes: a state the plan declares beside its scale (対象外 …) may
    /// stand where a grade would. Nil when the code is neither (reported). `cell` names the sheet's
    /// cell the code was read from (「cell E3 (細目の評価)」), before the message.
    func gradeOrState(_ code: Located<String>, cell: String? = nil, diagnostics: inout Diagnostics) -> (grade: Int?, state: Int?)? {
        if let state = states.index(of: WidthNormalization.fold(code.value)) { return (nil, state) }
        return resolve(code, cell: cell, diagnostics: &diagnostics).map { ($0, nil) }
    }

    func resolve(_ code: Located<String>, cell: String? = nil, diagnostics: inout Diagnostics) -> Int? {
        let folded = WidthNormalization.fold(code.value)
        if let index = grades.index(of: folded) { return index }
        let prefix = cell.map { "\($0): " } ?? ""
        if grades.isEmpty {
            diagnostics.error(
                at: code.location, prefix + "grade \"\(code.value)\" given, but the plan has no grading scale",
                hint: "add grades: to the plan's _index.md, e.g. - {code: A, label: 概ね計画どおり}")
        } else {
            let scale = axis.map { "the scale of the status axis 「\($0)」" } ?? "the plan's scale"
            diagnostics.error(
                at: code.location,
                prefix + "grade \"\(code.value)\" is not on \(scale) (\(grades.codes.joined(separator: ", ")))",
                hint: "use one of " + (grades.grades + states.grades).map { $0.hasCode ? "\($0.code) (\($0.label))" : $0.label }
                    .joined(separator: ", "))
        }
        return nil
    }
}
