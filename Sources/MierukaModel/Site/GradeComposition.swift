import MierukaDiagnostics

/// How a printed grade was reached, in the report's words (佐渡市's committee: 「委員個々の評価を
/// 平均化」), and the members' own grades behind it where the report prints them. Only the printed
/// grade is the result's grade: the members' grades are shown beside it and kept in the downloads,
/// never counted in a distribution, a share or a comparison.
package struct GradeComposition: Sendable, Hashable {
    /// The report's words on how the grade was reached; nil when it prints only the members' grades.
    package let method: String?
    /// The members' grades in the order the report prints them; empty when it prints none.
    package let members: [MemberGrade]

    package init(method: String?, members: [MemberGrade]) {
        self.method = method
        self.members = members
    }
}

/// One member's grade behind a printed one: on the same scale as the printed grade.
package struct MemberGrade: Sendable, Hashable {
    /// The member as the report names them (「A委員」); nil when the report prints the grades without names.
    package let member: String?
    /// Index on the scale of the grade it stands behind (the plan's, or the status axis's).
    package let grade: Int

    package init(member: String?, grade: Int) {
        self.member = member
        self.grade = grade
    }
}

/// A member's grade as written: `B`, or `{member: A委員, grade: B}`.
package struct MemberGradeDocument: Sendable {
    package let member: Located<String>?
    package let grade: Located<String>

    package init(member: Located<String>?, grade: Located<String>) {
        self.member = member
        self.grade = grade
    }
}

/// `grading:` and `member_grades:` as written beside a grade (in a result, or a value on a status axis).
package struct GradeCompositionDocument: Sendable {
    package let method: Located<String>?
    package let members: [MemberGradeDocument]
    /// Where the keys are written, for an error when there is no grade beside them.
    package let location: SourceLocation

    package init(method: Located<String>?, members: [MemberGradeDocument], location: SourceLocation) {
        self.method = method
        self.members = members
        self.location = location
    }
}
