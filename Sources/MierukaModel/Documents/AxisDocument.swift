import MierukaDiagnostics

/// A status axis as a plan declares it under `axes:`.
package struct AxisDocument: Sendable {
    /// `id:`: how results name the axis when not by its name (ASCII, short).
    package let id: Located<String>?
    /// `name:`: the plan's own name for the axis (「着手状況」).
    package let name: Located<String>?
    package let grades: [GradeDocument]
    package let states: [GradeDocument]
    /// `states_heading:`: the report's own heading over this axis's states, as written.
    package var statesHeading: Located<String>? = nil
    /// `grade_order: best_first`.
    package let ranked: Bool
    package let gradeShare: GradeShareDocument?
    /// `graded_by:` (自己評価, 内部評価, 委員会評価 …), as the report says.
    package let gradedBy: Located<String>?
    /// `columns:`: further headers of a results sheet for this axis.
    package let columns: [Located<String>]
    package let location: SourceLocation

    package init(
        id: Located<String>?, name: Located<String>?, grades: [GradeDocument], states: [GradeDocument], ranked: Bool,
        gradeShare: GradeShareDocument?, gradedBy: Located<String>?, columns: [Located<String>], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.grades = grades
        self.states = states
        self.ranked = ranked
        self.gradeShare = gradeShare
        self.gradedBy = gradedBy
        self.columns = columns
        self.location = location
    }
}

/// A result's value on one axis as written (`axes: {着手状況: 完了}`, or
/// `{達成度: {grade: B, graded_by: 委員会評価}}`, or a CSV cell under the axis's column).
package struct AxisValueDocument: Sendable {
    /// The axis named by its id or its name.
    package let axis: Located<String>
    package let grade: Located<String>?
    package let gradedBy: Located<String>?
    /// `grading:` and `member_grades:` beside the value's grade.
    package var composition: GradeCompositionDocument? = nil
    package let location: SourceLocation

    package init(axis: Located<String>, grade: Located<String>?, gradedBy: Located<String>?, location: SourceLocation) {
        self.axis = axis
        self.grade = grade
        self.gradedBy = gradedBy
        self.location = location
    }
}
