import MierukaDiagnostics
import MierukaModel

/// Ties a published achievement count to the plan's grades where the plan says which it counts
/// (大田原市 第1次: 「完了及び順調」 is `grades: [A, B]`): each named grade must be on the plan's
/// scale, once. The count itself stays as published; nothing is derived from the grades here.
struct AchievementGradeResolver {
    let grades: GradeScale

    func resolve(_ reported: ReportedFigures, diagnostics: inout Diagnostics) -> ReportedFigures {
        var resolved = reported
        for countIndex in resolved.achievements.indices {
            for partIndex in resolved.achievements[countIndex].parts.indices {
                let part = resolved.achievements[countIndex].parts[partIndex]
                resolved.achievements[countIndex].parts[partIndex].grades = positions(part, diagnostics: &diagnostics)
            }
        }
        return resolved
    }

    /// The part's grades in scale order; none when one is wrong (each error where it is written).
    private func positions(_ part: AchievementPart, diagnostics: inout Diagnostics) -> [Int] {
        var positions: [Int] = []
        var ok = true
        for code in part.writtenGrades {
            guard let position = GradeResolver(grades: grades).resolve(code, diagnostics: &diagnostics) else {
                ok = false
                continue
            }
            if positions.contains(position) {
                diagnostics.error(
                    at: code.location, "the count \"\(part.label)\" names the grade \"\(code.value)\" twice",
                    hint: "name each grade once")
                ok = false
                continue
            }
            positions.append(position)
        }
        return ok ? positions.sorted() : []
    }
}
