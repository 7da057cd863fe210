import MierukaDiagnostics
import MierukaModel

/// Checks `grading:` and `member_grades:` beside a grade: there must be a grade (not a state) for
/// them to stand behind, and each member's grade must be on the same scale as the printed grade.
/// Each problem is an error where it is written; nil then (the printed grade stays as it is).
struct GradeCompositionResolver {
    /// The scale of the printed grade: the plan's, or a status axis's.
    let grades: GradeScale
    /// The status axis the grade is on, named in messages; nil for the plan's own grades.
    var axis: String? = nil

    func resolve(
        _ written: GradeCompositionDocument?, grade: Int?, state: Int?, diagnostics: inout Diagnostics
    ) -> GradeComposition? {
        guard let written else { return nil }
        let whose = axis.map { "the value on the status axis 「\($0)」" } ?? "the result"
        guard grade != nil else {
            diagnostics.error(
                at: written.location,
                "\(whose) says how its grade was reached (grading:, member_grades:), but "
                    + (state != nil ? "gives a state, not a grade" : "gives no grade"),
                hint: "write the grade the report prints (grade:) beside them; the members' grades stand behind that grade and are never counted themselves")
            return nil
        }
        var members: [MemberGrade] = []
        var ok = true
        let resolver = GradeResolver(grades: grades, axis: axis)
        for member in written.members {
            guard let index = resolver.resolve(member.grade, cell: "member_grades", diagnostics: &diagnostics) else {
                ok = false
                continue
            }
            members.append(MemberGrade(member: member.member?.value, grade: index))
        }
        guard ok else { return nil }
        return GradeComposition(method: written.method?.value, members: members)
    }
}
