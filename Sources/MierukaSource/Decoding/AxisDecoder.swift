import MierukaDiagnostics
import MierukaModel

/// Reads a plan's `axes:` and a result's values on them.
enum AxisDecoder {
    static let axisKeys = ["id", "name", "grades", "states", "states_heading", "grade_order", "grade_share", "graded_by", "columns"]
    static let valueKeys = ["grade", "graded_by"] + GradeCompositionDecoder.keys

    /// `axes:` of a plan's front matter.
    static func decode(_ reader: MappingReader, diagnostics: inout Diagnostics) -> [AxisDocument] {
        reader.list("axes", diagnostics: &diagnostics).compactMap { node in
            guard let axis = MappingReader(node, what: "a status axis", knownKeys: axisKeys, diagnostics: &diagnostics)
            else { return nil }
            let name = axis.text("name", diagnostics: &diagnostics)
            if name == nil {
                diagnostics.error(
                    at: axis.location, "a status axis has no \"name\"",
                    hint: "name the axis as the plan's report does, e.g. name: 着手状況 (pages show it above the axis's tables)")
            }
            let grades = PlanDecoder.decodeGrades(axis, diagnostics: &diagnostics)
            if grades.isEmpty, !axis.has("grades") {
                diagnostics.error(
                    at: axis.location, "\(name.map { "the status axis 「\($0.value)」" } ?? "a status axis") has no \"grades\"",
                    hint: "list the axis's own scale, best first when the plan ranks it, e.g. grades: [未着手, 取組中, 完了]")
            }
            let states = PlanDecoder.decodeGrades(axis, key: "states", what: "a state", diagnostics: &diagnostics)
            var document = AxisDocument(
                id: axis.text("id", diagnostics: &diagnostics), name: name, grades: grades,
                states: states,
                ranked: axis.choice("grade_order", [("best_first", true)], diagnostics: &diagnostics) ?? false,
                gradeShare: PlanDecoder.decodeGradeShare(axis, diagnostics: &diagnostics),
                gradedBy: axis.text("graded_by", diagnostics: &diagnostics),
                columns: axis.textList("columns", diagnostics: &diagnostics), location: axis.location)
            document.statesHeading = PlanDecoder.decodeStatesHeading(axis, states: states, diagnostics: &diagnostics)
            return document
        }
    }

    /// `axes:` of a result: `{着手状況: 完了, 達成度: {grade: B, graded_by: 委員会評価}}`.
    static func values(_ node: YAMLNode, diagnostics: inout Diagnostics) -> [AxisValueDocument] {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(
                at: node.location, "\"axes\" in a result should name the plan's status axes and their grades",
                hint: "write axes: {着手状況: 完了, 達成度: 一部達成}, each axis by its name or id")
            return []
        }
        return mapping.entries.compactMap { entry in
            let axis = Located(entry.key.text, at: entry.key.location)
            switch entry.value {
            case .scalar(let scalar):
                let text = scalar.text.trimmingWhitespace()
                guard !scalar.isNull, !text.isEmpty else {
                    diagnostics.error(
                        at: entry.key.location, "the status axis \"\(axis.value)\" is given no grade",
                        hint: "write its grade (e.g. \(axis.value): 完了), or leave the axis out")
                    return nil
                }
                return AxisValueDocument(
                    axis: axis, grade: Located(text, at: scalar.location), gradedBy: nil, location: entry.key.location)
            case .mapping, .sequence:
                guard
                    let reader = MappingReader(
                        entry.value, what: "the value on the status axis \"\(axis.value)\"", knownKeys: valueKeys,
                        diagnostics: &diagnostics)
                else { return nil }
                let grade = reader.text("grade", diagnostics: &diagnostics)
                if grade == nil {
                    diagnostics.error(
                        at: reader.location, "the status axis \"\(axis.value)\" is given no grade",
                        hint: "write {grade: B, graded_by: 委員会評価}")
                    return nil
                }
                var value = AxisValueDocument(
                    axis: axis, grade: grade, gradedBy: reader.text("graded_by", diagnostics: &diagnostics),
                    location: entry.key.location)
                value.composition = GradeCompositionDecoder.decode(reader, diagnostics: &diagnostics)
                return value
            }
        }
    }
}
