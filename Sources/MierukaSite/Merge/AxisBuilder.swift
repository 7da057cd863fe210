import MierukaDiagnostics
import MierukaModel

/// Builds a plan's status axes (`axes:`) from their documents: each axis named, once, with a scale
/// checked as the plan's own `grades:` are (each grade once, codes for all or none, states not
/// spelt like grades, a share of some grades only).
struct AxisBuilder {
    let planSlug: String

    func build(_ documents: [AxisDocument], grades planGrades: GradeScale, diagnostics: inout Diagnostics) -> [StatusAxis] {
        var axes: [StatusAxis] = []
        var seen: [String: SourceLocation] = [:]
        for document in documents {
            // A missing name is reported where the axis is read.
            guard let name = document.name else { continue }
            let key = document.id ?? name
            var clash = false
            for written in Set([key, name].map { WidthNormalization.fold($0.value) }).sorted() {
                if let first = seen[written] {
                    diagnostics.error(
                        at: (written == WidthNormalization.fold(name.value) ? name : key).location,
                        "the status axis \"\(written)\" is declared twice",
                        hint: "the first is at \(first); give each axis its own name and id")
                    clash = true
                }
            }
            if clash { continue }
            for written in [key, name] { seen[WidthNormalization.fold(written.value)] = written.location }
            if let id = document.id, !URLSlug.isValid(id.value) {
                diagnostics.error(
                    at: id.location, "the status axis id \"\(id.value)\" cannot be used in a page's anchors",
                    hint: "write the id with letters, digits and hyphens (e.g. id: start), or leave it out and name the axis in results by its name")
                continue
            }
            let what = "the status axis 「\(name.value)」"
            let grades = ScaleBuilder.grades(document.grades, ranked: document.ranked, of: what, diagnostics: &diagnostics)
            guard !grades.isEmpty else { continue }
            let states = ScaleBuilder.states(document.states, grades: grades, diagnostics: &diagnostics)
            var axis = StatusAxis(
                key: WidthNormalization.fold(key.value), name: name.value, grades: grades, states: states,
                gradeShare: ScaleBuilder.share(document.gradeShare, grades: grades, axis: name.value, diagnostics: &diagnostics),
                gradedBy: document.gradedBy?.value, columns: document.columns.map(\.value), location: document.location)
            if let heading = document.statesHeading?.value { axis.statesHeading = heading }
            axes.append(axis)
        }
        return axes
    }
}

/// The scale checks shared by a plan's grades and its axes' scales.
enum ScaleBuilder {
    /// - Parameter what: the axis, named in messages (「on the axis 着手状況」); nil for the plan's own grades.
    static func grades(_ documents: [GradeDocument], ranked: Bool, of what: String?, diagnostics: inout Diagnostics) -> GradeScale {
        var seen: [String: SourceLocation] = [:]
        var grades: [Grade] = []
        var hasCodes = false
        var hasWords = false
        for grade in documents {
            let written = grade.code ?? grade.label
            let key = WidthNormalization.fold(written.value)
            if let first = seen[key] {
                diagnostics.error(
                    at: written.location, "the grade \"\(key)\" is listed twice" + (what.map { " on \($0)" } ?? ""),
                    hint: "the first is at \(first); list each grade once, best first")
                continue
            }
            if grade.code != nil { hasCodes = true } else { hasWords = true }
            seen[key] = written.location
            grades.append(grade.code != nil ? Grade(code: key, label: grade.label.value) : Grade(word: grade.label.value, key: key))
            grades[grades.count - 1].definition = grade.definition
        }
        if hasCodes, hasWords, let first = documents.first(where: { $0.code == nil }) {
            let owner = what.map { " of \($0)" } ?? ""
            diagnostics.error(
                at: first.location,
                "the grade \"\(first.label.value)\"\(owner) has no code, but others of \(what == nil ? "the" : "its") scale have one",
                hint: "give every grade a code (as the plan's table does), or none when \(what == nil ? "the plan grades" : "it grades") in words only")
        }
        return GradeScale(grades, isRanked: ranked)
    }

    static func states(_ documents: [GradeDocument], grades: GradeScale, diagnostics: inout Diagnostics) -> GradeScale {
        var seen: [String: SourceLocation] = [:]
        var states: [Grade] = []
        for state in documents {
            let written = state.code ?? state.label
            let key = WidthNormalization.fold(written.value)
            if grades.index(of: key) != nil {
                diagnostics.error(
                    at: written.location, "\"\(key)\" is both a grade and a state",
                    hint: "a state (対象外, 未到来 …) is what an item is instead of graded; give it a name of its own")
                continue
            }
            if let first = seen[key] {
                diagnostics.error(at: written.location, "the state \"\(key)\" is listed twice", hint: "the first is at \(first)")
                continue
            }
            seen[key] = written.location
            states.append(state.code != nil ? Grade(code: key, label: state.label.value) : Grade(word: state.label.value, key: key))
            states[states.count - 1].definition = state.definition
        }
        return GradeScale(states)
    }

    /// - Parameter axis: the status axis whose scale `grades` is, named in messages; nil for the plan's.
    static func share(
        _ written: GradeShareDocument?, grades: GradeScale, axis: String? = nil, diagnostics: inout Diagnostics
    ) -> GradeShare? {
        guard let written, let label = written.label else { return nil }
        var indices: [Int] = []
        for code in written.grades {
            guard let index = GradeResolver(grades: grades, axis: axis).resolve(code, diagnostics: &diagnostics) else { return nil }
            if indices.contains(index) {
                diagnostics.error(at: code.location, "the grade share names \"\(code.value)\" twice", hint: "name each grade once")
                return nil
            }
            indices.append(index)
        }
        if indices.count == grades.count {
            diagnostics.error(
                at: written.location, "the grade share names every grade of the scale",
                hint: "a share of all the grades says nothing; list only the grades the city's report counts together")
            return nil
        }
        return GradeShare(grades: indices.sorted(), label: label.value)
    }
}

extension ResultApplier {
    /// A result's values on the plan's axes, each on its axis's scale (or one of its states). Nil
    /// when any is wrong (each reported where it is written), so that no partial result is kept.
    func axisValues(_ result: ResultDocument, diagnostics: inout Diagnostics) -> [AxisValue]? {
        guard !result.axes.isEmpty else { return [] }
        guard !axes.isEmpty else {
            diagnostics.error(
                at: result.axes[0].axis.location, "the plan \(planSlug) declares no status axes, but the result gives \"\(result.axes[0].axis.value)\"",
                hint: "declare the plan's axes under axes: in content/\(planSlug)/_index.md (name and grades of each), or give the grade as grade:")
            return nil
        }
        var values: [AxisValue] = []
        var given: [Int: SourceLocation] = [:]
        var ok = true
        for written in result.axes {
            let wanted = WidthNormalization.fold(written.axis.value)
            guard let index = axes.firstIndex(where: { $0.key == wanted })
                ?? axes.firstIndex(where: { WidthNormalization.fold($0.name) == wanted })
            else {
                var hint = "the axes of \(planSlug) are " + axes.map { $0.key == $0.name ? "「\($0.name)」" : "\($0.key)（\($0.name)）" }
                    .joined(separator: ", ")
                if let suggestion = Suggestion.closest(to: wanted, in: axes.map(\.key) + axes.map(\.name)) {
                    hint = "did you mean \"\(suggestion)\"? " + hint
                }
                diagnostics.error(
                    at: written.axis.location, "the plan \(planSlug) has no status axis \"\(written.axis.value)\"", hint: hint)
                ok = false
                continue
            }
            if let first = given[index] {
                diagnostics.error(
                    at: written.axis.location, "the status axis 「\(axes[index].name)」 is given twice for the same result",
                    hint: "the other is at \(first); keep one value per axis, item and year")
                ok = false
                continue
            }
            given[index] = written.axis.location
            guard let code = written.grade else { continue }
            let axis = axes[index]
            let folded = WidthNormalization.fold(code.value)
            let composition = GradeCompositionResolver(grades: axis.grades, axis: axis.name)
            if let state = axis.states.index(of: folded) {
                _ = composition.resolve(written.composition, grade: nil, state: state, diagnostics: &diagnostics)
                values.append(AxisValue(axis: index, grade: nil, state: state, gradedBy: written.gradedBy?.value))
            } else if let grade = axis.grades.index(of: folded) {
                values.append(
                    AxisValue(
                        axis: index, grade: grade, state: nil, gradedBy: written.gradedBy?.value,
                        composition: composition.resolve(written.composition, grade: grade, state: nil, diagnostics: &diagnostics)))
            } else {
                diagnostics.error(
                    at: code.location,
                    "\"\(code.value)\" is not on the scale of the status axis 「\(axis.name)」 (\(axis.grades.grades.map(\.shortName).joined(separator: ", ")))",
                    hint: "use one of " + (axis.grades.grades + axis.states.grades).map(\.spelledOut).joined(separator: ", ")
                        + "; each axis has its own scale")
                ok = false
            }
        }
        return ok ? values.sorted { $0.axis < $1.axis } : nil
    }
}
